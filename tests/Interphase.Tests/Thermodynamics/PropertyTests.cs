using Interphase.Chemistry;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>Invariants on random chemical systems drawn (seeded) from the shared data.</summary>
public sealed class PropertyTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    private IEnumerable<ChemicalSystem> RandomSystems(int seed, int count, int minElements, int maxElements)
    {
        var rng = new Random(seed);
        var entries = data.Engine.Entries.Entries;
        int found = 0;
        while (found < count)
        {
            var sys = entries[rng.Next(entries.Count)].System;
            while (sys.Count < minElements) sys = sys.Union(entries[rng.Next(entries.Count)].System);
            if (sys.Count > maxElements) continue;
            found++;
            yield return sys;
        }
    }

    [Fact]
    public void NoEntryLiesBelowTheHullAndStableEntriesSitOnIt()
    {
        foreach (var sys in RandomSystems(11, 12, 2, 4))
        {
            var space = data.Engine.Space(sys);
            var stable = data.Engine.StableEntries(sys).ToHashSet();
            Assert.All(space.Phases.Where(p => p.IsElement), p => Assert.Contains(p, stable));
            foreach (var p in space.Polymorphs)
            {
                var s = data.Engine.Stability(p.Composition);
                Assert.True(s.EnergyAboveHull >= -1e-9, $"{p} below the hull of {sys}");
                if (stable.Contains(p))
                {
                    Assert.Equal(0.0, s.EnergyAboveHull!.Value, 1e-9);
                    Assert.Equal(p.ReducedFormula, Assert.Single(s.Decomposition!).Formula);
                }
            }
        }
    }

    [Fact]
    public void DecompositionsConserveCompositionAndEnergy()
    {
        var rng = new Random(5);
        foreach (var sys in RandomSystems(23, 25, 3, 7))
        {
            var els = sys.Elements;
            var comp = new Composition(els.Select(e => new KeyValuePair<Element, double>(e, 0.05 + rng.NextDouble())));
            var hull = data.Engine.Hull(comp);
            Assert.Equal(1.0, hull.Decomposition.Sum(p => p.Fraction), 1e-9);
            foreach (var el in els)
                Assert.Equal(comp.AtomFraction(el), hull.Decomposition.Sum(p => p.Fraction * p.Phase.Composition.AtomFraction(el)), 1e-9);
            Assert.Equal(hull.EnergyPerAtom, hull.Decomposition.Sum(p => p.Fraction * p.Phase.FormationEnergyPerAtom), 1e-9);
            Assert.True(hull.Decomposition.Count <= els.Count);
            // The chemical potentials support the hull: no phase lies below the plane they define.
            foreach (var p in data.Engine.Space(sys).Phases)
                Assert.True(p.FormationEnergyPerAtom >= p.Composition.Amounts.Sum(kv => kv.Value / p.Composition.NumAtoms * hull.ChemicalPotentials[kv.Key]) - 1e-8);
        }
    }

    [Fact]
    public void WindowsNestConsistentlyWithTheirProfiles()
    {
        var rng = new Random(3);
        var li = PeriodicTable.Get("Li");
        var candidates = data.Engine.Entries.Entries.Where(e => e.System.Contains(li) && e.System.Count is >= 3 and <= 5).ToList();
        for (int n = 0; n < 15; n++)
        {
            var entry = candidates[rng.Next(candidates.Count)];
            var w = data.Engine.Window(entry.Composition);
            Assert.Equal(0.0, w.Profile[0].StartVolts);
            for (int i = 1; i < w.Profile.Count; i++)
            {
                Assert.True(w.Profile[i].StartVolts > w.Profile[i - 1].StartVolts);
                Assert.Equal(w.Profile[i].StartVolts, w.Profile[i - 1].EndVolts!.Value, 1e-12);
                // More oxidising, less Li: the uptake falls strictly from one segment to the next.
                Assert.True(w.Profile[i].UptakePerFormulaUnit < w.Profile[i - 1].UptakePerFormulaUnit - 1e-9);
            }
            Assert.Null(w.Profile[^1].EndVolts);
            Assert.Equal(-entry.Composition[li], w.Profile[^1].UptakePerFormulaUnit, 1e-6); // all Li released at the end
            bool onHull = data.Engine.Stability(entry.Composition).IsStable;
            if (onHull)
            {
                var s = Assert.IsType<ProfileSegment>(w.StableSegment);
                Assert.Equal([entry.ReducedFormula], s.ProductFormulas);
                Assert.True(w.ReductionVolts <= (w.OxidationVolts ?? double.MaxValue));
            }
        }
    }

    [Fact]
    public void ReactionEnergiesAreNonPositiveAndVanishAtTheEnds()
    {
        var rng = new Random(9);
        var entries = data.Engine.Entries.Entries.Where(e => e.System.Count is >= 2 and <= 3).ToList();
        for (int n = 0; n < 15; n++)
        {
            var a = entries[rng.Next(entries.Count)];
            var b = entries[rng.Next(entries.Count)];
            if (a.System.Union(b.System).Count > 6) continue;
            var r = data.Engine.React(a.Composition, b.Composition);
            Assert.Equal(0.0, r.Kinks[0].X);
            Assert.Equal(1.0, r.Kinks[^1].X);
            Assert.Equal(0.0, r.Kinks[0].EnergyPerAtom, 1e-9);
            Assert.Equal(0.0, r.Kinks[^1].EnergyPerAtom, 1e-9);
            Assert.All(r.Kinks, k => Assert.True(k.EnergyPerAtom <= 1e-9));
            for (int i = 1; i < r.Kinks.Count; i++) Assert.True(r.Kinks[i].X > r.Kinks[i - 1].X);
        }
    }

    [Fact]
    public void EightAndMoreElementSystemsWork()
    {
        // 10 elements: a layered oxide, an argyrodite and a garnet together.
        var comp = Composition.Parse("LiNi0.8Co0.1Mn0.1O2") + Composition.Parse("Li6PS5Cl") + Composition.Parse("Li7La3Zr2O12");
        Assert.Equal(10, comp.ElementCount);
        var hull = data.Engine.Hull(comp);
        foreach (var (el, _) in comp.Amounts)
            Assert.Equal(comp.AtomFraction(el), hull.Decomposition.Sum(p => p.Fraction * p.Phase.Composition.AtomFraction(el)), 1e-9);
        Assert.True(hull.Decomposition.Count <= 10);
        // A larger system can only lower the hull.
        var sub = Composition.Parse("LiNi0.8Co0.1Mn0.1O2") + Composition.Parse("Li6PS5Cl");
        double inSub = data.Engine.Hull(sub).EnergyPerAtom;
        double inFull = data.Engine.Hull(sub, ChemicalSystem.Of(comp)).EnergyPerAtom;
        Assert.True(inFull <= inSub + 1e-12);
        // A 9-element formula straight from the data is on or above its own hull.
        var nine = data.Engine.Entries.Entries.First(e => e.System.Count == 9);
        Assert.True(data.Engine.EnergyAboveHull(nine) >= -1e-9);
    }

    [Fact]
    public void ChemicalSystemIndexFindsExactlyTheSubsystemEntries()
    {
        foreach (var sys in RandomSystems(31, 5, 3, 5))
        {
            var indexed = data.Engine.Entries.EntriesIn(sys).ToHashSet();
            var scanned = data.Engine.Entries.Entries.Where(e => e.System.IsSubsetOf(sys)).ToHashSet();
            Assert.True(indexed.SetEquals(scanned));
        }
    }

    [Fact]
    public void SystemsWithoutDataAreRefusedClearly()
    {
        var set = new EntrySet([new Interphase.Data.Entry(Composition.Parse("Li2O"), -6.2, new Interphase.Data.Provenance("test"))]);
        var engine = new ThermoEngine(set);
        Assert.Equal(-6.2 / 3, engine.Hull(Composition.Parse("Li2O")).EnergyPerAtom, 1e-12);
        var ex = Assert.Throws<InterphaseException>(() => engine.Hull(Composition.Parse("Li3PS4")));
        Assert.Contains("P-S", ex.Message);
    }
}
