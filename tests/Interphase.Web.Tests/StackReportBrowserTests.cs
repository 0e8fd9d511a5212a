using Interphase.Knowledge;
using Interphase.Stacks;
using Microsoft.Playwright;
using SkiaSharp;

namespace Interphase.Web.Tests;

/// <summary>
/// The main job's HTML report (what <c>interphase analyze --html</c> writes) as a browser shows it: it lives here, with
/// the browser these tests already run, because starting Chromium for one page costs about 5 s of CPU.
/// </summary>
[Collection("Browser")]
public sealed class StackReportBrowserTests(BrowserFixture browser)
{
    [ChromiumFact]
    public async Task The_stack_report_renders_with_its_charts()
    {
        var stack = StackReader.ReadFile(Shared.Repo("examples/stacks/lco-llzo-li.yaml"));
        var analysis = new StackAnalyzer(await browser.Engine(), KnowledgeBase.Load()).Analyze(stack);
        string path = Path.Combine(Path.GetTempPath(), $"interphase-report-{Guid.NewGuid():N}.html");
        try
        {
            StackReport.Build(analysis).Save(path);
            await using var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 1600 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(path).AbsoluteUri);
            byte[] png = await page.ScreenshotAsync();
            string dom = await page.ContentAsync();

            using var img = SKBitmap.Decode(png);
            Assert.Equal((1200, 1600), (img.Width, img.Height));
            // Something was painted: plenty of non-white pixels, and the stability-window chart's blue bar (the only
            // strongly blue area at the top of the page; text and badges are grey, green and amber).
            int blue = 0, nonWhite = 0;
            for (int y = 0; y < img.Height; y += 2)
                for (int x = 0; x < img.Width; x += 2)
                {
                    var c = img.GetPixel(x, y);
                    if (c.Red != 255 || c.Green != 255 || c.Blue != 255) nonWhite++;
                    if (c.Blue > c.Red + 60 && c.Blue > c.Green + 30) blue++;
                }
            Assert.True(nonWhite > 5000, $"{nonWhite} non-white pixels");
            Assert.True(blue > 10_000, $"{blue} chart-blue pixels");
            // The browser's parsed document keeps both inline plots and the interfaces.
            Assert.True(System.Text.RegularExpressions.Regex.Matches(dom, "<svg").Count >= 2);
            Assert.Contains("LLZO | Li", dom);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
