using System.Text.RegularExpressions;
using Interphase.Reporting;
using SkiaSharp;

namespace Interphase.Tests.Reporting;

public class HtmlReportTests
{
    internal static HtmlReport Example() =>
        new HtmlReport("Li6PS5Cl | NCM811 interface", "Screening report")
            .Section("Stability")
            .Paragraph("Windows from the grand-potential phase diagram.\n\nSecond paragraph.")
            .KeyValues([("Electrolyte", "Li6PS5Cl"), ("Window / V", "1.71–2.31"), ("Verdict", Verdict.Warning)])
            .Figure(ChartRendererTests.Windows(), "Stability windows vs Li/Li+")
            .Note("Cathode potential exceeds the oxidation limit.", Verdict.Fail)
            .Section("Impedance")
            .Table(["Cell", "R_int / Ω cm²", "σ / mS cm⁻¹", "Pass"],
                [["A", 12.5, 2.1e-3, Verdict.Ok], ["B", double.NaN, 1.5, Verdict.Fail]], "Fitted resistances")
            .Figure(ChartRendererTests.Nyquist(), "Nyquist plot")
            .Note("Fit residuals below 1 %.", Verdict.Ok);

    [Fact]
    public void UserTextIsEscapedEverywhere()
    {
        const string evil = "<script>alert(1)</script>";
        var chart = new Chart { Title = evil };
        chart.Series.Add(new Series(evil, [1, 2], [1, 2]));
        string html = new HtmlReport(evil, evil).Section(evil).Heading(evil).Paragraph(evil).Preformatted(evil)
            .KeyValues([(evil, evil)]).Table([evil], [[evil]], evil).Figure(chart, evil).Note(evil, Verdict.Warning).Render();
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // title ×2 (title, h1), subtitle, section, heading, paragraph, pre, key, value, header, cell, caption,
        // chart title, legend, figure caption, note
        Assert.Equal(16, Regex.Matches(html, Regex.Escape("&lt;script&gt;alert(1)&lt;/script&gt;")).Count);
    }

    [Fact]
    public void ReportIsSelfContainedWithInlineSvgFigures()
    {
        string html = Example().Render();
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Equal(2, Regex.Matches(html, "<svg ").Count);
        Assert.Equal(2, Regex.Matches(html, "</svg>").Count);
        // Nothing is fetched: the only URIs are the SVG and XLink namespace names.
        Assert.DoesNotMatch(new Regex("https?:", RegexOptions.IgnoreCase), html.Replace("http://www.w3.org/2000/svg", "").Replace("http://www.w3.org/1999/xlink", ""));
        Assert.DoesNotMatch(new Regex(@"\b(src|href)\s*=", RegexOptions.IgnoreCase), html);
        Assert.Contains("<style>", html);
        // Clip paths of the two figures do not collide.
        var ids = Regex.Matches(html, "clipPath id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains(ids, id => id.StartsWith("fig1-", StringComparison.Ordinal));
        Assert.Contains(ids, id => id.StartsWith("fig2-", StringComparison.Ordinal));
        Assert.Contains("<figcaption>Nyquist plot</figcaption>", html);
    }

    [Fact]
    public void TablesAlignNumbersAndShowVerdictBadges()
    {
        string html = Example().Render();
        Assert.Contains("<td>A</td><td class=\"num\">12.5</td><td class=\"num\">0.0021</td><td><span class=\"badge ok\">OK</span></td>", html);
        Assert.Contains("<td class=\"num\">–</td>", html);
        Assert.Contains("<th>R_int / Ω cm²</th>", html);
        Assert.Contains("<div class=\"note fail\"><span class=\"badge fail\">FAIL</span> Cathode potential", html);
        Assert.Contains("<dd><span class=\"badge warning\">WARNING</span></dd>", html);
        Assert.Equal(2, Regex.Matches(html, "<section>").Count);
        Assert.Equal(2, Regex.Matches(html, "<p>").Count);
    }

    [Fact]
    public void NumbersUseSixSignificantDigitsAndLowercaseExponents()
    {
        string html = new HtmlReport("n").Table(["v"], [[1.0 / 3], [1.5e-7], [2.5e12], [42]]).Render();
        Assert.Contains(">0.333333<", html);
        Assert.Contains(">1.5e-07<", html);
        Assert.Contains(">2.5e12<", html);
        Assert.Contains(">42<", html);
    }

    [Fact]
    public void RaggedTableRowIsReported()
    {
        var e = Assert.Throws<InterphaseException>(() => new HtmlReport("t").Table(["a", "b"], [["1", "2"], ["3"]]));
        Assert.Contains("row 2", e.Message);
    }

    [Fact]
    public void SaveWritesUtf8WithoutBom()
    {
        string path = Path.Combine(Path.GetTempPath(), $"interphase-{Guid.NewGuid():N}", "report.html");
        Example().Save(path);
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal((byte)'<', bytes[0]);
        Assert.Contains("Ω cm²", File.ReadAllText(path));
        Directory.Delete(Path.GetDirectoryName(path)!, true);
    }
}
