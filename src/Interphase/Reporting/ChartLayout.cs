namespace Interphase.Reporting;

/// <summary>Output format of a rendered chart.</summary>
public enum ChartFormat
{
    /// <summary>Scalable vector graphics.</summary>
    Svg,
    /// <summary>Portable network graphics (raster).</summary>
    Png,
}

/// <summary>A series with its resolved colour and, for bar styles, its geometry parameters.</summary>
/// <param name="Series">The chart series.</param>
/// <param name="Color">Its colour (from the series or the palette).</param>
/// <param name="Slot">Index among series of the same bar style (side-by-side bars, stacked range-bar rows).</param>
/// <param name="Slots">Number of series of the same bar style.</param>
public sealed record LaidOutSeries(Series Series, Rgba Color, int Slot, int Slots);

/// <summary>
/// Everything needed to draw a <see cref="Chart"/> independent of the output format: plot rectangle, axes with
/// ticks and pixel mappings, series colours and legend placement. Both the SVG and the PNG back end draw from it.
/// </summary>
public sealed class ChartLayout
{
    /// <summary>Font sizes in px.</summary>
    public const double TitleSize = 16, LabelSize = 14, TickSize = 12, LegendSize = 12;
    internal const double TickLength = 5, Pad = 10;

    /// <summary>Default series colours (the widely used "tab10" qualitative palette).</summary>
    public static readonly IReadOnlyList<Rgba> Palette = new[]
    {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    }.Select(Rgba.Parse).ToArray();

    /// <summary>The chart being laid out.</summary>
    public Chart Chart { get; }
    /// <summary>Image width in px.</summary>
    public int Width { get; }
    /// <summary>Image height in px.</summary>
    public int Height { get; }
    /// <summary>Plot rectangle edges in px.</summary>
    public double PlotLeft { get; private set; }
    /// <summary>Plot rectangle top edge in px.</summary>
    public double PlotTop { get; private set; }
    /// <summary>Plot rectangle right edge in px.</summary>
    public double PlotRight { get; private set; }
    /// <summary>Plot rectangle bottom edge in px.</summary>
    public double PlotBottom { get; private set; }
    /// <summary>The horizontal axis.</summary>
    public AxisScale X { get; private set; } = null!;
    /// <summary>The vertical axis (a category axis for range-bar charts).</summary>
    public AxisScale Y { get; private set; } = null!;
    /// <summary>True when the y axis holds the row labels of range bars.</summary>
    public bool CategoryY { get; }
    /// <summary>Row names of a range-bar chart, top to bottom.</summary>
    public IReadOnlyList<string> Rows { get; } = Array.Empty<string>();
    /// <summary>Series with resolved colours, in drawing order.</summary>
    public IReadOnlyList<LaidOutSeries> Series { get; }
    /// <summary>False when no series holds a plottable point (the renderer then draws empty axes and "no data").</summary>
    public bool HasData { get; }
    /// <summary>Width of one bar of a <see cref="SeriesStyle.Bars"/> group in data units.</summary>
    public double BarWidth { get; }
    /// <summary>Legend entries (series with a name) with their legend text (possibly shortened to fit).</summary>
    public IReadOnlyList<(LaidOutSeries Entry, string Text)> Legend { get; private set; } = [];
    /// <summary>Legend box: top-left corner and size in px (zero size when there is no legend).</summary>
    public (double X, double Y, double W, double H) LegendBox { get; private set; }

    /// <summary>Lays out a chart with the text metrics of the given back end (as the renderer does).</summary>
    public static ChartLayout Compute(Chart chart, int width, int height, ChartFormat format = ChartFormat.Svg) =>
        new(chart, width, height, format == ChartFormat.Png ? new Png.RasterCanvas(width, height) : new Svg.SvgCanvas(width, height));

    internal ChartLayout(Chart chart, int width, int height, IChartCanvas metrics)
    {
        if (width < 100 || height < 80)
            throw new InterphaseException($"chart size {width}x{height} px is too small (at least 100x80)");
        Chart = chart;
        Width = width;
        Height = height;
        Series = ResolveSeries(chart);
        CategoryY = chart.Series.Any(s => s.Style == SeriesStyle.RangeBars);
        if (CategoryY) Rows = RowNames(chart);
        BarWidth = BarWidthInDataUnits(chart);

        var (x0, x1, xData) = Range(XValues(), chart.LogX);
        var (y0, y1, yData) = CategoryY ? (0, 1, Rows.Count > 0) : Range(YValues(), chart.LogY);
        HasData = xData && yData;
        if (!CategoryY && !chart.LogY && chart.Series.Any(s => s.Style == SeriesStyle.Bars) && yData)
        {
            // Bars grow from zero: keep zero on the axis and do not pad past it.
            if (y0 >= 0) y0 = 0; else if (y1 <= 0) y1 = 0;
        }
        BuildGeometry(metrics, x0, x1, y0, y1);
    }

    /// <summary>Pixel position of a data point.</summary>
    public (double X, double Y) Map(double x, double y) => (X.ToPixel(x), Y.ToPixel(y));

