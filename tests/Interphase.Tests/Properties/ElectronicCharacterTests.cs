using Interphase.Anode.Interphases;
using Interphase.Knowledge;
using Interphase.Properties;

namespace Interphase.Tests.Properties;

/// <summary>The electronic-character service: curated wins, band gaps decide the rest, gases evolve, no data stays unknown.</summary>
public sealed class ElectronicCharacterTests
{
    private static readonly InMemoryPropertySource Shared = PropertySources.BuiltIn();

    private static readonly ElectronicCharacterService Service = new(ProductCharacterTable.Default, Shared);

    [Fact]
    public void TheBuiltInTablesAreTheDefaultSource()
    {
        Assert.Equal(106113 + 2 * 10987 + 4764 + 4604, Shared.Count); // + expt_gap.csv, read as measured gaps
        Assert.Contains("Matbench v0.1", Shared.Description);
    }

    [Theory]
    // mp_gap.csv (PBE): NiO 2.30 eV; In2S3 polymorphs 0.28–1.09 (median 0.83); In2O3 0.77–0.96 (median 0.91);
    // LiCoO2 0–2.15 (median of 6: 0.457)
    [InlineData("LiCoO2", ElectronicCharacter.Conducting, 0.457, 0.001)]
    [InlineData("Li3InCl6", ElectronicCharacter.Insulating, 3.373, 0.001)]
    public void ProductsOutsideTheKnowledgeBaseAreDecidedByTheirPbeGap(string formula, ElectronicCharacter expected, double gap, double tol)
    {
        Assert.Equal(ElectronicCharacter.Unknown, ProductCharacterTable.Default.Classify(formula).Electronic);
        var c = Service.Classify(formula);
        Assert.Equal(expected, c.Electronic);
        Assert.Equal(gap, c.BandGapEv!.Value, tol);
        Assert.StartsWith("PBE band gap: mp_gap.csv", c.Citation);
        Assert.Contains(expected == ElectronicCharacter.Conducting ? "< 0.9 eV" : "≥ 0.9 eV", c.Reason);
    }

    [Fact]
    public void CuratedCharacterWinsOverTheGap()
    {
        // Li3P has a PBE gap of 0.70 eV (< 1 eV) but the review calls it an insulating SEI product.
        Assert.Equal(0.70, Shared.Find("Li3P", MaterialProperty.BandGap).Single().Value, 2);
        var c = Service.Classify("Li3P");
        Assert.Equal(ElectronicCharacter.Insulating, c.Electronic);
        Assert.Null(c.BandGapEv);
        Assert.StartsWith("Banerjee et al., Chem. Rev. 120, 6878 (2020), ", c.Citation);
    }

    [Theory]
    [InlineData("O2")]
    [InlineData("Cl2")]
    [InlineData("F2")]
    [InlineData("N2")]
    [InlineData("SO2")]
    public void GasesEvolveAndAreNeverInsulators(string gas)
    {
        var c = Service.Classify(gas);
        Assert.Equal(ElectronicCharacter.Gas, c.Electronic);
        Assert.True(ElectronicCharacterService.IsGas(gas));
        var r = InterphaseClassifier.Classify(new InterphaseInput("X", ["Li2S", gas], -0.5), Service);
        Assert.Equal(InterphaseKind.GasEvolution, r.Kind);
        Assert.Contains(gas, r.Reason);
    }

    [Fact]
    public void AConductingProductStillMakesItMixedConductingWithAGasNote()
    {
        var r = InterphaseClassifier.Classify(new InterphaseInput("X", ["Ni", "O2"], -0.5), Service);
        Assert.Equal(InterphaseKind.MixedConducting, r.Kind);
        Assert.Contains(r.Notes, n => n.Contains("O2") && n.Contains("gas"));
    }

