using Interphase.Tests;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Interphase.Web.Tests;

/// <summary>The JSON API against the CLI's <c>--json</c> for the same inputs, and its error answers.</summary>
[Collection("Console")]
public sealed class ApiTests(WebAppFactory app) : IClassFixture<WebAppFactory>
{
    private readonly HttpClient _http = app.CreateClient();

    private async Task<JsonElement> Get(string url)
    {
        var r = await _http.GetAsync(url);
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{url}: {(int)r.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private string[] Cli(params string[] args) => [.. args, "--json", "--store", app.StorePath];

    [Theory]
    [InlineData("Li6PS5Cl")]
    [InlineData("Li7La3Zr2O12")]
    [InlineData("LiNbO3")]
    public async Task Hull_and_window_are_the_CLIs(string formula)
    {
        JsonAssert.Same(CliJson.Run(Cli("hull", formula)), await Get($"/api/hull?formula={formula}"));
        JsonAssert.Same(CliJson.Run(Cli("window", formula)), await Get($"/api/window?formula={formula}"));
    }

    [Theory]
    [InlineData("LiNbO3")]
    [InlineData("Li6PS5Cl")]
    public async Task Props_are_the_CLIs(string formula)
    {
        var api = await Get($"/api/props?formula={formula}");
        JsonAssert.Same(CliJson.Run(Cli("props", formula)), api);
        // Materials Project PBE band gaps in the shared property files: LiNbO3's polymorph median is 3.031 eV.
        if (formula == "LiNbO3") Assert.Equal(3.031, api.GetProperty("band_gap_ev").GetDouble(), 0.001);
    }

    [Fact]
    public async Task Window_of_Li6PS5Cl_is_the_reviews()
    {
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), Table 2 / Zhu et al.: Li6PS5Cl is stable between about 1.71 and 2.14 V (computed).
        var w = (await Get("/api/window?formula=Li6PS5Cl")).GetProperty("window_v");
        Assert.InRange(w[0].GetDouble(), 1.65, 1.75);
        Assert.InRange(w[1].GetDouble(), 2.10, 2.18);
    }

    [Theory]
    [InlineData("LiCoO2", "Li3PS4", null)]
    [InlineData("LiCoO2", "Li3PS4", "3")]
    [InlineData("LiNbO3", "Li6PS5Cl", "4")]
    public async Task React_is_the_CLIs(string a, string b, string? volts)
    {
        var cli = volts is null ? Cli("react", a, b) : Cli("react", a, b, "--volts", volts);
        JsonAssert.Same(CliJson.Run(cli), await Get($"/api/react?a={a}&b={b}" + (volts is null ? "" : $"&volts={volts}")));
    }

    [SharedFact("data/eis/exampleData.csv")]
    public async Task Eis_fit_of_the_example_is_the_CLIs()
    {
        string file = Shared.Path("data/eis/exampleData.csv");
        const string circuit = "R0-p(R1,C1)-p(R2-Wo1,C2)";
        var cli = CliJson.Run("eis", "fit", file, "--circuit", circuit, "--json");
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(await File.ReadAllBytesAsync(file)), "file", "exampleData.csv");
        var r = await _http.PostAsync($"/api/eis/fit?circuit={Uri.EscapeDataString(circuit)}", form);
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        var api = JsonDocument.Parse(body).RootElement;
        JsonAssert.Same(cli, api, ignore: new HashSet<string> { "$.file" }, rel: 1e-6);
        // impedance.py fits R0 = 0.0165 Ω on this file (its README example).
        Assert.Equal(0.0165, api.GetProperty("parameters").GetProperty("R0").GetDouble(), 0.0005);
    }

    [Fact]
    public async Task Cell_energy_is_the_CLIs()
    {
        string file = Shared.Repo("examples/cells/solid-llzo.yaml");
        var cli = CliJson.Run("cell", "energy", file, "--json");
        var r = await _http.PostAsync("/api/cell/energy", new StringContent(await File.ReadAllTextAsync(file), Encoding.UTF8, "application/yaml"));
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        JsonAssert.Same(cli, JsonDocument.Parse(body).RootElement);
    }

