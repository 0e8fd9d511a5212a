using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Data.Online;
using Interphase.Tests.Data;

namespace Interphase.Tests.Safety;

/// <summary>The online clients against misbehaving servers on 127.0.0.1: no key to another host or into a message, no endless paging.</summary>
[Collection(Interphase.Tests.CliCommands.ProcessEnvironmentCollection.Name)]
public sealed class OnlineSafetyTests
{
    private static readonly RetryPolicy FastRetry = new(2, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(20));
    private static readonly IReadOnlyList<Element> LiS = ChemicalSystem.Parse("Li-S").Elements.ToList();
    private const string Key = "K3y-secret-0123456789";

    private const string MpDoc = """{"material_id": "mp-1153", "formula_pretty": "Li2S", "composition": {"Li": 8.0, "S": 4.0}, "formation_energy_per_atom": -1.5608, "energy_per_atom": -4.0114, "uncorrected_energy_per_atom": -3.8062, "thermo_type": "GGA_GGA+U"}""";

    [Fact]
    public async Task ARedirectToAnotherHostIsNotFollowedAndTheKeyStaysHome()
    {
        using var other = new LocalHttpServer((_, _) => CannedResponse.Json("""{"data": []}"""));
        using var mp = new LocalHttpServer((_, _) => new CannedResponse(302, "", new Dictionary<string, string> { ["Location"] = other.BaseUrl + "/steal" }));
        var client = new MaterialsProjectClient(Key, mp.BaseUrl, retry: FastRetry);
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => client.FetchAsync(LiS));
        Assert.Contains("another host", ex.Message);
        Assert.Empty(other.Requests);
    }

    [Fact]
    public async Task ARedirectToAFileUrlIsAClearError()
    {
        using var mp = new LocalHttpServer((_, _) => new CannedResponse(302, "", new Dictionary<string, string> { ["Location"] = "file:///etc/passwd" }));
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new MaterialsProjectClient(Key, mp.BaseUrl, retry: FastRetry).FetchAsync(LiS));
        Assert.Contains("only http(s)", ex.Message);
    }

    [Fact]
    public async Task AnErrorBodyEchoingTheKeyIsRedacted()
    {
        using var mp = new LocalHttpServer((req, _) => new CannedResponse(401, $$"""{"detail": "bad key {{req.Headers["X-API-KEY"]}}"}"""));
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new MaterialsProjectClient(Key, mp.BaseUrl, retry: FastRetry).FetchAsync(LiS));
        Assert.DoesNotContain(Key, ex.Message);
        Assert.Contains("[redacted]", ex.Message);
    }

    [Theory]
    [InlineData("abc\r\nX-Injected: 1")]
    [InlineData("schlüssel-0123")]
    [InlineData("two words")]
    public void AKeyWithCharactersAKeyCannotHaveIsRefusedWithoutPrintingIt(string key)
    {
        var ex = Assert.Throws<InterphaseException>(() => new MaterialsProjectClient(key, "http://127.0.0.1:9"));
        Assert.Contains("MP_API_KEY contains", ex.Message);
        Assert.DoesNotContain(key, ex.Message);
    }

    [Fact]
    public async Task OqmdSayingMoreDataForeverIsStopped()
    {
        using var oqmd = new LocalHttpServer((_, n) => CannedResponse.Json(
            $$$"""{"data": [{"name": "Li2S", "entry_id": {{{n}}}, "delta_e": -1.5}], "meta": {"more_data_available": true}}"""));
        var limits = new PullLimits { MaxPages = 50 };
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new OqmdClient(oqmd.BaseUrl, retry: FastRetry, pageSize: 1, limits: limits).FetchAsync(LiS));
        Assert.Contains("50 requests", ex.Message);
        Assert.InRange(oqmd.Requests.Count, 1, 51);
    }

    [Fact]
    public async Task AServerThatIgnoresPagingIsStoppedAtTheSecondPage()
    {
        using var mp = new LocalHttpServer((_, _) => CannedResponse.Json($$$"""{"data": [{{{MpDoc}}}], "meta": {}}"""));
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new MaterialsProjectClient(Key, mp.BaseUrl, retry: FastRetry, pageSize: 1).FetchAsync(LiS));
        Assert.Contains("same page twice", ex.Message);
        Assert.Equal(2, mp.Requests.Count);
    }

    [Fact]
    public async Task OptimadeWithAFreshNextLinkEveryPageIsStopped()
    {
        LocalHttpServer? server = null;
        server = new LocalHttpServer((_, n) => CannedResponse.Json(
            $$$"""{"data": [{"id": "x{{{n}}}", "attributes": {"chemical_formula_reduced": "Li2S", "_oqmd_delta_e": -1.{{{n}}}}}], "links": {"next": "{{{server!.BaseUrl}}}/v1/structures?page={{{n}}}"}}"""));
        using (server)
        {
            var ex = await Assert.ThrowsAsync<OnlineSourceException>(() =>
                new OptimadeClient(server.BaseUrl, "_oqmd_delta_e", retry: FastRetry, limits: new PullLimits { MaxPages = 30 }).FetchAsync(LiS));
            Assert.Contains("30 requests", ex.Message);
        }
    }

    [Theory]
    [InlineData("1e20")]
    [InlineData("1.5")]
    [InlineData("-3")]
    public async Task MalformedCountsAreClearErrors(string total)
    {
        using var mp = new LocalHttpServer((_, _) => CannedResponse.Json($$$"""{"data": [{{{MpDoc}}}], "meta": {"total_doc": {{{total}}}}}"""));
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new MaterialsProjectClient(Key, mp.BaseUrl, retry: FastRetry).FetchAsync(LiS));
        Assert.Contains("meta.total_doc", ex.Message);
    }

    [Theory]
    [InlineData("http://[bad")]
    [InlineData("ftp://127.0.0.1/x")]
    [InlineData("http://elsewhere.invalid/v1/structures?page=2")]
    public async Task BadNextLinksAreClearErrors(string link)
    {
        using var server = new LocalHttpServer((_, n) => CannedResponse.Json(
            $$$"""{"data": [{"id": "x", "attributes": {"chemical_formula_reduced": "Li2S", "_oqmd_delta_e": -1.5}}], "links": {"next": "{{{link}}}"}}"""));
        var ex = await Assert.ThrowsAsync<OnlineSourceException>(() => new OptimadeClient(server.BaseUrl, "_oqmd_delta_e", retry: FastRetry).FetchAsync(LiS));
        Assert.Contains("links.next", ex.Message);
    }

    [Fact]
    public async Task ASilentServerTimesOutQuicklyAndCancellationIsPromptWithTheStoreUnchanged()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            string url = $"http://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}";
            var sw = System.Diagnostics.Stopwatch.StartNew();
            var ex = await Assert.ThrowsAsync<OnlineSourceException>(() =>
                new OqmdClient(url, retry: FastRetry, limits: new PullLimits { RequestTimeout = TimeSpan.FromMilliseconds(300) }).FetchAsync(LiS));
            Assert.Contains("did not answer", ex.Message);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");

            using var tmp = new TempDir();
            using var store = EntryStore.Open(tmp.Store);
            store.ImportSource([Entry.FromEnergyPerAtom(Composition.Parse("Li2O"), -2.07, new Provenance("oqmd"))], "oqmd");
            var before = EntryStoreTests.Snapshot(store);
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            sw.Restart();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                EntryPuller.PullAsync(new OqmdClient(url, retry: FastRetry, limits: new PullLimits { RequestTimeout = TimeSpan.FromMinutes(5) }), store, LiS, ct: cts.Token));
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
            Assert.Equal(before, EntryStoreTests.Snapshot(store));
        }
        finally
        {
            listener.Stop();
        }
    }
}
