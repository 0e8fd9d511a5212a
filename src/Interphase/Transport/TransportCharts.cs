using Interphase.Cell;
using Interphase.Reporting;
using Interphase.Quantities;

namespace Interphase.Transport;

/// <summary>Arrhenius plots (log σ against 1000/T) of data and fitted models.</summary>
public static class TransportCharts
{
    /// <summary>Data as markers and each model as a line over the data's temperature range (σ in S/cm, log axis).</summary>
    public static Chart Arrhenius(string title, IReadOnlyList<ConductivityPoint> data, params (string Name, IConductivityModel Model)[] models)
    {
        var chart = new Chart { Title = title, XLabel = "1000/T (1/K)", YLabel = "σ (S/cm)", LogY = true };
        chart.Series.Add(new Series("data", data.Select(p => 1000.0 / p.TemperatureK).ToArray(),
            data.Select(p => p.ConductivitySPerCm).ToArray(), SeriesStyle.Markers));
        double tLo = data.Min(p => p.TemperatureK), tHi = data.Max(p => p.TemperatureK);
        foreach (var (name, model) in models)
        {
            var ts = SweepTable.Linspace(tLo, tHi, 60);
            chart.Series.Add(new Series(name, ts.Select(t => 1000.0 / t).ToArray(), ts.Select(model.ConductivitySPerCm).ToArray()));
        }
        return chart;
    }

    /// <summary>Model conductivity over a temperature range as a table (temperature_c, temperature_k, conductivity_s_per_cm).</summary>
    public static SweepTable Table(IConductivityModel model, double fromK, double toK, int steps)
    {
        var t = new SweepTable("temperature_c", "temperature_k", "conductivity_s_per_cm");
        foreach (var k in SweepTable.Linspace(fromK, toK, steps))
            t.Add(k - PhysicalConstants.ZeroCelsiusK, k, model.ConductivitySPerCm(k));
        return t;
    }
}
