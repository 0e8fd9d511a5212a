using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Interphase.Reporting;

/// <summary>
/// Renders a <see cref="Chart"/> with ScottPlot as SVG or PNG, the way researchers publish: units in the axis
/// labels, equal scales for Nyquist plots, decade ticks on logarithmic axes, a legend when series have names.
/// </summary>
/// <remarks>
/// A chart without any plottable point is drawn as empty axes with the text "no data" rather than failing, so a
/// report with one empty figure still renders. Non-finite points, and non-positive points on log axes, are left out
/// and break lines.
/// </remarks>
public static class ChartRenderer
{
    /// <summary>Largest image edge, px.</summary>
    public const int MaxSize = 8000;

    /// <summary>
    /// Renders the chart as an SVG document without an XML declaration, so it serves both as a file and inline in HTML.
    /// </summary>
    /// <exception cref="InterphaseException">Inconsistent series (lengths, labels), bad colour or a size out of range.</exception>
    public static string ToSvg(Chart chart, int width = 800, int height = 560)
    {
        using var plot = Build(chart, width, height);
        string svg = plot.GetSvgXml(width, height);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start > 0 ? svg[start..] : svg;
    }

    /// <summary>Renders the chart as a PNG image.</summary>
    /// <exception cref="InterphaseException">Inconsistent series (lengths, labels), bad colour or a size out of range.</exception>
    public static byte[] ToPng(Chart chart, int width = 800, int height = 560)
    {
        using var plot = Build(chart, width, height);
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    /// <summary>Writes the chart to <paramref name="path"/> as SVG or PNG according to its extension.</summary>
    /// <exception cref="InterphaseException">Unknown extension, or the file cannot be written.</exception>
    public static void Save(Chart chart, string path, int width = 800, int height = 560)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        byte[] bytes = ext switch
        {
            ".svg" => System.Text.Encoding.UTF8.GetBytes(ToSvg(chart, width, height)),
            ".png" => ToPng(chart, width, height),
            _ => throw new InterphaseException(
                $"cannot save chart as '{(ext.Length == 0 ? "(no extension)" : ext)}' ({path}): use .svg or .png"),
        };
        OutputFile.Write(path, bytes);
    }

