namespace Interphase.Impedance;

/// <summary>What an arc is attributed to, by its capacitance (Irvine, Sinclair and West, Adv. Mater. 2, 132 (1990), Table 1).</summary>
public enum ArcOrigin
{
    /// <summary>Bulk (grain interior), ~1e-12 F.</summary>
    Bulk,
    /// <summary>Grain boundary, 1e-11 to 1e-8 F.</summary>
    GrainBoundary,
    /// <summary>Surface layer (interphase, reaction layer), 1e-9 to 1e-7 F.</summary>
    SurfaceLayer,
    /// <summary>Sample–electrode interface (double layer, charge transfer), 1e-7 to 1e-5 F.</summary>
    ElectrodeInterface,
    /// <summary>Electrochemical reaction / diffusion, ~1e-4 F and above.</summary>
    ElectrochemicalReaction,
}

/// <summary>One resistance of a fitted circuit expressed as users report it.</summary>
/// <param name="Name">Resistor parameter name (<c>R1</c>).</param>
/// <param name="ResistanceOhm">Fitted resistance (Ω).</param>
/// <param name="ErrorOhm">Standard error (Ω).</param>
/// <param name="AsrOhmCm2">Area-specific resistance R·A (Ω·cm²), when an area is given.</param>
/// <param name="InterfaceAsrOhmCm2">For a symmetric cell, the ASR of one interface, R·A/2 (Ω·cm²).</param>
/// <param name="ConductivitySPerCm">Conductivity L/(R·A) (S/cm) as if this resistance alone spanned the sample, when thickness and area are given.</param>
public sealed record ResistanceReport(string Name, double ResistanceOhm, double ErrorOhm, double? AsrOhmCm2,
    double? InterfaceAsrOhmCm2, double? ConductivitySPerCm);

/// <summary>An arc (a resistor in parallel with a capacitor or CPE) with its capacitance and attribution.</summary>
/// <param name="Resistor">Name of the arc's resistor.</param>
/// <param name="Capacitor">Name of the arc's C or CPE.</param>
/// <param name="ResistanceOhm">Arc resistance (Ω).</param>
/// <param name="CapacitanceF">Capacitance (F): C itself, or for a CPE the Hsu–Mansfeld effective capacitance Q^(1/α) R^((1−α)/α).</param>
/// <param name="BrugCapacitanceF">For a CPE, Brug's surface-distribution capacitance Q^(1/α) (1/R_s + 1/R)^((α−1)/α) with the series resistance R_s; null for C.</param>
/// <param name="SpecificCapacitanceF">Capacitance scaled to a cell constant of 1 cm⁻¹, C·L/A (F), compared with the published ranges.</param>
/// <param name="PeakFrequencyHz">Apex frequency 1/(2π τ), τ = (RQ)^(1/α) or RC (Hz).</param>
/// <param name="Origin">Attributed origin.</param>
/// <param name="Reasoning">Why, in words.</param>
public sealed record ArcReport(string Resistor, string Capacitor, double ResistanceOhm, double CapacitanceF, double? BrugCapacitanceF,
    double SpecificCapacitanceF, double PeakFrequencyHz, ArcOrigin Origin, string Reasoning);

/// <summary>Resistances and arcs of a fit in the units researchers report.</summary>
public sealed record InterfaceReport(IReadOnlyList<ResistanceReport> Resistances, IReadOnlyList<ArcReport> Arcs,
    double? TotalConductivitySPerCm, double? BulkConductivitySPerCm);

/// <summary>
/// Turns a fit into interfacial numbers: ASR (Ω·cm²) from the electrode area, conductivity (S/cm) from thickness and
/// area, effective capacitance of CPE arcs (Hsu–Mansfeld; Brug with the series resistance) and each arc's origin
/// from its capacitance per Irvine, Sinclair and West (1990).
/// </summary>
public static class FitInterpretation
{
    /// <summary>Capacitance ranges (F, cell constant 1 cm⁻¹): upper bounds of each origin, in order.</summary>
    public static readonly IReadOnlyList<(double UpperF, ArcOrigin Origin, string Range)> Ranges =
    [
        (1e-11, ArcOrigin.Bulk, "~1e-12 F (bulk)"),
        (1e-9, ArcOrigin.GrainBoundary, "1e-11 to 1e-8 F (grain boundary)"),
        (1e-7, ArcOrigin.SurfaceLayer, "1e-9 to 1e-7 F (surface layer)"),
        (1e-5, ArcOrigin.ElectrodeInterface, "1e-7 to 1e-5 F (sample-electrode interface)"),
        (double.PositiveInfinity, ArcOrigin.ElectrochemicalReaction, "~1e-4 F (electrochemical reaction)"),
    ];

