using Interphase.Data;
using Interphase.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Interphase.Web.Tests;

/// <summary>
/// In a real browser: a page served by another local server (another 127.0.0.1 port, so another origin) cannot change
/// the store or read an API answer, and a page reached through a name that resolves to 127.0.0.1 (DNS rebinding,
/// simulated with Chromium's host resolver rules) is refused.
/// </summary>
public sealed class CrossOriginBrowserTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("interphase-origin-").FullName;
    private WebApplication? _app, _attacker;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string _appUrl = "", _attackerUrl = "";

    private string StorePath => Path.Combine(_dir, "entries.db");

    // What the page from the other origin runs: the multipart no-cors import of the reproducer, then a read.
    private const string AttackPage = """
        <!doctype html><html><body><script>
        window.attack = async (target) => {
          const out = {};
          const fd = new FormData();
          fd.append('file', new Blob(['formula,e_form_per_atom\nLi1,0\nLi2O1,9.99\nO2,0\n'], {type: 'text/csv'}), 'evil.csv');
          try { const r = await fetch(target + '/api/data/import?source=evil', {method: 'POST', mode: 'no-cors', body: fd}); out.write = r.type; }
          catch (e) { out.write = 'failed: ' + e; }
          try { const r = await fetch(target + '/api/hull?formula=Li2O'); out.read = await r.text(); }
          catch (e) { out.read = 'blocked: ' + e; }
          try { const r = await fetch(target + '/api/hull?formula=Li2O', {mode: 'no-cors'}); out.opaque = r.type + ':' + (await r.text()).length; }
          catch (e) { out.opaque = 'failed: ' + e; }
          return out;
        };
        </script></body></html>
        """;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumFactAttribute.ChromiumPath)) return;
        string data = Path.Combine(_dir, "small.csv");
        await File.WriteAllTextAsync(data, "formula,e_form_per_atom\nLi1,0\nLi2O1,-2.0712\nO2,0\n");
        _app = WebServer.Build(new WebServerOptions { Port = 0, StorePath = StorePath, DataFiles = [data] });
        await _app.StartAsync();
        _appUrl = _app.Urls.First();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _attacker = builder.Build();
        _attacker.MapGet("/", () => Results.Content(AttackPage, "text/html"));
        await _attacker.StartAsync();
        _attackerUrl = _attacker.Urls.First();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ChromiumPath,
            Headless = true,
            // rebind.test resolves to this machine, as a rebinding domain does after its first answer.
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--host-resolver-rules=MAP rebind.test 127.0.0.1"],
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        foreach (var app in new[] { _app, _attacker })
            if (app is not null) { await app.StopAsync(); await app.DisposeAsync(); }
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private bool StoreHas(string source)
    {
        if (!File.Exists(StorePath)) return false;
        using var s = EntryStore.OpenReadOnly(StorePath);
        return s.Sources().Any(x => x.Name == source);
    }

    private sealed class Attack
    {
        public string Write { get; set; } = "";
        public string Read { get; set; } = "";
        public string Opaque { get; set; } = "";
    }

    [ChromiumFact]
    public async Task A_page_from_another_origin_cannot_change_the_store_or_read_an_answer()
    {
        var page = await _browser!.NewPageAsync();
        var refused = new List<(string Url, int Status)>();
        page.Response += (_, r) => refused.Add((r.Url, r.Status));
        await page.GotoAsync(_attackerUrl + "/");
        var result = await page.EvaluateAsync<Attack>("t => window.attack(t)", _appUrl);
        // The write is sent (no-cors needs no permission), and the server refuses it: the store has no such source.
        Assert.Equal("opaque", result.Write);
        Assert.False(StoreHas("evil"), "the page from another origin imported into the store");
        Assert.Contains(refused, r => r.Url.Contains("/api/data/import", StringComparison.Ordinal) && r.Status == 403);
        // The read is blocked twice over: the server refuses the foreign origin and the browser gives the page nothing.
        Assert.StartsWith("blocked: TypeError", result.Read);
        Assert.Equal("opaque:0", result.Opaque);
        var reads = refused.Where(r => r.Url.Contains("/api/hull", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(reads);
        Assert.All(reads, r => Assert.Equal(403, r.Status));
        // The app's own page still reads (same origin).
        var own = await _browser.NewPageAsync();
        var answer = await own.GotoAsync(_appUrl + "/api/hull?formula=Li2O");
        Assert.Equal(200, answer!.Status);
        Assert.Contains("e_above_hull", await answer.TextAsync());
    }

    [ChromiumFact]
    public async Task A_name_that_rebinds_to_this_machine_gets_no_page_and_no_answer()
    {
        var page = await _browser!.NewPageAsync();
        string port = new Uri(_appUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var r = await page.GotoAsync($"http://rebind.test:{port}/materials?formula=Li2O");
        Assert.Equal(400, r!.Status);
        Assert.Contains("answers only to its own address", await page.InnerTextAsync("body"));
        // From that origin the rebinding page's own requests are same-origin for the browser, so only the Host check stops them.
        var result = await page.EvaluateAsync<Attack>("async t => { const fd = new FormData(); fd.append('file', new Blob(['formula,e_form_per_atom\\nLi1,0\\n']), 'x.csv');" +
            "const w = await fetch(t + '/api/data/import?source=evil', {method: 'POST', body: fd}); const h = await fetch(t + '/api/hull?formula=Li2O');" +
            "return {write: String(w.status), read: await h.text(), opaque: ''}; }", $"http://rebind.test:{port}");
        Assert.Equal("400", result.Write);
        Assert.Contains("answers only to its own address", result.Read);
        Assert.DoesNotContain("e_above_hull", result.Read);
        Assert.False(StoreHas("evil"));
    }
}
