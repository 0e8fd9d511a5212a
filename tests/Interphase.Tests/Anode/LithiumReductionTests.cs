using Interphase.Anode.Interphases;
using Interphase.Data;
using Interphase.Knowledge;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Anode;

/// <summary>The Materials Project formation energies (loaded once per run) for the end-to-end classification tests.</summary>
public sealed class ThermoFixture
{
    public ThermoEngine Engine { get; } = Tests.Thermodynamics.ThermoDataFixture.SharedEngine;
}

/// <summary>Thermodynamics engine → reduction products → knowledge-base characters → interface kind.</summary>
public class LithiumReductionTests(ThermoFixture fixture) : IClassFixture<ThermoFixture>
{
    private InterphaseClassification Classify(string formula) =>
        InterphaseClassifier.Classify(LithiumReduction.Input(fixture.Engine, formula), ProductCharacterTable.Default);

    [Fact]
    public void ArgyroditeIsPassivating()
    {
        var c = Classify("Li6PS5Cl");
        Assert.Equal(InterphaseKind.PassivatingSei, c.Kind);
        Assert.Equal(new[] { "Li2S", "Li3P", "LiCl" }, c.Products.Select(p => p.Formula).Order());
    }

    [Fact]
    public void LgpsIsMixedConductingThroughLiGe()
    {
        var c = Classify("Li10GeP2S12");
        Assert.Equal(InterphaseKind.MixedConducting, c.Kind);
        Assert.Contains(c.Products, p => p.Formula.StartsWith("Li") && p.Formula.Contains("Ge") && p.Electronic == ElectronicCharacter.Conducting);
    }

    [Fact]
    public void LlzoIsKineticallyStabilised()
    {
        var input = LithiumReduction.Input(fixture.Engine, "Li7La3Zr2O12");
        Assert.InRange(input.ReactionEnergyEvPerAtom, -0.02, -0.005);   // reference: −0.011 eV/atom
        Assert.Equal(InterphaseKind.KineticallyStabilised, Classify("Li7La3Zr2O12").Kind);
    }

    [Fact]
    public void LithiumBinaryIsStable() => Assert.Equal(InterphaseKind.Stable, Classify("Li3N").Kind);
}
