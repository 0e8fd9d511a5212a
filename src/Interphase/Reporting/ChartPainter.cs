namespace Interphase.Reporting;

/// <summary>Draws a <see cref="ChartLayout"/> with the primitives of any back end.</summary>
internal static class ChartPainter
{
    private static readonly Rgba Ink = Rgba.Parse("#222222");
    private static readonly Rgba Grid = Rgba.Parse("#e6e6e6");
    private static readonly Rgba MarkerInk = Rgba.Parse("#555555");
    private const double LineWidth = 2, MarkerRadius = 3.5;

    public static void Paint(ChartLayout L, IChartCanvas c)
    {
        var chart = L.Chart;
        double pl = L.PlotLeft, pt = L.PlotTop, pr = L.PlotRight, pb = L.PlotBottom;
        c.Rect(0, 0, L.Width, L.Height, Rgba.White);

        DrawGrid(L, c);
        c.BeginClip(pl, pt, pr - pl, pb - pt);
        foreach (var s in L.Series) DrawSeries(L, c, s);
        DrawMarkers(L, c);
        if (!L.HasData)
            c.Text((pl + pr) / 2, (pt + pb) / 2, "no data", ChartLayout.LabelSize, MarkerInk, TextAnchor.Middle);
        c.EndClip();
        c.Rect(pl, pt, pr - pl, pb - pt, null, Ink, 1);
        DrawAxes(L, c);

        if (chart.Title.Length > 0)
            c.Text((pl + pr) / 2, ChartLayout.Pad + c.TextHeight(ChartLayout.TitleSize) / 2, chart.Title,
                ChartLayout.TitleSize, Ink, TextAnchor.Middle, bold: true);
        if (chart.XLabel.Length > 0)
            c.Text((pl + pr) / 2, L.Height - ChartLayout.Pad - c.TextHeight(ChartLayout.LabelSize) / 2, chart.XLabel,
                ChartLayout.LabelSize, Ink, TextAnchor.Middle);
        if (chart.YLabel.Length > 0)
            c.Text(ChartLayout.Pad + c.TextHeight(ChartLayout.LabelSize) / 2, (pt + pb) / 2, chart.YLabel,
                ChartLayout.LabelSize, Ink, TextAnchor.Middle, vertical: true);
        DrawLegend(L, c);
    }

    private static void DrawGrid(ChartLayout L, IChartCanvas c)
    {
        foreach (var t in L.X.Ticks)
        {
            double x = L.X.ToPixel(t.Value);
            c.Line(x, L.PlotTop, x, L.PlotBottom, Grid, 1);
        }
        if (L.CategoryY) return;
        foreach (var t in L.Y.Ticks)
        {
            double y = L.Y.ToPixel(t.Value);
            c.Line(L.PlotLeft, y, L.PlotRight, y, Grid, 1);
        }
    }

    private static void DrawAxes(ChartLayout L, IChartCanvas c)
    {
        double tl = ChartLayout.TickLength, th = c.TextHeight(ChartLayout.TickSize);
        foreach (var t in L.X.Ticks)
        {
            double x = L.X.ToPixel(t.Value);
            c.Line(x, L.PlotBottom, x, L.PlotBottom + tl, Ink, 1);
            c.Text(x, L.PlotBottom + tl + 4 + th / 2, t.Label, ChartLayout.TickSize, Ink, TextAnchor.Middle);
        }
        foreach (double v in L.X.MinorTicks)
        {
            double x = L.X.ToPixel(v);
            c.Line(x, L.PlotBottom, x, L.PlotBottom + tl * 0.6, Ink, 1);
        }
        foreach (var t in L.Y.Ticks)
        {
            double y = L.Y.ToPixel(t.Value);
            c.Line(L.PlotLeft - tl, y, L.PlotLeft, y, Ink, 1);
            c.Text(L.PlotLeft - tl - 4, y, t.Label, ChartLayout.TickSize, Ink, TextAnchor.End);
        }
        foreach (double v in L.Y.MinorTicks)
        {
            double y = L.Y.ToPixel(v);
            c.Line(L.PlotLeft - tl * 0.6, y, L.PlotLeft, y, Ink, 1);
        }
    }

