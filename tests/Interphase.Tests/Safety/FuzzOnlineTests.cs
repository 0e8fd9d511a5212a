using System.Text;
using Interphase.Data.Online;
using Interphase.Tests.Data;

using Xunit.Abstractions;

namespace Interphase.Tests.Safety;

/// <summary>
/// Seeded fuzz of <c>data pull</c> with each online client (Materials Project, OQMD, OPTIMADE) against servers on
/// 127.0.0.1 that misbehave: endless paging, repeated pages and links, huge and malformed counts, garbage JSON, mutated
/// documents, error bodies and documents echoing the key, redirects to another host or a file: address, slow answers
/// with a one-second time-out. Never exit 70, never a hang, the store unchanged after a failed pull, the key in no
/// output and never sent to another host.
/// </summary>
[Collection(Interphase.Tests.CliCommands.ProcessEnvironmentCollection.Name)]
public sealed class FuzzOnlineTests(ITestOutputHelper log) : IDisposable
{
    private const string Key = "FuzzK3y0123456789abcdefSECRET";
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private enum Scenario { Good, Endless, SamePage, BadCount, Garbage, Status, Redirect, MutatedDocs, KeyInDocs, BadNext, Slow }

    private static string MpDoc(int i, string formula = "Li2S", double e = -1.56) =>
        "{\"material_id\": \"mp-" + i + "\", \"formula_pretty\": " + JsonString(formula) + ", \"composition\": {\"Li\": 2.0, \"S\": 1.0}, " +
        "\"formation_energy_per_atom\": " + e.ToString(System.Globalization.CultureInfo.InvariantCulture) + ", \"energy_per_atom\": -4.0, " +
        "\"uncorrected_energy_per_atom\": -3.8, \"thermo_type\": \"GGA_GGA+U\", \"band_gap\": 3.4, \"density\": 1.66, " +
        "\"shear_modulus\": {\"vrh\": 20.0}, \"bulk_modulus\": {\"vrh\": 40.0}}";

    private static string OqmdDoc(int i, string formula = "Li2S") => "{\"name\": " + JsonString(formula) + ", \"entry_id\": " + i + ", \"delta_e\": -1.5}";

    private static string OptimadeDoc(int i, string formula = "Li2S") =>
        "{\"id\": \"x" + i + "\", \"type\": \"structures\", \"attributes\": {\"chemical_formula_reduced\": " + JsonString(formula) +
        ", \"elements\": [\"Li\", \"S\"], \"_oqmd_delta_e\": -1.5}}";

    private static string Doc(string client, int i) => client switch { "mp" => MpDoc(i), "oqmd" => OqmdDoc(i), _ => OptimadeDoc(i) };

    /// <summary>One page in the client's dialect, with "more" and a count when given.</summary>
    private static string Page(string client, IEnumerable<string> docs, bool more, string? count, string? next)
    {
        string data = "[" + string.Join(",", docs) + "]";
        string countField = count is null ? "" : ", \"data_available\": " + count;
        string moreField = "\"more_data_available\": " + (more ? "true" : "false");
        return client switch
        {
            "mp" => "{\"data\": " + data + ", \"meta\": {" + (count is null ? "" : "\"total_doc\": " + count) + "}}",
            "oqmd" => "{\"data\": " + data + ", \"meta\": {" + moreField + countField + "}}",
            _ => "{\"data\": " + data + ", \"links\": {\"next\": " + (next is null ? "null" : JsonString(next)) + "}, \"meta\": {" + moreField + countField + "}}",
        };
    }

