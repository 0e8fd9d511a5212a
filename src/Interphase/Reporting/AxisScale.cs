using System.Globalization;

namespace Interphase.Reporting;

/// <summary>A labelled tick on an axis.</summary>
/// <param name="Value">Position in data units.</param>
/// <param name="Label">Text drawn next to the tick.</param>
public readonly record struct AxisTick(double Value, string Label);

/// <summary>
/// One axis of a laid-out chart: its data range, its ticks and the mapping from data units to pixels.
/// </summary>
public sealed class AxisScale
{
    /// <summary>Lower end of the axis in data units.</summary>
    public double Min { get; }
    /// <summary>Upper end of the axis in data units.</summary>
    public double Max { get; }
    /// <summary>Logarithmic (base 10) axis.</summary>
    public bool Log { get; }
    /// <summary>Pixel coordinate of <see cref="Min"/>.</summary>
    public double PixelOfMin { get; }
    /// <summary>Pixel coordinate of <see cref="Max"/>.</summary>
    public double PixelOfMax { get; }
    /// <summary>Labelled major ticks.</summary>
    public IReadOnlyList<AxisTick> Ticks { get; }
    /// <summary>Unlabelled minor ticks (log axes: 2..9 within each decade).</summary>
    public IReadOnlyList<double> MinorTicks { get; }

    internal AxisScale(double min, double max, bool log, double pixelOfMin, double pixelOfMax,
        IReadOnlyList<AxisTick> ticks, IReadOnlyList<double> minorTicks)
    {
        (Min, Max, Log, PixelOfMin, PixelOfMax, Ticks, MinorTicks) = (min, max, log, pixelOfMin, pixelOfMax, ticks, minorTicks);
    }

    /// <summary>Data units per pixel (linear axes; for log axes, decades per pixel).</summary>
    public double UnitsPerPixel => (Log ? Math.Log10(Max / Min) : Max - Min) / Math.Abs(PixelOfMax - PixelOfMin);

    /// <summary>Maps a data value to a pixel coordinate (values outside the range map outside the plot area).</summary>
    public double ToPixel(double v)
    {
        double t = Log ? Math.Log10(v / Min) / Math.Log10(Max / Min) : (v - Min) / (Max - Min);
        return PixelOfMin + t * (PixelOfMax - PixelOfMin);
    }

    /// <summary>True when the value can be placed on this axis (finite; positive on a log axis).</summary>
    public bool CanPlot(double v) => double.IsFinite(v) && (!Log || v > 0);

    /// <summary>
    /// A "nice" step of 1, 2 or 5 × 10^n such that <paramref name="span"/> holds at most about
    /// <paramref name="maxTicks"/> steps.
    /// </summary>
    public static double NiceStep(double span, int maxTicks)
    {
        double raw = span / Math.Max(1, maxTicks);
        double mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double norm = raw / mag;
        double f = norm <= 1.000001 ? 1 : norm <= 2.000001 ? 2 : norm <= 5.000001 ? 5 : 10;
        return f * mag;
    }

    /// <summary>Linear ticks at multiples of <paramref name="step"/> within [min, max], labelled consistently.</summary>
    public static List<AxisTick> LinearTicks(double min, double max, double step)
    {
        var ticks = new List<AxisTick>();
        long k0 = (long)Math.Ceiling(min / step - 1e-9), k1 = (long)Math.Floor(max / step + 1e-9);
        double extent = Math.Max(Math.Abs(min), Math.Abs(max));
        for (long k = k0; k <= k1; k++)
        {
            double v = k * step;
            ticks.Add(new AxisTick(v, FormatTick(v, step, extent)));
        }
        return ticks;
    }

