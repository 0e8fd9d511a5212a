using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Data.Online;
using Interphase.Properties;
using Interphase.Tests.Data;

namespace Interphase.Tests.Properties;

/// <summary>
/// A Materials Project pull with properties against a real local HTTP server answering /materials/thermo/,
/// /materials/summary/ and /materials/elasticity/ in the API's response format ({"data": [...], "meta": {"total_doc"}}).
/// </summary>
[Collection(Interphase.Tests.CliCommands.ProcessEnvironmentCollection.Name)]
public sealed class MaterialsProjectPropertyPullTests
{
    private static readonly RetryPolicy FastRetry = new(2, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20));
    private static readonly IReadOnlyList<Element> LiPS = ChemicalSystem.Parse("Li-P-S").Elements.ToList();

    private static readonly string[] Thermo =
    [
        """{"material_id": "mp-1153", "formula_pretty": "Li2S", "composition": {"Li": 8.0, "S": 4.0}, "formation_energy_per_atom": -1.5608, "thermo_type": "GGA_GGA+U"}""",
        """{"material_id": "mp-2000", "formula_pretty": "Li2S", "composition": {"Li": 2.0, "S": 1.0}, "formation_energy_per_atom": -1.4100, "thermo_type": "GGA_GGA+U"}""",
        """{"material_id": "mp-985583", "formula_pretty": "Li3PS4", "composition": {"Li": 12.0, "P": 4.0, "S": 16.0}, "formation_energy_per_atom": -1.2656, "thermo_type": "GGA_GGA+U"}""",
    ];

    private static readonly string[] Summary =
    [
        """{"material_id": "mp-1153", "formula_pretty": "Li2S", "composition": {"Li": 8.0, "S": 4.0}, "band_gap": 3.3863, "density": 1.66}""",
        """{"material_id": "mp-2000", "formula_pretty": "Li2S", "composition": {"Li": 2.0, "S": 1.0}, "band_gap": 1.9741, "density": 1.52}""",
        """{"material_id": "mp-985583", "formula_pretty": "Li3PS4", "composition": {"Li": 12.0, "P": 4.0, "S": 16.0}, "band_gap": 2.3919, "density": null}""",
    ];

    private static readonly string[] Elasticity =
    [
        """{"material_id": "mp-985583", "formula_pretty": "Li3PS4", "shear_modulus": {"voigt": 12.1, "reuss": 9.9, "vrh": 11.0}, "bulk_modulus": {"voigt": 22.0, "reuss": 20.0, "vrh": 21.0}}""",
    ];

    private static CannedResponse Page(string[] docs, HttpListenerRequestInfo q)
    {
        int skip = int.Parse(q["_skip"] ?? "0"), limit = int.Parse(q["_limit"] ?? "1000");
        return CannedResponse.Json($$$"""{"data": [{{{string.Join(",", docs.Skip(skip).Take(limit))}}}], "errors": [], "meta": {"api_version": "0.0.0", "total_doc": {{{docs.Length}}}, "max_limit": 1000}}""");
    }

    private static CannedResponse Answer(System.Net.HttpListenerRequest req)
    {
        var q = new HttpListenerRequestInfo(req);
        string path = req.Url!.AbsolutePath;
        return path switch
        {
            "/materials/thermo/" => Page(Thermo, q),
            "/materials/summary/" => Page(Summary, q),
            "/materials/elasticity/" => Page(Elasticity, q),
            _ => new CannedResponse(404, """{"detail": "Not Found"}"""),
        };
    }

    [Fact]
    public async Task PullStoresBandGapsDensitiesAndModuliWithTheEntriesInOneTransaction()
    {
        using var server = new LocalHttpServer((req, _) => Answer(req));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var client = new MaterialsProjectClient("key", server.BaseUrl, retry: FastRetry, pageSize: 2, fetchProperties: true);
        var summary = await EntryPuller.PullAsync(client, store, LiPS);
        Assert.Equal(3, summary.Added);
        Assert.Equal(3 + 2 + 2, summary.Properties); // 3 gaps, 2 densities (one null), 1 shear + 1 bulk
        var reqs = server.Requests.Select(r => r.Url).ToList();
        // thermo 2 pages, summary 2 pages, elasticity 1 page; every sub-system in one chemsys list; key as a header only
        Assert.Equal(5, reqs.Count);
        Assert.Equal(2, reqs.Count(u => u.StartsWith("/materials/summary/?chemsys=Li,P,S,Li-P,Li-S,P-S,Li-P-S&_fields=material_id,formula_pretty,composition,band_gap,density&", StringComparison.Ordinal)));
        Assert.Contains(reqs, u => u.StartsWith("/materials/elasticity/?chemsys=Li,P,S,Li-P,Li-S,P-S,Li-P-S&_fields=material_id,formula_pretty,composition,shear_modulus,bulk_modulus&_skip=0&_limit=2", StringComparison.Ordinal));
        Assert.All(server.Requests, r => Assert.Equal("key", r.ApiKey));

        var shear = store.Properties("Li3PS4", MaterialProperty.ShearModulus).Single();
        Assert.Equal((11.0, "mp-985583", "VRH"), (shear.Value, shear.SourceId, shear.Method));
        Assert.Equal(-1.2656, shear.FormationEnergyEvPerAtom!.Value, 6);
        Assert.Equal(21.0, store.Properties("Li3PS4", MaterialProperty.BulkModulus).Single().Value);
        Assert.Empty(store.Properties("Li3PS4", MaterialProperty.Density));
        // Two Li2S polymorphs linked to their formation energies: the lowest (mp-1153, −1.5608 eV/atom) gives the gap.
        var gap = PropertyChoice.Choose(store.Properties("Li2S", MaterialProperty.BandGap))!;
        Assert.Equal(3.3863, gap.Value);
        Assert.Equal("mp-1153", gap.Chosen!.SourceId);
        Assert.Equal(1.66, PropertyChoice.Choose(store.Properties("Li2S", MaterialProperty.Density))!.Value);

        // Pulling again is idempotent.
        var again = await EntryPuller.PullAsync(client, store, LiPS);
        Assert.Equal(7, again.Properties);
        Assert.Equal(7, store.PropertyCount("mp"));
    }

    [Fact]
    public async Task WholeDatabasePullAsksWithoutAChemsysFilterAndReplacesTheWholeSource()
    {
        using var server = new LocalHttpServer((req, _) => Answer(req));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        // An older pull of another system of the same source is replaced: the whole database is the new source.
        store.ImportSource([Entry.FromEnergyPerAtom(Composition.Parse("Li2O"), -2.07, new Provenance("mp", "mp-1960"))], "mp");
        var client = new MaterialsProjectClient("key", server.BaseUrl, retry: FastRetry, pageSize: 2, fetchProperties: true);
        var summary = await WholeDatabasePuller.PullAsync(client, store);
        Assert.Equal((3, 1, 7), (summary.Added, summary.Replaced, summary.Properties));
        var reqs = server.Requests.Select(r => r.Url).ToList();
        Assert.All(reqs, u => Assert.DoesNotContain("chemsys", u, StringComparison.Ordinal));
        Assert.Equal(2, reqs.Count(u => u.StartsWith("/materials/thermo/?thermo_types=GGA_GGA+U&_fields=", StringComparison.Ordinal)));
        Assert.Contains(reqs, u => u.StartsWith("/materials/summary/?_fields=material_id,formula_pretty,composition,band_gap,density&_skip=0&_limit=2", StringComparison.Ordinal));
        Assert.Contains(reqs, u => u.StartsWith("/materials/elasticity/?_fields=", StringComparison.Ordinal));
        Assert.Equal(3, store.Count("mp"));
        Assert.Empty(store.Query(ChemicalSystem.Parse("Li-O").Elements, "mp"));
        Assert.Equal(11.0, store.Properties("Li3PS4", MaterialProperty.ShearModulus).Single().Value);
    }

    [Fact]
    public async Task WholeDatabasePullThatFailsLeavesTheStoreUnchanged()
    {
        using var server = new LocalHttpServer((req, _) => req.Url!.AbsolutePath == "/materials/elasticity/"
            ? new CannedResponse(500, """{"detail": "down"}""")
            : Answer(req));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportSource([Entry.FromEnergyPerAtom(Composition.Parse("Li2O"), -2.07, new Provenance("mp", "mp-1960"))], "mp");
        var client = new MaterialsProjectClient("key", server.BaseUrl, retry: FastRetry, pageSize: 2, fetchProperties: true);
        await Assert.ThrowsAsync<OnlineSourceException>(() => WholeDatabasePuller.PullAsync(client, store));
        Assert.Equal(1, store.Count("mp"));
        Assert.Single(store.Query(ChemicalSystem.Parse("Li-O").Elements, "mp"));
    }

    [Fact]
    public async Task AMalformedPropertyDocumentLeavesTheStoreUnchanged()
    {
        using var server = new LocalHttpServer((req, _) => req.Url!.AbsolutePath == "/materials/summary/"
            ? CannedResponse.Json("""{"data": [{"material_id": "mp-1153", "formula_pretty": "Li2S", "band_gap": -0.5}], "meta": {"total_doc": 1}}""")
            : Answer(req));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportSource([Entry.FromEnergyPerAtom(Composition.Parse("Li2O"), -2.07, new Provenance("mp", "mp-1960"))], "mp");
        store.ImportProperties([new PropertyRecord("Li2O", "Li2O", MaterialProperty.BandGap, 4.9, "mp", "mp-1960")], "mp", [MaterialProperty.BandGap]);
        var before = PropertyFiles.Snapshot(store, "Li2O", "Li2S", "Li3PS4");
        var client = new MaterialsProjectClient("key", server.BaseUrl, retry: FastRetry, fetchProperties: true);
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => EntryPuller.PullAsync(client, store, LiPS));
        Assert.Contains("band gap -0.5 eV is negative", ex.Message);
        Assert.Contains("/materials/summary/", ex.Message);
        Assert.Equal(before, PropertyFiles.Snapshot(store, "Li2O", "Li2S", "Li3PS4"));
        Assert.Equal(1, store.Count("mp"));
    }

    [Fact]
    public async Task RepeatedPropertyPagesAreStopped()
    {
        // The same page again and again (no total): stopped at the first repeat, as the energy pages are.
        using var server = new LocalHttpServer((req, _) => req.Url!.AbsolutePath == "/materials/thermo/"
            ? Page(Thermo, new HttpListenerRequestInfo(req))
            : CannedResponse.Json($$$"""{"data": [{{{Summary[0]}}}, {{{Summary[1]}}}], "meta": {}}"""));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var client = new MaterialsProjectClient("key", server.BaseUrl, retry: FastRetry, pageSize: 2, fetchProperties: true, maxPages: 50);
        await Assert.ThrowsAsync<OnlineSourceException>(() => EntryPuller.PullAsync(client, store, LiPS));
        Assert.Equal(2 + 2, server.Requests.Count);
        Assert.Equal(0, store.Count());
    }

    [Fact]
    public async Task PagingStopsAtTheCap()
    {
        // A server that always says there is more (full pages of new documents, no total): the client gives up after
        // the cap. (A server repeating one page is stopped at the repeat: see RepeatedPropertyPagesAreStopped.)
        using var server = new LocalHttpServer((req, _) =>
        {
            if (req.Url!.AbsolutePath == "/materials/thermo/") return Page(Thermo, new HttpListenerRequestInfo(req));
            string skip = new HttpListenerRequestInfo(req)["_skip"] ?? "0";
            return CannedResponse.Json($$$"""{"data": [{{{Summary[0].Replace("mp-1153", "mp-a" + skip)}}}, {{{Summary[1].Replace("mp-2000", "mp-b" + skip)}}}], "meta": {}}""");
        });
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var client = new MaterialsProjectClient("key", server.BaseUrl, retry: FastRetry, pageSize: 2, fetchProperties: true, maxPages: 5);
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => EntryPuller.PullAsync(client, store, LiPS));
        Assert.Contains("more than 5 pages", ex.Message);
        Assert.Equal(2 + 5, server.Requests.Count);
        Assert.Equal(0, store.Count());
        Assert.Equal(0, store.PropertyCount());
    }

    [Fact]
    public async Task WithoutPropertiesOnlyTheThermoEndpointIsAsked()
    {
        using var server = new LocalHttpServer((req, _) => Answer(req));
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var summary = await EntryPuller.PullAsync(new MaterialsProjectClient("key", server.BaseUrl, retry: FastRetry), store, LiPS);
        Assert.Equal((3, 0), (summary.Added, summary.Properties));
        Assert.All(server.Requests, r => Assert.StartsWith("/materials/thermo/", r.Url));
    }
}
