using System.Web;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Data.Online;

namespace Interphase.Tests.Data;

/// <summary>Each client (production code, real HttpClient) against a real local HTTP server speaking the API's format.</summary>
[Collection(Interphase.Tests.CliCommands.ProcessEnvironmentCollection.Name)]
public sealed class OnlineClientTests
{
    private static readonly RetryPolicy FastRetry = new(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50));
    private static readonly IReadOnlyList<Element> LiPS = ChemicalSystem.Parse("Li-P-S").Elements;

    private static readonly string[] MpDocs =
    [
        """{"material_id": "mp-135", "formula_pretty": "Li", "composition": {"Li": 1.0}, "formation_energy_per_atom": 0.0, "energy_per_atom": -1.9089, "uncorrected_energy_per_atom": -1.9089, "thermo_type": "GGA_GGA+U"}""",
        """{"material_id": "mp-1153", "formula_pretty": "Li2S", "composition": {"Li": 8.0, "S": 4.0}, "formation_energy_per_atom": -1.5608, "energy_per_atom": -4.0114, "uncorrected_energy_per_atom": -3.8062, "thermo_type": "GGA_GGA+U"}""",
        """{"material_id": "mp-985583", "formula_pretty": "Li3PS4", "composition": {"Li": 12.0, "P": 4.0, "S": 16.0}, "formation_energy_per_atom": -1.2656, "energy_per_atom": -4.4413, "uncorrected_energy_per_atom": -4.2592, "thermo_type": "GGA_GGA+U"}""",
    ];

    private static CannedResponse MpPage(HttpListenerRequestInfo q, int total = 3)
    {
        int skip = int.Parse(q["_skip"] ?? "0"), limit = int.Parse(q["_limit"] ?? "1000");
        var docs = MpDocs.Skip(skip).Take(limit);
        return CannedResponse.Json($$$"""{"data": [{{{string.Join(",", docs)}}}], "errors": [], "meta": {"api_version": "0.0.0", "total_doc": {{{total}}}, "max_limit": 1000}}""");
    }

    private static Entry Li2O(string source) => Entry.FromEnergyPerAtom(Composition.Parse("Li2O"), -2.07, new Provenance(source));

    [Fact]
    public async Task MaterialsProjectPagesWithKeyHeaderAndAllSubsystemsInOneChemsysList()
    {
        using var server = new LocalHttpServer((req, _) => MpPage(new(req)));
        var client = new MaterialsProjectClient("secret-key", server.BaseUrl, http: null, retry: FastRetry, pageSize: 2);
        var progress = new List<PullProgress>();
        var entries = await client.FetchAsync(LiPS, new InlineProgress(progress.Add));
        Assert.Equal(["mp-135", "mp-1153", "mp-985583"], entries.Select(e => e.Provenance.SourceId));
        Assert.Equal(-1.2656 * 32, entries[2].Energy, 10);
        Assert.Equal(new Provenance("mp", "mp-985583", EnergyBasis.Formation, "GGA/GGA+U", "MaterialsProject2020Compatibility"), entries[2].Provenance);
        var reqs = server.Requests.ToList();
        Assert.Equal(2, reqs.Count);
        Assert.All(reqs, r => Assert.Equal("secret-key", r.ApiKey));
        Assert.All(reqs, r => Assert.DoesNotContain("secret-key", r.Url));
        Assert.StartsWith("/materials/thermo/?chemsys=Li,P,S,Li-P,Li-S,P-S,Li-P-S&thermo_types=GGA_GGA+U&_fields=material_id,formula_pretty,composition,", reqs[0].Url);
        Assert.Contains("&_skip=0&_limit=2", reqs[0].Url);
        Assert.Contains("&_skip=2&_limit=2", reqs[1].Url);
        Assert.Equal([2, 3], progress.Select(p => p.Entries));
        Assert.All(progress, p => Assert.Equal(3, p.ExpectedEntries));
    }

    [Fact]
    public async Task TooManyRequestsIsRetriedThenSucceeds()
    {
        using var server = new LocalHttpServer((req, n) => n == 1
            ? new CannedResponse(429, """{"detail": "rate limited"}""", new Dictionary<string, string> { ["Retry-After"] = "0" })
            : MpPage(new(req)));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var summary = await EntryPuller.PullAsync(new MaterialsProjectClient("k", server.BaseUrl, retry: FastRetry), store, LiPS);
        Assert.Equal(3, summary.Added);
        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(3, store.Count("mp"));
        Assert.Equal(server.BaseUrl, store.Sources().Single().Origin);
    }

    [Fact]
    public async Task RepeatedServerErrorsGiveUpAndLeaveTheStoreUnchanged()
    {
        using var server = new LocalHttpServer((_, _) => new CannedResponse(500, "Internal Server Error"));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportSource([Li2O("mp")], "mp");
        var before = EntryStoreTests.Snapshot(store);
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() =>
            EntryPuller.PullAsync(new MaterialsProjectClient("k", server.BaseUrl, retry: FastRetry), store, LiPS));
        Assert.Contains("HTTP 500", ex.Message);
        Assert.Contains("3 times", ex.Message);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(before, EntryStoreTests.Snapshot(store));
    }

    [Fact]
    public async Task FailureOnALaterPageWritesNothing()
    {
        using var server = new LocalHttpServer((req, n) => n == 1 ? MpPage(new(req)) : new CannedResponse(200, "<html>maintenance</html>"));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() =>
            EntryPuller.PullAsync(new MaterialsProjectClient("k", server.BaseUrl, retry: FastRetry, pageSize: 2), store, LiPS));
        Assert.Contains("malformed response", ex.Message);
        Assert.Contains("not JSON", ex.Message);
        Assert.Equal(0, store.Count());
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task BadKeyIsReportedClearly(int status)
    {
        using var server = new LocalHttpServer((_, _) => new CannedResponse(status, """{"detail": "Invalid API key"}"""));
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new MaterialsProjectClient("wrong", server.BaseUrl, retry: FastRetry).FetchAsync(LiPS));
        Assert.Contains($"HTTP {status}", ex.Message);
        Assert.Contains("API key", ex.Message);
        Assert.Single(server.Requests); // not retried
    }

    [Fact]
    public void MissingKeyIsRefusedBeforeAnyRequest()
    {
        var saved = Environment.GetEnvironmentVariable(MaterialsProjectClient.KeyVariable);
        try
        {
            Environment.SetEnvironmentVariable(MaterialsProjectClient.KeyVariable, null);
            var ex = Assert.Throws<InterphaseException>(() => new MaterialsProjectClient(baseUrl: "http://127.0.0.1:1"));
            Assert.Contains("MP_API_KEY", ex.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(MaterialsProjectClient.KeyVariable, saved);
        }
    }

    [Fact]
    public async Task NetworkDownIsReportedClearly()
    {
        int closed = LocalHttpServer.FreePort();
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new OqmdClient($"http://127.0.0.1:{closed}/oqmdapi", retry: FastRetry).FetchAsync(LiPS));
        Assert.Contains("cannot reach OQMD", ex.Message);
        Assert.Contains($"127.0.0.1:{closed}", ex.Message);
    }

    [Fact]
    public async Task MalformedDocumentNamesTheProblem()
    {
        using var server = new LocalHttpServer((_, _) => CannedResponse.Json("""{"data": [{"material_id": "mp-1", "formula_pretty": "Li"}], "meta": {"total_doc": 1}}"""));
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new MaterialsProjectClient("k", server.BaseUrl, retry: FastRetry).FetchAsync(LiPS));
        Assert.Contains("document 1", ex.Message);
        Assert.Contains("formation_energy_per_atom", ex.Message);
    }

    [Fact]
    public async Task OqmdQueriesEachSubsystemAndPagesWithOffset()
    {
        // Li-S has two pages (limit 2); P-S has an entry without a formation energy.
        var bySystem = new Dictionary<string, string[]>
        {
            ["element_set=Li AND ntypes=1"] = ["""{"name": "Li", "entry_id": 1, "delta_e": 0.0}"""],
            ["element_set=S AND ntypes=1"] = ["""{"name": "S", "entry_id": 2, "delta_e": 0.0}"""],
            ["element_set=Li,S AND ntypes=2"] = ["""{"name": "Li2S", "entry_id": 3, "delta_e": -1.5}""", """{"name": "LiS", "entry_id": 4, "delta_e": -1.1}""", """{"name": "LiS4", "entry_id": 5, "delta_e": -0.4}"""],
            ["element_set=P,S AND ntypes=2"] = ["""{"name": "P4S3", "entry_id": 6, "delta_e": -0.2}""", """{"name": "PS", "entry_id": 7, "delta_e": null}"""],
            ["element_set=Li,P,S AND ntypes=3"] = ["""{"name": "Li3PS4", "entry_id": 8, "delta_e": -1.27}"""],
        };
        using var server = new LocalHttpServer((req, _) =>
        {
            var q = new HttpListenerRequestInfo(req);
            var all = bySystem.GetValueOrDefault(q["filter"]!) ?? [];
            int offset = int.Parse(q["offset"]!), limit = int.Parse(q["limit"]!);
            var page = all.Skip(offset).Take(limit).ToArray();
            bool more = offset + page.Length < all.Length;
            string next = more ? $"\"{server_next(offset + limit)}\"" : "null";
            string moreText = more ? "true" : "false";
            return CannedResponse.Json(
                "{\"links\": {\"next\": " + next + ", \"previous\": null, \"base_url\": {\"href\": \"http://oqmd.org/oqmdapi\", \"meta\": {\"_oqmd_version\": \"1.0\"}}}, " +
                "\"resource\": {}, \"data\": [" + string.Join(",", page) + "], " +
                $"\"meta\": {{\"query\": {{}}, \"api_version\": \"1.0\", \"data_returned\": {page.Length}, \"data_available\": {all.Length}, \"more_data_available\": {moreText}}}, " +
                "\"response_message\": \"OK\"}");
            static string server_next(int o) => $"http://example/oqmdapi/formationenergy?offset={o}";
        });
        var entries = await new OqmdClient(server.BaseUrl + "/oqmdapi", retry: FastRetry, pageSize: 2).FetchAsync(LiPS);
        Assert.Equal(["Li", "S", "Li2S", "LiS", "LiS4", "P4S3", "Li3PS4"], entries.Select(e => e.Composition.ToString()));
        Assert.Equal(new Provenance("oqmd", "8", EnergyBasis.Formation, "GGA/GGA+U (PBE)", "OQMD fitted elemental references"), entries[^1].Provenance);
        Assert.Equal(-1.27 * 8, entries[^1].Energy, 10);
        var urls = server.Requests.Select(r => r.Url).ToList();
        Assert.Equal(8, urls.Count); // 7 sub-systems, Li-S on two pages
        Assert.All(urls, u => Assert.StartsWith("/oqmdapi/formationenergy?fields=name,entry_id,delta_e&filter=element_set=", u));
        Assert.Contains(urls, u => u.Contains("filter=element_set=Li,S AND ntypes=2&limit=2&offset=2"));
    }

    [Fact]
    public async Task OptimadeUsesHasOnlyAndFollowsLinksNext()
    {
        using var server = new LocalHttpServer((req, n) =>
        {
            var q = new HttpListenerRequestInfo(req);
            if (n == 1)
            {
                Assert.Equal("elements HAS ONLY \"Li\",\"P\",\"S\"", q["filter"]);
                Assert.Equal("chemical_formula_reduced,elements,_oqmd_delta_e", q["response_fields"]);
                return CannedResponse.Json(Optimade([("oqmd-1", "Li", "0.0"), ("oqmd-2", "Li2S", "-1.5")], $"\"{req.Url!.GetLeftPart(UriPartial.Path)}?page_offset=2\"", 3));
            }
            Assert.Equal("2", q["page_offset"]);
            return CannedResponse.Json(Optimade([("oqmd-3", "Li3PS4", "-1.27"), ("oqmd-4", "PS", "null")], "null", 3));
        });
        var client = new OptimadeClient(server.BaseUrl + "/optimade", "_oqmd_delta_e", retry: FastRetry);
        var entries = await client.FetchAsync(LiPS);
        Assert.False(client.UsedSubsystemFallback);
        Assert.Equal(["Li", "Li2S", "Li3PS4"], entries.Select(e => e.ReducedFormula));
        Assert.Equal("optimade:127.0.0.1:" + server.Port, entries[0].Provenance.Source);
        Assert.Equal("oqmd-3", entries[2].Provenance.SourceId);
        Assert.StartsWith("/optimade/v1/structures?filter=", server.Requests.First().Url);
    }

    [Fact]
    public async Task OptimadeFallsBackToPerSubsystemQueriesWhenHasOnlyIsUnsupported()
    {
        using var server = new LocalHttpServer((req, n) =>
        {
            var filter = new HttpListenerRequestInfo(req)["filter"]!;
            if (filter.Contains("HAS ONLY"))
                return new CannedResponse(501, """{"errors": [{"status": "501", "title": "Not Implemented", "detail": "HAS ONLY is not supported"}], "meta": {}}""");
            // A sloppy provider also returns a structure outside the system; the client filters it out.
            return filter switch
            {
                "elements HAS ALL \"Li\",\"S\" AND nelements=2" => CannedResponse.Json(Optimade([("a", "Li2S", "-1.5"), ("b", "Li2O", "-2.0")], "null", 2)),
                "elements HAS ALL \"Li\" AND nelements=1" => CannedResponse.Json(Optimade([("c", "Li", "0")], "null", 1)),
                _ => CannedResponse.Json(Optimade([], "null", 0)),
            };
        });
        var client = new OptimadeClient(server.BaseUrl + "/v1", "_x_e_form", retry: FastRetry);
        var entries = await client.FetchAsync(LiPS);
        Assert.True(client.UsedSubsystemFallback);
        Assert.Equal(["Li", "Li2S"], entries.Select(e => e.ReducedFormula));
        Assert.Equal(8, server.Requests.Count); // HAS ONLY once, then 7 sub-systems
        Assert.All(server.Requests.Skip(1), r => Assert.StartsWith("/v1/structures?filter=elements HAS ALL", r.Url));
    }

    [Fact]
    public void OptimadeNeedsAFieldForUnknownProviders()
    {
        var saved = Environment.GetEnvironmentVariable(OptimadeClient.FieldVariable);
        try
        {
            Environment.SetEnvironmentVariable(OptimadeClient.FieldVariable, null);
            var ex = Assert.Throws<InterphaseException>(() => new OptimadeClient("https://optimade.example.org"));
            Assert.Contains("--field", ex.Message);
            Assert.Equal("_oqmd_delta_e", new OptimadeClient("https://oqmd.org/optimade").Field);
        }
        finally
        {
            Environment.SetEnvironmentVariable(OptimadeClient.FieldVariable, saved);
        }
    }

    private static string Optimade((string Id, string Formula, string E)[] structures, string next, int available)
    {
        var data = structures.Select(s =>
            $"{{\"id\": \"{s.Id}\", \"type\": \"structures\", \"attributes\": {{\"chemical_formula_reduced\": \"{s.Formula}\", \"_oqmd_delta_e\": {s.E}, \"_x_e_form\": {s.E}}}}}");
        string more = next == "null" ? "false" : "true";
        return $"{{\"data\": [{string.Join(",", data)}], \"links\": {{\"next\": {next}}}, \"meta\": {{\"api_version\": \"1.1.0\", \"data_returned\": {structures.Length}, \"data_available\": {available}, \"more_data_available\": {more}}}}}";
    }

    private sealed class InlineProgress(Action<PullProgress> report) : IProgress<PullProgress>
    {
        public void Report(PullProgress value) => report(value);
    }
}

/// <summary>Decoded query parameters of a request.</summary>
internal sealed class HttpListenerRequestInfo(System.Net.HttpListenerRequest request)
{
    private readonly System.Collections.Specialized.NameValueCollection _query = HttpUtility.ParseQueryString(request.Url!.Query);

    public string? this[string name] => _query[name];
}
