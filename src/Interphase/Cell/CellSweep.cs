namespace Interphase.Cell;

/// <summary>The design parameter varied by a <see cref="CellSweep"/>.</summary>
public enum CellSweepParameter
{
    /// <summary>Separator thickness, µm.</summary>
    SeparatorThickness,
    /// <summary>Cathode active-material loading, mg/cm² (a fixed cathode thickness scales with it).</summary>
    Loading,
    /// <summary>Solid-electrolyte density, g/cm³ (separator and the cathode's fill component).</summary>
    SseDensity,
}

/// <summary>One point of a sweep.</summary>
/// <param name="Value">Swept parameter value (µm, mg/cm² or g/cm³).</param>
/// <param name="SpecificEnergyWhPerKg">E_S, Wh/kg.</param>
/// <param name="EnergyDensityWhPerL">E_V, Wh/L.</param>
/// <param name="BreakEven">Break-even thicknesses against the reference, when one was given.</param>
public sealed record CellSweepPoint(double Value, double SpecificEnergyWhPerKg, double EnergyDensityWhPerL, BreakEvenResult? BreakEven);

/// <summary>The sweep of one cell (<c>cell sweep --json</c>: one per cell file).</summary>
/// <param name="Cell">Cell name.</param>
/// <param name="Parameter">Column name of the swept parameter with its unit (<c>separator_um</c>, <c>loading_mg_per_cm2</c>, <c>sse_density_g_per_cm3</c>).</param>
/// <param name="Points">The points, in sweep order.</param>
public sealed record CellSweepRun(string Cell, string Parameter, IReadOnlyList<CellSweepPoint> Points);

/// <summary>Sweeps one design parameter of a cell (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Fig. 3b–f).</summary>
public static class CellSweep
{
    /// <summary>The cell with one parameter set to <paramref name="value"/>.</summary>
    /// <remarks>
    /// Loading: the active loading changes and a fixed cathode thickness (fill mode) scales in proportion, so the
    /// composition stays as it was (the review: "BET is a linear function of the active material loading and thus the
    /// cathode thickness"). SSE density: the separator's density and that of the cathode's fill component change.
    /// </remarks>
    public static CellSpec With(CellSpec cell, CellSweepParameter parameter, double value)
    {
        switch (parameter)
        {
            case CellSweepParameter.SeparatorThickness:
                return BreakEven.WithSeparator(cell, value);
            case CellSweepParameter.Loading:
            {
                double old = cell.Cathode.LoadingMgPerCm2 ?? throw new InterphaseException("cathode.loading_mg_per_cm2 is required");
                double? thickness = cell.Cathode.ThicknessUm is { } t ? t * value / old : null;
                return cell with { Cathode = cell.Cathode with { LoadingMgPerCm2 = value, ThicknessUm = thickness } };
            }
            case CellSweepParameter.SseDensity:
            {
                var components = cell.Cathode.Components
                    .Select(c => c.Fill ? c with { DensityGPerCm3 = value } : c).ToList();
                return cell with
                {
                    Cathode = cell.Cathode with { Components = components },
                    Separator = cell.Separator with { DensityGPerCm3 = value },
                };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(parameter));
        }
    }

    /// <summary>Evaluates the cell at each value, with break-even thicknesses when <paramref name="reference"/> is given.</summary>
    public static IReadOnlyList<CellSweepPoint> Run(CellSpec cell, CellSweepParameter parameter, IEnumerable<double> values,
        CellSpec? reference = null)
    {
        var refEnergy = reference is null ? null : CellEnergyModel.Evaluate(reference);
        var points = new List<CellSweepPoint>();
        foreach (var v in values)
        {
            var c = With(cell, parameter, v);
            var e = CellEnergyModel.Evaluate(c);
            points.Add(new CellSweepPoint(v, e.SpecificEnergyWhPerKg, e.EnergyDensityWhPerL,
                refEnergy is null ? null : BreakEven.Solve(c, refEnergy)));
        }
        return points;
    }
}
