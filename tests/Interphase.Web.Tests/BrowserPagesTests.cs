using Microsoft.Playwright;

namespace Interphase.Web.Tests;

/// <summary>End-to-end on every page: load it, fill its form, read the result; README screenshots from the same runs.</summary>
[Collection("Browser")]
public sealed class BrowserPagesTests(BrowserFixture browser)
{
    [ChromiumFact]
    public async Task Every_page_loads_without_an_error()
    {
        foreach (var (path, heading) in new[]
        {
            ("/", "Interphase"), ("/stack", "Stack analysis"), ("/materials", "Materials"), ("/reactions", "Interface reactions"),
            ("/screen", "Coating and interlayer screen"), ("/impedance", "Impedance"), ("/cell", "Cell energy density"),
            ("/knowledge", "Knowledge base"), ("/data", "Data"),
        })
        {
            var page = await browser.Open(path);
            Assert.Contains(heading, await page.Locator(".mud-main-content").InnerTextAsync());
            Assert.False(await page.Locator("#blazor-error-ui").IsVisibleAsync(), $"{path}: the app reported an error");
            await page.Context.CloseAsync();
        }
    }

    [ChromiumFact]
    public async Task Impedance_upload_and_fit_gives_R0_of_the_example()
    {
        var page = await browser.Open("/impedance");
        await page.Locator("input[type=file]").SetInputFilesAsync(Shared.Path("data/eis/exampleData.csv"));
        try { await page.GetByTestId("loaded").WaitForAsync(); }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetTempPath(), "interphase-impedance-failure.png") });
            throw;
        }
        await page.WaitForFunctionAsync("() => document.getElementById('nyquist-plot')?.data?.length > 0");
        Assert.Contains("57 points", await page.GetByTestId("loaded").InnerTextAsync());
        await page.GetByTestId("fit").ClickAsync();
        var r0 = page.Locator("[data-testid=param-R0] .value");
        await r0.WaitForAsync();
        double value = double.Parse(await r0.InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0.0165, value, 0.0002); // impedance.py's fit of the same file
        await page.WaitForFunctionAsync("() => document.getElementById('nyquist-plot').data.length >= 2");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("web-impedance.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Example_stack_runs_and_shows_its_verdicts()
    {
        var page = await browser.Open("/stack?example=ncm811-linbo3-lpscl-liin");
        await page.GetByTestId("run").ClickAsync();
        await page.GetByTestId("overall").WaitForAsync(new LocatorWaitForOptions { Timeout = 180_000 });
        string interfaces = await page.GetByTestId("interfaces").InnerTextAsync();
        Assert.Contains("NCM811 | LiNbO3", interfaces);
        Assert.Matches("ok|warning|fail", await page.GetByTestId("overall").InnerTextAsync());
        Assert.Matches("(ok|warning|fail)", interfaces);
        await page.WaitForFunctionAsync("() => document.getElementById('stack-reaction-plot')?.data?.length > 0");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("web-stack.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Stack_yaml_errors_name_the_line()
    {
        var page = await browser.Open("/stack");
        var editor = page.GetByTestId("yaml").Locator("textarea");
        await editor.FillAsync("name: x\ncathode:\n  composition: [LiCoO2\n");
        await page.GetByTestId("yaml-error").WaitForAsync();
        Assert.Contains("line", await page.GetByTestId("yaml-error").InnerTextAsync());
    }

    [ChromiumFact]
    public async Task Screen_ranks_given_candidates_and_highlights_known_coatings()
    {
        var page = await browser.Open("/screen");
        await page.GetByTestId("candidates").Locator("input").FillAsync("LiNbO3,Li3PO4,Li2SiO3,Al2O3");
        await page.GetByTestId("run").ClickAsync();
        await page.GetByTestId("screen-table").WaitForAsync(new LocatorWaitForOptions { Timeout = 600_000 }); // hulls every system first
        string table = await page.GetByTestId("screen-table").InnerTextAsync();
        Assert.Contains("LiNbO3", table);
        Assert.True(await page.Locator("tr.known-coating").CountAsync() > 0, "no known coating highlighted");
        Assert.Contains("candidates=", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("web-screen.png") });
    }

    [ChromiumFact]
    public async Task Cell_sliders_update_the_energy()
    {
        var page = await browser.Open("/cell?cell=solid-llzo");
        string before = await page.GetByTestId("energy").InnerTextAsync();
        var slider = page.Locator("input[type=range]").First;
        await slider.FocusAsync();
        await slider.PressAsync("Home");
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-testid=energy]').innerText !== {System.Text.Json.JsonSerializer.Serialize(before)}");
        Assert.Contains("separator_um=1", page.Url);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("web-cell.png") });
    }

    [ChromiumFact]
    public async Task Knowledge_search_shows_citations()
    {
        var page = await browser.Open("/knowledge?q=LLZO");
        string hits = await page.GetByTestId("hits").InnerTextAsync();
        Assert.Contains(".txt", hits); // seed file of each citation
    }
}
