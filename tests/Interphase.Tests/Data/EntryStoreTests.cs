using Interphase.Chemistry;
using Interphase.Data;

namespace Interphase.Tests.Data;

public sealed class EntryStoreTests
{
    internal const string SmallCsv = """
        formula,e_form_per_atom
        Li1,0.0
        Li2O1,-2.0712
        Li2O2,-1.6500
        O2,0.0
        Li3P1S4,-1.2721
        Li2S1,-1.5608
        P1S1,-0.3
        Fe2O3,-1.7
        """;

    private static Entry Formation(string formula, double perAtom, string source, string? id = null) =>
        Entry.FromEnergyPerAtom(Composition.Parse(formula), perAtom, new Provenance(source, id));

    [Fact]
    public void SmallCsvImportsWithLineNumbersAsIdsAndSubsystemQueryIsExact()
    {
        using var tmp = new TempDir();
        var csv = tmp.Write("small.csv", SmallCsv);
        using var store = EntryStore.Open(tmp.Store);
        var s = store.ImportSource(EntryFileReader.Read(csv, "small"), "small", csv);
        Assert.Equal(8, s.Added);
        var lio = store.Query(ChemicalSystem.Parse("Li-O").Elements);
        Assert.Equal(["Li", "Li2O", "Li2O2", "O2"], lio.Select(e => e.ReducedFormula).Order(StringComparer.Ordinal));
        var li2o = Assert.Single(lio, e => e.ReducedFormula == "Li2O");
        Assert.Equal("3", li2o.Provenance.SourceId);
        Assert.Equal(-2.0712 * 3, li2o.Energy, 12);
        Assert.Equal(["Li", "Li2S", "Li3PS4", "PS"], store.Query(ChemicalSystem.Parse("S-P-Li").Elements).Select(e => e.ReducedFormula).Order(StringComparer.Ordinal));
        Assert.Empty(store.Query(ChemicalSystem.Parse("Na-Cl").Elements));
    }

    [Fact]
    public void MalformedFormulaLeavesStoreUnchangedAndNamesFileAndLine()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportSource(EntryFileReader.Read(tmp.Write("good.csv", SmallCsv), "good"), "good");
        var before = Snapshot(store);

        var badFormula = tmp.Write("bad_formula.csv", "formula,e_form_per_atom\nLi1,0\nO2,0\nLi2O1,-2.07\nLx2O1,-1.0\nLi2O2,-1.65\n");
        var ex = Assert.Throws<InterphaseException>(() => store.ImportSource(EntryFileReader.Read(badFormula, "good"), "good"));
        Assert.Contains("bad_formula.csv, line 5", ex.Message);
        Assert.Contains("unknown element 'Lx'", ex.Message);
        Assert.Equal(before, Snapshot(store));

