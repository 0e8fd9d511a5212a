using FsCheck;
using FsCheck.Fluent;
using Interphase.Chemistry;

namespace Interphase.Tests.Chemistry;

public class FormulaParserTests
{
    private const double Tol = 1e-9;

    private static void AssertAmounts(string formula, params (string Symbol, double Amount)[] expected)
    {
        var c = Composition.Parse(formula);
        Assert.Equal(expected.Length, c.ElementCount);
        foreach (var (sym, n) in expected) Assert.Equal(n, c[sym], Tol);
    }

    [Fact]
    public void ReadsPlainFormulas()
    {
        AssertAmounts("Li6PS5Cl", ("Li", 6), ("P", 1), ("S", 5), ("Cl", 1));
        AssertAmounts("Li7La3Zr2O12", ("Li", 7), ("La", 3), ("Zr", 2), ("O", 12));
        AssertAmounts("Li12P4S16", ("Li", 12), ("P", 4), ("S", 16));
    }

    [Fact]
    public void ReadsFractionalAmounts()
    {
        AssertAmounts("Li0.5CoO2", ("Li", 0.5), ("Co", 1), ("O", 2));
        AssertAmounts("LiNi0.8Co0.1Mn0.1O2", ("Li", 1), ("Ni", 0.8), ("Co", 0.1), ("Mn", 0.1), ("O", 2));
    }

    [Fact]
    public void ReadsBrackets()
    {
        AssertAmounts("Li1.3Al0.3Ti1.7(PO4)3", ("Li", 1.3), ("Al", 0.3), ("Ti", 1.7), ("P", 3), ("O", 12));
        AssertAmounts("[Ni(NH3)6]Cl2", ("Ni", 1), ("N", 6), ("H", 18), ("Cl", 2));
        AssertAmounts("{Ca(OH)2}2", ("Ca", 2), ("O", 4), ("H", 4));
    }

    [Theory]
    [InlineData("Na3SbS4·9H2O")]
    [InlineData("Na3SbS4*9H2O")]
    [InlineData("Na3SbS4•9H2O")]
    [InlineData("Na3SbS4 · 9 H2O")]
    public void ReadsHydrates(string formula) =>
        AssertAmounts(formula, ("Na", 3), ("Sb", 1), ("S", 4), ("H", 18), ("O", 9));

    [Fact]
    public void ReadsPseudoBinaryNotations()
    {
        var percent = Composition.Parse("75Li2S-25P2S5");
        var fraction = Composition.Parse("0.75Li2S·0.25P2S5");
        // 3 Li2S + P2S5 = Li6P2S8 = 2 Li3PS4
        Assert.Equal("Li3PS4", percent.ReducedFormula);
        Assert.Equal("Li3PS4", (fraction * 2).ReducedFormula); // fractional amounts are written in full, as pymatgen does
        Assert.Equal(1.5, fraction["Li"], Tol);
        Assert.Equal(0.5, fraction["P"], Tol);
        Assert.Equal(2.0, fraction["S"], Tol);
        Assert.Equal("Li7P3S11", Composition.Parse("70Li2S–30P2S5").ReducedFormula);
    }

    [Fact]
    public void ReadsUnicodeSubscripts() => AssertAmounts("Li₂S", ("Li", 2), ("S", 1));

    [Theory]
    [InlineData("", "empty formula", 1)]
    [InlineData("   ", "empty formula", 1)]
    [InlineData("Li6PS5Xx", "unknown element 'Xx'", 7)]
    [InlineData("LiQ", "unknown element 'Q'", 3)]
    [InlineData("Li3(PO4", "unbalanced '('", 4)]
    [InlineData("Li3PO4)", "unbalanced ')'", 7)]
    [InlineData("Li3[PO4)", "does not match", 8)]
    [InlineData("Li-2O", "negative amounts are not allowed", 4)]
    [InlineData("LiCoO2-", "nothing after '-'", 7)]
    [InlineData("Li0O", "zero amount", 3)]
    [InlineData("Li2.5.3O", "malformed number", 6)]
    [InlineData("li2S", "capital letter", 1)]
    [InlineData("Li2S$", "unexpected '$'", 5)]
    [InlineData("()", "empty brackets", 1)]
    [InlineData("75", "number with no formula", 1)]
    [InlineData("Li(", "unbalanced '('", 3)]
    public void BadInputNamesPositionAndProblem(string formula, string problem, int position)
    {
        var ex = Assert.Throws<FormulaException>(() => Composition.Parse(formula));
        Assert.Contains(problem, ex.Message);
        Assert.Equal(position, ex.Position);
        Assert.Contains($"position {position}", ex.Message);
    }

    [Fact]
    public void DeepNestingIsAnErrorNotACrash()
    {
        var formula = new string('(', 10_000) + "Li" + new string(')', 10_000);
        Assert.Throws<FormulaException>(() => Composition.Parse(formula));
    }

    [Fact]
    public void HugeAmountIsAnError()
    {
        Assert.Throws<FormulaException>(() => Composition.Parse("Li" + new string('9', 400)));
    }

    [Fact]
    public void FuzzedInputOnlyEverThrowsFormulaException()
    {
        // Random strings over the formula alphabet and a few hostile characters.
        const string alphabet = "LiCoONPSClZrLa()[]{}0123456789.-·*+ xX$é₂";
        var gen = Gen.ArrayOf(Gen.Elements(alphabet.ToCharArray())).Select(cs => new string(cs));
        Prop.ForAll(gen.ToArbitrary(), s =>
        {
            try
            {
                var c = Composition.Parse(s);
                return c.NumAtoms > 0 && c.Amounts.All(kv => kv.Value > 0 && double.IsFinite(kv.Value));
            }
            catch (FormulaException)
            {
                return true;
            }
        }).QuickCheckQuietly();
    }

    [Fact]
    public void MutatedRealFormulasOnlyEverThrowFormulaException()
    {
        string[] seeds = ["Li6PS5Cl", "Li1.3Al0.3Ti1.7(PO4)3", "[Ni(NH3)6]Cl2", "75Li2S-25P2S5", "Na3SbS4·9H2O"];
        var rng = new Random(1234);
        for (int i = 0; i < 20_000; i++)
        {
            var chars = seeds[rng.Next(seeds.Length)].ToCharArray().ToList();
            int edits = rng.Next(1, 4);
            for (int e = 0; e < edits; e++)
            {
                int pos = rng.Next(chars.Count + 1);
                switch (rng.Next(3))
                {
                    case 0 when chars.Count > 0 && pos < chars.Count: chars.RemoveAt(pos); break;
                    case 1: chars.Insert(pos, (char)rng.Next(32, 127)); break;
                    default: if (pos < chars.Count) chars[pos] = (char)rng.Next(32, 0x2100); break;
                }
            }
            var s = new string(chars.ToArray());
            try { Composition.Parse(s); }
            catch (FormulaException) { }
        }
    }
}
