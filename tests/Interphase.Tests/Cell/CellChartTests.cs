using Interphase.Cell;
using Interphase.Transport;
using Interphase.Reporting;

namespace Interphase.Tests.Cell;

public class CellChartTests
{
    [Fact]
    public void SweepTableAndChart()
    {
        var cell = CellFile.Load(ExamplePaths.Cell("solid-llzo.yaml"));
        var reference = CellFile.Load(ExamplePaths.Cell("liquid-reference.yaml"));
        var pts = CellSweep.Run(cell, CellSweepParameter.SseDensity, [2, 3, 5], reference);
        var t = CellCharts.Table(CellSweepParameter.SseDensity, pts);
        Assert.Equal("sse_density_g_per_cm3", t.Columns[0]);
        Assert.Equal(5, t.Columns.Count);
        // Lighter electrolytes allow thicker separators (Figure 3b): LGPS-like 2 g/cm³ > LLZO 5 g/cm³.
        var be = t.Column("break_even_gravimetric_um");
        Assert.True(be[0] > be[1] && be[1] > be[2]);
        Assert.InRange(be[2], 41 * 0.95, 41 * 1.05);
        var chart = CellCharts.Energy(CellSweepParameter.SseDensity, [("llzo", pts)], CellEnergyModel.Evaluate(reference));
        Assert.Equal(2, chart.Series.Count);
        Assert.Equal(2, chart.HorizontalMarkers.Count);
    }

    [Fact]
    public void ArrheniusChart()
    {
        var m = ArrheniusModel.Through(298.15, 1e-3, 0.3);
        var data = new[] { 280.0, 300, 350 }.Select(t => new ConductivityPoint(t, m.ConductivitySPerCm(t))).ToList();
        var c = TransportCharts.Arrhenius("x", data, ("fit", m));
        Assert.True(c.LogY);
        Assert.Equal(1000 / 280.0, c.Series[0].X[0], 9);
        Assert.Equal(2, c.Series.Count);
    }
}
