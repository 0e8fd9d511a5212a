using Interphase.Anode.Interphases;
using Interphase.Knowledge;
using Interphase.Properties;
using Interphase.Stacks;
using Interphase.Tests.Stacks;
using Interphase.Tests.Thermodynamics;

namespace Interphase.Tests.Properties;

/// <summary>The stack analysis with band gaps and moduli from the shared property files read in place.</summary>
public sealed class StackPropertyTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    private static readonly IPropertySource Shared = PropertySources.BuiltIn();

    private StackAnalysis Analyze(string example) =>
        new StackAnalyzer(data.Engine, KnowledgeBase.Load(), properties: Shared)
            .Analyze(StackReader.ReadFile(Path.Combine(StackReaderTests.ExamplesDir, example)));

    private static InterfaceAnalysis At(StackAnalysis a, string label) => a.Interfaces.Single(i => i.Interface.Label == label);

    [Theory]
    [MemberData(nameof(StackReaderTests.Examples), MemberType = typeof(StackReaderTests))]
    public void NoProductOfTheExampleStacksIsUndetermined(string example)
    {
        var a = Analyze(example);
        foreach (var i in a.Interfaces)
        {
            Assert.NotEqual(InterphaseKind.Undetermined, i.Interphase.Kind);
            Assert.All(i.Interphase.Products, p =>
            {
                Assert.NotEqual(ElectronicCharacter.Unknown, p.Electronic);
                Assert.False(string.IsNullOrWhiteSpace(p.Citation), $"{p.Formula} has no source");
            });
        }
    }

    [Fact]
    public void ClassificationsAgreeWithTheReview()
    {
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 27 / §5.1: LPSCl passivates against Li; LLZO is kinetically stable; LPS passivates.
        Assert.Equal(InterphaseKind.PassivatingSei, At(Analyze("ncm811-lpscl-li.yaml"), "Li6PS5Cl | Li").Interphase.Kind);
        Assert.Equal(InterphaseKind.MixedConducting, At(Analyze("ncm811-lpscl-li.yaml"), "NCM811 | Li6PS5Cl").Interphase.Kind);
        Assert.Equal(InterphaseKind.KineticallyStabilised, At(Analyze("lco-llzo-li.yaml"), "LLZO | Li").Interphase.Kind);
        Assert.Equal(InterphaseKind.PassivatingSei, At(Analyze("lco-lps-li.yaml"), "Li3PS4 | Li").Interphase.Kind);
    }

    [Fact]
    public void GapDecidedProductsShowTheirSource()
    {
        var a = Analyze("ncm811-li3incl6-lpscl-li.yaml");
        var products = At(a, "NCM811 | Li3InCl6").Interphase.Products.ToDictionary(p => p.Formula);
        Assert.Equal(ElectronicCharacter.Insulating, products["NiO"].Electronic);
        Assert.Equal(4.0, products["NiO"].BandGapEv!.Value, 2); // measured (expt_gap.csv), before PBE's 2.30 eV
        Assert.Equal(ElectronicCharacter.Insulating, products["In2O3"].Electronic); // measured 2.8 eV
        Assert.Equal(ElectronicCharacter.Conducting, products["LiCoO2"].Electronic);
        Assert.StartsWith("experimental band gap: expt_gap.csv", products["NiO"].Citation);
        Assert.StartsWith("PBE band gap: mp_gap.csv", products["LiCoO2"].Citation);
        var inS = At(a, "Li3InCl6 | Li6PS5Cl").Interphase.Products.Single(p => p.Formula == "In2S3");
        Assert.Equal(ElectronicCharacter.Insulating, inS.Electronic); // measured 2.0 eV (PBE median 0.83 eV)
        var html = StackReport.Build(a).Render();
        Assert.Contains("mp_gap.csv", html);
    }

    [Fact]
    public void MonroeNewmanUsesTheStoredShearModulusOfLi3PS4WithItsSource()
    {
        var m = Analyze("lco-lps-li.yaml").Mechanics;
        Assert.NotNull(m.MonroeNewman);
        Assert.Equal(11.0, m.MonroeNewman!.ElectrolyteShearGpa, 6); // 10^1.0414 GPa, mp_log10_shear_modulus.csv
        Assert.True(m.MonroeNewman.Passes); // 11 ≥ 2 × 4 GPa
        Assert.Contains("mp_log10_shear_modulus.csv", m.ShearModulusSource);
        Assert.Contains(m.Reasons, r => r.StartsWith("Monroe–Newman: G = 11 GPa (VRH shear modulus from mp_log10_shear_modulus.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void MonroeNewmanSaysWhenNoModulusIsStoredAndHowToGetOne()
    {
        var m = Analyze("ncm811-lpscl-li.yaml").Mechanics;
        Assert.Null(m.MonroeNewman);
        Assert.Null(m.ShearModulusSource);
        var reason = Assert.Single(m.Reasons, r => r.StartsWith("Monroe–Newman", StringComparison.Ordinal));
        Assert.Contains("no shear modulus for Li6PS5Cl", reason);
        Assert.Contains("interphase data pull --chemsys Cl-Li-P-S --source mp", reason);
        Assert.Contains("import-properties", reason);
    }

    [Fact]
    public void ReviewValuesStillWinForLlzo()
    {
        var m = Analyze("lco-llzo-li.yaml").Mechanics;
        Assert.Equal(60, m.MonroeNewman!.ElectrolyteShearGpa);
        Assert.StartsWith("knowledge base (LLZO)", m.ShearModulusSource);
    }

    [Fact]
    public void OxygenReleasedOnOxidationIsGasEvolutionNotPassivation()
    {
        var w = Analyze("lco-llzo-li.yaml").Windows.Single(x => x.Layer == "LLZO");
        Assert.Contains("O2", w.ProductsAtMax);
        Assert.Contains("O2 evolve(s) as gas", w.Reason);
        Assert.DoesNotContain("oxidised above 2.91 V (faces 4.2 V) → La2O3 + La2Zr2O7 + O2: products are electronic insulators", w.Reason);
    }
}
