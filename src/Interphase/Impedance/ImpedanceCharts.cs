using System.Numerics;
using Interphase.Reporting;

namespace Interphase.Impedance;

/// <summary>The charts of one spectrum.</summary>
public enum ImpedanceChartKind
{
    /// <summary>−Z'' against Z' on equal axes.</summary>
    Nyquist,
    /// <summary>|Z| against frequency, log–log.</summary>
    Bode,
    /// <summary>−φ against frequency.</summary>
    Phase,
    /// <summary>Relative residuals of a circuit fit.</summary>
    Residuals,
    /// <summary>Relative residuals of the linear Kramers–Kronig test.</summary>
    Kk,
    /// <summary>Distribution of relaxation times (automatic λ).</summary>
    Drt,
}

/// <summary>Charts of spectra, fits, DRTs and batch trends, for <c>ChartRenderer</c>.</summary>
public static class ImpedanceCharts
{
    /// <summary>The chart of <paramref name="kind"/> for a spectrum and an optional fitted impedance at its frequencies.</summary>
    /// <exception cref="InterphaseException">Fit residuals asked without a fit.</exception>
    public static Chart Of(ImpedanceChartKind kind, ImpedanceSpectrum data, Complex[]? fit = null) => kind switch
    {
        ImpedanceChartKind.Nyquist => Nyquist(data, fit),
        ImpedanceChartKind.Bode => BodeMagnitude(data, fit),
        ImpedanceChartKind.Phase => BodePhase(data, fit),
        ImpedanceChartKind.Residuals => fit is null ? throw new InterphaseException("fit residuals need a fitted circuit") : FitResiduals(data, fit),
        ImpedanceChartKind.Kk => KramersKronigResiduals(data),
        _ => Drt(Impedance.Drt.Compute(data)),
    };

    /// <summary>Residuals of the linear Kramers–Kronig test, with the number of elements and μ in the title.</summary>
    public static Chart KramersKronigResiduals(ImpedanceSpectrum data)
    {
        var kk = KramersKronig.Test(data);
        return Residuals(data.Frequency, kk.ResidualReal, kk.ResidualImag, $"Kramers–Kronig residuals (M = {kk.ElementCount}, μ = {kk.Mu:F2})");
    }

    static double[] NegImag(IEnumerable<Complex> z) => z.Select(v => -v.Imaginary).ToArray();

    /// <summary>Nyquist plot: −Z'' against Z' on equal axes, data as markers and an optional fit as a line.</summary>
    public static Chart Nyquist(ImpedanceSpectrum data, Complex[]? fit = null, string unit = "Ω")
    {
        var chart = new Chart
        {
            Title = $"Nyquist: {Path.GetFileName(data.Source ?? "spectrum")}",
            XLabel = $"Z' ({unit})", YLabel = $"−Z'' ({unit})", EqualAxes = true,
        };
        chart.Series.Add(new Series("data", data.Z.Select(z => z.Real).ToArray(), NegImag(data.Z), SeriesStyle.Markers));
        if (fit is not null) chart.Series.Add(new Series("fit", fit.Select(z => z.Real).ToArray(), NegImag(fit), SeriesStyle.Line));
        return chart;
    }

    /// <summary>Bode magnitude |Z| against frequency (log–log).</summary>
    public static Chart BodeMagnitude(ImpedanceSpectrum data, Complex[]? fit = null)
    {
        var chart = new Chart { Title = "Bode |Z|", XLabel = "f (Hz)", YLabel = "|Z| (Ω)", LogX = true, LogY = true };
        chart.Series.Add(new Series("data", data.Frequency, data.Z.Select(z => z.Magnitude).ToArray(), SeriesStyle.Markers));
        if (fit is not null) chart.Series.Add(new Series("fit", data.Frequency, fit.Select(z => z.Magnitude).ToArray()));
        return chart;
    }

