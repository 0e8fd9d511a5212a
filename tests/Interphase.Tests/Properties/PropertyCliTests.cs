using System.Text.Json;
using Interphase.Data;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Data;

namespace Interphase.Tests.Properties;

/// <summary><c>interphase data import-properties</c> and <c>interphase props</c> run in-process.</summary>
public sealed class PropertyCliTests
{
    [Fact]
    public void ImportThenPropsShowsTheValuesTheIssueAsksFor()
    {
        using var tmp = new TempDir();
        var (code, _, err) = CliRunner.Run("data", "import-properties", PropertyFiles.File("mp_refractive_index.csv"), "--property", "refractive_index", "--store", tmp.Store, "--json");
        Assert.True(code == 0, err);
        var gap = tmp.Write("gaps.csv", "formula,target\nCl1Li6P1S5,2.1375\nLi12P4S16,2.3919\nLi12P4S16,2.9509\n");
        Assert.Equal(0, CliRunner.Run("data", "import-properties", gap, "--property", "band_gap", "--source", "my-gaps", "--store", tmp.Store).Code);
        var shear = tmp.Write("mp_log10_shear_modulus_part.csv", "formula,target\nLi12P4S16,1.0413926851582251\n");
        var (c2, out2, _) = CliRunner.Run("data", "import-properties", shear, "--property", "shear_modulus", "--store", tmp.Store, "--json");
        Assert.Equal(0, c2);
        using (var doc = JsonDocument.Parse(out2)) Assert.Equal("log10", doc.RootElement.GetProperty("value_scale").GetString());

        var (c3, json, _) = CliRunner.Run("props", "Li6PS5Cl", "--json", "--store", tmp.Store);
        Assert.Equal(0, c3);
        using (var doc = JsonDocument.Parse(json))
        {
            var r = doc.RootElement;
            Assert.Equal(2.14, r.GetProperty("band_gap_ev").GetDouble(), 2);
            Assert.Equal(1.88, r.GetProperty("refractive_index").GetDouble(), 2);
            Assert.Equal("insulating", r.GetProperty("electronic").GetString());
            Assert.Contains("shear_modulus", r.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("data pull", r.GetProperty("how_to_get").GetString());
        }
        var (c4, lps, _) = CliRunner.Run("props", "Li3PS4", "--json", "--store", tmp.Store);
        Assert.Equal(0, c4);
        using (var doc = JsonDocument.Parse(lps))
        {
            Assert.Equal(11.0, doc.RootElement.GetProperty("shear_modulus_gpa").GetDouble(), 3);
            var g = doc.RootElement.GetProperty("properties").EnumerateArray().First(p => p.GetProperty("property").GetString() == "band_gap");
            Assert.Equal(2, g.GetProperty("polymorphs").GetInt32());
            Assert.Equal((2.3919 + 2.9509) / 2, g.GetProperty("value").GetDouble(), 6);
        }
        var (c5, table, _) = CliRunner.Run("props", "Li3PS4", "--store", tmp.Store);
        Assert.Equal(0, c5);
        Assert.Contains("median", table);
        Assert.Contains("2.392", table);
        Assert.Contains("2.951", table);
    }

    [Fact]
    public void AnodeCommandsUseTheStoredGapsAndModuli()
    {
        using var tmp = new TempDir();
        var gaps = tmp.Write("gaps.csv", "formula,target\nNi4O4,2.3009\nIn8S12,0.2798\nIn8S12,0.8246\nIn8S12,0.8351\nIn8S12,1.0947\n");
        Assert.Equal(0, CliRunner.Run("data", "import-properties", gaps, "--property", "band_gap", "--store", tmp.Store).Code);
        var shear = tmp.Write("mp_log10_shear_modulus_part.csv", "formula,target\nLi12P4S16,1.0413926851582251\n");
        Assert.Equal(0, CliRunner.Run("data", "import-properties", shear, "--property", "shear_modulus", "--store", tmp.Store).Code);

        var (c1, out1, err1) = CliRunner.Run("anode", "monroe", "--electrolyte", "Li3PS4", "--store", tmp.Store, "--json");
        Assert.True(c1 == 0, err1);
        using (var doc = JsonDocument.Parse(out1))
        {
            Assert.Equal(11.0, doc.RootElement.GetProperty("electrolyte_shear_gpa").GetDouble(), 6);
            Assert.Contains("mp_log10_shear_modulus_part.csv, line 2", doc.RootElement.GetProperty("shear_modulus_source").GetString());
            Assert.True(doc.RootElement.GetProperty("passes").GetBoolean());
        }
        var (c2, _, err2) = CliRunner.Run("anode", "monroe", "--electrolyte", "Li6PS5Cl", "--store", tmp.Store);
        Assert.Equal(2, c2);
        Assert.Contains("no shear modulus for Li6PS5Cl", err2);
        Assert.Contains("data pull --chemsys Cl-Li-P-S --source mp", err2);

        var passivating = tmp.Write("nio.yaml", "electrolyte: Li6PS5Cl\nproducts: [Li2S, NiO]\nreaction_energy_ev_per_atom: -0.3\n");
        var (c3, out3, err3) = CliRunner.Run("anode", "classify", passivating, "--store", tmp.Store, "--json");
        Assert.True(c3 == 0, err3);
        using (var doc = JsonDocument.Parse(out3))
        {
            Assert.Equal("passivating_sei", doc.RootElement.GetProperty("kind").GetString());
            var nio = doc.RootElement.GetProperty("products").EnumerateArray().Single(p => p.GetProperty("formula").GetString() == "NiO");
            Assert.Equal(2.3009, nio.GetProperty("band_gap_ev").GetDouble(), 4);
            Assert.Contains("gaps.csv", nio.GetProperty("citation").GetString());
        }
        var mixed = tmp.Write("ins.yaml", "electrolyte: Li3InCl6\nproducts: [LiCl, In2S3]\nreaction_energy_ev_per_atom: -0.3\n");
        var (c4, out4, _) = CliRunner.Run("anode", "classify", mixed, "--store", tmp.Store, "--json");
        Assert.Equal(0, c4);
        using (var doc = JsonDocument.Parse(out4)) Assert.Equal("mixed_conducting", doc.RootElement.GetProperty("kind").GetString());
        var gas = tmp.Write("gas.yaml", "electrolyte: Li3InCl6\nproducts: [LiCl, Cl2]\nreaction_energy_ev_per_atom: -0.3\n");
        var (c5, out5, _) = CliRunner.Run("anode", "classify", gas, "--store", tmp.Store, "--json");
        Assert.Equal(0, c5);
        using (var doc = JsonDocument.Parse(out5))
        {
            Assert.Equal("gas_evolution", doc.RootElement.GetProperty("kind").GetString());
            Assert.Equal(JsonValueKind.Null, doc.RootElement.TryGetProperty("growth_law", out var g) ? g.ValueKind : JsonValueKind.Null);
        }
    }

    [Fact]
    public void BadInputExitsWithTwoAndLeavesTheStoreUnchanged()
    {
        using var tmp = new TempDir();
        var good = tmp.Write("g.csv", "formula,target\nLi2O1,4.9\n");
        Assert.Equal(0, CliRunner.Run("data", "import-properties", good, "--property", "band_gap", "--store", tmp.Store).Code);
        List<string> before;
        using (var s = EntryStore.OpenExisting(tmp.Store)) before = PropertyFiles.Snapshot(s, "Li2O", "Li2S");

        var (c1, _, e1) = CliRunner.Run("data", "import-properties", good, "--property", "hardness", "--store", tmp.Store);
        Assert.Equal(2, c1);
        Assert.Contains("error: unknown property 'hardness'", e1);
        var bad = tmp.Write("g2.csv", "formula,target\nLi2S1,3.4\nLi2O1,five\n");
        var (c2, _, e2) = CliRunner.Run("data", "import-properties", bad, "--property", "band_gap", "--source", "g.csv", "--store", tmp.Store);
        Assert.Equal(2, c2);
        Assert.Contains("g2.csv, line 3", e2);
        var negative = tmp.Write("g3.csv", "formula,target\nLi2S1,3.4\nLi2O1,-1\n");
        var (c3, _, e3) = CliRunner.Run("data", "import-properties", negative, "--property", "band_gap", "--source", "g.csv", "--store", tmp.Store);
        Assert.Equal(2, c3);
        Assert.Contains("g3.csv, line 3: band gap -1 eV is negative", e3);
        Assert.Equal(2, CliRunner.Run("data", "import-properties", tmp.File("missing.csv"), "--property", "band_gap", "--store", tmp.Store).Code);
        Assert.Equal(2, CliRunner.Run("data", "import-properties", good, "--property", "band_gap", "--value-scale", "ln", "--store", tmp.Store).Code);
        Assert.Equal(2, CliRunner.Run("props", "Lx2O", "--store", tmp.Store).Code);
        using (var s = EntryStore.OpenExisting(tmp.Store)) Assert.Equal(before, PropertyFiles.Snapshot(s, "Li2O", "Li2S"));

        // A failed import into a store that does not exist yet does not create it.
        var fresh = tmp.File("fresh.db");
        Assert.Equal(2, CliRunner.Run("data", "import-properties", bad, "--property", "band_gap", "--store", fresh).Code);
        Assert.False(File.Exists(fresh));
    }
}
