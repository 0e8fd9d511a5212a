using FsCheck;
using FsCheck.Fluent;
using Interphase.Chemistry;

namespace Interphase.Tests.Chemistry;

public sealed class ChemicalSystemTests
{
    [Fact]
    public void SubsystemsOfLiPSAreTheSevenNonEmptySubsets()
    {
        Assert.Equal(["Li", "P", "S", "Li-P", "Li-S", "P-S", "Li-P-S"], ChemicalSystem.Parse("S-P-Li").SubsystemKeys());
        Assert.Equal("Cl-Li-P-S", ChemicalSystem.Parse("Li,P,S,Cl").ToString());
        Assert.Throws<InterphaseException>(() => ChemicalSystem.Parse("Li-Xx"));
        Assert.Throws<InterphaseException>(() => ChemicalSystem.Parse(" - "));
    }

    [Fact]
    public void SubsystemKeysAreExactlyTheKeysOfCompositionsWithinTheSystem()
    {
        var elements = PeriodicTable.Elements.Take(30).ToArray();
        var gen = Gen.ArrayOf(Gen.Elements(elements)).Select(a => a.Distinct().Take(8).ToArray()).Where(a => a.Length > 0);
        Prop.ForAll(gen.ToArbitrary(), system =>
        {
            var keys = ChemicalSystem.Of(system).SubsystemKeys();
            bool countOk = keys.Count == (1 << system.Length) - 1 && keys.Distinct().Count() == keys.Count;
            // Every key is the ChemicalSystem of some composition made of system elements, and vice versa.
            bool within = keys.All(k => k.Split('-').All(s => system.Any(e => e.Symbol == s)));
            var sample = new Composition(system.Take(3).Select(e => new KeyValuePair<Element, double>(e, 2)));
            return countOk && within && keys.Contains(sample.ChemicalSystem.ToString());
        }).QuickCheckThrowOnFailure();
    }
}
