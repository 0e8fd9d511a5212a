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

    [ChromiumFact(Needs = "data/eis/exampleData.csv")]
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
        // Bode: |Z| on its own log axis, the phase on a second axis below
        await page.WaitForFunctionAsync("() => document.getElementById('bode-plot')?.data?.some(t => t.yaxis === 'y2')");
        Assert.Equal("log", await page.EvaluateAsync<string>("() => document.getElementById('bode-plot')._fullLayout.yaxis.type"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('bode-plot').data.filter(t => t.name.startsWith('|Z|')).every(t => (t.yaxis ?? 'y') === 'y')"));
        await page.GetByRole(AriaRole.Button, new() { Name = "DRT" }).ClickAsync();
        // γ with its two bootstrap band edges, and the peak table
        await page.WaitForFunctionAsync("() => document.getElementById('eis-extra-plot')?.data?.length >= 3");
        await page.GetByTestId("drt-peaks").WaitForAsync();
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
        await page.WaitForFunctionAsync("() => document.getElementById('stack-reaction-plot')?.data?.length > 0 && document.getElementById('space-charge-plot')?.data?.length > 0");
        // The space-charge section: the coated interface as the stack gives it (LiNbO3, 10 nm).
        Assert.Contains("NCM811 | LiNbO3 (10 nm) | Li6PS5Cl", await page.GetByTestId("space-charge").InnerTextAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.Screenshot("web-stack.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Stack_yaml_errors_name_the_line()
    {
        var page = await browser.Open("/stack");
        await page.Locator(".mud-tab", new PageLocatorOptions { HasTextString = "YAML" }).ClickAsync();
        var editor = page.GetByTestId("yaml").Locator("textarea");
        await editor.FillAsync("name: x\ncathode:\n  composition: [LiCoO2\n");
        await page.GetByTestId("yaml-error").WaitForAsync();
        Assert.Contains("line", await page.GetByTestId("yaml-error").InnerTextAsync());
    }

    [ChromiumFact]
    public async Task Stack_form_and_yaml_are_one_stack()
    {
        var page = await browser.Open("/stack?example=ncm811-lpscl-li");
        var form = page.GetByTestId("stack-form");
        async Task Set(ILocator input, string value)
        {
            await input.FillAsync(value);
            await input.PressAsync("Tab"); // the form commits a field on change, as a user leaving it does
        }
        async Task WaitValid() => await page.GetByText("valid stack:").WaitForAsync();

        await Set(form.GetByTestId("form-electrolyte-0").Locator(".form-electrolyte-composition input"), "Li3PS4");
        await WaitValid();
        await form.GetByTestId("form-add-electrolyte").ClickAsync();
        // A new layer without a thickness: the library's own message, naming the key.
        await page.GetByTestId("yaml-error").WaitForAsync();
        Assert.Contains("electrolytes[1]", await page.GetByTestId("yaml-error").InnerTextAsync());
        var second = form.GetByTestId("form-electrolyte-1").Locator("input");
        await Set(second.Nth(1), "Li7La3Zr2O12");
        await Set(second.Nth(2), "20");
        await WaitValid();
        await form.GetByTestId("form-interlayer-switch").GetByText("Anode interlayer").ClickAsync();
        await form.GetByTestId("form-interlayer-composition").Locator("input").WaitForAsync();
        await Set(form.GetByTestId("form-interlayer-composition").Locator("input"), "Li3N");
        await Set(form.GetByTestId("form-temperature").Locator("input"), "60");
        await WaitValid();

        await page.Locator(".mud-tab", new PageLocatorOptions { HasTextString = "YAML" }).ClickAsync();
        var editor = page.GetByTestId("yaml").Locator("textarea");
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=yaml] textarea').value.includes('temperature_c: 60')");
        string yaml = await editor.InputValueAsync();
        Assert.Contains("composition: Li3PS4", yaml);
        Assert.Contains("composition: Li7La3Zr2O12", yaml);
        Assert.Contains("anode_interlayer:", yaml);
        Assert.Contains("temperature_c: 60", yaml);

        // And back: a YAML edit shows in the form.
        await editor.FillAsync(yaml.Replace("temperature_c: 60", "temperature_c: 45"));
        await page.Locator(".mud-tab", new PageLocatorOptions { HasTextString = "Form" }).ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=form-temperature] input').value === '45'");

        await page.GetByTestId("run").ClickAsync();
        await page.GetByTestId("overall").WaitForAsync(new LocatorWaitForOptions { Timeout = 300_000 });
        string interfaces = await page.GetByTestId("interfaces").InnerTextAsync();
        Assert.Contains("Li3N", interfaces);
        Assert.Contains("Li7La3Zr2O12", interfaces);
    }

    [ChromiumFact]
    public async Task Stack_analysis_can_be_cancelled()
    {
        var page = await browser.Open("/stack?example=ncm811-li3incl6-lpscl-li");
        await page.GetByText("Rank coatings/interlayers").ClickAsync(); // the slow part: a screen per failing interface
        await page.GetByTestId("run").ClickAsync();
        await page.GetByTestId("cancel").ClickAsync();
        await page.GetByTestId("error").WaitForAsync(new LocatorWaitForOptions { Timeout = 300_000 });
        Assert.Contains("cancelled", await page.GetByTestId("error").InnerTextAsync());
        Assert.Equal(0, await page.GetByTestId("overall").CountAsync());
        // The page is usable again: the button is back and a new analysis (without the screen) completes.
        await page.GetByText("Rank coatings/interlayers").ClickAsync();
        await page.GetByTestId("run").ClickAsync();
        await page.GetByTestId("overall").WaitForAsync(new LocatorWaitForOptions { Timeout = 300_000 });
    }

    [ChromiumFact]
    public async Task Screen_ranks_given_candidates_and_highlights_known_coatings()
    {
        var page = await browser.Open("/screen");
        await page.GetByTestId("candidates").Locator("input").FillAsync("LiNbO3,Li3PO4,Li2SiO3,Al2O3");
        await page.GetByTestId("run").ClickAsync();
        await page.GetByTestId("screen-summary").WaitForAsync(new LocatorWaitForOptions { Timeout = 600_000 }); // hulls every system first
        // Only the four given candidates were screened (not the whole store).
        string summary = await page.GetByTestId("screen-summary").InnerTextAsync();
        int screened = int.Parse(summary.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(screened, 1, 4);
        await page.Locator("tr.known-coating").First.WaitForAsync();
        string table = await page.GetByTestId("screen-table").InnerTextAsync();
        Assert.Contains("LiNbO3", table);
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
        // Each hit cites the paper as researchers do, never a file name.
        Assert.Contains("et al., ", hits);
        Assert.Matches(@"\(20\d\d\), (Fig\. |Table |§|section )", hits);
        Assert.DoesNotContain(".txt", hits);
    }
}
