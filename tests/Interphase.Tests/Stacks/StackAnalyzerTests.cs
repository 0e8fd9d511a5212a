using System.Text.Json;
using Interphase.Anode.Interphases;
using Interphase.Knowledge;
using Interphase.Reporting;
using Interphase.Stacks;
using Interphase.Tests.Reporting;
using Interphase.Tests.Thermodynamics;

namespace Interphase.Tests.Stacks;

/// <summary>The reviews' conclusions must come out of the whole-stack analysis on the shared data.</summary>
public sealed class StackAnalyzerTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    private StackAnalysis Analyze(string example) =>
        new StackAnalyzer(data.Engine, KnowledgeBase.Load()).Analyze(StackReader.ReadFile(Path.Combine(StackReaderTests.ExamplesDir, example)));

    private StackAnalysis AnalyzeYaml(string yaml) =>
        new StackAnalyzer(data.Engine, KnowledgeBase.Load()).Analyze(StackReader.Read(yaml));

    private static InterfaceAnalysis At(StackAnalysis a, string label) => a.Interfaces.Single(i => i.Interface.Label == label);

    private static double Worst(InterfaceAnalysis i) => i.Reactions.Where(r => r.Volts is null).Min(r => r.EnergyEvPerAtom);

    [Fact]
    public void LiNbO3CoatingLowersTheReactionEnergyOfNcmWithArgyrodite()
    {
        var bare = Analyze("ncm811-lpscl-li.yaml");
        var coated = Analyze("ncm811-linbo3-lpscl-liin.yaml");
        double direct = Worst(At(bare, "NCM811 | Li6PS5Cl"));
        double cathodeCoating = Worst(At(coated, "NCM811 | LiNbO3"));
        double coatingElectrolyte = Worst(At(coated, "LiNbO3 | Li6PS5Cl"));
        // pymatgen on the shared data: NCM811 + Li6PS5Cl −449 meV/atom; LiNbO3 + Li6PS5Cl −109 meV/atom.
        Assert.Equal(-0.449, At(bare, "NCM811 | Li6PS5Cl").Reactions[0].EnergyEvPerAtom, 0.001);
        Assert.Equal(-0.109, At(coated, "LiNbO3 | Li6PS5Cl").Reactions[0].EnergyEvPerAtom, 0.001);
        Assert.True(cathodeCoating > direct / 4 && coatingElectrolyte > direct / 4,
            $"coated interfaces {cathodeCoating:0.###}, {coatingElectrolyte:0.###} vs bare {direct:0.###} eV/atom");
        Assert.Equal(Verdict.Fail, At(bare, "NCM811 | Li6PS5Cl").Verdict);
        Assert.Equal(Verdict.Ok, At(coated, "NCM811 | LiNbO3").Verdict);
        Assert.True(At(coated, "LiNbO3 | Li6PS5Cl").Verdict < Verdict.Fail);
        Assert.True(coated.Overall < bare.Overall);
        // At top of charge NCM811 and LiNbO3 only decompose each on its own: nothing comes from their meeting.
        var open = At(coated, "NCM811 | LiNbO3").Reactions.Single(r => r.Volts is not null);
        Assert.Equal(0.0, open.MixingEnergyEvPerAtom!.Value, 3);
        Assert.True(open.EnergyEvPerAtom < -0.1);
    }

    [Fact]
    public void LgpsAgainstLithiumFormsAMixedConductingInterphaseWithLiGe()
    {
        var a = AnalyzeYaml("""
            cathode: { name: LCO, composition: LiCoO2, charged_composition: Li0.5CoO2, voltage_range_v: [3.0, 4.2] }
            electrolytes: [ { name: LGPS, composition: Li10GeP2S12, thickness_um: 100 } ]
            anode: { kind: li-metal }
            """);
        var anode = At(a, "LGPS | Li");
        Assert.Equal(InterphaseKind.MixedConducting, anode.Interphase.Kind);
        Assert.Equal(Verdict.Fail, anode.Verdict);
        var products = anode.Interphase.Products.Select(p => p.Formula).ToList();
        Assert.Contains("Li2S", products);
        Assert.Contains("Li3P", products);
        Assert.Contains(anode.Interphase.Products, p => p.Formula.Contains("Ge") && p.Formula.StartsWith("Li") && p.Electronic == ElectronicCharacter.Conducting);
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), §3.1: LCO + LGPS about −340 meV/atom (−337 on the shared data).
        Assert.Equal(-0.337, At(a, "LCO | LGPS").Reactions[0].EnergyEvPerAtom, 0.001);
    }

    [Fact]
    public void ArgyroditeAgainstLithiumPassivates()
    {
        var a = Analyze("ncm811-lpscl-li.yaml");
        var anode = At(a, "Li6PS5Cl | Li");
        Assert.Equal(InterphaseKind.PassivatingSei, anode.Interphase.Kind);
        Assert.Equal(["Li2S", "Li3P", "LiCl"], anode.Interphase.Products.Select(p => p.Formula).Order(StringComparer.Ordinal));
        Assert.Equal(Verdict.Warning, anode.Verdict);
    }

    [Fact]
    public void LlzoAgainstLithiumIsKineticallyStable()
    {
        var a = Analyze("lco-llzo-li.yaml");
        var anode = At(a, "LLZO | Li");
        Assert.Equal(InterphaseKind.KineticallyStabilised, anode.Interphase.Kind);
        Assert.Equal(Verdict.Ok, anode.Verdict);
        Assert.Equal(-0.011, Worst(anode), 0.001); // reference: Li + LLZO −10.9 meV/atom
        var window = a.Windows.Single(w => w.Layer == "LLZO");
        Assert.Equal(0.05, window.ReductionVolts!.Value, 0.005); // Banerjee et al., Chem. Rev. 120, 6878 (2020), §3.1: LLZO window 0.05–2.91 V
        Assert.Equal(2.91, window.OxidationVolts!.Value, 0.005);
        Assert.True(a.Mechanics.MonroeNewman!.Passes); // ~60 GPa against 2·G_Li
        Assert.Contains(a.Mechanics.Reasons, r => r.StartsWith("caveat", StringComparison.Ordinal));
    }

    [Fact]
    public void SulfidesOxidiseWellBelowTheCathodeWhileTheHalideHoldsToAbout4V3()
    {
        var a = Analyze("ncm811-li3incl6-lpscl-li.yaml");
        double top = a.Stack.Cathode.MaxVolts;
        var halide = a.Windows.Single(w => w.Layer == "Li3InCl6");
        var sulfide = Analyze("ncm811-lpscl-li.yaml").Windows.Single(w => w.Layer == "Li6PS5Cl");
        Assert.Equal(4.305, halide.OxidationVolts!.Value, 0.005);
        Assert.True(halide.OxidationVolts >= top - 0.01);
        Assert.True(sulfide.OxidationVolts < top - 1.5, $"Li6PS5Cl oxidises at {sulfide.OxidationVolts} V");
        Assert.NotEmpty(sulfide.ProductsAtMax);
        Assert.Contains("oxidised", sulfide.Reason);
        Assert.DoesNotContain("oxidised", halide.Reason);
        // In the halide stack the sulfide no longer touches the cathode: it only faces the anode.
        var shielded = a.Windows.Single(w => w.Layer == "Li6PS5Cl");
        Assert.Equal(0.0, shielded.FacesMaxVolts!.Value, 1e-9);
    }

    [Fact]
    public void ResistanceBudgetAndEnergyFollowTheInputs()
    {
        var a = Analyze("lco-llzo-li.yaml");
        var bulk = a.Resistance.Single(i => i.Item.StartsWith("LLZO (", StringComparison.Ordinal));
        // 100 µm at the knowledge base's 2.5e-4 S/cm (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 2, mid-range) → 40 Ω·cm², 4 mV at 0.1 mA/cm².
        Assert.Equal(40.0, bulk.AsrOhmCm2!.Value, 0.5);
        Assert.Equal(4.0, bulk.DropMv!.Value, 0.05);
        Assert.Equal(264, a.Energy.ReferenceSpecificEnergyWhPerKg, 264 * 0.02);
        Assert.True(a.Energy.SpecificEnergyWhPerKg < a.Energy.ReferenceSpecificEnergyWhPerKg); // 100 µm LLZO is past break-even (~41 µm)
        // The review's own solid cell as a stack (NCA 19.5 mg/cm², 200 mAh/g, 3.6 V, 20 µm LLZO, Li at 20 % excess):
        // the same masses as examples/cells/solid-llzo.yaml (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1), so the same Wh/kg, above the liquid cell.
        var thin = AnalyzeYaml("""
            cathode: { name: NCA, composition: LiNi0.8Co0.15Al0.05O2, voltage_range_v: [3.0, 4.2], loading_mg_cm2: 19.5, capacity_mah_g: 200, average_voltage_v: 3.6 }
            electrolytes: [ { name: LLZO, composition: Li7La3Zr2O12, thickness_um: 20 } ]
            anode: { kind: li-metal }
            """);
        var review = Interphase.Cell.CellEnergyModel.Evaluate(Interphase.Cell.CellFile.Load(Interphase.Tests.Cell.ExamplePaths.Cell("solid-llzo.yaml")));
        // Within 0.01 Wh/kg: the template takes Li as 3860 mAh/g, the stack Li's theoretical 3861.
        Assert.Equal(review.SpecificEnergyWhPerKg, thin.Energy.SpecificEnergyWhPerKg!.Value, 0.01);
        Assert.True(thin.Energy.SpecificEnergyWhPerKg > thin.Energy.ReferenceSpecificEnergyWhPerKg);
    }

    [Fact]
    public void StrippingAboveTheCriticalCurrentFails()
    {
        var a = Analyze("ncm811-lpscl-li.yaml"); // 0.5 mA/cm² at 5 MPa
        Assert.Equal(Verdict.Fail, a.Mechanics.Verdict);
        Assert.True(a.Mechanics.Stripping!.CriticalMaPerCm2 < 0.5);
    }

    [Fact]
    public void FailingInterfacesGetRankedCoatingsAndInterlayersFromTheScreen()
    {
        var finder = new ScreeningRemedyFinder(ThermoDataFixture.SharedScreener);
        var stack = StackReader.ReadFile(Path.Combine(StackReaderTests.ExamplesDir, "ncm811-lpscl-li.yaml"));
        var a = new StackAnalyzer(data.Engine, KnowledgeBase.Load(), finder).Analyze(stack);
        var cathode = At(a, "NCM811 | Li6PS5Cl").Recommendations;
        var anode = At(a, "Li6PS5Cl | Li").Recommendations;
        Assert.Equal(5, cathode.Count);
        // Ranked by the screen's score (0–1), best first; each says what cost it and the ASR it adds where σ is known.
        Assert.Equal(cathode.Select(r => r.Score).OrderDescending(), cathode.Select(r => r.Score));
        Assert.All(cathode, r => Assert.InRange(r.Score, 0.8, 1)); // the five with a measured Li⁺ conductivity (0.82–0.94)
        Assert.StartsWith("score ", cathode[0].Summary);
        Assert.All(cathode, r => Assert.True(r.Summary.Contains("Ω·cm² at 10 nm") || r.Summary.Contains("added ASR unknown"), r.Summary));
        Assert.Equal(5, anode.Count);
        // Interlayers against Li must not be reduced above 0 V: lithium halides and chalcogenides lead (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.1).
        Assert.Contains(anode, r => r.Formula is "LiCl" or "LiBr" or "LiF" or "Li2S" or "Li2O" or "Li3N" or "LiI");
        Assert.Empty(At(Analyze("lco-llzo-li.yaml"), "LLZO | Li").Recommendations); // ok interfaces get none
    }

    [Fact]
    public void JsonAndHtmlCarryTheResults()
    {
        var a = Analyze("ncm811-linbo3-lpscl-liin.yaml");
        using var doc = JsonDocument.Parse(JsonOutput.Serialize(StackJson.From(a)));
        var interfaces = doc.RootElement.GetProperty("interfaces");
        Assert.Equal(3, interfaces.GetArrayLength());
        Assert.Equal("NCM811 | LiNbO3", interfaces[0].GetProperty("interface").GetString());
        Assert.Equal("ok", interfaces[0].GetProperty("verdict").GetString());

        string html = StackReport.Build(a).Render();
        Assert.Contains("<svg", html);
        Assert.Contains("Electrochemical stability windows", html);
        Assert.Contains("LiNbO3 | Li6PS5Cl", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "").Replace("http://www.w3.org/1999/xlink", ""));
    }
}
