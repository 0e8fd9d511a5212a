using Interphase.Anode;
using Interphase.Anode.Interphases;
using Interphase.Cell;
using Interphase.Reporting;

namespace Interphase.Tests.Anode;

public class AnodeChartTests
{
    [Fact]
    public void CriticalCurrentSweepHasOneSeriesPerTemperature()
    {
        var (table, chart) = AnodeCharts.CriticalCurrent(SweepTable.Linspace(0, 20, 11), [298.15, 333.15]);
        Assert.Equal(2, chart.Series.Count);
        Assert.Equal(22, table.Rows.Count);
        Assert.True(chart.LogY);
        Assert.True(table.Rows.Single(r => Math.Abs(r[0] - 6) < 1e-9 && r[1] == 298.15)[4] < 1.0);   // below 7 MPa the 1 mA/cm² balance is not reached
    }

    [Fact]
    public void ContactAngleAndConstrictionCharts()
    {
        var (t, c) = AnodeCharts.ContactAngle([0.10, 0.67]);
        Assert.InRange(t.Column("contact_angle_deg")[0], 140.5, 143.5);
        Assert.Single(c.Series);
        var (ct, cc) = AnodeCharts.ConstrictionAsr([0.5, 1, 2, 5, 10], 4e-4);
        Assert.Equal(5, ct.Rows.Count);
        Assert.Equal(3, cc.Series[0].X.Length);       // full-contact points are left off the log-log chart
        Assert.Equal(0, ct.Column("asr_ohm_cm2")[4]);
    }

    [Fact]
    public void GrowthChartAndCsv()
    {
        var (t, c) = AnodeCharts.Growth(new GrowthParameters(GrowthLaw.Parabolic, 100, 1e-7, FailureAsrOhmCm2: 200), 100, 11);
        Assert.Equal(100, t.Column("asr_ohm_cm2")[10], 9);
        Assert.Single(c.HorizontalMarkers);
        var w = new StringWriter();
        t.WriteCsv(w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("time_h,thickness_nm,asr_ohm_cm2", lines[0]);
        Assert.Equal(12, lines.Length);
    }
}