    [Fact]
    public void NoDataStaysUnknownAndSaysWhereItLooked()
    {
        var empty = new ElectronicCharacterService(ProductCharacterTable.Default, InMemoryPropertySource.Empty("nowhere in particular"));
        var c = empty.Classify("In2S3");
        Assert.Equal(ElectronicCharacter.Unknown, c.Electronic);
        Assert.Contains("no band gap in nowhere in particular", c.Reason);
        var r = InterphaseClassifier.Classify(new InterphaseInput("X", ["Li2S", "In2S3"], -0.5), empty);
        Assert.Equal(InterphaseKind.Undetermined, r.Kind);
        Assert.Contains("In2S3", r.Reason);
    }

    [Theory]
    [InlineData(0.5, ElectronicCharacter.Insulating)]
    [InlineData(1.0, ElectronicCharacter.Conducting)]
    public void TheThresholdDecidesAtTheBoundary(double thresholdEv, ElectronicCharacter expected)
    {
        // Li2MnO3: no measured gap; median PBE gap of its polymorphs between 0.5 and 1 eV
        var s = new ElectronicCharacterService(ProductCharacterTable.Default, Shared, thresholdEv);
        Assert.Equal(expected, s.Classify("Li2MnO3").Electronic);
        Assert.Throws<InterphaseException>(() => new ElectronicCharacterService(ProductCharacterTable.Default, Shared, -1));
    }

    [Fact]
    public void PbeUnderestimatesMeasuredGapsByAboutAThird()
    {
        var expt = PropertyCsvReader.Read(PropertyFiles.File("expt_gap.csv"), MaterialProperty.BandGap, "expt_gap.csv", ValueScale.Linear, "experiment");
        var pbe = PropertyCsvReader.Read(PropertyFiles.File("mp_gap.csv"), MaterialProperty.BandGap, "mp_gap.csv", ValueScale.Linear);
        var r = GapComparison.Compare(expt, pbe, thresholdEv: 1.0);
        // Measured on the shared files (documented in ElectronicCharacterService and the README): 3,347 reduced
        // formulas in both, 1,020 with both gaps non-zero, median expt/PBE 1.395 (quartiles 1.14–1.88), median
        // difference 0.66 eV; "PBE ≥ 1 eV" agrees with "measured ≥ 1.5 eV" for 92.0 % of the 3,347.
        Assert.Equal(3347, r.MatchedFormulas);
        Assert.Equal(1020, r.NonZeroPairs);
        Assert.Equal(1.395, r.MedianRatio, 0.001);
        Assert.Equal(1.14, r.LowerQuartileRatio, 0.01);
        Assert.Equal(1.88, r.UpperQuartileRatio, 0.01);
        Assert.Equal(0.66, r.MedianDifferenceEv, 0.01);
        Assert.Equal(0.920, r.Agreement, 0.001);
        Assert.True(r.MedianRatio > 1, "PBE underestimates measured gaps");

        // The default PBE threshold is the one that best reproduces "measured ≥ 1.5 eV" on these pairs.
        var (t, agreement) = GapComparison.Calibrate(expt, pbe);
        Assert.Equal(ElectronicCharacterService.DefaultThresholdEv, t, 0.051);
        Assert.True(agreement >= r.Agreement - 1e-9, $"calibrated {agreement:P2} vs {r.Agreement:P2} at 1 eV");
    }

    [Fact]
    public void AMeasuredGapDecidesBeforeThePbeOne()
    {
        // NiO: measured 4.0 eV (expt_gap.csv), PBE 2.30 eV; In2S3 measured 2.0 eV, PBE median 0.83 eV (was "conducting").
        Assert.Equal(ElectronicCharacter.Insulating, Service.Classify("In2S3").Electronic);
        Assert.Equal(2.0, Service.Classify("In2S3").BandGapEv!.Value, 1e-9);
        var c = Service.Classify("NiO");
        Assert.Equal(ElectronicCharacter.Insulating, c.Electronic);
        Assert.Equal(4.0, c.BandGapEv!.Value, 1e-9);
        Assert.Contains("measured band gap 4 eV ≥ 1.5 eV", c.Reason);
    }
}
