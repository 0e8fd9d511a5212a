using System.Globalization;
using System.Text.Json;
using Interphase.Cli;
using Interphase.Data;
using Interphase.Knowledge;
using Interphase.Stacks;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Thermodynamics;

namespace Interphase.Tests.Stacks;

/// <summary>The energy `analyze` reports is that of the user's own stack, with the model of `cell energy`.</summary>
public sealed class StackEnergyTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.Load();

    private static string Example(string name) => File.ReadAllText(Path.Combine(StackReaderTests.ExamplesDir, name));

    private static EnergyComparison Energy(string yaml) => StackEnergy.Evaluate(StackReader.Read(yaml), Kb);

    [Theory]
    [MemberData(nameof(StackReaderTests.Examples), MemberType = typeof(StackReaderTests))]
    public void EveryExampleStackHasAnEnergy(string example)
    {
        var e = Energy(Example(example));
        Assert.Empty(e.Missing);
        Assert.InRange(e.SpecificEnergyWhPerKg!.Value, 50, 600);
        Assert.InRange(e.EnergyDensityWhPerL!.Value, 100, 1800);
        // The liquid reference is the review's NCA/graphite cell: ~264 Wh/kg, ~640 Wh/L (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3).
        Assert.Equal(264, e.ReferenceSpecificEnergyWhPerKg, 264 * 0.02);
        Assert.Equal(640, e.ReferenceEnergyDensityWhPerL, 640 * 0.02);
    }

    [Fact]
    public void LoadingAndCapacityChangeTheEnergyAsTheCellModelSays()
    {
        var base10 = Energy(Example("lco-llzo-li.yaml"));
        var heavy = Energy(Example("lco-llzo-li.yaml").Replace("loading_mg_cm2: 10", "loading_mg_cm2: 30").Replace("capacity_mah_g: 140", "capacity_mah_g: 180"));
        Assert.True(heavy.SpecificEnergyWhPerKg > base10.SpecificEnergyWhPerKg * 1.3, $"{base10.SpecificEnergyWhPerKg} → {heavy.SpecificEnergyWhPerKg}");
        Assert.True(heavy.EnergyDensityWhPerL > base10.EnergyDensityWhPerL);

        // By hand for the 10 mg/cm² LCO cell: capacity 1.4 mAh/cm² at LCO's typical 3.9 V (the cathode table; the
        // stack file gives no average voltage) = 5.46 mWh/cm².
        var cell = base10.Cell!;
        Assert.Equal(3.9, cell.AverageVoltageV, 12);
        Assert.Contains(base10.Assumptions, a => a.StartsWith("average voltage 3.9 V, typical of LCO (Reimers et al. 1992", StringComparison.Ordinal));
        double mass = base10.Layers!.Sum(l => l.MassMgPerCm2), thickness = base10.Layers!.Sum(l => l.ThicknessUm);
        Assert.Equal(1000 * 1.4 * 3.9 / mass, base10.SpecificEnergyWhPerKg!.Value, 9);
        Assert.Equal(1e4 * 1.4 * 3.9 / thickness, base10.EnergyDensityWhPerL!.Value, 9);
        // The separator is the 100 µm LLZO layer at the knowledge base's 5.0 g/cm³ (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1): 50 mg/cm².
        var sep = base10.Layers!.Single(l => l.Layer == "separator");
        Assert.Equal(100, sep.ThicknessUm, 12);
        Assert.Equal(50, sep.MassMgPerCm2, 9);
        // Li sized to 20 % excess over 1.4 mAh/cm² at 3861 mAh/g and 0.54 g/cm³ (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1).
        var li = base10.Layers!.Single(l => l.Layer == "anode");
        Assert.Equal(1.4 * 1.2 / 3861.0 * 1000, li.MassMgPerCm2, 0.01);
        Assert.Contains(base10.Densities, d => d.Layer == "LCO" && d.Source == "stack file");
        Assert.Contains(base10.Densities, d => d.Layer == "LLZO" && d.Source.Contains("Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1"));
    }

    [Fact]
    public void TheAverageVoltageIsTheFilesThenTheCathodesTypicalOneThenTheMiddleOfTheRange()
    {
        string yaml = Example("ncm811-lpscl-li.yaml");
        // NCM811 delivers its capacity around 3.7 V, not at the 3.4 V middle of 2.5–4.3 V.
        var typical = Energy(yaml);
        Assert.Equal(3.7, typical.Cell!.AverageVoltageV, 12);
        Assert.Contains(typical.Assumptions, a => a.Contains("typical of NCM811 (Noh et al. 2013, not checked against the paper here", StringComparison.Ordinal));
        // A voltage in the file wins.
        var given = Energy(yaml.Replace("  composition: LiNi0.8Co0.1Mn0.1O2", "  composition: LiNi0.8Co0.1Mn0.1O2\n  average_voltage_v: 3.8"));
        Assert.Equal(3.8, given.Cell!.AverageVoltageV, 12);
        Assert.DoesNotContain(given.Assumptions, a => a.StartsWith("average voltage", StringComparison.Ordinal));
        Assert.Equal(typical.SpecificEnergyWhPerKg!.Value * 3.8 / 3.7, given.SpecificEnergyWhPerKg!.Value, 6);
        // The NCA of the review's model cell: 3.6 V, cited to the review itself (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3).
        Assert.Equal(3.6, ScreeningTables.Default.ChargedStates.Single(s => s.Id == "NCA").AverageVolts);
        Assert.True(ScreeningTables.Default.ChargedStates.Single(s => s.Id == "NCA").AverageVoltageSource!.Verified);
        // A cathode the table does not know takes the middle of its range.
        var unknown = Energy(yaml.Replace("Ni0.8Co0.1Mn0.1O2", "Ni0.5Co0.5O2"));
        Assert.Equal((2.5 + 4.3) / 2, unknown.Cell!.AverageVoltageV, 12);
        Assert.Contains(unknown.Assumptions, a => a.Contains("the middle of the cathode's 2.5–4.3 V range", StringComparison.Ordinal));
    }

    [Fact]
    public void SeveralLayersAndAnInterlayerAreOneSeparatorOfTheSameMassAndThickness()
    {
        var e = Energy(Example("ncm811-li3incl6-lpscl-li.yaml"));
        var sep = e.Layers!.Single(l => l.Layer == "separator");
        Assert.Equal(80, sep.ThicknessUm, 9);                        // 30 µm Li3InCl6 + 50 µm Li6PS5Cl
        Assert.Equal((30 * 2.70 + 50 * 1.86) / 10, sep.MassMgPerCm2, 9);
    }

    [Fact]
    public void AMissingDensityIsNamedAndNothingIsComputed()
    {
        var e = Energy("""
            cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2], loading_mg_cm2: 10, capacity_mah_g: 140, density_g_cm3: 5.05 }
            electrolytes: [ { composition: Li3YCl6, thickness_um: 30 } ]
            anode: { kind: li-metal }
            """);
        Assert.Null(e.SpecificEnergyWhPerKg);
        Assert.Null(e.EnergyDensityWhPerL);
        Assert.Contains(e.Missing, m => m.Contains("Li3YCl6") && m.Contains("electrolytes[0].density_g_cm3"));
        var noLoading = Energy("""
            cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2] }
            electrolytes: [ { name: LLZO, composition: Li7La3Zr2O12, thickness_um: 20 } ]
            anode: { kind: li-metal }
            """);
        Assert.Contains(noLoading.Missing, m => m.Contains("cathode.loading_mg_cm2"));
        Assert.Contains(noLoading.Missing, m => m.Contains("cathode.capacity_mah_g"));
        Assert.Contains(noLoading.Missing, m => m.Contains("cathode.density_g_cm3"));
        Assert.StartsWith("not computed", noLoading.Basis);
    }

    [Fact]
    public void ALithiumFoilThinnerThanTheCathodeCapacityIsRefused()
    {
        var e = Energy(Example("lco-llzo-li.yaml").Replace("kind: li-metal", "kind: li-metal\n  thickness_um: 2"));
        Assert.Null(e.SpecificEnergyWhPerKg);
        Assert.Contains(e.Missing, m => m.Contains("less than the cathode"));
        var thick = Energy(Example("lco-llzo-li.yaml").Replace("kind: li-metal", "kind: li-metal\n  thickness_um: 50"));
        var li = thick.Layers!.Single(l => l.Layer == "anode");
        Assert.Equal(50, li.ThicknessUm, 9);
    }
}

