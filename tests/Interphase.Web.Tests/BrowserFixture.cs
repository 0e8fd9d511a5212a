using Interphase.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Interphase.Web.Tests;

/// <summary>A [Fact] that is reported as skipped when Debian's Chromium is not installed (CI installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath)) Skip = $"Chromium not installed at {ChromiumPath} (apt-get install chromium)";
    }

    /// <summary>A file of the shared reference folder the test needs: skipped, naming it, when it is missing.</summary>
    public string? Needs
    {
        get => null;
        set => Skip ??= Interphase.Tests.SharedFiles.SkipReason([value!]);
    }
}

/// <summary>The web app on a free loopback port (real Kestrel) and headless Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private IPlaywright? _playwright;
    private readonly string _storeDir = Directory.CreateTempSubdirectory("interphase-e2e-").FullName;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return;
        _app = WebServer.Build(new WebServerOptions { Port = 0, StorePath = Path.Combine(_storeDir, "entries.db") });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First();
        // Load the entries once before the pages ask for them (a loaded machine needs a while for the 132k-row CSV).
        await _app.Services.GetRequiredService<Interphase.Web.Services.EngineProvider>().GetAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) { await _app.StopAsync(); await _app.DisposeAsync(); }
        try { Directory.Delete(_storeDir, recursive: true); } catch (IOException) { }
    }

    /// <summary>A new page (own context) at a path of the app, after Blazor has connected.</summary>
    public async Task<IPage> Open(string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(180_000);
        await page.GotoAsync(BaseUrl + path);
        // Interactive once the circuit has rendered the layout (it marks <html data-interactive>): input typed into the
        // prerendered page before that is lost when the interactive components replace it.
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.interactive === '1'", null,
            new PageWaitForFunctionOptions { Timeout = 300_000, PollingInterval = 100 });
        return page;
    }

    /// <summary>The engine the app loaded (the shared Materials Project CSV: the app's store is empty).</summary>
    public Task<Interphase.Thermodynamics.ThermoEngine> Engine() =>
        _app!.Services.GetRequiredService<Interphase.Web.Services.EngineProvider>().GetAsync();

    /// <summary>README screenshots go to docs/ of the repository.</summary>
    public static string Screenshot(string name) => Shared.Repo(Path.Combine("docs", name));
}

[CollectionDefinition("Browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;