    [Fact]
    public async Task Analyze_is_the_CLIs()
    {
        string file = Shared.Repo("examples/stacks/ncm811-linbo3-lpscl-liin.yaml");
        var cli = CliJson.Run(Cli("analyze", file, "--no-recommendations"));
        var r = await _http.PostAsync("/api/analyze?recommendations=false", new StringContent(await File.ReadAllTextAsync(file), Encoding.UTF8, "application/yaml"));
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        var api = JsonDocument.Parse(body).RootElement;
        JsonAssert.Same(cli, api);
        // With the electrolyte's Li potential taken equal to the cathode's (the labelled default), no layer blocks and
        // the coated interface has a finite resistance with its arc frequency.
        Assert.All(api.GetProperty("space_charge").EnumerateArray(), x => Assert.False(x.GetProperty("blocking").GetBoolean()));
        Assert.Contains(api.GetProperty("space_charge").EnumerateArray(), x => x.TryGetProperty("arc_frequency_hz", out _));
        Assert.Equal(-0.109, api.GetProperty("interfaces")[1].GetProperty("reactions")[0].GetProperty("e_rxn_ev_per_atom").GetDouble(), 0.001);
    }

    [Fact]
    public async Task Screen_of_given_candidates_is_the_CLIs()
    {
        var cli = CliJson.Run(Cli("screen", "--cathode", "LiCoO2", "--electrolyte", "Li3PS4", "--candidates", "LiNbO3,Li3PO4,Li2SiO3"));
        var r = await _http.PostAsync("/api/screen", new StringContent(
            """{"cathode":"LiCoO2","electrolyte":"Li3PS4","candidates":"LiNbO3,Li3PO4,Li2SiO3"}""", Encoding.UTF8, "application/json"));
        string body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, body);
        JsonAssert.Same(cli, JsonDocument.Parse(body).RootElement, ignore: new HashSet<string> { "$.seconds", "$.lp_solves" });
    }

    [Fact]
    public async Task Screen_refuses_a_weights_file_so_the_server_reads_none_of_its_files()
    {
        // The CLI reads a weights YAML the user names; over the API that would let a client read or probe server files.
        var r = await _http.PostAsync("/api/screen", new StringContent(
            """{"electrolyte":"Li3PS4","anode":"Li","candidates":"LiF","weights":"/etc/interphase-weights.yaml"}""", Encoding.UTF8, "application/json"));
        string body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("a weights file is read only by the command line", body);
        Assert.DoesNotContain("not found", body);
    }

    [Theory]
    [InlineData("/api/hull?formula=Xx2", "unknown element 'Xx'")]
    [InlineData("/api/window?formula=Li6PS5Cl&open=Qq", "Qq")]
    [InlineData("/api/react?a=LiCoO2&b=", "")]
    public async Task Bad_input_answers_400_with_the_CLIs_message(string url, string expected)
    {
        var r = await _http.GetAsync(url);
        string body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.DoesNotContain("   at ", body); // no stack trace
        Assert.Contains(expected, body);
    }

    [Fact]
    public async Task Bad_stack_yaml_names_the_line()
    {
        var r = await _http.PostAsync("/api/analyze", new StringContent("name: x\ncathode: [unclosed\n", Encoding.UTF8, "application/yaml"));
        string body = await r.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("line", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint()
    {
        var doc = await Get("/api/openapi.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var p in new[] { "/api/hull", "/api/window", "/api/react", "/api/analyze", "/api/screen", "/api/eis/fit", "/api/eis/validate", "/api/eis/drt", "/api/cell/energy", "/api/kb/search", "/api/data/stats", "/api/data/import" })
            Assert.Contains(p, paths);
    }

    [Fact]
    public async Task Oversized_upload_is_refused()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(new byte[25 * 1024 * 1024]), "file", "big.csv");
        var r = await _http.PostAsync("/api/eis/fit?circuit=R0", form);
        Assert.True(r.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest, $"{(int)r.StatusCode}");
        Assert.DoesNotContain("   at ", await r.Content.ReadAsStringAsync());
    }
}
