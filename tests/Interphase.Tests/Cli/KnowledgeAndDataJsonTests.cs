using System.Text.Json;
using Interphase.Data;
using Interphase.Tests.Data;

namespace Interphase.Tests.CliCommands;

/// <summary>
/// The <c>--json</c> of the <c>kb</c> and <c>data</c> commands through the command line: values as the reviews print
/// them (kb) and as the store holds them (data), under keys that follow the README's unit-suffix rule.
/// </summary>
public sealed class KnowledgeAndDataJsonTests
{
    [Fact]
    public void KbCellsCarryTheReviewsTableValues()
    {
        // Xia et al., Chem 5, 753 (2019), Table 1, 2015: Li | 75Li2S·24P2S5·P2O5 | LCO, RT, 0.1 C: 109 mAh/g, 85.2 % after 30 cycles.
        var cells = CliRunner.Json("kb", "cells").EnumerateArray().ToList();
        var c = cells.Single(x => x.GetProperty("id").GetString() == "limetal-t1-01");
        Assert.Equal(109, c.GetProperty("capacity_mah_per_g").GetDouble());
        Assert.Equal(85.2, c.GetProperty("retention_percent").GetDouble());
        Assert.Equal(30, c.GetProperty("cycles").GetInt32());
        Assert.Equal("0.1 C", c.GetProperty("rate").GetString());
        Assert.Equal(298.15, c.GetProperty("temperature_k").GetDouble());
        Assert.StartsWith("Xia et al., Chem 5, 753 (2019), Table 1", c.GetProperty("citation").GetString());
        Assert.Equal("ambiguous", c.GetProperty("flags")[0].GetProperty("kind").GetString());
        Assert.All(cells, x => Assert.False(x.TryGetProperty("flags", out var f) && f.GetArrayLength() == 0)); // empty flags left out
    }

    [Fact]
    public void KbInterfacesUseUnitSuffixedKeys()
    {
        var rows = CliRunner.Json("kb", "interfaces", "--category", "li-garnet").EnumerateArray().ToList();
        // Wang et al., Adv. Energy Mater. 10, 2001318 (2020), Table 1, row 1: Al-LLZO, surface polish: 109 Ω·cm² at 0.046 mA/cm², 0.092 mAh/cm².
        var r = rows.Single(x => x.GetProperty("id").GetString() == "garnet-t1-01");
        Assert.Equal(109, r.GetProperty("asr_ohm_cm2").GetDouble());
        Assert.Equal(0.046, r.GetProperty("current_density_ma_per_cm2").GetDouble());
        Assert.Equal(0.092, r.GetProperty("capacity_mah_per_cm2").GetDouble());
        Assert.Equal("LLZO", r.GetProperty("material").GetString());
        var keys = rows.SelectMany(x => x.EnumerateObject().Select(p => p.Name)).Distinct().ToList();
        Assert.DoesNotContain("specific_current_ma_g", keys);
        Assert.All(keys, k => Assert.Equal(k.ToLowerInvariant(), k));
    }

    [Fact]
    public void KbMaterialsAndProductsWriteEnumsAsText()
    {
        var materials = CliRunner.Json("kb", "materials", "--family", "garnet").EnumerateArray().ToList();
        var llzo = materials.Single(m => m.GetProperty("id").GetString() == "LLZO");
        Assert.Equal("garnet", llzo.GetProperty("family").GetString());
        Assert.Equal("electrolyte", llzo.GetProperty("role").GetString());
        Assert.True(llzo.GetProperty("values").GetInt32() > 5);

        // Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.1: Li2S is a wide-gap insulator that conducts Li+.
        var asked = CliRunner.Json("kb", "products", "Li2S");
        var li2s = Assert.Single(asked.GetProperty("products").EnumerateArray());
        Assert.Equal("insulating", li2s.GetProperty("electronic").GetString());
        Assert.True(li2s.GetProperty("ionic_conductor").GetBoolean());
        Assert.False(asked.TryGetProperty("rules", out _));
        var all = CliRunner.Json("kb", "products");
        Assert.True(all.GetProperty("rules").GetArrayLength() > 0);
        Assert.All(all.GetProperty("rules").EnumerateArray(), r =>
            Assert.Contains(r.GetProperty("electronic").GetString(), new[] { "insulating", "conducting", "gas", "unknown" }));
    }