    /// <summary>The ScottPlot plot of a chart (exposed to tests to check scales and ticks after a render).</summary>
    internal static Plot Build(Chart chart, int width, int height)
    {
        if (width < 100 || height < 80)
            throw new InterphaseException($"chart size {width}x{height} px is too small (at least 100x80)");
        if (width > MaxSize || height > MaxSize)
            throw new InterphaseException($"chart size {width}x{height} px is too large (at most {MaxSize}x{MaxSize})");
        Validate(chart);

        var plot = new Plot();
        plot.Title(chart.Title);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        bool rangeBars = chart.Series.Count > 0 && chart.Series.All(s => s.Style == SeriesStyle.RangeBars);
        bool hasData = rangeBars ? AddRangeBars(plot, chart) : AddScatters(plot, chart);

        foreach (var (x, label) in chart.VerticalMarkers)
        {
            if (!Plottable(x, chart.LogX)) continue;
            var line = plot.Add.VerticalLine(chart.LogX ? Math.Log10(x) : x, 1.5f, Colors.DimGray, LinePattern.Dashed);
            line.Text = label;
            line.LabelOppositeAxis = true;
        }
        foreach (var (y, label) in chart.HorizontalMarkers)
        {
            if (!Plottable(y, chart.LogY)) continue;
            var line = plot.Add.HorizontalLine(chart.LogY ? Math.Log10(y) : y, 1.5f, Colors.DimGray, LinePattern.Dashed);
            line.Text = label;
            line.LabelOppositeAxis = true;
        }

        if (chart.LogX) plot.Axes.Bottom.TickGenerator = LogTicks();
        if (chart.LogY) plot.Axes.Left.TickGenerator = LogTicks();
        if (!hasData)
        {
            plot.Add.Annotation("no data", Alignment.MiddleCenter);
            plot.Axes.SetLimits(0, 1, 0, 1);
        }
        else
        {
            plot.Axes.AutoScale();
            if (chart.EqualAxes) plot.Axes.SquareUnits();
        }
        if (chart.Series.Any(s => s.Name.Length > 0) && !rangeBars) plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static void Validate(Chart chart)
    {
        foreach (var s in chart.Series)
        {
            if (s.X.Count != s.Y.Count)
                throw new InterphaseException($"series '{s.Name}' has {s.X.Count} x values but {s.Y.Count} y values");
            if (s.Labels is not null && s.Labels.Count != s.X.Count)
                throw new InterphaseException($"series '{s.Name}' has {s.Labels.Count} labels for {s.X.Count} points");
            if (s.Style == SeriesStyle.RangeBars && chart.Series.Any(o => o.Style != SeriesStyle.RangeBars))
                throw new InterphaseException($"range-bar series '{s.Name}' cannot share a chart with other series styles");
            if (s.Color is not null) ParseColor(s.Color);
        }
    }

    private static bool Plottable(double v, bool log) => double.IsFinite(v) && (!log || v > 0);

    /// <summary>Adds line/marker series; non-plottable points split a series into runs. True when any point was added.</summary>
    private static bool AddScatters(Plot plot, Chart chart)
    {
        bool any = false;
        foreach (var s in chart.Series)
        {
            var color = s.Color is null ? plot.Add.GetNextColor() : ParseColor(s.Color);
            bool first = true;
            foreach (var run in Runs(s, chart.LogX, chart.LogY))
            {
                any = true;
                var scatter = plot.Add.Scatter(run.X, run.Y, color);
                scatter.LineWidth = s.Style == SeriesStyle.Markers ? 0 : 2;
                scatter.MarkerSize = s.Style == SeriesStyle.Line ? 0 : 6;
                if (first) scatter.LegendText = s.Name; // one legend entry per series, not per run
                first = false;
            }
        }
        return any;
    }

    private static IEnumerable<(double[] X, double[] Y)> Runs(Series s, bool logX, bool logY)
    {
        var xs = new List<double>();
        var ys = new List<double>();
        for (int i = 0; i <= s.X.Count; i++)
        {
            bool ok = i < s.X.Count && Plottable(s.X[i], logX) && Plottable(s.Y[i], logY);
            if (ok)
            {
                xs.Add(logX ? Math.Log10(s.X[i]) : s.X[i]);
                ys.Add(logY ? Math.Log10(s.Y[i]) : s.Y[i]);
            }
            else if (xs.Count > 0)
            {
                yield return (xs.ToArray(), ys.ToArray());
                xs.Clear();
                ys.Clear();
            }
        }
    }

    /// <summary>Horizontal bars from X[i] to Y[i], one row per point, first row on top, rows named by the labels.</summary>
    private static bool AddRangeBars(Plot plot, Chart chart)
    {
        var ticks = new NumericManual();
        int row = 0;
        var rows = chart.Series.SelectMany(s => Enumerable.Range(0, s.X.Count).Select(i => (Series: s, Index: i))).ToList();
        var bars = new List<Bar>();
        var palette = plot.Add.GetNextColor();
        foreach (var (s, i) in rows)
        {
            double position = rows.Count - 1 - row++;
            ticks.AddMajor(position, s.Labels?[i] ?? "");
            if (!double.IsFinite(s.X[i]) || !double.IsFinite(s.Y[i])) continue;
            bars.Add(new Bar
            {
                Position = position,
                ValueBase = Math.Min(s.X[i], s.Y[i]),
                Value = Math.Max(s.X[i], s.Y[i]),
                FillColor = s.Color is null ? palette : ParseColor(s.Color),
                Orientation = Orientation.Horizontal,
                Size = 0.6,
            });
        }
        if (bars.Count == 0) return false;
        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Grid.YAxisStyle.IsVisible = false;
        return true;
    }

    /// <summary>Decade ticks labelled with the value (the data are plotted as log10), minor ticks at 2–9.</summary>
    private static NumericAutomatic LogTicks() => new()
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new LogMinorTickGenerator(),
        LabelFormatter = DecadeLabel,
    };

    /// <summary>Label of the decade 10^<paramref name="exponent"/>: plain from 0.001 to 1000, else <c>1e5</c>, <c>1e-6</c>.</summary>
    internal static string DecadeLabel(double exponent)
    {
        int k = (int)Math.Round(exponent);
        return Math.Abs(k) <= 3 ? Math.Pow(10, k).ToString("0.###", CultureInfo.InvariantCulture) : $"1e{k}";
    }

    private static ScottPlot.Color ParseColor(string css)
    {
        string hex = css.Trim();
        if (hex.StartsWith('#') && hex.Length is 4 or 7 or 9 && hex[1..].All(Uri.IsHexDigit))
        {
            if (hex.Length == 4) hex = "#" + string.Concat(hex[1..].Select(c => $"{c}{c}"));
            return ScottPlot.Color.FromHex(hex);
        }
        throw new InterphaseException($"colour '{css}' is not a hex colour (#rgb, #rrggbb or #rrggbbaa)");
    }
}