    /// <summary>Bode phase −φ (degrees) against frequency (log x).</summary>
    public static Chart BodePhase(ImpedanceSpectrum data, Complex[]? fit = null)
    {
        static double[] Phase(IEnumerable<Complex> z) => z.Select(v => -v.Phase * 180 / Math.PI).ToArray();
        var chart = new Chart { Title = "Bode phase", XLabel = "f (Hz)", YLabel = "−φ (°)", LogX = true };
        chart.Series.Add(new Series("data", data.Frequency, Phase(data.Z), SeriesStyle.Markers));
        if (fit is not null) chart.Series.Add(new Series("fit", data.Frequency, Phase(fit)));
        return chart;
    }

    /// <summary>Relative residuals (%) of Z' and Z'' against frequency, from a fit or a Kramers–Kronig test.</summary>
    public static Chart Residuals(double[] frequencyHz, double[] real, double[] imag, string title = "Residuals")
    {
        var chart = new Chart { Title = title, XLabel = "f (Hz)", YLabel = "Δ/|Z| (%)", LogX = true };
        chart.Series.Add(new Series("Δ Z'", frequencyHz, real.Select(r => 100 * r).ToArray(), SeriesStyle.LineAndMarkers));
        chart.Series.Add(new Series("Δ Z''", frequencyHz, imag.Select(r => 100 * r).ToArray(), SeriesStyle.LineAndMarkers));
        chart.HorizontalMarkers.Add((0, ""));
        return chart;
    }

    /// <summary>Relative residuals of a fit: (Z − Z_fit)/|Z|.</summary>
    public static Chart FitResiduals(ImpedanceSpectrum data, Complex[] fit) =>
        Residuals(data.Frequency,
            data.Z.Zip(fit, (z, m) => (z.Real - m.Real) / z.Magnitude).ToArray(),
            data.Z.Zip(fit, (z, m) => (z.Imaginary - m.Imaginary) / z.Magnitude).ToArray(), "Fit residuals");

    /// <summary>γ(τ) against τ (log x), peaks marked.</summary>
    public static Chart Drt(DrtResult drt)
    {
        var chart = new Chart { Title = $"DRT (lambda = {drt.Lambda:G2}, {drt.LambdaMethod})", XLabel = "τ (s)", YLabel = "gamma (Ω)", LogX = true };
        if (drt.GammaLower is { } lo && drt.GammaUpper is { } hi)
        {
            chart.Series.Add(new Series("95 % band (lower)", drt.Tau, lo, SeriesStyle.Line, "#9aa5b1"));
            chart.Series.Add(new Series("95 % band (upper)", drt.Tau, hi, SeriesStyle.Line, "#9aa5b1"));
        }
        chart.Series.Add(new Series("gamma", drt.Tau, drt.Gamma));
        foreach (var p in drt.Peaks) chart.VerticalMarkers.Add((p.TauSeconds, $"{p.ResistanceOhm:G3} Ω"));
        return chart;
    }

    /// <summary>Each resistance of a batch against time (h) or spectrum index.</summary>
    public static Chart Trend(IReadOnlyList<BatchItem> items, double? areaCm2 = null)
    {
        bool timed = items.Any(i => i.TimeHours is not null);
        var ok = items.Where(i => i.Fit is not null).ToList();
        var chart = new Chart
        {
            Title = "Resistances over the series",
            XLabel = timed ? "t (h)" : "spectrum", YLabel = areaCm2 is null ? "R (Ω)" : "ASR (Ω·cm²)",
        };
        if (ok.Count == 0) return chart;
        var x = ok.Select(i => i.TimeHours ?? i.Index).ToArray();
        foreach (var e in ok[0].Fit!.Circuit.Elements.Where(e => e.Type is Resistor))
            chart.Series.Add(new Series(e.Name, x, ok.Select(i => i.Fit!.Parameters[e.ParameterStart] * (areaCm2 ?? 1)).ToArray(), SeriesStyle.LineAndMarkers));
        return chart;
    }
}
