using System.Text;
using Interphase.Reporting;
using Interphase.Reporting.Png;

namespace Interphase.Tests.Reporting;

public class PngRendererTests
{
    [Fact]
    public void Crc32MatchesTheStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(PngDecoder.BitwiseCrc(Encoding.ASCII.GetBytes("IEND")), Crc32.Compute(Encoding.ASCII.GetBytes("IEND")));
        Assert.Equal(0xAE426082u, Crc32.Compute(Encoding.ASCII.GetBytes("IEND")));
    }

    [Fact]
    public void PngHasSignatureValidChunksAndRequestedSize()
    {
        byte[] png = ChartRenderer.ToPng(SvgRendererTests.Nyquist(), 640, 480);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var img = PngDecoder.Decode(png);
        Assert.Equal((640, 480), (img.Width, img.Height));
        Assert.Equal("IHDR", img.Chunks[0]);
        Assert.Equal("IEND", img.Chunks[^1]);
        Assert.Contains("IDAT", img.Chunks);
    }

    [Fact]
    public void SeriesPixelsHaveTheSeriesColourOnAWhiteBackground()
    {
        var chart = new Chart { Title = "Voltage profile", XLabel = "capacity / mAh g⁻¹", YLabel = "E / V" };
        chart.Series.Add(new Series("flat", [0, 10], [5, 5], Color: "#d62728"));
        chart.Series.Add(new Series("points", [2, 4, 6, 8], [1, 2, 3, 4], SeriesStyle.Markers, Color: "#2ca02c"));
        var img = PngDecoder.Decode(ChartRenderer.ToPng(chart));
        var layout = ChartLayout.Compute(chart, 800, 560, ChartFormat.Png);

        Assert.Equal((255, 255, 255, 255), img[0, 0]);
        Assert.Equal((255, 255, 255, 255), img[799, 559]);
        int white = 0;
        for (int y = 0; y < img.Height; y++)
            for (int x = 0; x < img.Width; x++)
                if (img[x, y] == (255, 255, 255, 255)) white++;
        Assert.True(white > 0.8 * 800 * 560, $"white fraction {white / (800.0 * 560):F2}");

        // The 2 px line y = 5 covers the pixel under its centre along the whole plot.
        for (double x = 0.5; x <= 9.5; x += 1)
        {
            var (px, py) = layout.Map(x, 5);
            Assert.Equal((214, 39, 40, 255), img[(int)px, (int)py]);
        }
        foreach (var (x, y) in new[] { (2.0, 1.0), (4.0, 2.0), (6.0, 3.0), (8.0, 4.0) })
        {
            var (px, py) = layout.Map(x, y);
            Assert.Equal((44, 160, 44, 255), img[(int)px, (int)py]);
        }
        // Title text is drawn in dark ink above the plot.
        int ink = 0;
        for (int y = 0; y < layout.PlotTop; y++)
            for (int x = 0; x < 800; x++)
                if (img[x, y].R < 80) ink++;
        Assert.True(ink > 100, $"{ink} ink pixels in the title band");
    }

    [Fact]
    public void SeriesColourAppearsOnlyInThePlotAreaAndTheLegendSwatch()
    {
        var chart = new Chart();
        chart.Series.Add(new Series("s", [0, 1, 2], [0, 1, 0], SeriesStyle.LineAndMarkers, Color: "#0000ff"));
        var layout = ChartLayout.Compute(chart, 400, 300, ChartFormat.Png);
        var img = PngDecoder.Decode(ChartRenderer.ToPng(chart, 400, 300));
        var (lx, ly, lw, lh) = layout.LegendBox;
        int inPlot = 0, inLegend = 0;
        for (int y = 0; y < img.Height; y++)
            for (int x = 0; x < img.Width; x++)
            {
                var p = img[x, y];
                if (!(p.B > 200 && p.R < 60 && p.G < 60)) continue;
                bool plot = x >= layout.PlotLeft - 1 && x <= layout.PlotRight + 1 && y >= layout.PlotTop - 1 && y <= layout.PlotBottom + 1;
                bool legend = x >= lx && x <= lx + lw && y >= ly && y <= ly + lh;
                Assert.True(plot || legend, $"series colour at ({x}, {y})");
                if (plot) inPlot++; else inLegend++;
            }
        Assert.True(inPlot > 400, $"{inPlot} line pixels");
        Assert.True(inLegend > 20, $"{inLegend} legend pixels");
    }

    [Fact]
    public void SaveWritesPngByExtension()
    {
        string path = Path.Combine(Path.GetTempPath(), $"interphase-{Guid.NewGuid():N}.png");
        ChartRenderer.Save(SvgRendererTests.Windows(), path, 500, 400);
        var img = PngDecoder.Decode(File.ReadAllBytes(path));
        Assert.Equal((500, 400), (img.Width, img.Height));
        File.Delete(path);
    }

    [Fact]
    public void EveryPrintableAsciiGlyphHasInkAndIsDistinct()
    {
        var glyphs = Enumerable.Range('!', '~' - '!' + 1).Select(c => BitmapFont.Glyph((char)c)).ToList();
        Assert.All(glyphs, g => Assert.NotEqual(0UL, g));
        Assert.Equal(glyphs.Count, glyphs.Distinct().Count());
        Assert.Equal(0UL, BitmapFont.Glyph(' '));
    }

    [Theory]
    [InlineData("Ω·cm²", "Ω·cm²")]
    [InlineData("µS/cm", "µS/cm")]
    [InlineData("\u03bcm", "µm")]
    [InlineData("V vs Li/Li⁺", "V vs Li/Li⁺")]
    [InlineData("−0.5 – 1", "-0.5 - 1")]
    [InlineData("Pécheur", "Pecheur")]
    [InlineData("10⁻⁴ S", "10⁻⁴ S")]
    [InlineData("中", "?")]
    public void FontNormalisesTextToItsGlyphs(string text, string expected) =>
        Assert.Equal(expected, BitmapFont.Normalize(text));
}
