using Interphase.Chemistry;
using Interphase.Data;

namespace Interphase.Tests.Data;

public sealed class EntryReaderTests
{
    private static string Shared(string relative) =>
        SharedFiles.Path(relative);

    [Fact]
    public void CsvRowsBecomeFormationEntriesPerCell()
    {
        var entries = EntryCsvReader.Read(new StringReader("formula,e_form_per_atom\nLi12P4S16,-1.2\nLi2O1,-2.07\n"), "t.csv");
        Assert.Equal(2, entries.Count);
        Assert.Equal(32, entries[0].Composition.NumAtoms);
        Assert.Equal(-1.2 * 32, entries[0].Energy, 1e-12);
        Assert.Equal("Li3PS4", entries[0].ReducedFormula);
        Assert.Equal(EnergyBasis.Formation, entries[0].Provenance.Basis);
    }

    [Fact]
    public void CsvFastPathAgreesWithTheFormulaParser()
    {
        var entries = EntryCsvReader.Read(new StringReader("formula,e_form_per_atom\nLi10Ge1P2S12,-1\nLi1Ni0.8O2,-1\nCa(OH)2,-1\n"), "t.csv");
        foreach (var (e, f) in entries.Zip(new[] { "Li10Ge1P2S12", "Li1Ni0.8O2", "Ca(OH)2" }))
            Assert.True(e.Composition.AlmostEquals(FormulaParser.Parse(f), 1e-12));
    }

    [Theory]
    [InlineData("formula,e_form_per_atom\nLi2O,-2\nLi2Q,-1\n", "line 3")]
    [InlineData("formula,e_form_per_atom\nLi2O,abc\n", "line 2")]
    [InlineData("formula,energy\nLi2O,-2\n", "line 1")]
    [InlineData("formula,e_form_per_atom\nLi2O\n", "line 2")]
    public void CsvErrorsNameFileAndLine(string text, string where)
    {
        var ex = Assert.Throws<InterphaseException>(() => EntryCsvReader.Read(new StringReader(text), "bad.csv"));
        Assert.Contains("bad.csv", ex.Message);
        Assert.Contains(where, ex.Message);
    }

    [SharedFact(TestFiles.LiFePOEntriesFile)]
    public void PymatgenEntriesAddTheirCorrections()
    {
        var entries = EntryFileReader.Read(Shared("data/entries/Li-Fe-P-O_entries.json"));
        Assert.Equal(859, entries.Count);
        Assert.All(entries, e => Assert.Equal(EnergyBasis.RawTotal, e.Provenance.Basis));
        var li = entries.First(e => e.Provenance.SourceId == "mp-51");
        Assert.Equal(-1.90705183, li.Energy, 1e-9);
        const string json = """
            [{"@class": "ComputedEntry", "energy": -10.0, "composition": {"Fe": 2, "O": 3}, "correction": -1.5, "entry_id": "a"},
             {"@class": "ComputedEntry", "energy": -10.0, "composition": {"Fe": 2, "O": 3}, "correction": -1.5,
              "energy_adjustments": [{"value": -0.5}, {"value": -0.25}], "entry_id": "b"}]
            """;
        var two = PymatgenEntryReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "x.json");
        Assert.Equal(-11.5, two[0].Energy, 1e-12);
        Assert.Equal(-10.75, two[1].Energy, 1e-12); // adjustments take precedence, as in pymatgen
        Assert.Equal("Fe2O3", two[0].ReducedFormula);
    }

    [Fact]
    public void PymatgenErrorsNameTheEntry()
    {
        const string json = """[{"energy": -1.0, "composition": {"Fe": 1}}, {"composition": {"Fe": 1}}]""";
        var ex = Assert.Throws<InterphaseException>(() => PymatgenEntryReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)), "y.json"));
        Assert.Contains("y.json, entry 1", ex.Message);
        Assert.Contains("energy", ex.Message);
    }
}
