using System.Xml.Linq;
using Interphase.Reporting;
using ScottPlot.Plottables;
using SkiaSharp;

namespace Interphase.Tests.Reporting;

public class ChartRendererTests
{
    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";

    internal static Chart Nyquist()
    {
        // Semicircle of an R-RC circuit: R0 = 20 Ω, R1 = 100 Ω; −Z'' plotted up.
        int n = 60;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double t = Math.PI * i / (n - 1);
            x[i] = 20 + 50 + 50 * Math.Cos(Math.PI - t);
            y[i] = 50 * Math.Sin(t);
        }
        var chart = new Chart { Title = "Nyquist: Li6PS5Cl | Li", XLabel = "Z' (Ω)", YLabel = "−Z'' (Ω)", EqualAxes = true };
        chart.Series.Add(new Series("fit", x, y));
        chart.Series.Add(new Series("measured", x.Where((_, i) => i % 5 == 0).ToArray(), y.Where((_, i) => i % 5 == 0).ToArray(), SeriesStyle.Markers));
        return chart;
    }

    internal static Chart Windows()
    {
        var chart = new Chart { Title = "Electrochemical stability windows", XLabel = "Potential (V vs Li/Li+)" };
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

    private static List<string> Texts(string svg) => Parse(svg).Descendants(Ns + "text").Select(t => t.Value.Trim()).ToList();

    /// <summary>Builds and renders the plot as the renderer does, so scales and ticks are final.</summary>
    private static ScottPlot.Plot Rendered(Chart chart, int width = 800, int height = 560)
    {
        var plot = ChartRenderer.Build(chart, width, height);
        plot.RenderInMemory(width, height);
        return plot;
    }

    [Fact]
    public void SvgCarriesTitleAxisLabelsWithUnitsAndLegend()
    {
        var chart = new Chart { Title = "Conductivity", XLabel = "t (h)", YLabel = "σ (mS/cm)" };
        double[] x = Enumerable.Range(0, 50).Select(i => i * 0.2).ToArray();
        chart.Series.Add(new Series("Li3PS4", x, x.Select(v => 1 + 0.1 * v).ToArray()));
        string svg = ChartRenderer.ToSvg(chart);
        Assert.StartsWith("<svg", svg); // no XML declaration: the same text is a file and an inline HTML figure
        Assert.Equal("800", Parse(svg).Attribute("width")!.Value);
        var texts = Texts(svg);
        foreach (var t in new[] { "Conductivity", "t (h)", "σ (mS/cm)", "Li3PS4" }) Assert.Contains(t, texts);
    }

    [Fact]
    public void NyquistHasTheSameScaleOnBothAxes()
    {
        var plot = Rendered(Nyquist());
        var rect = plot.LastRender.DataRect;
        double xPerPx = plot.Axes.Bottom.Range.Span / rect.Width;
        double yPerPx = plot.Axes.Left.Range.Span / rect.Height;
        Assert.Equal(xPerPx, yPerPx, xPerPx * 1e-3);
        // The whole semicircle (20..120 Ω wide, 0..50 Ω tall) is on screen.
        Assert.True(plot.Axes.Bottom.Range.Min <= 20 && plot.Axes.Bottom.Range.Max >= 120);
        Assert.True(plot.Axes.Left.Range.Min <= 0 && plot.Axes.Left.Range.Max >= 50);
    }

    [Fact]
    public void LogAxesHaveDecadeTicksLabelledWithTheValue()
    {
        var chart = new Chart { XLabel = "f (Hz)", YLabel = "|Z| (Ω)", LogX = true, LogY = true };
        chart.Series.Add(new Series("Bode", [0.05, 3, 2e4], [12, 150, 900], SeriesStyle.Markers));
        var plot = Rendered(chart);
        var major = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToList();
        Assert.All(major, t => Assert.Equal(Math.Round(t.Position), t.Position, 9)); // decades only
        Assert.Contains(major, t => t.Label == "1");
        Assert.Contains(major, t => t.Label == "1000");
        Assert.Contains(major, t => t.Label == "1e4");
        Assert.Contains(plot.Axes.Left.TickGenerator.Ticks, t => t.IsMajor && t.Label == "100");
        // Minor ticks sit at 2..9 × 10^k, i.e. at log10(2) ≈ 0.301 past a decade.
        Assert.Contains(plot.Axes.Bottom.TickGenerator.Ticks, t => !t.IsMajor && Math.Abs(t.Position - Math.Floor(t.Position) - Math.Log10(2)) < 1e-9);
        // Data are plotted as log10: 2e4 Hz lies at 4.30.
        var xs = plot.GetPlottables<Scatter>().Single().Data.GetScatterPoints().Select(p => p.X).ToArray();
        Assert.Equal(Math.Log10(2e4), xs[^1], 12);
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(-2, "0.01")]
    [InlineData(3, "1000")]
    [InlineData(5, "1e5")]
    [InlineData(-6, "1e-6")]
    public void DecadeLabels(double exponent, string label) => Assert.Equal(label, ChartRenderer.DecadeLabel(exponent));

    [Fact]
    public void NonFiniteAndNonPositiveLogPointsAreLeftOutAndSplitTheLine()
    {
        var chart = new Chart();
        chart.Series.Add(new Series("s", [1, 2, 3, 4, 5, 6, 7], [1, 2, double.NaN, 4, 5, double.PositiveInfinity, 7]));
        var runs = ChartRenderer.Build(chart, 800, 560).GetPlottables<Scatter>().Select(s => s.Data.GetScatterPoints().Count).ToList();
        Assert.Equal([2, 2, 1], runs);

        var log = new Chart { LogY = true };
        log.Series.Add(new Series("s", [1, 2, 3], [10, -1, 100]));
        Assert.Equal([1, 1], ChartRenderer.Build(log, 800, 560).GetPlottables<Scatter>().Select(s => s.Data.GetScatterPoints().Count).ToList());
    }

    [Fact]
    public void WindowChartDrawsOneBarPerRowFromReductionToOxidationWithRowNamesAndMarkers()
    {
        var chart = Windows();
        var plot = Rendered(chart);
        var bars = plot.GetPlottables<BarPlot>().Single().Bars;
        Assert.Equal(4, bars.Count);
        var top = bars.OrderByDescending(b => b.Position).First(); // first row (Li6PS5Cl) on top
        Assert.Equal((1.71, 2.31), (top.ValueBase, top.Value));
        Assert.Equal(2, plot.GetPlottables<VerticalLine>().Count());
        Assert.True(plot.Axes.Bottom.Range.Min <= 0 && plot.Axes.Bottom.Range.Max >= 5.0); // markers and bars on screen
        var texts = Texts(ChartRenderer.ToSvg(chart));
        foreach (var row in new[] { "Li6PS5Cl", "Li3PS4", "LiF", "LLZO-like", "Li/Li+", "NCM811 (4.3 V)" }) Assert.Contains(row, texts);
    }

    [Fact]
    public void TextIsEscapedInSvg()
    {
        var chart = new Chart { Title = "<script>alert('x')</script> & \"q\"", XLabel = "a<b" };
        chart.Series.Add(new Series("R&D <1>", [1, 2], [3, 4], SeriesStyle.LineAndMarkers, Color: "#dc143c"));
        string svg = ChartRenderer.ToSvg(chart);
        Assert.DoesNotContain("<script>", svg);
        var texts = Texts(svg);
        Assert.Contains(chart.Title, texts);
        Assert.Contains("R&D <1>", texts);
        Assert.Contains("#dc143c", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void EmptyChartRendersAxesWithNoDataNote()
    {
        var chart = new Chart { Title = "empty" };
        chart.Series.Add(new Series("nothing", [double.NaN], [1]));
        Assert.Contains("no data", Texts(ChartRenderer.ToSvg(chart)));
        Assert.Contains("no data", Texts(ChartRenderer.ToSvg(new Chart())));
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
        Assert.Contains("too small", Assert.Throws<InterphaseException>(() => ChartRenderer.ToPng(Nyquist(), 50, 50)).Message);
        Assert.Contains("too large", Assert.Throws<InterphaseException>(() => ChartRenderer.ToPng(Nyquist(), 9000, 500)).Message);
    }

    [Fact]
    public void PngHasTheRequestedSizeAndTheSeriesColourOnWhite()
    {
        var chart = new Chart { Title = "Voltage profile", XLabel = "capacity (mAh/g)", YLabel = "E (V)" };
        chart.Series.Add(new Series("flat", [0, 10], [5, 5], Color: "#d62728"));
        byte[] png = ChartRenderer.ToPng(chart, 640, 480);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var img = SKBitmap.Decode(png);
        Assert.Equal((640, 480), (img.Width, img.Height));
        Assert.Equal(SKColors.White, img.GetPixel(0, 0));
        int red = 0;
        for (int y = 0; y < img.Height; y++)
            for (int x = 0; x < img.Width; x++)
                if (img.GetPixel(x, y) is var p && Math.Abs(p.Red - 0xd6) < 20 && Math.Abs(p.Green - 0x27) < 20 && Math.Abs(p.Blue - 0x28) < 20) red++;
        Assert.True(red > 300, $"{red} series-red pixels"); // a 2 px line across the plot
    }

    [Fact]
    public void SaveWritesSvgOrPngByExtension()
    {
        string dir = Directory.CreateTempSubdirectory("interphase-chart-").FullName;
        try
        {
            ChartRenderer.Save(Nyquist(), Path.Combine(dir, "nyquist.svg"));
            Parse(File.ReadAllText(Path.Combine(dir, "nyquist.svg")));
            ChartRenderer.Save(Nyquist(), Path.Combine(dir, "nyquist.png"), 400, 300);
            using var img = SKBitmap.Decode(File.ReadAllBytes(Path.Combine(dir, "nyquist.png")));
            Assert.Equal((400, 300), (img.Width, img.Height));
        }
        finally { Directory.Delete(dir, true); }
    }
}