    /// <summary>Analyses a fit.</summary>
    /// <param name="fit">The circuit fit (impedances in Ω, not area-normalised).</param>
    /// <param name="areaCm2">Electrode area (cm²), optional.</param>
    /// <param name="thicknessUm">Sample thickness (µm), optional.</param>
    /// <param name="symmetric">Symmetric cell (Li|SE|Li): each interface contributes half of an interface arc.</param>
    public static InterfaceReport Analyse(FitResult fit, double? areaCm2 = null, double? thicknessUm = null, bool symmetric = false)
    {
        if (areaCm2 is { } a0 && !(a0 > 0)) throw new ImpedanceException($"electrode area must be positive, got {a0} cm²");
        if (thicknessUm is { } t0 && !(t0 > 0)) throw new ImpedanceException($"thickness must be positive, got {t0} µm");
        if (thicknessUm is not null && areaCm2 is null) throw new ImpedanceException("a thickness gives a conductivity only with the electrode area: give the area too");
        double? lengthCm = thicknessUm * 1e-4;
        var p = fit.Parameters;
        var resistors = fit.Circuit.Elements.Where(e => e.Type is Resistor).ToList();
        var reports = resistors.Select(r =>
        {
            double rv = p[r.ParameterStart];
            double? asr = areaCm2 * rv;
            return new ResistanceReport(r.Name, rv, fit.Errors[r.ParameterStart], asr, symmetric ? asr / 2 : null,
                lengthCm is { } l && areaCm2 is { } a ? l / (rv * a) : null);
        }).ToList();

        var top = fit.Circuit.Root is SeriesNode sn ? sn.Children : [fit.Circuit.Root];
        double rSeries = top.OfType<ElementNode>().Where(e => e.Type is Resistor).Sum(e => p[e.ParameterStart]);
        double cellConstant = lengthCm is { } lc && areaCm2 is { } ac ? lc / ac : 1;
        var arcs = new List<ArcReport>();
        foreach (var node in top.OfType<ParallelNode>())
        {
            var r = node.Children.OfType<ElementNode>().FirstOrDefault(e => e.Type is Resistor);
            var c = node.Children.OfType<ElementNode>().FirstOrDefault(e => e.Type is Capacitor or Cpe);
            if (r is null || c is null) continue;
            double rv = p[r.ParameterStart];
            double cap, tau;
            double? brug = null;
            if (c.Type is Capacitor) { cap = p[c.ParameterStart]; tau = rv * cap; }
            else
            {
                double q = p[c.ParameterStart], alpha = p[c.ParameterStart + 1];
                cap = Math.Pow(q, 1 / alpha) * Math.Pow(rv, (1 - alpha) / alpha);
                tau = Math.Pow(rv * q, 1 / alpha);
                if (rSeries > 0) brug = Math.Pow(q, 1 / alpha) * Math.Pow(1 / rSeries + 1 / rv, (alpha - 1) / alpha);
            }
            double specific = cap * cellConstant;
            var (_, origin, range) = Ranges.First(x => specific < x.UpperF);
            string how = c.Type is Capacitor ? $"C = {cap:G3} F" : $"C_eff = Q^(1/α)·R^((1-α)/α) = {cap:G3} F (Hsu-Mansfeld)";
            string scaled = lengthCm is not null && areaCm2 is not null
                ? $", ×L/A = {cellConstant:G3} cm⁻¹ gives {specific:G3} F"
                : " (no thickness/area: cell constant taken as 1 cm⁻¹)";
            arcs.Add(new ArcReport(r.Name, c.Name, rv, cap, brug, specific, 1 / (2 * Math.PI * tau), origin,
                $"{how}{scaled}; within {range} per Irvine, Sinclair & West (1990)"));
        }

        double? total = null, bulk = null;
        if (lengthCm is { } len && areaCm2 is { } area)
        {
            var bulkArcs = arcs.Where(x => x.Origin == ArcOrigin.Bulk).ToList();
            var gbArcs = arcs.Where(x => x.Origin == ArcOrigin.GrainBoundary).ToList();
            if (bulkArcs.Count > 0)
            {
                double rb = bulkArcs.Sum(x => x.ResistanceOhm);
                bulk = len / (rb * area);
                total = len / ((rb + gbArcs.Sum(x => x.ResistanceOhm)) * area);
            }
        }
        return new InterfaceReport(reports, arcs, total, bulk);
    }
}
