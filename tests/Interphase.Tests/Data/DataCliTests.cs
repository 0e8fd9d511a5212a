using System.CommandLine;
using System.Text.Json;
using Interphase.Cli.Commands;
using Interphase.Data;
using Interphase.Tests.CliCommands;

namespace Interphase.Tests.Data;

/// <summary>The <c>interphase data</c> commands run in-process: exit codes and their effect on the store.</summary>
[Collection(Interphase.Tests.CliCommands.ProcessEnvironmentCollection.Name)]
public sealed class DataCliTests
{
    private static int Run(params string[] args) => CliRunner.Run(args).Code;

    [Fact]
    public void ImportListExportRemoveExitCodes()
    {
        using var tmp = new TempDir();
        var csv = tmp.Write("small.csv", EntryStoreTests.SmallCsv);
        Assert.Equal(0, Run("data", "import", csv, "--store", tmp.Store, "--json"));
        Assert.Equal(0, Run("data", "import", csv, "--store", tmp.Store, "--source", "again"));
        using (var s = EntryStore.OpenExisting(tmp.Store))
            Assert.Equal([("again", 8), ("small.csv", 8)], s.Sources().Select(x => (x.Name, x.Entries)));

        Assert.Equal(0, Run("data", "list", "--store", tmp.Store));
        Assert.Equal(0, Run("data", "list", "--chemsys", "Li-O", "--store", tmp.Store, "--json"));
        Assert.Equal(0, Run("data", "stats", "--store", tmp.Store, "--json"));
        Assert.Equal(2, Run("data", "list", "--chemsys", "Li-Qq", "--store", tmp.Store));

        var json = tmp.File("out.json");
        Assert.Equal(0, Run("data", "export", "--format", "json", "--source", "again", "-o", json, "--store", tmp.Store));
        using (var doc = JsonDocument.Parse(File.ReadAllText(json)))
            Assert.Equal(8, doc.RootElement.GetArrayLength());
        Assert.Equal(1, Run("data", "export", "--format", "xml", "--store", tmp.Store)); // parse error
        Assert.Equal(2, Run("data", "export", "--source", "nope", "--store", tmp.Store));

        Assert.Equal(2, Run("data", "remove", "--source", "nope", "--store", tmp.Store));
        Assert.Equal(0, Run("data", "remove", "--source", "small.csv", "--store", tmp.Store));
        Assert.Equal(1, Run("data", "remove", "--store", tmp.Store)); // --source is required
        using (var s = EntryStore.OpenExisting(tmp.Store))
            Assert.Equal(["again"], s.Sources().Select(x => x.Name));
    }

    [Fact]
    public void FailedImportsAndPullsExitWithTwoAndLeaveTheStoreUnchanged()
    {
        using var tmp = new TempDir();
        Assert.Equal(0, Run("data", "import", tmp.Write("good.csv", EntryStoreTests.SmallCsv), "--store", tmp.Store));
        List<string> before;
        using (var s = EntryStore.OpenExisting(tmp.Store)) before = EntryStoreTests.Snapshot(s);

        Assert.Equal(2, Run("data", "import", tmp.Write("bad.csv", "formula,e_form_per_atom\nLi,0\nLi2O,x\n"), "--store", tmp.Store, "--source", "good.csv"));
        Assert.Equal(2, Run("data", "import", tmp.File("missing.csv"), "--store", tmp.Store));
        int closed = LocalHttpServer.FreePort();
        Assert.Equal(2, Run("data", "pull", "--chemsys", "Li-O", "--source", "oqmd", "--url", $"http://127.0.0.1:{closed}/oqmdapi", "--store", tmp.Store, "--json"));
        Assert.Equal(2, Run("data", "pull", "--chemsys", "Li-O", "--source", "aflow", "--store", tmp.Store));
        // one of --chemsys and --all (the whole database, Materials Project only) is required
        var neither = CliRunner.Run("data", "pull", "--source", "oqmd", "--store", tmp.Store);
        Assert.Equal(2, neither.Code);
        Assert.Contains("give --chemsys SYSTEM", neither.Err);
        Assert.Equal(2, Run("data", "pull", "--all", "--chemsys", "Li-O", "--source", "mp", "--store", tmp.Store));
        var allOqmd = CliRunner.Run("data", "pull", "--all", "--source", "oqmd", "--store", tmp.Store);
        Assert.Equal(2, allOqmd.Code);
        Assert.Contains("--all pulls the whole Materials Project", allOqmd.Err);

        using (var s = EntryStore.OpenExisting(tmp.Store)) Assert.Equal(before, EntryStoreTests.Snapshot(s));
        // A store that does not exist yet: stats say so and name the built-in data the analyses use (exit 0), creating nothing.
        var none = CliRunner.Run("data", "stats", "--store", tmp.File("none.db"));
        Assert.Equal(0, none.Code);
        Assert.Contains("does not exist yet", none.Out);
        Assert.Contains("The analyses use the built-in Matbench v0.1", none.Out);
        Assert.False(File.Exists(tmp.File("none.db")));
    }

    [Fact]
    public void PullFillsTheStoreFromALocalOqmdServer()
    {
        using var server = new LocalHttpServer((req, _) =>
        {
            var filter = new HttpListenerRequestInfo(req)["filter"];
            string data = filter == "element_set=Li,O AND ntypes=2" ? """{"name": "Li2O", "entry_id": 1, "delta_e": -2.07}""" : "";
            return CannedResponse.Json("{\"data\": [" + data + "], \"meta\": {\"more_data_available\": false}}");
        });
        using var tmp = new TempDir();
        Assert.Equal(0, Run("data", "pull", "--chemsys", "Li-O", "--source", "oqmd", "--url", server.BaseUrl + "/oqmdapi", "--store", tmp.Store, "--json"));
        Assert.Equal(0, Run("data", "pull", "--chemsys", "O-Li", "--source", "oqmd", "--url", server.BaseUrl + "/oqmdapi", "--store", tmp.Store, "--json"));
        using var s = EntryStore.OpenExisting(tmp.Store);
        var e = Assert.Single(s.All());
        Assert.Equal(("oqmd", "1", -2.07), (e.Provenance.Source, e.Provenance.SourceId, e.EnergyPerAtom));
        Assert.Equal(server.BaseUrl + "/oqmdapi", Assert.Single(s.Sources()).Origin);
    }
}

/// <summary>The thermodynamics commands take their entries from the store when no --data is given.</summary>
public sealed class ThermoFromStoreCliTests
{
    private static int Run(params string[] args) => CliRunner.Run(args).Code;

    [Fact]
    public void HullUsesTheStoreAndRefusesMixedSources()
    {
        using var tmp = new TempDir();
        tmp.StoreWith(("a", EntryStoreTests.SmallCsv), ("b", "formula,e_form_per_atom\nLi2O1,-2.1\n"));
        Assert.Equal(0, Run("hull", "Li3PS4", "--store", tmp.Store, "--json"));
        Assert.Equal(2, Run("hull", "Li2O", "--store", tmp.Store, "--json"));
        Assert.Equal(0, Run("hull", "Li2O", "--store", tmp.Store, "--source", "b", "--json"));
        Assert.Equal(0, Run("hull", "Li2O", "--store", tmp.Store, "--allow-mixed-sources", "--json"));
        Assert.Equal(2, Run("hull", "NaCl", "--store", tmp.Store, "--json"));
    }
}
