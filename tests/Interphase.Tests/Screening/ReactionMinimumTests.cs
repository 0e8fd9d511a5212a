using Interphase.Tests.Thermodynamics;
using FsCheck;
using FsCheck.Fluent;
using Interphase.Chemistry;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Screening;

public class ReactionMinimumTests(ScreeningFixture fx) : IClassFixture<ScreeningFixture>
{
    private static readonly string[] Pairs =
    [
        "LiNbO3|LiNi0.8Co0.1Mn0.1O2", "LiNbO3|Li6PS5Cl", "Li3PO4|Li0.25Ni0.8Co0.1Mn0.1O2", "LiCoO2|Li3PS4", "Li0.5CoO2|Li10GeP2S12",
        "Li2S|Li0.25Ni0.8Co0.1Mn0.1O2", "LiI|Li0.25Ni0.8Co0.1Mn0.1O2", "Li|Li3PS4", "Li7La3Zr2O12|Li6PS5Cl", "LiF|Li6PS5Cl",
        "Li6PS5Cl|Li6PS5Cl", "K2Na4Li2Ti4Mn3Fe(SiO3)16|LiNi0.8Co0.1Mn0.1O2",
    ];

    private static (Composition, Composition) Pair(string p)
    {
        var s = p.Split('|');
        return (Composition.Parse(s[0]), Composition.Parse(s[1]));
    }

    [Fact]
    public void MinimumEqualsTheMostExothermicKinkOfTheFullReaction()
    {
        foreach (var p in Pairs)
        {
            var (a, b) = Pair(p);
            var full = fx.Engine.React(a, b);
            var min = fx.Engine.InterfaceReactionMinimum(a, b);
            Assert.True(Math.Abs(full.MostExothermic.EnergyPerAtom - min.EnergyPerAtom) < 1e-6,
                $"{p}: kinks {full.MostExothermic.EnergyPerAtom:F8}, minimum {min.EnergyPerAtom:F8}");
            if (min.EnergyPerAtom < -1e-6)
            {
                Assert.Equal(full.MostExothermic.X, min.X, 5);
                Assert.Equal(full.MostExothermic.Products.Select(e => e.ReducedFormula).Order(), min.Products.Select(e => e.ReducedFormula).Order());
                // Fewer LP solves than tracing every kink (about two per kink).
                Assert.True(min.Solves < 2 * full.Kinks.Count + 4, $"{p}: {min.Solves} solves for {full.Kinks.Count} kinks");
            }
        }
    }

    [SharedFact(ThermoDataFixture.ReferenceFile)]
    public void MinimumMatchesThePymatgenReference()
    {
        // Reference values are rounded to 1e-5 eV/atom.
        foreach (var (a, b, e) in Reference.Load().ClosedReactions())
        {
            double min = fx.Engine.InterfaceReactionMinimum(Composition.Parse(a), Composition.Parse(b)).EnergyPerAtom;
            Assert.True(Math.Abs(e - min) <= 1e-5, $"{a} | {b}: pymatgen {e}, {min:F6}");
        }
    }

    [Fact]
    public void MatchesPymatgenOnASevenElementPairWithManyKinks()
    {
        // pymatgen 2022.11.7 (pmg_reference.py on mp_e_form.csv): min −0.07012 eV/atom at x = 0.5599 (an earlier kink
        // trace stopped at −0.06956 eV/atom here).
        var (a, b) = (Composition.Parse("Li2VP4(H4O5)4"), Composition.Parse("Li6PS5Cl"));
        var min = fx.Engine.InterfaceReactionMinimum(a, b);
        Assert.Equal(-0.07012, min.EnergyPerAtom, 5);
        Assert.Equal(fx.Engine.React(a, b).MostExothermic.EnergyPerAtom, min.EnergyPerAtom, 6);
        Assert.Equal(0.5599, min.X, 4);
        Assert.Equal(min.EnergyPerAtom, EnergyAt(min), 9);
    }