    private static List<LaidOutSeries> ResolveSeries(Chart chart)
    {
        var result = new List<LaidOutSeries>();
        int paletteIndex = 0;
        int bars = chart.Series.Count(s => s.Style == SeriesStyle.Bars);
        int ranges = chart.Series.Count(s => s.Style == SeriesStyle.RangeBars);
        int barSlot = 0, rangeSlot = 0;
        foreach (var s in chart.Series)
        {
            if (s.X.Length != s.Y.Length)
                throw new InterphaseException($"series '{s.Name}' has {s.X.Length} x values but {s.Y.Length} y values");
            if (s.Labels is not null && s.Labels.Length != s.X.Length)
                throw new InterphaseException($"series '{s.Name}' has {s.Labels.Length} labels for {s.X.Length} points");
            if (s.Style == SeriesStyle.RangeBars && ranges != chart.Series.Count)
                throw new InterphaseException($"range-bar series '{s.Name}' cannot share a chart with other series styles");
            var color = s.Color is null ? Palette[paletteIndex++ % Palette.Count] : Rgba.Parse(s.Color);
            int slot = s.Style switch { SeriesStyle.Bars => barSlot++, SeriesStyle.RangeBars => rangeSlot++, _ => 0 };
            int slots = s.Style switch { SeriesStyle.Bars => bars, SeriesStyle.RangeBars => ranges, _ => 1 };
            result.Add(new LaidOutSeries(s, color, slot, slots));
        }
        return result;
    }

    /// <summary>Range-bar rows: labels in order of first appearance; unlabelled rows are numbered.</summary>
    private static List<string> RowNames(Chart chart)
    {
        var rows = new List<string>();
        foreach (var s in chart.Series)
            for (int i = 0; i < s.X.Length; i++)
            {
                string name = RowName(s, i);
                if (!rows.Contains(name)) rows.Add(name);
            }
        return rows;
    }

    /// <summary>Row label of point <paramref name="i"/> of a range-bar series.</summary>
    public static string RowName(Series s, int i) => s.Labels?[i] ?? $"#{i + 1}";

    /// <summary>Row index of a range-bar label.</summary>
    public int RowIndex(string name) => Rows is List<string> l ? l.IndexOf(name) : Rows.ToList().IndexOf(name);

    private double BarWidthInDataUnits(Chart chart)
    {
        var xs = chart.Series.Where(s => s.Style == SeriesStyle.Bars)
            .SelectMany(s => s.X).Where(double.IsFinite).Distinct().Order().ToArray();
        if (xs.Length == 0) return 0;
        double minGap = double.PositiveInfinity;
        for (int i = 1; i < xs.Length; i++) minGap = Math.Min(minGap, xs[i] - xs[i - 1]);
        return double.IsFinite(minGap) ? 0.8 * minGap : 0.8;
    }

    private bool Plottable(double x, double y) =>
        double.IsFinite(x) && double.IsFinite(y) && (!Chart.LogX || x > 0) && (CategoryY || !Chart.LogY || y > 0);

    private IEnumerable<double> XValues()
    {
        foreach (var s in Chart.Series)
            for (int i = 0; i < s.X.Length; i++)
            {
                if (!Plottable(s.X[i], s.Y[i])) continue;
                if (s.Style == SeriesStyle.RangeBars) { yield return s.X[i]; yield return s.Y[i]; }
                else if (s.Style == SeriesStyle.Bars) { yield return s.X[i] - BarWidth / 2; yield return s.X[i] + BarWidth / 2; }
                else yield return s.X[i];
            }
        foreach (var (x, _) in Chart.VerticalMarkers)
            if (double.IsFinite(x) && (!Chart.LogX || x > 0)) yield return x;
    }

    private IEnumerable<double> YValues()
    {
        foreach (var s in Chart.Series)
            for (int i = 0; i < s.X.Length; i++)
                if (Plottable(s.X[i], s.Y[i])) yield return s.Y[i];
        foreach (var (y, _) in Chart.HorizontalMarkers)
            if (double.IsFinite(y) && (!Chart.LogY || y > 0)) yield return y;
    }

