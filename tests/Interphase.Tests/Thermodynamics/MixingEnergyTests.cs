using Interphase.Chemistry;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>Open reactions also report the energy of the reactants meeting, beyond each one's own decomposition.</summary>
public sealed class MixingEnergyTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    [Theory]
    [InlineData("LiCoO2", "Li3PS4", 4.0)]
    [InlineData("LiNbO3", "Li6PS5Cl", 3.5)]
    [InlineData("LiCoO2", "Li7La3Zr2O12", 4.2)]
    public void MixingEnergyIsZeroAtTheEndsAndNeverPositive(string a, string b, double volts)
    {
        var r = data.Engine.React(Composition.Parse(a), Composition.Parse(b), new ReactionOptions(Volts: volts));
        Assert.All(r.Kinks, k => Assert.True(k.MixingEnergyPerAtom <= 1e-12, $"{k.X}: {k.MixingEnergyPerAtom}"));
        Assert.All(r.Kinks, k => Assert.True(k.EnergyPerAtom <= k.MixingEnergyPerAtom + 1e-9)); // self-decomposition only adds
        Assert.Equal(0.0, r.Kinks.First(k => k.X < 1e-9).MixingEnergyPerAtom!.Value, 9);
        Assert.Equal(0.0, r.Kinks.First(k => k.X > 1 - 1e-9).MixingEnergyPerAtom!.Value, 9);
    }

    [Fact]
    public void LlzoAt4V2OnlyDecomposesOnItsOwn()
    {
        // Reference: the most exothermic point of LiCoO2 | LLZO at 4.2 V is pure LLZO (x = 0, −0.40375 eV/atom): all of
        // it is LLZO's own oxidation, none of it comes from meeting LiCoO2.
        var r = data.Engine.React(Composition.Parse("LiCoO2"), Composition.Parse("Li7La3Zr2O12"), new ReactionOptions(Volts: 4.2));
        Assert.Equal(-0.40375, r.MostExothermic.EnergyPerAtom, 1e-5);
        Assert.Equal(0.0, r.MostExothermic.MixingEnergyPerAtom!.Value, 9);
        Assert.True(r.Kinks.Min(k => k.MixingEnergyPerAtom!.Value) > -0.05);
    }

    [Fact]
    public void ClosedReactionsHaveNoSeparateMixingEnergy() =>
        Assert.All(data.Engine.React(Composition.Parse("LiCoO2"), Composition.Parse("Li3PS4")).Kinks, k => Assert.Null(k.MixingEnergyPerAtom));
}
