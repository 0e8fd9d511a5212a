using System.Net;
using System.Text;
using System.Text.Json;
using Interphase.Data;
using Interphase.Web;

namespace Interphase.Web.Tests;

/// <summary>
/// Only the app's own pages may use it: a foreign <c>Host</c> (DNS rebinding) answers 400, a cross-origin or
/// cross-site write answers 403, both with <c>{"error": …}</c>, and nothing changes; bad parameters answer 400 with a
/// message on the API and a clear message on pages; upload errors name the upload, never the server's paths.
/// </summary>
public sealed class OriginTests : IDisposable
{
    private readonly WebAppFactory _app = new();
    private readonly HttpClient _http;

    public OriginTests() => _http = _app.CreateClient();

    public void Dispose() => _app.Dispose();

    // A three-entry source that made Li2O +9.99 eV/atom above its elements: what a foreign page tried to import.
    private const string Poison = "formula,e_form_per_atom\nLi1,0\nLi2O1,9.99\nO2,0\n";

    private static HttpRequestMessage Import(string csv, string name = "evil.csv", string source = "evil")
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", name);
        return new HttpRequestMessage(HttpMethod.Post, $"/api/data/import?source={source}") { Content = form };
    }

    private static async Task<string> Error(HttpResponseMessage r)
    {
        using var doc = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("error").GetString()!;
    }

    private bool StoreHas(string source)
    {
        if (!File.Exists(_app.StorePath)) return false;
        using var s = EntryStore.OpenReadOnly(_app.StorePath);
        return s.Sources().Any(x => x.Name == source);
    }

    [Theory]
    [InlineData("Origin", "http://attacker.example")]
    [InlineData("Origin", "http://127.0.0.1:5001")] // another port is another origin
    [InlineData("Origin", "null")]                   // sandboxed frames and file:// pages
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_write_from_another_origin_is_refused_and_changes_nothing(string header, string value)
    {
        using var request = Import(Poison);
        request.Headers.TryAddWithoutValidation(header, value);
        var r = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("may not", await Error(r));
        Assert.False(StoreHas("evil"));
    }

    [Fact]
    public async Task The_apps_own_pages_and_clients_that_are_not_browsers_may_write()
    {
        using var own = Import("formula,e_form_per_atom\nLi1,0\nLi2O1,-2.07\nO2,0\n", source: "own");
        own.Headers.TryAddWithoutValidation("Origin", "http://localhost");
        own.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(own)).StatusCode);
        // curl and scripts send neither header (a browser always sends one on a cross-origin POST).
        using var curl = Import("formula,e_form_per_atom\nLi1,0\nLi2O1,-2.07\nO2,0\n", source: "curl");
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(curl)).StatusCode);
        Assert.True(StoreHas("own") && StoreHas("curl"));
    }

    [Fact]
    public async Task Reads_from_a_foreign_origin_are_refused_links_from_other_sites_still_open_pages()
    {
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/kb/search?q=LLZO");
        read.Headers.TryAddWithoutValidation("Origin", "http://attacker.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(read)).StatusCode);
        // A no-cors fetch, a script or an image from another site carries no Origin, only Sec-Fetch-*: refused too.
        foreach (var (mode, dest) in new[] { ("no-cors", "empty"), ("no-cors", "script"), ("navigate", "iframe") })
        {
            using var embed = new HttpRequestMessage(HttpMethod.Get, "/api/kb/search?q=LLZO");
            embed.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
            embed.Headers.TryAddWithoutValidation("Sec-Fetch-Mode", mode);
            embed.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", dest);
            Assert.Equal(HttpStatusCode.Forbidden, (await _http.SendAsync(embed)).StatusCode);
        }
        // A link followed from another site (a top-level navigation, no Origin): the page opens.
        using var link = new HttpRequestMessage(HttpMethod.Get, "/knowledge?q=LLZO");
        link.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "cross-site");
        link.Headers.TryAddWithoutValidation("Sec-Fetch-Mode", "navigate");
        link.Headers.TryAddWithoutValidation("Sec-Fetch-Dest", "document");
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(link)).StatusCode);
        // Typed in the address bar or opened from a bookmark.
        using var typed = new HttpRequestMessage(HttpMethod.Get, "/knowledge?q=LLZO");
        typed.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "none");
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(typed)).StatusCode);
    }

    [Theory]
    [InlineData("attacker.example")]
    [InlineData("attacker.example:5000")]
    [InlineData("127.0.0.1.attacker.example")]
    [InlineData("localhost.attacker.example")]
    public async Task A_foreign_host_name_is_refused(string host)
    {
        // DNS rebinding: a name that re-resolves to 127.0.0.1 arrives with that name in Host.
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/kb/search?q=LLZO");
        api.Headers.Host = host;
        var r = await _http.SendAsync(api);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("answers only to its own address", await Error(r));
        using var page = new HttpRequestMessage(HttpMethod.Get, "/materials?formula=Li2O");
        page.Headers.Host = host;
        var p = await _http.SendAsync(page);
        Assert.Equal(HttpStatusCode.BadRequest, p.StatusCode);
        Assert.StartsWith("error: ", await p.Content.ReadAsStringAsync());
        using var write = Import(Poison);
        write.Headers.Host = host;
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(write)).StatusCode);
        Assert.False(StoreHas("evil"));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("localhost:5000")]
    [InlineData("127.0.0.1:5000")]
    [InlineData("[::1]:5000")]
    [InlineData("LOCALHOST")]
    public async Task Loopback_names_are_accepted(string host)
    {
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/kb/search?q=LLZO");
        api.Headers.Host = host;
        Assert.Equal(HttpStatusCode.OK, (await _http.SendAsync(api)).StatusCode);
    }

    [Fact]
    public void The_configured_host_is_accepted_and_every_interface_accepts_any_name()
    {
        static string[] Hosts(string host) => RequestOriginGuard.AllowedHosts(new WebServerOptions { Host = host }).Select(h => h.Value!).ToArray();
        Assert.Equal(["localhost", "127.0.0.1", "[::1]"], Hosts("127.0.0.1"));
        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "192.168.1.5"], Hosts("192.168.1.5"));
        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "[fe80::1]"], Hosts("fe80::1"));
        // Every interface: other machines use names this one cannot know; the access token guards that case.
        Assert.Equal(["*"], Hosts("0.0.0.0"));
    }

    [Theory]
    [InlineData("/api/react?a=Li2O&b=Li2S&volts=abc", "volts")]
    [InlineData("/api/hull", "formula")]
    [InlineData("/api/react?a=Li2O&b=Li2S&entryEnergy=maybe", "entryEnergy")]
    public async Task A_parameter_the_api_cannot_bind_answers_400_with_a_message(string url, string name)
    {
        var r = await _http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(name, await Error(r));
    }

    [Fact]
    public async Task The_api_refuses_a_voltage_beyond_any_couple()
    {
        var r = await _http.GetAsync("/api/react?a=Li2O&b=Li2S&volts=1e308");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("give a voltage from 0 to 20 V", await Error(r));
    }

    [Theory]
    [InlineData("/reactions?a=LiCoO2&b=Li3PS4&volts=abc", "error: the address's volts=abc is not a number")]
    [InlineData("/reactions?a=LiCoO2&b=Li3PS4&volts=1e308", "error: voltage 1E+308 V: give a voltage from 0 to 20 V")]
    [InlineData("/reactions?a=LiCoO2&b=Li3PS4&volts=25", "error: voltage 25 V: give a voltage from 0 to 20 V")]
    [InlineData("/impedance?area=abc", "error: the address's area=abc is not a number")]
    [InlineData("/stack?run=maybe", "error: the address's run=maybe is not true or false")]
    [InlineData("/screen?electrolyte=Li3PS4&e_above_hull=abc", "error: the address's e_above_hull=abc is not a number")]
    [InlineData("/cell?cell=solid-llzo&gain=abc", "error: the address's gain=abc is not a number")]
    public async Task A_bad_address_parameter_shows_a_clear_message_not_an_internal_error(string url, string expected)
    {
        var r = await _http.GetAsync(url);
        string html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("internal error", html);
    }

    [Fact]
    public async Task An_upload_error_names_the_upload_never_the_servers_temporary_path()
    {
        using var bad = Import("formula,e_form_per_atom\nLi2O,-2\nXx2,1\n", name: "my-entries.csv", source: "mine");
        var r = await _http.SendAsync(bad);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        string error = await Error(r);
        Assert.StartsWith("my-entries.csv, line 3:", error);
        Assert.DoesNotContain(Path.GetTempPath(), error);
        Assert.DoesNotContain("interphase-upload-", error);
        Assert.False(StoreHas("mine"));
    }

    [Fact]
    public async Task An_upload_with_an_amount_beyond_any_formula_is_refused_whole()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/data/import?source=poison");
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("""
            [{"@class": "ComputedEntry", "composition": {"Li": 2.0, "O": 1.0}, "energy": -14.0},
             {"@class": "ComputedEntry", "composition": {"Li": 1e300}, "energy": -1.0}]
            """)), "file", "poison.json");
        request.Content = form;
        var r = await _http.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("poison.json, entry 1: amount of Li (1E+300) is more than 1,000,000 atoms", await Error(r));
        Assert.False(StoreHas("poison"));
    }
}
