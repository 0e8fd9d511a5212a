using Interphase.Chemistry;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>Every case of shared/reference/thermo_public.json (pymatgen 2022.11.7 on mp_e_form.csv), reproduced.</summary>
public sealed class ReferenceCaseTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    public static TheoryData<int> WindowCases => new(Enumerable.Range(0, 14));
    public static TheoryData<int> EhullCases => new(Enumerable.Range(0, 12));
    public static TheoryData<int> ReactionCases => new(Enumerable.Range(0, 13));

    [SharedFact(ThermoDataFixture.ReferenceFile)]
    public void ReferenceHoldsTheExpectedNumberOfCases()
    {
        Assert.Equal(14, data.Reference["windows"]!.AsArray().Count);
        Assert.Equal(12, data.Reference["ehull"]!.AsArray().Count);
        Assert.Equal(13, data.Reference["reactions"]!.AsArray().Count);
    }

    [Fact]
    public void SharedCsvLoadsEveryRowPlusOneReferencePerElement()
    {
        var all = data.Engine.Entries.Entries;
        Assert.Equal(132_752, all.Count(e => !ReferenceEquals(e.Entry.Provenance, EntrySet.ElementReference)));
        var refs = all.Where(e => ReferenceEquals(e.Entry.Provenance, EntrySet.ElementReference)).ToList();
        Assert.Equal(data.Engine.Entries.ReferencedElements.Count, refs.Count);
        Assert.All(refs, r => Assert.Equal(0.0, r.FormationEnergyPerAtom));
    }

    [SharedTheory(ThermoDataFixture.ReferenceFile)]
    [MemberData(nameof(WindowCases))]
    public void WindowMatchesPymatgen(int index)
    {
        var c = data.Case("windows", index);
        var w = data.Engine.Window(Composition.Parse((string)c["formula"]!));
        Assert.Equal((int)c["n_entries"]!, w.EntryCount);
        var profile = c["profile"]!.AsArray();
        Assert.Equal(profile.Count, w.Profile.Count);
        for (int i = 0; i < profile.Count; i++)
        {
            Assert.Equal((double)profile[i]!["volts"]!, w.Profile[i].StartVolts, 0.005);
            Assert.Equal((double)profile[i]!["uptake_per_fu"]!, w.Profile[i].UptakePerFormulaUnit, 1e-3);
            Assert.Equal(profile[i]!["products"]!.AsArray().Select(p => (string)p!), w.Profile[i].ProductFormulas);
        }
        var win = c["window_volts"]!.AsArray();
        Assert.Equal((double)win[0]!, w.ReductionVolts!.Value, 0.005);
        if (win[1] is null) Assert.Null(w.OxidationVolts);
        else Assert.Equal((double)win[1]!, w.OxidationVolts!.Value, 0.005);
    }

    [SharedTheory(ThermoDataFixture.ReferenceFile)]
    [MemberData(nameof(EhullCases))]
    public void StabilityMatchesPymatgen(int index)
    {
        var c = data.Case("ehull", index);
        var r = data.Engine.Stability(Composition.Parse((string)c["formula"]!));
        Assert.Equal((int)c["n_entries"]!, r.EntryCount);
        Assert.Equal((double)c["hull_energy_per_atom"]!, r.Hull.EnergyPerAtom, 1e-4);
        if (c["e_above_hull"] is null)
        {
            Assert.Null(r.Lowest);
            return;
        }
        Assert.Equal((double)c["e_form_per_atom"]!, r.FormationEnergyPerAtom!.Value, 1e-5);
        Assert.Equal((double)c["e_above_hull"]!, r.EnergyAboveHull!.Value, 1e-3);
        var expected = c["decomposition"]!.AsObject().ToDictionary(kv => kv.Key, kv => (double)kv.Value!);
        Assert.Equal(expected.Keys.Order(), r.Decomposition!.Select(p => p.Formula).Order());
        foreach (var p in r.Decomposition!) Assert.Equal(expected[p.Formula], p.Fraction, 1e-3);
    }

    [SharedTheory(ThermoDataFixture.ReferenceFile)]
    [MemberData(nameof(ReactionCases))]
    public void ReactionMatchesPymatgen(int index)
    {
        var c = data.Case("reactions", index);
        double? volts = c["volts"] is { } v ? (double)v : null;
        var r = data.Engine.React(Composition.Parse((string)c["a"]!), Composition.Parse((string)c["b"]!), new ReactionOptions(volts));
        Assert.Equal((int)c["n_entries"]!, r.EntryCount);
        Assert.Equal((int)c["n_elements"]!, r.ElementCount);
        var kinks = c["kinks"]!.AsArray();
        Assert.Equal(kinks.Count, r.Kinks.Count);
        for (int i = 0; i < kinks.Count; i++)
        {
            Assert.Equal((double)kinks[i]!["x"]!, r.Kinks[i].X, 0.002);
            Assert.Equal((double)kinks[i]!["e_rxn_per_atom"]!, r.Kinks[i].EnergyPerAtom, 1e-3);
            Assert.Equal(ThermoDataFixture.Products((string)kinks[i]!["reaction"]!), ThermoDataFixture.Products(r.Kinks[i].Reaction.ToString()));
        }
        Assert.Equal((double)c["min_x"]!, r.MostExothermic.X, 0.002);
        Assert.Equal((double)c["min_e_rxn_per_atom"]!, r.MostExothermic.EnergyPerAtom, 1e-3);
    }

    [SharedFact(ThermoDataFixture.ReferenceFile)]
    public void BatchWritesTheReferenceSchema()
    {
        var cases = ThermoCases.Read(SharedFiles.Path(ThermoDataFixture.ReferenceFile));
        var result = ThermoBatch.Run(data.Engine, cases with { Windows = ["Li3N"], Ehull = ["Li0.5CoO2"], Reactions = [("Li", "Li3PS4")], OpenReactions = [] }, "mp_e_form.csv");
        var w = result["windows"]![0]!.AsObject();
        Assert.Equal(["formula", "n_entries", "window_volts", "profile", "seconds"], w.Select(kv => kv.Key));
        Assert.Equal(0.4824, (double)w["window_volts"]![1]!, 1e-4);
        var e = result["ehull"]![0]!.AsObject();
        Assert.Equal(["formula", "n_entries", "hull_energy_per_atom", "seconds"], e.Select(kv => kv.Key));
        Assert.Equal(-1.56053, (double)e["hull_energy_per_atom"]!, 1e-5);
        var r = result["reactions"]![0]!.AsObject();
        Assert.Equal(["a", "b", "volts", "n_entries", "n_elements", "min_x", "min_e_rxn_per_atom", "min_reaction", "kinks", "seconds"], r.Select(kv => kv.Key));
        Assert.Equal("0.8889 Li + 0.1111 Li3PS4 -> 0.4444 Li2S + 0.1111 Li3P", (string)r["min_reaction"]!);
    }
}
