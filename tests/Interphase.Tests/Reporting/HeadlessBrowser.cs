using Microsoft.Playwright;

namespace Interphase.Tests.Reporting;

/// <summary>
/// Renders HTML files in headless Chromium (Debian's, driven by Playwright) when it is installed. One browser serves
/// every test of the run: starting Chromium costs a second or two of CPU, a page a tenth of that.
/// </summary>
internal static class HeadlessBrowser
{
    public const string Executable = "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(Executable);

    /// <summary>Reports the calling <c>[SkippableFact]</c> as skipped (not passed) when Chromium is not installed.</summary>
    public static void SkipUnlessAvailable() => Skip.IfNot(IsAvailable, $"{Executable} not found: nothing to render the report with");

    private static readonly Lazy<Task<IBrowser>> Browser = new(Launch, LazyThreadSafetyMode.ExecutionAndPublication);

    private static async Task<IBrowser> Launch()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            playwright.Dispose();
        };
        return browser;
    }

    /// <summary>
    /// Loads <paramref name="htmlPath"/> in a page of <paramref name="width"/> × <paramref name="height"/> pixels and
    /// returns a PNG screenshot of that viewport and the document as the browser parsed it (proves the page loads and
    /// what it contains).
    /// </summary>
    public static async Task<(byte[] Png, string Dom)> Render(string htmlPath, int width, int height)
    {
        var browser = await Browser.Value;
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        byte[] png = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png });
        return (png, await page.ContentAsync());
    }
}
