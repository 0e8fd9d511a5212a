using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using Interphase.Reporting;

namespace Interphase.Tests.Reporting;

public class SvgRendererTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    internal static Chart Nyquist()
    {
        // Semicircle of an R-RC circuit: R0 = 20 Ω, R1 = 100 Ω; -Z'' plotted up.
        int n = 60;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = Math.PI * i / (n - 1);
            x[i] = 20 + 50 + 50 * Math.Cos(Math.PI - t);
            y[i] = -50 * Math.Sin(t);
        }
        var chart = new Chart { Title = "Nyquist: Li6PS5Cl | Li", XLabel = "Z' / Ω", YLabel = "−Z'' / Ω", EqualAxes = true, InvertY = true };
        chart.Series.Add(new Series("fit", x, y));
        chart.Series.Add(new Series("measured", x.Where((_, i) => i % 5 == 0).ToArray(), y.Where((_, i) => i % 5 == 0).ToArray(), SeriesStyle.Markers));
        return chart;
    }

    internal static Chart Windows()
    {
        var chart = new Chart { Title = "Electrochemical stability windows", XLabel = "Potential / V vs Li/Li+" };
        chart.Series.Add(new Series("stable window", [1.71, 1.25, 0.0, 2.14], [2.31, 2.15, 5.0, 3.39], SeriesStyle.RangeBars,
            Labels: ["Li6PS5Cl", "Li3PS4", "LiF", "LLZO-like"]));
        chart.VerticalMarkers.Add((0.0, "Li/Li+"));
        chart.VerticalMarkers.Add((4.3, "NCM811 (4.3 V)"));
        return chart;
    }

    private static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Ns + "svg", root.Name);
        return root;
    }

    /// <summary>Filled rectangles inside the clipped plot area (bars), excluding the legend swatches.</summary>
    private static List<XElement> PlotRects(XElement root, string fill) =>
        root.Descendants(Ns + "g").Where(g => g.Attribute("clip-path") is not null)
            .Descendants(Ns + "rect").Where(r => r.Attribute("fill")?.Value == fill).ToList();

    private static List<string> Texts(XElement root) => root.Descendants(Ns + "text").Select(t => t.Value).ToList();

    private static List<(double X, double Y)> Points(XElement polyline) =>
        polyline.Attribute("points")!.Value.Split(' ').Select(p => p.Split(','))
            .Select(p => (double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();

    [Fact]
    public void LineSeriesBecomesOnePolylineWithAllPointsAndLabelledAxes()
    {
        var chart = new Chart { Title = "Conductivity", XLabel = "t / h", YLabel = "σ / mS cm⁻¹" };
        double[] x = Enumerable.Range(0, 50).Select(i => i * 0.2).ToArray();
        chart.Series.Add(new Series("Li3PS4", x, x.Select(v => 1 + 0.1 * v).ToArray()));
        var root = Parse(ChartRenderer.ToSvg(chart));

        Assert.Equal("800", root.Attribute("width")!.Value);
        var lines = root.Descendants(Ns + "polyline").ToList();
        Assert.Single(lines);
        Assert.Equal(50, Points(lines[0]).Count);
        var texts = Texts(root);
        Assert.Contains("Conductivity", texts);
        Assert.Contains("t / h", texts);
        Assert.Contains("σ / mS cm⁻¹", texts);
        Assert.Contains("Li3PS4", texts);
        // x spans 0..9.8 (padded by 4 % to -0.39..10.19; ~620 px wide): ticks 0, 2, ..., 10.
        var layout = ChartLayout.Compute(chart, 800, 560);
        Assert.Equal(["0", "2", "4", "6", "8", "10"], layout.X.Ticks.Select(t => t.Label).ToArray());
        Assert.Equal(["1.0", "1.2", "1.4", "1.6", "1.8", "2.0"], layout.Y.Ticks.Select(t => t.Label).ToArray());
        foreach (var t in layout.X.Ticks.Concat(layout.Y.Ticks)) Assert.Contains(t.Label, texts);
    }

    [Fact]
    public void PointsMapMonotonicallyAndInsidePlotArea()
    {
        var chart = new Chart();
        chart.Series.Add(new Series("", [0, 1, 2, 3], [0, 1, 4, 9]));
        var layout = ChartLayout.Compute(chart, 800, 560);
        var pts = Points(Parse(ChartRenderer.ToSvg(chart)).Descendants(Ns + "polyline").Single());
        for (int i = 1; i < pts.Count; i++)
        {
            Assert.True(pts[i].X > pts[i - 1].X);
            Assert.True(pts[i].Y < pts[i - 1].Y); // y up
        }
        Assert.All(pts, p => Assert.InRange(p.X, layout.PlotLeft, layout.PlotRight));
        Assert.All(pts, p => Assert.InRange(p.Y, layout.PlotTop, layout.PlotBottom));
        Assert.Equal(layout.Y.ToPixel(9), pts[3].Y, tolerance: 0.01);
    }

    [Fact]
    public void NonFinitePointsAreSkippedAndSplitTheLine()
    {
        var chart = new Chart();
        chart.Series.Add(new Series("s", [1, 2, 3, 4, 5, 6, 7], [1, 2, double.NaN, 4, 5, double.PositiveInfinity, 7]));
        var lines = Parse(ChartRenderer.ToSvg(chart)).Descendants(Ns + "polyline").Select(p => Points(p).Count).ToList();
        Assert.Equal([2, 2, 1], lines);
    }

    [Fact]
    public void LogAxisHasTicksAtDecadesEquallySpaced()
    {
        var chart = new Chart { LogX = true, LogY = true };
        chart.Series.Add(new Series("Bode", [0.05, 3, 2e4], [12, 150, 900]));
        var layout = ChartLayout.Compute(chart, 800, 560);
        Assert.Equal([0.01, 0.1, 1, 10, 100, 1000, 10000, 100000], layout.X.Ticks.Select(t => t.Value).ToArray());
        Assert.Equal(["0.01", "0.1", "1", "10", "100", "1000", "10000", "1e5"], layout.X.Ticks.Select(t => t.Label).ToArray());
        Assert.Equal([10, 100, 1000], layout.Y.Ticks.Select(t => t.Value).ToArray());
        var px = layout.X.Ticks.Select(t => layout.X.ToPixel(t.Value)).ToArray();
        for (int i = 2; i < px.Length; i++) Assert.Equal(px[1] - px[0], px[i] - px[i - 1], 6);
        Assert.Equal(layout.PlotLeft, px[0], 6);
        Assert.Equal(layout.PlotRight, px[^1], 6);
        // minor ticks 2..9 × 10^n inside each decade
        Assert.Contains(layout.X.MinorTicks, v => Math.Abs(v - 0.5) < 1e-12);
        Assert.Contains(layout.Y.MinorTicks, v => Math.Abs(v - 300) < 1e-9);
    }

    [Fact]
    public void EqualAxesGiveTheSameScaleInXAndY()
    {
        var chart = Nyquist();
        var layout = ChartLayout.Compute(chart, 800, 560);
        Assert.Equal(layout.X.UnitsPerPixel, layout.Y.UnitsPerPixel, 9);
        // The fitted semicircle (radius 50 Ω) is as wide as it is twice tall on screen.
        var pts = Points(Parse(ChartRenderer.ToSvg(chart)).Descendants(Ns + "polyline").First());
        double w = pts.Max(p => p.X) - pts.Min(p => p.X), h = pts.Max(p => p.Y) - pts.Min(p => p.Y);
        Assert.Equal(2.0, w / h, 2);
        // InvertY: the capacitive arc (Z'' < 0) is drawn above the real axis.
        Assert.True(layout.Y.ToPixel(-50) < layout.Y.ToPixel(0));
    }

    [Fact]
    public void WindowChartDrawsOneBarPerRowAndLabelledMarkers()
    {
        var chart = Windows();
        var root = Parse(ChartRenderer.ToSvg(chart));
        var layout = ChartLayout.Compute(chart, 800, 560);
        var bars = PlotRects(root, "#1f77b4");
        Assert.Equal(4, bars.Count);
        var texts = Texts(root);
        foreach (var row in new[] { "Li6PS5Cl", "Li3PS4", "LiF", "LLZO-like", "Li/Li+", "NCM811 (4.3 V)" }) Assert.Contains(row, texts);
        Assert.Equal(2, root.Descendants(Ns + "line").Count(l => l.Attribute("stroke-dasharray") is not null));
        // Bar of Li6PS5Cl (first row, top) spans 1.71..2.31 V.
        var first = bars.OrderBy(b => double.Parse(b.Attribute("y")!.Value, CultureInfo.InvariantCulture)).First();
        double bx = double.Parse(first.Attribute("x")!.Value, CultureInfo.InvariantCulture);
        double bw = double.Parse(first.Attribute("width")!.Value, CultureInfo.InvariantCulture);
        Assert.Equal(layout.X.ToPixel(1.71), bx, tolerance: 0.02);
        Assert.Equal(layout.X.ToPixel(2.31), bx + bw, tolerance: 0.02);
        // x range holds the markers: 0 V and 4.3 V are inside, 5.0 V (LiF) too.
        Assert.True(layout.X.Min < 0 && layout.X.Max > 5.0);
    }

    [Fact]
    public void BarsStartAtZero()
    {
        var chart = new Chart();
        chart.Series.Add(new Series("ASR", [1, 2, 3], [10, 25, 40], SeriesStyle.Bars));
        var layout = ChartLayout.Compute(chart, 800, 560);
        Assert.Equal(0, layout.Y.Min);
        var root = Parse(ChartRenderer.ToSvg(chart));
        var bars = PlotRects(root, "#1f77b4");
        Assert.Equal(3, bars.Count);
        foreach (var b in bars)
        {
            double bottom = double.Parse(b.Attribute("y")!.Value, CultureInfo.InvariantCulture) + double.Parse(b.Attribute("height")!.Value, CultureInfo.InvariantCulture);
            Assert.Equal(layout.PlotBottom, bottom, tolerance: 0.02);
        }
    }

    [Fact]
    public void TextIsXmlEscaped()
    {
        var chart = new Chart { Title = "<script>alert('x')</script> & \"q\"", XLabel = "a<b" };
        chart.Series.Add(new Series("R&D <1>", [1, 2], [3, 4], SeriesStyle.LineAndMarkers, Color: "crimson"));
        string svg = ChartRenderer.ToSvg(chart);
        Assert.DoesNotContain("<script>", svg);
        var texts = Texts(Parse(svg));
        Assert.Contains(chart.Title, texts);
        Assert.Contains("R&D <1>", texts);
        Assert.Contains("#dc143c", svg);
    }

    [Fact]
    public void EmptyChartRendersAxesWithNoDataNote()
    {
        var chart = new Chart { Title = "empty" };
        chart.Series.Add(new Series("nothing", [double.NaN], [1]));
        var layout = ChartLayout.Compute(chart, 800, 560);
        Assert.False(layout.HasData);
        Assert.Contains("no data", Texts(Parse(ChartRenderer.ToSvg(chart))));
        Assert.Contains("no data", Texts(Parse(ChartRenderer.ToSvg(new Chart()))));
    }

    [Fact]
    public void BadInputIsReportedByName()
    {
        var chart = new Chart();
        chart.Series.Add(new Series("bad", [1, 2, 3], [1, 2]));
        Assert.Contains("'bad'", Assert.Throws<InterphaseException>(() => ChartRenderer.ToSvg(chart)).Message);
        var colour = new Chart();
        colour.Series.Add(new Series("c", [1], [1], Color: "blurple"));
        Assert.Contains("blurple", Assert.Throws<InterphaseException>(() => ChartRenderer.ToSvg(colour)).Message);
        Assert.Contains(".jpg", Assert.Throws<InterphaseException>(() => ChartRenderer.Save(Nyquist(), "/tmp/x.jpg")).Message);
    }

    [Fact]
    public void SaveWritesSvgByExtension()
    {
        string path = Path.Combine(Path.GetTempPath(), $"interphase-{Guid.NewGuid():N}", "nyquist.svg");
        ChartRenderer.Save(Nyquist(), path);
        Parse(File.ReadAllText(path));
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }

    [Theory]
    [InlineData(0.3, 0.1, 1.0, "0.3")]
    [InlineData(-0.5, 0.5, 2.0, "-0.5")]
    [InlineData(1500000, 500000, 2e6, "1.5e6")]
    [InlineData(0.00025, 0.00005, 0.0003, "2.5e-4")]
    [InlineData(200, 50, 400, "200")]
    [InlineData(1e-17, 0.1, 1, "0")]
    public void TickLabelsUseTheStepsPrecision(double v, double step, double extent, string expected) =>
        Assert.Equal(expected, AxisScale.FormatTick(v, step, extent));

    [Fact]
    public void NiceStepIsOneTwoOrFiveTimesAPowerOfTenAndRespectsTheTickBudget()
    {
        Prop.ForAll(Gen.Choose(-300, 300).ToArbitrary(), Gen.Choose(1, 999).ToArbitrary(), Gen.Choose(2, 12).ToArbitrary(), (e, m, n) =>
        {
            double span = m * Math.Pow(10, e / 10.0);
            double step = AxisScale.NiceStep(span, n);
            double mant = step / Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
            bool nice = new[] { 1.0, 2.0, 5.0, 10.0 }.Any(f => Math.Abs(mant - f) < 1e-6);
            return nice && span / step <= n * (1 + 1e-9) && span / step > n / 5.0 - 1e-9;
        }).QuickCheckThrowOnFailure();
    }
}
