using FsCheck;
using FsCheck.Fluent;
using Interphase.Chemistry;

namespace Interphase.Tests.Chemistry;

public class CompositionTests
{
    [Theory]
    [InlineData("Li12P4S16", "Li3PS4", 4)]
    [InlineData("Li10GeP2S12", "Li10Ge(PS6)2", 1)]
    [InlineData("Li6PS5Cl", "Li6PS5Cl", 1)]
    [InlineData("Li14Zr4O16", "Li7Zr2O8", 2)]
    [InlineData("O4", "O2", 2)]
    [InlineData("Cl2", "Cl2", 1)]
    [InlineData("S8", "S", 8)]
    [InlineData("Li2O2", "Li2O2", 1)]
    [InlineData("Li4O4", "Li2O2", 2)]
    [InlineData("Co9S8", "Co9S8", 1)]
    [InlineData("Li5Nb7S14", "Li5(NbS2)7", 1)]
    [InlineData("Li7La3Zr2O12", "Li7La3Zr2O12", 1)]
    [InlineData("Li2SO4", "Li2SO4", 1)]
    public void ReducedFormulaMatchesPymatgen(string formula, string reduced, double formulaUnits)
    {
        var c = Composition.Parse(formula);
        Assert.Equal(reduced, c.ReducedFormula);
        Assert.Equal(formulaUnits, c.FormulaUnits, 12);
    }

    [Fact]
    public void FractionalCompositionsAreWrittenInFull()
    {
        Assert.Equal("Li0.5Co1O2", Composition.Parse("Li0.5CoO2").ReducedFormula);
        Assert.Equal("Li1Mn0.1Co0.1Ni0.8O2", Composition.Parse("LiNi0.8Co0.1Mn0.1O2").ReducedFormula);
    }

    [Fact]
    public void WeightAndFractions()
    {
        var llzo = Composition.Parse("Li7La3Zr2O12");
        Assert.Equal(839.75, llzo.Weight, 0.05); // g/mol: 7·6.941 + 3·138.905 + 2·91.224 + 12·15.999
        Assert.Equal(24, llzo.NumAtoms);
        Assert.Equal(0.5, llzo.AtomFraction(PeriodicTable.Get("O")), 12);
        Assert.Equal("La-Li-O-Zr", llzo.ChemicalSystem.ToString());
        Assert.Equal(1.0, llzo.Fractional.NumAtoms, 12);
    }

    [Fact]
    public void PeriodicTableCoversHydrogenToLawrencium()
    {
        Assert.Equal(103, PeriodicTable.Elements.Count);
        Assert.Equal("Lr", PeriodicTable.FromZ(103).Symbol);
        Assert.Equal(6.941, PeriodicTable.Get("Li").AtomicMass, 3);
        Assert.Equal(Enumerable.Range(1, 103), PeriodicTable.Elements.Select(e => e.Z));
        Assert.Throws<InterphaseException>(() => PeriodicTable.Get("Xx"));
        Assert.Throws<InterphaseException>(() => PeriodicTable.FromZ(0));
    }

    [Fact]
    public void ArithmeticConservesAtoms()
    {
        var gen = Gen.Choose(1, 20).Three();
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var a = Composition.Parse($"Li{t.Item1}P{t.Item2}S{t.Item3}");
            var b = Composition.Parse("LiCl");
            var sum = a + b * 2;
            return Math.Abs(sum.NumAtoms - (a.NumAtoms + 2 * b.NumAtoms)) < 1e-9
                && (sum - b * 2).AlmostEquals(a)
                && sum.Reduced.NumAtoms * sum.FormulaUnits - sum.NumAtoms < 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ReducedFormulaRoundTripsThroughTheParser()
    {
        foreach (var f in new[] { "Li10GeP2S12", "Li5Nb7S14", "Li6PS5Cl", "La2Zr2O7", "Li3InCl6" })
        {
            var c = Composition.Parse(f);
            Assert.True(Composition.Parse(c.ReducedFormula).AlmostEquals(c.Reduced), f);
        }
    }
}