    /// <summary>Data range padded by 4 % per side (linear) or widened to whole decades (log).</summary>
    private static (double Min, double Max, bool Any) Range(IEnumerable<double> values, bool log)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values) { min = Math.Min(min, v); max = Math.Max(max, v); }
        if (min > max) return log ? (1, 10, false) : (0, 1, false);
        if (log)
        {
            double lo = Math.Floor(Math.Log10(min) + 1e-9), hi = Math.Ceiling(Math.Log10(max) - 1e-9);
            if (hi <= lo) hi = lo + 1;
            return (Math.Pow(10, lo), Math.Pow(10, hi), true);
        }
        if (max == min)
        {
            double d = min == 0 ? 1 : Math.Abs(min) * 0.1;
            return (min - d, max + d, true);
        }
        double pad = 0.04 * (max - min);
        return (min - pad, max + pad, true);
    }

    private void BuildGeometry(IChartCanvas m, double x0, double x1, double y0, double y1)
    {
        double tickH = m.TextHeight(TickSize), labelH = m.TextHeight(LabelSize);
        PlotTop = Pad + (Chart.Title.Length > 0 ? m.TextHeight(TitleSize) + 8 : 0) + 4;
        PlotBottom = Height - Pad - TickLength - 4 - tickH - (Chart.XLabel.Length > 0 ? 8 + labelH : 0);
        double legendW = LayoutLegendWidth(m);
        double yLabelW = Chart.YLabel.Length > 0 ? labelH + 8 : 0;

        // Tick labels decide the left margin, the margin decides the plot width, and (for equal axes) the plot width
        // decides the ranges: two passes settle it.
        double tickLabelW = 0, lastXLabelW = m.TextWidth("00000", TickSize);
        for (int pass = 0; pass < 2; pass++)
        {
            PlotLeft = Pad + yLabelW + tickLabelW + 4 + TickLength;
            var (ax0, ax1, ay0, ay1) = (x0, x1, y0, y1);
            PlotRight = Width - Pad - (legendW > 0 ? legendW : lastXLabelW / 2);
            if (PlotRight - PlotLeft < 40 || PlotBottom - PlotTop < 40)
                throw new InterphaseException($"chart size {Width}x{Height} px leaves no room for the plot area");
            if (Chart.EqualAxes && !Chart.LogX && !Chart.LogY && !CategoryY)
                EqualiseScales(ref ax0, ref ax1, ref ay0, ref ay1, PlotRight - PlotLeft, PlotBottom - PlotTop);
            Y = CategoryY
                ? AxisScale.Categories(Rows, PlotTop, PlotBottom)
                : Chart.LogY
                    ? AxisScale.Logarithmic((int)Math.Round(Math.Log10(ay0)), (int)Math.Round(Math.Log10(ay1)),
                        YPixelOfMin, YPixelOfMax, _ => tickH, 10)
                    : AxisScale.Linear(ay0, ay1, YPixelOfMin, YPixelOfMax, _ => tickH, 14);
            X = Chart.LogX
                ? AxisScale.Logarithmic((int)Math.Round(Math.Log10(ax0)), (int)Math.Round(Math.Log10(ax1)),
                    PlotLeft, PlotRight, t => m.TextWidth(t, TickSize), 14)
                : AxisScale.Linear(ax0, ax1, PlotLeft, PlotRight, t => m.TextWidth(t, TickSize), 16);
            tickLabelW = Y.Ticks.Count == 0 ? 0 : Y.Ticks.Max(t => m.TextWidth(t.Label, TickSize));
            lastXLabelW = X.Ticks.Count == 0 ? 0 : m.TextWidth(X.Ticks[^1].Label, TickSize);
        }
        if (legendW > 0) LegendBox = (PlotRight + Pad + 6, PlotTop, LegendBox.W, LegendBox.H);
    }

    private double YPixelOfMin => Chart.InvertY ? PlotTop : PlotBottom;
    private double YPixelOfMax => Chart.InvertY ? PlotBottom : PlotTop;

    /// <summary>
    /// Widens the range of one axis so both axes have the same units per pixel. The end nearer zero stays put
    /// (a Nyquist arc keeps its real axis at the edge and gains room on the far side).
    /// </summary>
    private static void EqualiseScales(ref double x0, ref double x1, ref double y0, ref double y1, double pw, double ph)
    {
        double ux = (x1 - x0) / pw, uy = (y1 - y0) / ph;
        if (ux > uy) Widen(ref y0, ref y1, ux * ph);
        else Widen(ref x0, ref x1, uy * pw);

        static void Widen(ref double lo, ref double hi, double span)
        {
            if (Math.Abs(lo) <= Math.Abs(hi)) hi = lo + span;
            else lo = hi - span;
        }
    }

    private double LayoutLegendWidth(IChartCanvas m)
    {
        var named = Series.Where(s => s.Series.Name.Length > 0).ToList();
        if (named.Count == 0) return 0;
        double maxText = 0.3 * Width;
        var entries = new List<(LaidOutSeries, string)>();
        foreach (var s in named)
        {
            string text = s.Series.Name;
            if (m.TextWidth(text, LegendSize) > maxText)
            {
                while (text.Length > 1 && m.TextWidth(text + "...", LegendSize) > maxText) text = text[..^1];
                text += "...";
            }
            entries.Add((s, text));
        }
        Legend = entries;
        double textW = entries.Max(e => m.TextWidth(e.Item2, LegendSize));
        double rowH = LegendRowHeight(m);
        LegendBox = (0, 0, 8 + 24 + 6 + textW + 8, 6 + rowH * entries.Count);
        return LegendBox.W + 6 + Pad;
    }

    /// <summary>Height of one legend row in px.</summary>
    internal static double LegendRowHeight(IChartCanvas m) => m.TextHeight(LegendSize) + 6;
}