    [Fact]
    public void DataCommandsReportWhatTheStoreHolds()
    {
        using var tmp = new TempDir();
        string csv = tmp.Write("small.csv", EntryStoreTests.SmallCsv);
        var import = CliRunner.Json("data", "import", csv, "--store", tmp.Store);
        Assert.Equal(("small.csv", 8, 0), (import.GetProperty("source").GetString(), import.GetProperty("added").GetInt32(), import.GetProperty("replaced").GetInt32()));
        Assert.True(import.GetProperty("elapsed_s").GetDouble() >= 0);
        Assert.Equal(Path.GetFullPath(tmp.Store), import.GetProperty("store").GetString());
        var again = CliRunner.Json("data", "import", csv, "--store", tmp.Store);
        Assert.Equal(8, again.GetProperty("replaced").GetInt32());

        var sources = CliRunner.Json("data", "list", "--store", tmp.Store).GetProperty("sources").EnumerateArray().ToList();
        var src = Assert.Single(sources);
        Assert.Equal(("small.csv", 8, 8), (src.GetProperty("name").GetString(), src.GetProperty("entries").GetInt32(), src.GetProperty("formation_entries").GetInt32()));

        // Li-O and its sub-systems: Li, O2, Li2O, Li2O2 (not Li2S, P-S, Fe2O3).
        var list = CliRunner.Json("data", "list", "--chemsys", "O-Li", "--store", tmp.Store);
        Assert.Equal("Li-O", list.GetProperty("chemsys").GetString());
        var entries = list.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["Li", "Li2O", "Li2O2", "O2"], entries.Select(e => e.GetProperty("reduced_formula").GetString()).Order(StringComparer.Ordinal));
        var li2o = entries.Single(e => e.GetProperty("reduced_formula").GetString() == "Li2O");
        Assert.Equal(-2.0712, li2o.GetProperty("energy_ev_per_atom").GetDouble(), 9);
        Assert.Equal("formation", li2o.GetProperty("basis").GetString());

        var stats = CliRunner.Json("data", "stats", "--store", tmp.Store);
        Assert.Equal(8, stats.GetProperty("entries").GetInt32());
        var byCount = stats.GetProperty("by_element_count");
        // Li, O2 | Li2O, Li2O2, Li2S, PS, Fe2O3 | Li3PS4, in 7 systems (Li, O, Li-O, Li-S, P-S, Fe-O, Li-P-S).
        Assert.Equal((2, 5, 1), (byCount.GetProperty("1").GetInt32(), byCount.GetProperty("2").GetInt32(), byCount.GetProperty("3").GetInt32()));
        Assert.Equal(7, stats.GetProperty("chemical_systems").GetInt32());

        var (code, exported, err) = CliRunner.Run("data", "export", "--format", "CSV", "--chemsys", "Li-S", "--store", tmp.Store);
        Assert.True(code == 0, err);
        var lines = exported.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("formula,e_form_per_atom", lines[0]);
        var li2s = lines.Single(l => l.StartsWith("Li2S1,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(-1.5608, double.Parse(li2s[1], System.Globalization.CultureInfo.InvariantCulture), 12);
        Assert.Equal(3, lines.Length); // header, Li, Li2S

        var removed = CliRunner.Json("data", "remove", "--source", "small.csv", "--store", tmp.Store);
        Assert.Equal(8, removed.GetProperty("removed").GetInt32());
        using var s = EntryStore.OpenExisting(tmp.Store);
        Assert.Empty(s.Sources());
    }
}
