using System.Net;

namespace Interphase.Web.Tests;

/// <summary>Every page renders on the server (prerendered HTML) with its inputs taken from the address.</summary>
public sealed class PageTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();

    [Theory]
    [InlineData("/", "Interface reactions")]
    [InlineData("/materials", "Materials")]
    [InlineData("/materials?formula=Li6PS5Cl", "1.721 – 2.139 V")]
    [InlineData("/materials?formula=Li2S", "Li2S")]
    [InlineData("/materials?formula=LiNbO3", "median of 12 polymorphs")] // stored band gaps, as `props`
    [InlineData("/stack?example=ncm811-linbo3-lpscl-liin&run=true", "NCM811 | LiNbO3 (10 nm) | Li6PS5Cl")] // space-charge section
    [InlineData("/reactions", "Reactant a")]
    [InlineData("/reactions?a=LiCoO2&b=Li3PS4", "most exothermic")]
    [InlineData("/reactions?a=LiNbO3&b=Li6PS5Cl&volts=4", "open to Li at 4.00 V")]
    [InlineData("/stack", "ncm811-linbo3-lpscl-liin")]
    [InlineData("/stack?example=lco-llzo-li&run=true", "overall:")]
    [InlineData("/screen?cathode=LiCoO2&electrolyte=Li3PS4&candidates=LiNbO3,Li3PO4", "pass every criterion")]
    [InlineData("/impedance", "Upload a spectrum")]
    [InlineData("/cell?cell=solid-llzo", "Wh/kg")]
    [InlineData("/cell?cell=solid-llzo&separator_um=30", "Break-even")]
    [InlineData("/knowledge", "Materials (")]
    [InlineData("/knowledge?q=LLZO", "hits for")]
    [InlineData("/data", "Entry store")]
    public async Task Page_renders(string url, string expected)
    {
        var r = await _http.GetAsync(url);
        string html = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(html));
    }

    [Theory]
    [InlineData("/materials?formula=Xx2", "error: invalid formula 'Xx2'")]
    [InlineData("/reactions?a=LiCoO2&b=Qq", "error:")]
    [InlineData("/screen?electrolyte=Qq2", "error:")]
    [InlineData("/stack?yaml=bm90IGEgc3RhY2s", "error:")]
    public async Task Bad_input_shows_the_message_not_a_stack_trace(string url, string expected)
    {
        var r = await _http.GetAsync(url);
        string html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains(expected, html);
        Assert.DoesNotContain("   at Interphase", html);
    }

    [Fact]
    public async Task Unknown_page_is_a_plain_not_found()
    {
        var r = await _http.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }
}