    private static string JsonString(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static readonly string[] Counts = ["1e20", "1.5", "-3", "2.5", "\"12\"", "true", "[]", "{}", "99999999999999999999", "2147483648", "1e400", "0", "null"];

    private static readonly string[] Garbage =
    [
        "", "null", "[]", "{}", "{\"data\": null}", "{\"data\": {}}", "{\"data\": [1, 2]}", "{\"data\": [null]}", "<html>502 Bad Gateway</html>",
        "{\"data\": [", "{\"data\": [{\"name\": \"Li2S\"", "\u0000\u0001\u0002", "{\"data\": [], \"meta\": 5}", "{\"data\": [], \"links\": []}",
        "{\"data\": [{}], \"meta\": {\"more_data_available\": \"yes\"}}", "1e400", "\"text\"",
    ];

    private static CannedResponse Respond(string client, Scenario scenario, Random r, System.Net.HttpListenerRequest req, int n,
        string baseUrl, string otherUrl)
    {
        string path = req.Url!.AbsolutePath;
        string? key = req.Headers["X-API-KEY"];
        var retryNow = new Dictionary<string, string> { ["Retry-After"] = "0" };
        string Self(string query) => $"{baseUrl}{path}?{query}";
        switch (scenario)
        {
            case Scenario.Good:
                return CannedResponse.Json(Page(client, [Doc(client, n), Doc(client, n + 1000)], false, null, null));
            case Scenario.Endless:
                int size = client == "mp" ? 1000 : 2; // a full Materials Project page asks for the next one
                return CannedResponse.Json(Page(client, Enumerable.Range(n * size, size).Select(i => Doc(client, i)), true, null, Self($"page={n}")));
            case Scenario.SamePage:
                return CannedResponse.Json(Page(client, Enumerable.Range(0, client == "mp" ? 1000 : 2).Select(i => Doc(client, i)), true, null,
                    Self(r.Next(2) == 0 ? "page=1" : $"page={n}")));
            case Scenario.BadCount:
                return CannedResponse.Json(Page(client, [Doc(client, n)], r.Next(2) == 0, r.Pick(Counts), null));
            case Scenario.Garbage:
                return CannedResponse.Json(r.Pick(Garbage));
            case Scenario.Status:
            {
                int status = r.Pick([400, 401, 403, 404, 418, 429, 500, 501, 502, 503, 204, 304, 100 + 99]);
                string body = r.Next(2) == 0 ? "{\"detail\": \"bad key " + key + "\", \"errors\": [{\"detail\": \"key " + key + " refused\"}]}" : $"error for key {key}";
                return new CannedResponse(status, status is 204 or 304 ? "" : body, retryNow);
            }
            case Scenario.Redirect:
            {
                string location = r.Next(5) switch
                {
                    0 => otherUrl + "/steal?key=" + key,
                    1 => "file:///etc/passwd",
                    2 => "ftp://127.0.0.1/x",
                    3 => path + "?again=" + n, // same host, endless
                    _ => "//" + new Uri(otherUrl).Authority + "/steal",
                };
                return new CannedResponse(r.Pick([301, 302, 303, 307, 308]), "", new Dictionary<string, string> { ["Location"] = location });
            }
            case Scenario.MutatedDocs:
            {
                string page = Page(client, [Doc(client, n), Doc(client, n + 1)], false, null, null);
                return CannedResponse.Json(FuzzImportTests.MutateJson(page, r));
            }
            case Scenario.KeyInDocs:
            {
                string echo = key ?? "no-key-was-sent"; // OQMD and OPTIMADE are never given the key
                string doc = client switch
                {
                    "mp" => MpDoc(n, echo),
                    "oqmd" => OqmdDoc(n, echo),
                    _ => OptimadeDoc(n, echo),
                };
                return CannedResponse.Json(Page(client, [doc], false, null, null));
            }
            case Scenario.BadNext:
            {
                string next = r.Pick(["http://[bad", "ftp://127.0.0.1/x", otherUrl + "/v1/structures?page=2", "javascript:alert(1)", "", "?page=2",
                    "/v1/structures?page=" + n, "file:///etc/passwd", new string('x', 5000)]);
                return CannedResponse.Json(Page(client, [Doc(client, n)], true, null, next));
            }
            default: // Slow: past the one-second time-out
                Thread.Sleep(1500);
                return CannedResponse.Json(Page(client, [Doc(client, n)], false, null, null));
        }
    }

    [Fact]
    public void PullsFromMisbehavingServersFailCleanly()
    {
        string pristine = _tmp.File("pristine.db");
        Assert.Equal(0, CliCommands.CliRunner.Run("data", "import", _tmp.Write("base.csv", EntryStoreTests.SmallCsv), "--store", pristine).Code);
        var saved = new[] { MaterialsProjectClient.KeyVariable, PullLimits.MaxPagesVariable, PullLimits.TimeoutVariable, MaterialsProjectClient.UrlVariable, OqmdClient.UrlVariable }
            .ToDictionary(v => v, Environment.GetEnvironmentVariable);
        var run = new FuzzRun("online");
        var r = run.Random();
        var scenarios = Enum.GetValues<Scenario>().Where(s => s != Scenario.Slow).ToArray();
        try
        {
            Environment.SetEnvironmentVariable(MaterialsProjectClient.KeyVariable, Key);
            Environment.SetEnvironmentVariable(PullLimits.MaxPagesVariable, "8");
            Environment.SetEnvironmentVariable(PullLimits.TimeoutVariable, "1");
            Environment.SetEnvironmentVariable(MaterialsProjectClient.UrlVariable, null);
            Environment.SetEnvironmentVariable(OqmdClient.UrlVariable, null);
            // The cases are drawn in order from the seed, then run eight at a time (each with its own store): most of a
            // case is waiting for a server, and the command line's console capture is per flow.
            var cases = Enumerable.Range(0, FuzzRun.Cases(90)).Select(c =>
            {
                string client = new[] { "mp", "oqmd", "optimade" }[c % 3];
                // One slow server (it costs the time-out twice and the back-off between: 3 s): the time-out and its one
                // retry are HttpJsonFetcher's, shared by the three clients, so one case covers them; the rest at random.
                var scenario = c == 0 ? Scenario.Slow : r.Pick(scenarios);
                return (No: c, Client: client, Scenario: scenario, Seed: r.Next(), NoProperties: r.Next(2) == 0, Json: r.Next(3) == 0);
            }).ToList();
            var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
            Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
            {
                int c = k.No;
                var (client, scenario) = (k.Client, k.Scenario);
                var caseRandom = new Random(k.Seed);
                string store = _tmp.File($"store-{c}.db");
                File.Copy(pristine, store);
                using var other = new LocalHttpServer((_, _) => CannedResponse.Json("""{"data": []}"""));
                LocalHttpServer? server = null;
                server = new LocalHttpServer((req, n) => Respond(client, scenario, caseRandom, req, n, server!.BaseUrl, other.BaseUrl));
                using (server)
                {
                    string[] args = client switch
                    {
                        "mp" => ["data", "pull", "--chemsys", "Li-S", "--source", "mp", "--url", server.BaseUrl, .. k.NoProperties ? ["--no-properties"] : Array.Empty<string>()],
                        "oqmd" => ["data", "pull", "--chemsys", "Li-S", "--source", "oqmd", "--url", server.BaseUrl],
                        _ => ["data", "pull", "--chemsys", "Li-S", "--source", "optimade:" + server.BaseUrl, "--field", "_oqmd_delta_e"],
                    };
                    args = [.. args, "--store", store, .. k.Json ? ["--json"] : Array.Empty<string>()];
                    var before = File.ReadAllBytes(store);
                    string label = $"{client} {scenario} (server seed {k.Seed})";
                    var result = run.Cli(c, label, args, TimeSpan.FromSeconds(25), Key);
                    if (result is not { } res) return;
                    seen.AddOrUpdate($"{client} {scenario} exit {res.Code}", 1, (_, v) => v + 1);
                    if (other.Requests.Any(q => q.ApiKey is not null || q.Url.Contains(Key, StringComparison.Ordinal)))
                        run.Finding(c, label, args, "the key reached another host");
                    if (res.Code != 0 && !File.ReadAllBytes(store).AsSpan().SequenceEqual(before))
                        run.Finding(c, label, args, $"the store changed after a failed pull (exit {res.Code})");
                    if (scenario is Scenario.Endless or Scenario.SamePage && res.Code == 0)
                        run.Finding(c, label, args, "endless paging ended in success");
                    if (server.Requests.Count > 60)
                        run.Finding(c, label, args, $"{server.Requests.Count} requests for one pull with a page limit of 8");
                }
                foreach (var f in new[] { store, store + "-wal", store + "-shm" }) File.Delete(f);
            });
            run.AssertClean(log);
            Assert.True(seen.Keys.Count(k => k.EndsWith("exit 0", StringComparison.Ordinal)) >= 3, "some pulls must succeed: " + string.Join("; ", seen.Keys));
        }
        finally
        {
            foreach (var (k, v) in saved) Environment.SetEnvironmentVariable(k, v);
        }
    }
}
