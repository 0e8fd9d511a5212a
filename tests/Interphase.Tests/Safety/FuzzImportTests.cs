using System.Text.Json;
using System.Text.Json.Nodes;
using Interphase.Data;
using Interphase.Tests.Data;

using Xunit.Abstractions;

namespace Interphase.Tests.Safety;

/// <summary>
/// Seeded fuzz of <c>data import</c> into a temporary store with CSV, pymatgen ComputedEntry JSON and Materials
/// Project API JSON files: never exit 70, and a failed import leaves the store byte-identical (no -wal or -shm left).
/// </summary>
public sealed class FuzzImportTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static readonly string[] CsvScalars =
    [
        .. Mutate.HostileScalars, "Li2O,-2.07", "Li2O,-2.07,5", "formula", "e_form_per_atom", "\"Li2O\"", "\"Li2O,-2\"", "\"unterminated", ";",
    ];

    private const string MpApi = """
        {"data": [
          {"material_id": "mp-1960", "formula_pretty": "Li2O", "composition": {"Li": 8.0, "O": 4.0}, "formation_energy_per_atom": -2.07, "energy_per_atom": -4.8, "uncorrected_energy_per_atom": -4.6, "thermo_type": "GGA_GGA+U"},
          {"material_id": "mp-1153", "formula_pretty": "Li2S", "composition": {"Li": 8.0, "S": 4.0}, "formation_energy_per_atom": -1.56, "energy_per_atom": -4.01, "uncorrected_energy_per_atom": -3.81, "thermo_type": "GGA_GGA+U"},
          {"material_id": "mp-135", "formula_pretty": "Li", "composition": {"Li": 1.0}, "formation_energy_per_atom": 0.0, "energy_per_atom": -1.9, "uncorrected_energy_per_atom": -1.9, "thermo_type": "GGA_GGA+U"}
        ], "meta": {"total_doc": 3}}
        """;

    internal static readonly Func<Random, JsonNode?>[] HostileJson =
    [
        _ => null, _ => JsonValue.Create(0), _ => JsonValue.Create(-1), _ => JsonValue.Create(1e308), _ => JsonValue.Create(-1e308),
        _ => JsonValue.Create(5e-324), _ => JsonValue.Create(1.5), _ => JsonValue.Create(long.MaxValue), _ => JsonValue.Create(true),
        _ => JsonValue.Create(""), _ => JsonValue.Create("NaN"), _ => JsonValue.Create("Infinity"), _ => JsonValue.Create("Li2O"),
        _ => JsonValue.Create("Xx"), _ => JsonValue.Create("Li₂O"), _ => JsonValue.Create(new string('L', 500)),
        _ => new JsonArray(), _ => new JsonObject(), _ => new JsonArray(1, 2), _ => new JsonObject { ["Li"] = -1 },
        _ => new JsonObject { ["Li"] = 1e308, ["O"] = 1e308 }, _ => new JsonObject { ["Xx"] = 1 }, _ => new JsonObject { ["Li"] = "two" },
        _ => new JsonObject { ["Li"] = 0 }, r => JsonValue.Create(r.NextDouble() * 20 - 10),
    ];

    /// <summary>Replaces, deletes or duplicates random nodes of a JSON document; sometimes truncates or appends text.</summary>
    internal static string MutateJson(string json, Random r)
    {
        var root = JsonNode.Parse(json)!;
        var nodes = new List<JsonNode>();
        void Walk(JsonNode? n)
        {
            if (n is null) return;
            nodes.Add(n);
            if (n is JsonObject o) foreach (var (_, v) in o.ToList()) Walk(v);
            else if (n is JsonArray a) foreach (var v in a.ToList()) Walk(v);
        }
        Walk(root);
        int edits = 1 + r.Next(3);
        for (int k = 0; k < edits; k++)
        {
            var node = nodes[r.Next(nodes.Count)];
            var parent = node.Parent;
            if (parent is null) continue;
            int op = r.Next(4);
            if (parent is JsonObject po)
            {
                string key = node.GetPropertyName();
                if (op == 0) po.Remove(key);
                else if (op == 1) { po.Remove(key); po[key + (r.Next(2) == 0 ? "" : "_x")] = r.Pick(HostileJson)(r); }
                else po[key] = r.Pick(HostileJson)(r);
            }
            else if (parent is JsonArray pa)
            {
                int i = node.GetElementIndex();
                if (op == 0) pa.RemoveAt(i);
                else if (op == 1) pa.Insert(i, node.DeepClone());
                else pa[i] = r.Pick(HostileJson)(r);
            }
            nodes.Clear();
            Walk(root);
        }
        string text = root.ToJsonString();
        return r.Next(8) switch
        {
            0 => text[..r.Next(text.Length + 1)],
            1 => text + r.Pick(["]", "}", ",", "x", "\u0000", "[]"]),
            2 => r.Pick(["", "null", "[]", "{}", "[null]", "{\"data\": null}", "{\"entries\": []}", new string('[', 5000), "\"text\""]),
            _ => text,
        };
    }

    private static string PymatgenSubset()
    {
        // The first entries of the shared pymatgen file (read in place), keeping the case count affordable.
        using var doc = JsonDocument.Parse(File.ReadAllText(TestFiles.LiFePOEntries));
        return "[" + string.Join(",", doc.RootElement.EnumerateArray().Take(12).Select(e => e.GetRawText())) + "]";
    }

    private static (byte[] Db, bool Wal, bool Shm) State(string store) =>
        (File.ReadAllBytes(store), File.Exists(store + "-wal"), File.Exists(store + "-shm"));

    [SharedFact(TestFiles.LiFePOEntriesFile)]
    public void AFailedImportLeavesTheStoreByteIdentical()
    {
        string pristine = _tmp.File("pristine.db");
        string seed = _tmp.Write("base.csv", EntryStoreTests.SmallCsv);
        Assert.Equal(0, CliCommands.CliRunner.Run("data", "import", seed, "--store", pristine).Code);
        string store = _tmp.Store;
        File.Copy(pristine, store);
        string pymatgen = PymatgenSubset();
        var run = new FuzzRun("entry import");
        var r = run.Random();
        int failed = 0;
        for (int c = 0; c < FuzzRun.Cases(150); c++)
        {
            string kind = r.Pick(["csv", "csv", "pymatgen", "mp"]);
            string text = kind switch
            {
                "csv" => Mutate.Text(EntryStoreTests.SmallCsv.Replace("\n", r.Next(5) == 0 ? "\r\n" : "\n"), r, CsvScalars),
                "pymatgen" => MutateJson(pymatgen, r),
                _ => MutateJson(MpApi, r),
            };
            string file = _tmp.Write(kind == "csv" ? "fuzz.csv" : "fuzz.json", text);
            var before = State(store);
            string[] args = ["data", "import", file, "--store", store, "--source", r.Pick(["fuzz", "base.csv"]),
                .. kind == "mp" && r.Next(2) == 0 ? ["--field", r.Pick(["energy_per_atom", "uncorrected_energy_per_atom"])] : Array.Empty<string>()];
            var result = run.Cli(c, $"{kind}:\n{text}", args, TimeSpan.FromSeconds(20));
            if (result is not { } res) return;
            if (res.Code != 0)
            {
                failed++;
                var after = State(store);
                if (!after.Db.AsSpan().SequenceEqual(before.Db) || after.Wal != before.Wal || after.Shm != before.Shm)
                    run.Finding(c, text, args, $"the store changed after a failed import (exit {res.Code}): {FuzzRun.Cap(res.Err)}");
            }
            else
            {
                // What an import accepts, a typed formula could say: no amount beyond the formula bounds poisons the store.
                // (Read from a copy: opening the store leaves -wal/-shm files the rollback check compares.)
                string copy = _tmp.File($"imported-{c}.db");
                File.Copy(store, copy, overwrite: true);
                using (var imported = EntryStore.OpenReadOnly(copy))
                    foreach (var e in imported.All())
                        foreach (var (el, n) in e.Composition.Amounts)
                            if (n > Interphase.Chemistry.FormulaParser.MaxAmount || n < Interphase.Chemistry.FormulaParser.MinAmount)
                                run.Finding(c, text, args, $"imported {n:G6} atoms of {el.Symbol}, beyond the bounds of a typed formula");
                File.Copy(pristine, store, overwrite: true);
            }
        }
        run.AssertClean(log);
        Assert.True(failed > FuzzRun.Cases(150) / 6, $"only {failed} failed imports: the mutations are too mild to test rollback");
    }
}