/// <summary>`analyze` and `cell energy` give the same number for the same cell.</summary>
public sealed class StackEnergyCliTests
{
    [Fact]
    public void AnalyzeAndCellEnergyAgree()
    {
        string csv = DefaultData.ThermoPath();
        string dir = Path.Combine(Path.GetTempPath(), "interphase-energy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string stack = Path.Combine(dir, "stack.yaml");
            File.WriteAllText(stack, File.ReadAllText(Path.Combine(StackReaderTests.ExamplesDir, "lco-llzo-li.yaml"))
                .Replace("loading_mg_cm2: 10", "loading_mg_cm2: 30").Replace("capacity_mah_g: 140", "capacity_mah_g: 180"));
            var (code, output, err) = CliRunner.Run("analyze", stack, "--json", "--no-recommendations", "--data", csv);
            Assert.True(code == 0, err);
            using var doc = JsonDocument.Parse(output);
            var energy = doc.RootElement.GetProperty("energy");
            double es = energy.GetProperty("specific_energy_wh_per_kg").GetDouble();
            double ev = energy.GetProperty("energy_density_wh_per_l").GetDouble();

            // The cell analyze modelled, as JSON, is a valid cell file (YAML is a superset of JSON).
            string cellFile = Path.Combine(dir, "cell.yaml");
            File.WriteAllText(cellFile, energy.GetProperty("cell").GetRawText());
            var (code2, output2, err2) = CliRunner.Run("cell", "energy", cellFile, "--json");
            Assert.True(code2 == 0, err2);
            using var cell = JsonDocument.Parse(output2);
            Assert.Equal(es, cell.RootElement.GetProperty("specific_energy_wh_per_kg").GetDouble(), 9);
            Assert.Equal(ev, cell.RootElement.GetProperty("energy_density_wh_per_l").GetDouble(), 9);
            // 30 mg/cm² at 180 mAh/g is no longer the review's NCA cell (170 Wh/kg, 702 Wh/L).
            Assert.NotEqual(170, Math.Round(es));
        }
        finally { Directory.Delete(dir, true); }
    }
}