        var badNumber = tmp.Write("bad_number.csv", "formula,e_form_per_atom\nLi1,0\nO2,0\nLi2O1,-2.07\nLi2O2,-1.65\nLiO2,0.1\nLi3N1,abc\n");
        ex = Assert.Throws<InterphaseException>(() => store.ImportSource(EntryFileReader.Read(badNumber, "other"), "other"));
        Assert.Contains("bad_number.csv, line 7", ex.Message);
        Assert.Contains("'abc'", ex.Message);
        Assert.Equal(before, Snapshot(store));
        Assert.Equal(["good"], store.Sources().Select(x => x.Name));
    }

    [Fact]
    public void CrashMidImportRollsBack()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportSource([Formation("Li", 0, "a"), Formation("Li2O", -2.07, "a")], "a");
        var before = Snapshot(store);
        static IEnumerable<Entry> Exploding()
        {
            yield return Formation("Na", 0, "x");
            yield return Formation("Na2O", -1.4, "x");
            throw new IOException("disk gone");
        }
        Assert.Throws<IOException>(() => store.ImportSource(Exploding(), "a"));
        Assert.Throws<IOException>(() => store.ImportSource(Exploding(), "b"));
        Assert.Equal(before, Snapshot(store));
        var empty = Assert.Throws<InterphaseException>(() => store.ImportSource(EntryFileReader.Read(tmp.Write("empty.csv", "formula,e_form_per_atom\n"), "a"), "a"));
        Assert.Contains("no entries", empty.Message);
        Assert.Equal(before, Snapshot(store));
    }

    [Fact]
    public void StorePersistsAcrossConnections()
    {
        using var tmp = new TempDir();
        using (var store = EntryStore.Open(tmp.Store))
            store.ImportSource([Formation("Li2O", -2.07, "a", "mp-1960")], "a", "/x/a.csv");
        using var again = EntryStore.OpenExisting(tmp.Store);
        var e = Assert.Single(again.All());
        Assert.Equal(new Provenance("a", "mp-1960"), e.Provenance);
        Assert.Equal("/x/a.csv", Assert.Single(again.Sources()).Origin);
        Assert.Throws<InterphaseException>(() => EntryStore.OpenExisting(tmp.File("missing.db")));
    }

    [Fact]
    public void RemoveSourceDeletesOnlyThatSource()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportSource([Formation("Li2O", -2.07, "a"), Formation("Li", 0, "a")], "a");
        store.ImportSource([Formation("Li2O", -2.10, "b")], "b");
        Assert.Equal(2, store.RemoveSource("a"));
        Assert.Equal(["b"], store.Sources().Select(s => s.Name));
        Assert.Equal(-2.10, Assert.Single(store.All()).EnergyPerAtom);
        var ex = Assert.Throws<InterphaseException>(() => store.RemoveSource("a"));
        Assert.Contains("no source 'a'", ex.Message);
        Assert.Contains("sources: b", ex.Message);
    }

    [Fact]
    public void ReplaceSubsystemsKeepsOtherSystemsOfTheSource()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var lio = ChemicalSystem.Parse("Li-O").SubsystemKeys();
        var lis = ChemicalSystem.Parse("Li-S").SubsystemKeys();
        store.ReplaceSubsystems([Formation("Li", 0, "mp"), Formation("O2", 0, "mp"), Formation("Li2O", -2.07, "mp")], "mp", lio);
        store.ReplaceSubsystems([Formation("Li", 0, "mp"), Formation("S", 0, "mp"), Formation("Li2S", -1.56, "mp")], "mp", lis);
        Assert.Equal(5, store.Count()); // Li replaced, not duplicated
        var r = store.ReplaceSubsystems([Formation("Li", 0, "mp"), Formation("O2", 0, "mp"), Formation("Li2O", -2.08, "mp")], "mp", lio);
        Assert.Equal(3, r.Replaced);
        Assert.Equal(5, store.Count());
        Assert.Equal(-2.08, store.Query(ChemicalSystem.Parse("Li-O").Elements).Single(e => e.ReducedFormula == "Li2O").EnergyPerAtom);
        Assert.Throws<InterphaseException>(() => store.ReplaceSubsystems([Formation("Na2O", -1.4, "mp")], "mp", lio));
        Assert.Equal(5, store.Count());
    }

    [Fact]
    public void StatsCountByElementsAndSystems()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportSource(EntryFileReader.Read(tmp.Write("s.csv", SmallCsv), "s"), "s");
        var st = store.Stats();
        Assert.Equal(8, st.Entries);
        Assert.Equal(7, st.ChemicalSystems); // Li, O, Li-O, Li-P-S, Li-S, P-S, Fe-O
        Assert.Equal(2, st.ByElementCount[1]);
        Assert.Equal(5, st.ByElementCount[2]);
        Assert.Equal(1, st.ByElementCount[3]);
        var src = Assert.Single(st.Sources);
        Assert.Equal((8, 8, 0), (src.Entries, src.FormationEntries, src.RawTotalEntries));
    }

    internal static List<string> Snapshot(EntryStore store) =>
        store.All().Select(e => $"{e.Provenance.Source}|{e.Provenance.SourceId}|{e.Composition.FullFormula}|{e.EnergyPerAtom:R}|{e.Provenance.Basis}").ToList();
}
