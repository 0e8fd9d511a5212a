using Interphase.Reporting;

namespace Interphase.Cell;

/// <summary>Tables and charts of cell sweeps (Wu et al. 2016, Figure 3).</summary>
public static class CellCharts
{
    /// <summary>Column name and axis label of a sweep parameter.</summary>
    public static (string Column, string Label) Describe(CellSweepParameter p) => p switch
    {
        CellSweepParameter.SeparatorThickness => ("separator_um", "Separator thickness (µm)"),
        CellSweepParameter.Loading => ("loading_mg_per_cm2", "Active-material loading (mg/cm²)"),
        CellSweepParameter.SseDensity => ("sse_density_g_per_cm3", "Solid-electrolyte density (g/cm³)"),
        _ => throw new ArgumentOutOfRangeException(nameof(p)),
    };

    /// <summary>The sweep as a table: parameter, E_S, E_V and, when computed, break-even thicknesses.</summary>
    public static SweepTable Table(CellSweepParameter parameter, IReadOnlyList<CellSweepPoint> points)
    {
        bool be = points.Count > 0 && points[0].BreakEven is not null;
        var cols = new List<string> { Describe(parameter).Column, "specific_energy_wh_per_kg", "energy_density_wh_per_l" };
        if (be) cols.AddRange(["break_even_gravimetric_um", "break_even_volumetric_um"]);
        var t = new SweepTable(cols.ToArray());
        foreach (var p in points)
            t.Add(be
                ? [p.Value, p.SpecificEnergyWhPerKg, p.EnergyDensityWhPerL, p.BreakEven!.GravimetricUm, p.BreakEven.VolumetricUm]
                : [p.Value, p.SpecificEnergyWhPerKg, p.EnergyDensityWhPerL]);
        return t;
    }

    /// <summary>
    /// Energy densities of one or more cells against the swept parameter (E_S solid lines, E_V dashed markers),
    /// with the reference cell's values as horizontal lines when given.
    /// </summary>
    public static Chart Energy(CellSweepParameter parameter, IReadOnlyList<(string Name, IReadOnlyList<CellSweepPoint> Points)> cells,
        CellEnergy? reference = null)
    {
        var chart = new Chart
        {
            Title = "Cell-level energy density",
            XLabel = Describe(parameter).Label,
            YLabel = "E_S (Wh/kg), E_V (Wh/L)",
        };
        foreach (var (name, pts) in cells)
        {
            var x = pts.Select(p => p.Value).ToArray();
            chart.Series.Add(new Series($"{name} E_S", x, pts.Select(p => p.SpecificEnergyWhPerKg).ToArray()));
            chart.Series.Add(new Series($"{name} E_V", x, pts.Select(p => p.EnergyDensityWhPerL).ToArray(), SeriesStyle.LineAndMarkers));
        }
        if (reference is not null)
        {
            chart.HorizontalMarkers.Add((reference.SpecificEnergyWhPerKg, "reference E_S"));
            chart.HorizontalMarkers.Add((reference.EnergyDensityWhPerL, "reference E_V"));
        }
        return chart;
    }
}