    /// <summary>
    /// Formats a tick value with as many decimals as the step needs: fixed notation for magnitudes in
    /// [1e-3, 1e5), otherwise mantissa-e-exponent (e.g. <c>2.5e6</c>).
    /// </summary>
    public static string FormatTick(double v, double step, double extent)
    {
        if (Math.Abs(v) < step * 1e-6) return "0";
        var inv = CultureInfo.InvariantCulture;
        int stepExp = (int)Math.Floor(Math.Log10(step) + 1e-9);
        int exp = (int)Math.Floor(Math.Log10(extent) + 1e-9);
        if (exp >= 5 || exp < -3)
        {
            int dec = Math.Max(0, exp - stepExp);
            return (v / Math.Pow(10, exp)).ToString("F" + dec, inv) + "e" + exp.ToString(inv);
        }
        return v.ToString("F" + Math.Max(0, -stepExp), inv);
    }

    /// <summary>Label of a decade tick 10^n: plain for n in [-3, 4], otherwise <c>1e{n}</c>.</summary>
    public static string FormatDecade(int n) =>
        n is >= -3 and <= 4 ? Math.Pow(10, n).ToString(n < 0 ? "F" + (-n) : "F0", CultureInfo.InvariantCulture) : "1e" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Builds a linear axis over [min, max] with nice ticks no closer than the given pixel spacing.</summary>
    internal static AxisScale Linear(double min, double max, double pixelOfMin, double pixelOfMax,
        Func<string, double> labelExtent, double minGapPx)
    {
        double length = Math.Abs(pixelOfMax - pixelOfMin);
        int maxTicks = Math.Clamp((int)(length / 60), 2, 12);
        List<AxisTick> ticks;
        while (true)
        {
            double step = NiceStep(max - min, maxTicks);
            ticks = LinearTicks(min, max, step);
            double pxPerStep = length * step / (max - min);
            double widest = ticks.Count == 0 ? 0 : ticks.Max(t => labelExtent(t.Label));
            if (maxTicks <= 2 || pxPerStep >= widest + minGapPx) break;
            maxTicks--;
        }
        return new AxisScale(min, max, false, pixelOfMin, pixelOfMax, ticks, Array.Empty<double>());
    }

    /// <summary>Builds a log axis over whole decades [10^lo, 10^hi], labelling every k-th decade so labels fit.</summary>
    internal static AxisScale Logarithmic(int lo, int hi, double pixelOfMin, double pixelOfMax,
        Func<string, double> labelExtent, double minGapPx)
    {
        double length = Math.Abs(pixelOfMax - pixelOfMin);
        int decades = hi - lo;
        double pxPerDecade = length / decades;
        double widest = Enumerable.Range(lo, decades + 1).Max(n => labelExtent(FormatDecade(n)));
        int every = 1;
        while (every < decades && pxPerDecade * every < widest + minGapPx) every++;
        var ticks = new List<AxisTick>();
        for (int n = lo; n <= hi; n++)
            if ((n - lo) % every == 0) ticks.Add(new AxisTick(Math.Pow(10, n), FormatDecade(n)));
        var minor = new List<double>();
        // Minor ticks only where they stay distinguishable; unlabelled decades become minor ticks otherwise.
        for (int n = lo; n < hi; n++)
        {
            if ((n - lo) % every != 0) minor.Add(Math.Pow(10, n));
            if (pxPerDecade >= 40)
                for (int m = 2; m <= 9; m++) minor.Add(m * Math.Pow(10, n));
        }
        if ((hi - lo) % every != 0) minor.Add(Math.Pow(10, hi));
        return new AxisScale(Math.Pow(10, lo), Math.Pow(10, hi), true, pixelOfMin, pixelOfMax, ticks, minor);
    }

    /// <summary>Builds a category axis: row i (0 = first) centred at i, rows from top to bottom.</summary>
    internal static AxisScale Categories(IReadOnlyList<string> names, double pixelTop, double pixelBottom) =>
        new(-0.5, names.Count - 0.5, false, pixelTop, pixelBottom,
            names.Select((n, i) => new AxisTick(i, n)).ToList(), Array.Empty<double>());
}
