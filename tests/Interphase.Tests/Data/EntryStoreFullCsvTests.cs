using System.Globalization;
using System.Text.RegularExpressions;
using Interphase.Chemistry;
using Interphase.Data;

namespace Interphase.Tests.Data;

/// <summary>The one test that imports the whole shared CSV (132,752 rows) into a temporary store.</summary>
public sealed class EntryStoreFullCsvTests
{
    [Fact]
    public void FullSharedCsvImportsQueriesAndReimportsIdempotently()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var first = store.ImportSource(EntryFileReader.Read(TestFiles.MpCsv, "mp_e_form.csv"), "mp_e_form.csv", TestFiles.MpCsv);
        Assert.Equal(132_752, first.Added);
        Assert.Equal(0, first.Replaced);
        Assert.Equal(132_752, store.Count());

        // Re-importing the same source replaces it: the count is unchanged.
        var again = store.ImportSource(EntryFileReader.Read(TestFiles.MpCsv, "mp_e_form.csv"), "mp_e_form.csv", TestFiles.MpCsv);
        Assert.Equal(132_752, again.Added);
        Assert.Equal(132_752, again.Replaced);
        Assert.Equal(132_752, store.Count());
        Assert.Single(store.Sources());

        // Spot checks against the file's own lines (line 2: C1Pt1; lines 62958, 69969).
        var cpt = store.Query(ChemicalSystem.Parse("C-Pt").Elements);
        Assert.Contains(cpt, e => e.Composition.FullFormula == "Pt1C1" && e.EnergyPerAtom == 1.9953836506249996 && e.Provenance.SourceId == "2");
        var lips = store.Query(ChemicalSystem.Parse("Li-P-S").Elements);
        Assert.Contains(lips, e => e.Composition.FullFormula == "Li12P4S16" && e.EnergyPerAtom == -1.2497731666741076 && e.Provenance.SourceId == "62958");
        var li2s = Assert.Single(lips, e => e.Provenance.SourceId == "69969");
        Assert.Equal("Li2S", li2s.ReducedFormula);
        Assert.Equal(-1.5607607646875001 * 3, li2s.Energy, 12);
        Assert.All(lips, e => Assert.Equal(EnergyBasis.Formation, e.Provenance.Basis));

        // Sub-system query == brute-force filter over the CSV (element symbols read with a regex, independent of the parser).
        var rows = CsvRows();
        foreach (var sys in new[] { "Li-P-S-Cl", "Li-P-S", "Li-O", "Fe", "Li-Fe-P-O", "Ge-Li-P-S" })
        {
            var set = ChemicalSystem.Parse(sys).Elements.Select(e => e.Symbol).ToHashSet();
            var expected = rows.Where(r => r.Symbols.All(set.Contains)).Select(r => (r.Line, r.Energy)).Order().ToList();
            var actual = store.Query(ChemicalSystem.Parse(sys).Elements)
                .Select(e => (Line: int.Parse(e.Provenance.SourceId!, CultureInfo.InvariantCulture), e.EnergyPerAtom)).Order().ToList();
            Assert.Equal(expected, actual);
        }
        Assert.Equal(102, store.Query(ChemicalSystem.Parse("Li-P-S-Cl").Elements).Count);
    }

    private static List<(int Line, string[] Symbols, double Energy)> CsvRows()
    {
        var result = new List<(int, string[], double)>();
        int line = 1;
        foreach (var text in File.ReadLines(TestFiles.MpCsv).Skip(1))
        {
            line++;
            var parts = text.Split(',');
            var symbols = Regex.Matches(parts[0], "[A-Z][a-z]?").Select(m => m.Value).Distinct().ToArray();
            result.Add((line, symbols, double.Parse(parts[1], CultureInfo.InvariantCulture)));
        }
        return result;
    }
}