    private static void DrawSeries(ChartLayout L, IChartCanvas c, LaidOutSeries ls)
    {
        var s = ls.Series;
        switch (s.Style)
        {
            case SeriesStyle.Line or SeriesStyle.LineAndMarkers:
                foreach (var run in Runs(L, s)) c.Polyline(run, ls.Color, LineWidth);
                if (s.Style == SeriesStyle.LineAndMarkers) goto case SeriesStyle.Markers;
                break;
            case SeriesStyle.Markers:
                foreach (var run in Runs(L, s))
                    foreach (var (x, y) in run) c.Circle(x, y, MarkerRadius, ls.Color);
                break;
            case SeriesStyle.Bars:
                double half = L.BarWidth / 2, w = L.BarWidth / ls.Slots;
                double baseline = L.Chart.LogY ? L.Y.Min : 0;
                for (int i = 0; i < s.X.Length; i++)
                {
                    if (!L.X.CanPlot(s.X[i]) || !L.Y.CanPlot(s.Y[i])) continue;
                    double a = L.X.ToPixel(s.X[i] - half + ls.Slot * w), b = L.X.ToPixel(s.X[i] - half + (ls.Slot + 1) * w);
                    double y0 = L.Y.ToPixel(baseline), y1 = L.Y.ToPixel(s.Y[i]);
                    c.Rect(Math.Min(a, b) + 0.5, Math.Min(y0, y1), Math.Abs(b - a) - 1, Math.Abs(y1 - y0), ls.Color);
                }
                break;
            case SeriesStyle.RangeBars:
                double band = (L.PlotBottom - L.PlotTop) / Math.Max(1, L.Rows.Count);
                double thick = 0.7 * band / ls.Slots;
                for (int i = 0; i < s.X.Length; i++)
                {
                    if (!L.X.CanPlot(s.X[i]) || !L.X.CanPlot(s.Y[i])) continue;
                    double top = L.PlotTop + L.RowIndex(ChartLayout.RowName(s, i)) * band + 0.15 * band + ls.Slot * thick;
                    double a = L.X.ToPixel(s.X[i]), b = L.X.ToPixel(s.Y[i]);
                    c.Rect(Math.Min(a, b), top, Math.Max(1, Math.Abs(b - a)), thick, ls.Color.WithOpacity(0.85), ls.Color, 1);
                }
                break;
        }
    }

    /// <summary>Pixel runs of consecutive plottable points; NaN, infinite and (on log axes) non-positive values break a run.</summary>
    private static IEnumerable<List<(double X, double Y)>> Runs(ChartLayout L, Series s)
    {
        var run = new List<(double, double)>();
        for (int i = 0; i < s.X.Length; i++)
        {
            if (L.X.CanPlot(s.X[i]) && L.Y.CanPlot(s.Y[i])) { run.Add(L.Map(s.X[i], s.Y[i])); continue; }
            if (run.Count > 0) { yield return run; run = new List<(double, double)>(); }
        }
        if (run.Count > 0) yield return run;
    }

    private static void DrawMarkers(ChartLayout L, IChartCanvas c)
    {
        double th = c.TextHeight(ChartLayout.TickSize);
        var halo = Rgba.White.WithOpacity(0.8);
        foreach (var (v, label) in L.Chart.VerticalMarkers)
        {
            if (!L.X.CanPlot(v)) continue;
            double x = L.X.ToPixel(v);
            c.Line(x, L.PlotTop, x, L.PlotBottom, MarkerInk, 1.2, dashed: true);
            if (label.Length == 0) continue;
            // Label reads upwards along the right side of the line, starting near the top of the plot.
            double w = c.TextWidth(label, ChartLayout.TickSize);
            double cx = x + 3 + th / 2, top = L.PlotTop + 6;
            c.Rect(cx - th / 2 - 1, top, th + 2, w + 4, halo);
            c.Text(cx, top + 2, label, ChartLayout.TickSize, MarkerInk, TextAnchor.End, vertical: true);
        }
        foreach (var (v, label) in L.Chart.HorizontalMarkers)
        {
            if (!L.Y.CanPlot(v)) continue;
            double y = L.Y.ToPixel(v);
            c.Line(L.PlotLeft, y, L.PlotRight, y, MarkerInk, 1.2, dashed: true);
            if (label.Length == 0) continue;
            double w = c.TextWidth(label, ChartLayout.TickSize);
            double right = L.PlotRight - 6, cy = y - 3 - th / 2;
            c.Rect(right - w - 2, cy - th / 2 - 1, w + 4, th + 2, halo);
            c.Text(right, cy, label, ChartLayout.TickSize, MarkerInk, TextAnchor.End);
        }
    }

    private static void DrawLegend(ChartLayout L, IChartCanvas c)
    {
        if (L.Legend.Count == 0) return;
        var (bx, by, bw, bh) = L.LegendBox;
        c.Rect(bx, by, bw, bh, Rgba.White, Rgba.Parse("#bbbbbb"), 1);
        double rowH = ChartLayout.LegendRowHeight(c);
        for (int i = 0; i < L.Legend.Count; i++)
        {
            var (e, text) = L.Legend[i];
            double y = by + 3 + rowH * (i + 0.5), x = bx + 8;
            switch (e.Series.Style)
            {
                case SeriesStyle.Line: c.Line(x, y, x + 24, y, e.Color, LineWidth); break;
                case SeriesStyle.Markers: c.Circle(x + 12, y, MarkerRadius, e.Color); break;
                case SeriesStyle.LineAndMarkers:
                    c.Line(x, y, x + 24, y, e.Color, LineWidth);
                    c.Circle(x + 12, y, MarkerRadius, e.Color);
                    break;
                default: c.Rect(x + 4, y - 6, 16, 12, e.Color); break;
            }
            c.Text(x + 30, y, text, ChartLayout.LegendSize, Ink);
        }
    }
}