    // The reaction energy at the minimum's x from a direct hull query on the mixture (the point is really on the curve).
    private double EnergyAt(ReactionMinimum m)
    {
        var mix = m.A.Fractional * m.X + m.B.Fractional * (1 - m.X);
        var sys = ChemicalSystem.Of(m.A).Union(ChemicalSystem.Of(m.B));
        return fx.Engine.Hull(mix, sys).EnergyPerAtom - m.X * fx.Engine.Hull(m.A).EnergyPerAtom - (1 - m.X) * fx.Engine.Hull(m.B).EnergyPerAtom;
    }

    [Fact]
    public void MinimumEqualsTheKinksForRandomCandidatePairs()
    {
        var formulas = fx.Coating.Candidates.Select(c => c.Formula).ToArray();
        string[] partners = [ScreeningFixture.Ncm811, "Li0.25Ni0.8Co0.1Mn0.1O2", ScreeningFixture.Lpscl, "Li"];
        var gen = Gen.Choose(0, formulas.Length - 1).Two();
        var prop = Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (a, b) = (Composition.Parse(formulas[t.Item1]), Composition.Parse(partners[t.Item2 % partners.Length]));
            // Equal to the most exothermic kink, and a point of the curve itself.
            double kinks = fx.Engine.React(a, b).MostExothermic.EnergyPerAtom;
            var min = fx.Engine.InterfaceReactionMinimum(a, b);
            return Math.Abs(min.EnergyPerAtom - kinks) < 1e-6 && Math.Abs(EnergyAt(min) - min.EnergyPerAtom) < 1e-6;
        });
        Check.One(PropertyChecks.Quiet.WithMaxTest(25), prop);
    }

    [Fact]
    public void StableSubsetGivesTheSameReactionsAndWindows()
    {
        var stable = fx.Screener.StableEngine;
        int columnsFull = 0, columnsStable = 0;
        Assert.True(stable.Entries.Count * 3 < fx.Engine.Entries.Count, $"{stable.Entries.Count} of {fx.Engine.Entries.Count} entries kept");
        foreach (var p in Pairs)
        {
            var (a, b) = Pair(p);
            var full = fx.Engine.React(a, b);
            var reduced = stable.React(a, b);
            Assert.Equal(full.Kinks.Count, reduced.Kinks.Count);
            foreach (var (k1, k2) in full.Kinks.Zip(reduced.Kinks))
            {
                Assert.Equal(k1.X, k2.X, 6);
                Assert.Equal(k1.EnergyPerAtom, k2.EnergyPerAtom, 8);
            }
            var sys = ChemicalSystem.Of(a).Union(ChemicalSystem.Of(b));
            columnsStable += stable.Space(sys).Phases.Count;
            columnsFull += fx.Engine.Space(sys).Phases.Count;
        }
        Assert.True(columnsStable * 3 < columnsFull, $"{columnsStable} vs {columnsFull} LP columns");
        foreach (var f in new[] { "LiNbO3", "Li6PS5Cl", "Li3PO4", "LiCoO2", "Li7La3Zr2O12" })
        {
            var c = Composition.Parse(f);
            var w1 = fx.Engine.Window(c);
            var w2 = stable.Window(c);
            Assert.Equal(w1.ReductionVolts!.Value, w2.ReductionVolts!.Value, 8);
            Assert.Equal(w1.OxidationVolts ?? -1, w2.OxidationVolts ?? -1, 8);
        }
    }

    [Fact]
    public void OwnSystemEnergiesAboveHullEqualTheEngine()
    {
        // Every 97th entry (about 1,400 of them, all sizes of system) against a direct hull query on the full data.
        var all = fx.Screener.Hulls.All.Where((_, i) => i % 97 == 0).ToList();
        Assert.True(all.Count > 1000);
        foreach (var (entry, above) in all)
        {
            double direct = entry.FormationEnergyPerAtom - Math.Min(0, fx.Engine.Hull(entry.Composition).EnergyPerAtom);
            Assert.True(Math.Abs(direct - above) < 1e-9, $"{entry}: {above} vs {direct}");
        }
        Assert.Equal(0, fx.Screener.Hulls.EnergyAboveHull(fx.Engine.Space(ChemicalSystem.Parse("Li-Nb-O")).Lowest(Composition.Parse("LiNbO3"))!)!.Value, 9);
    }
}
