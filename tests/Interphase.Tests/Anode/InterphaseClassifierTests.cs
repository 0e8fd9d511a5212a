using Interphase.Anode.Interphases;
using Interphase.Knowledge;

namespace Interphase.Tests.Anode;

public class InterphaseClassifierTests
{
    /// <summary>Test-only characters (the knowledge base owns the real table).</summary>
    private sealed class TestCharacters : IProductCharacterSource
    {
        private static readonly Dictionary<string, (ElectronicCharacter E, bool? Ion)> Table = new()
        {
            ["Li2S"] = (ElectronicCharacter.Insulating, true),
            ["Li3P"] = (ElectronicCharacter.Insulating, true),
            ["LiCl"] = (ElectronicCharacter.Insulating, true),
            ["Li2O"] = (ElectronicCharacter.Insulating, true),
            ["LiF"] = (ElectronicCharacter.Insulating, false),
            ["Li3N"] = (ElectronicCharacter.Insulating, true),
            ["Li15Ge4"] = (ElectronicCharacter.Conducting, null),
            ["LiGe"] = (ElectronicCharacter.Conducting, null),
            ["Zr"] = (ElectronicCharacter.Conducting, null),
            ["La2O3"] = (ElectronicCharacter.Insulating, false),
        };

        public ProductCharacter Classify(string f) => Table.TryGetValue(f, out var c)
            ? new ProductCharacter(f, c.E, c.Ion, "test", "test")
            : new ProductCharacter(f, ElectronicCharacter.Unknown, null, "", "");
    }

    private static readonly TestCharacters Chars = new();

    [Fact]
    public void ArgyroditeFormsPassivatingSei() =>
        Assert.Equal(InterphaseKind.PassivatingSei,
            InterphaseClassifier.Classify(new("Li6PS5Cl", ["Li2S", "Li3P", "LiCl"], -0.6), Chars).Kind);

    [Fact]
    public void LgpsFormsMixedConductingInterphase()
    {
        var c = InterphaseClassifier.Classify(new("Li10GeP2S12", ["Li2S", "Li3P", "Li15Ge4"], -1.2), Chars);
        Assert.Equal(InterphaseKind.MixedConducting, c.Kind);
        Assert.Contains("Li15Ge4", c.Reason);
        Assert.Equal(GrowthLaw.Linear, InterphaseGrowth.LawFor(c.Kind));
    }

    [Fact]
    public void LlzoIsKineticallyStabilised()
    {
        var c = InterphaseClassifier.Classify(new("Li7La3Zr2O12", ["Li2O", "La2O3", "Zr"], -0.011), Chars);
        Assert.Equal(InterphaseKind.KineticallyStabilised, c.Kind);
        Assert.Contains(c.Notes, n => n.Contains("Zr"));
        Assert.Equal(GrowthLaw.None, InterphaseGrowth.LawFor(c.Kind));
        // Above the threshold the same products would make a mixed conductor.
        Assert.Equal(InterphaseKind.MixedConducting,
            InterphaseClassifier.Classify(new("Li7La3Zr2O12", ["Li2O", "La2O3", "Zr"], -0.011), Chars, kineticThresholdEvPerAtom: 0.005).Kind);
    }

    [Fact]
    public void BinaryIsStable()
    {
        Assert.Equal(InterphaseKind.Stable, InterphaseClassifier.Classify(new("Li3N", [], 0), Chars).Kind);
        Assert.Equal(InterphaseKind.Stable, InterphaseClassifier.Classify(new("LiF", ["LiF"], 0), Chars).Kind);
    }

    [Fact]
    public void UnknownProductsLeaveItUndetermined()
    {
        var c = InterphaseClassifier.Classify(new("X", ["Li2S", "LiXyz"], -0.5), Chars);
        Assert.Equal(InterphaseKind.Undetermined, c.Kind);
        Assert.Contains("LiXyz", c.Reason);
        Assert.Throws<InterphaseException>(() => InterphaseGrowth.LawFor(c.Kind));
    }

    [Fact]
    public void BlockingLayerIsNoted()
    {
        var c = InterphaseClassifier.Classify(new("LiF-only", ["LiF"], -0.3), Chars);
        Assert.Equal(InterphaseKind.PassivatingSei, c.Kind);
        Assert.Contains(c.Notes, n => n.Contains("block"));
    }

    [Fact]
    public void OverridesTakePrecedence()
    {
        var src = new ProductCharacterOverrides([new ProductCharacter("Li2S", ElectronicCharacter.Conducting, true, "override", "")], Chars);
        Assert.Equal(ElectronicCharacter.Conducting, src.Classify("Li2S").Electronic);
        Assert.Equal(ElectronicCharacter.Insulating, src.Classify("Li3P").Electronic);
        Assert.Equal(ElectronicCharacter.Unknown, new ProductCharacterOverrides([]).Classify("Li3P").Electronic);
    }

    [Fact]
    public void ParabolicAndLinearGrowth()
    {
        // Parabolic: L² = k t; 100 nm²/h over 100 h → 100 nm; σ = 1e-7 S/cm → 100 Ω·cm².
        var para = new GrowthParameters(GrowthLaw.Parabolic, 100, 1e-7);
        var at100 = InterphaseGrowth.At(para, 100);
        Assert.Equal(100, at100.ThicknessNm, 9);
        Assert.Equal(100, at100.AsrOhmCm2, 9);
        Assert.Equal(at100.ThicknessNm * 2, InterphaseGrowth.At(para, 400).ThicknessNm, 9);   // √t
        // Linear: 1 nm/h; failure at 500 Ω·cm² = 500 nm at 1e-7 S/cm → 500 h.
        var lin = new GrowthParameters(GrowthLaw.Linear, 1, 1e-7, FailureAsrOhmCm2: 500);
        Assert.Equal(500, InterphaseGrowth.TimeToFailureH(lin)!.Value, 9);
        Assert.Equal(10000, InterphaseGrowth.TimeToFailureH(para with { FailureAsrOhmCm2 = 1000 })!.Value, 6);
        Assert.Null(InterphaseGrowth.TimeToFailureH(new GrowthParameters(GrowthLaw.None, 0, 1e-7, 5, 100)));
        Assert.Throws<InterphaseException>(() => InterphaseGrowth.At(para with { IonicConductivitySPerCm = 0 }, 1));
    }
}
