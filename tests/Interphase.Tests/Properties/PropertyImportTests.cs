using Interphase.Data;
using Interphase.Properties;
using Interphase.Tests.Data;

namespace Interphase.Tests.Properties;

/// <summary>Property files read in place and imported into the store: spot values, units, polymorphs, all-or-nothing imports.</summary>
public sealed class PropertyImportTests(PropertyStoreFixture fixture) : IClassFixture<PropertyStoreFixture>
{
    [Fact]
    public void SpotValuesFromTheSharedFiles()
    {
        using var store = new StorePropertySource(fixture.StorePath);
        // mp_gap.csv: Cl1Li6P1S5 2.1375 eV; mp_refractive_index.csv: 1.87772…
        var gap = Assert.Single(store.Find("Li6PS5Cl", MaterialProperty.BandGap));
        Assert.Equal(2.1375, gap.Value, 10);
        Assert.Equal("Cl1Li6P1S5", gap.Formula);
        Assert.Equal("PBE", gap.Method);
        Assert.Equal(1.8777, Assert.Single(store.Find("Li6PS5Cl", MaterialProperty.RefractiveIndex)).Value, 3);
        Assert.Empty(store.Find("Li6PS5Cl", MaterialProperty.ShearModulus)); // not in the Matbench elasticity set
        Assert.Equal(3.373, Assert.Single(store.Find("Li3InCl6", MaterialProperty.BandGap)).Value, 3);
        // Li3PS4: log10 G = 1.0414 → 11.0 GPa; log10 K = 1.3222 → 21.0 GPa
        Assert.Equal(11.0, Assert.Single(store.Find("Li3PS4", MaterialProperty.ShearModulus)).Value, 6);
        Assert.Equal(21.0, Assert.Single(store.Find("Li3PS4", MaterialProperty.BulkModulus)).Value, 6);
        Assert.Equal(9.0, Assert.Single(store.Find("Li10GeP2S12", MaterialProperty.ShearModulus)).Value, 6);
        Assert.Equal(3, store.Find("Li3PS4", MaterialProperty.BandGap).Count); // two PBE polymorphs and the measured gap
    }

    [Fact]
    public void CountsOfEveryFile()
    {
        using var store = EntryStore.OpenExisting(fixture.StorePath);
        Assert.Equal(106113, store.PropertyCount("mp_gap.csv"));
        Assert.Equal(10987, store.PropertyCount("mp_log10_shear_modulus.csv"));
        Assert.Equal(10987, store.PropertyCount("mp_log10_bulk_modulus.csv"));
        Assert.Equal(4764, store.PropertyCount("mp_refractive_index.csv"));
        Assert.All(store.Sources(), s => Assert.Equal(0, s.Entries));
    }

    [Fact]
    public void Log10ValuesAreConvertedToGpa()
    {
        var csv = "formula,target\nLi2O1,1.5\nMg1O1,0\nAl2O3,-0.30103\n";
        var values = PropertyCsvReader.Read(new StringReader(csv), "t.csv", MaterialProperty.ShearModulus, "t", ValueScale.Log10);
        Assert.Equal(31.6227766, values[0].Value, 6); // 10^1.5 GPa
        Assert.Equal(1.0, values[1].Value, 12);
        Assert.Equal(0.5, values[2].Value, 5);
        Assert.Equal(["Li2O", "MgO", "Al2O3"], values.Select(v => v.ReducedFormula));
        Assert.Equal([2, 3, 4], values.Select(v => v.Line!.Value));
        Assert.Equal(ValueScale.Log10, PropertyCsvReader.DefaultScale("/x/mp_log10_shear_modulus.csv"));
        Assert.Equal(ValueScale.Linear, PropertyCsvReader.DefaultScale("/x/mp_gap.csv"));
        var linear = PropertyCsvReader.Read(new StringReader("formula,target\nLi2O1,1.5\n"), "t.csv", MaterialProperty.ShearModulus, "t", ValueScale.Linear);
        Assert.Equal(1.5, linear[0].Value);
    }

    [Fact]
    public void MedianOfPolymorphsWithTheRangeWhenTheSourceDoesNotLinkThemToEnergies()
    {
        using var store = new StorePropertySource(fixture.StorePath);
        // In2S3 in mp_gap.csv: 0.825, 0.28, 1.095, 0.835 (rounded) → median of the middle two 0.83 eV
        var choice = PropertyChoice.Choose(store.Find("In2S3", MaterialProperty.BandGap))!;
        Assert.Equal(4, choice.Polymorphs);
        Assert.Equal(0.83, choice.Value, 2);
        Assert.Equal(0.28, choice.Min, 2);
        Assert.Equal(1.095, choice.Max, 3);
        Assert.StartsWith("median of 4 polymorphs (range 0.28–1.095 eV", choice.Rule);
        var single = PropertyChoice.Choose(store.Find("Li6PS5Cl", MaterialProperty.BandGap))!;
        Assert.Equal("single value", single.Rule);
        // odd count: the middle value, and that polymorph is named
        var odd = PropertyChoice.Choose([Gap("Li2S", 1), Gap("Li4S2", 3), Gap("Li6S3", 2)])!;
        Assert.Equal(2, odd.Value);
        Assert.Equal("Li6S3", odd.Chosen!.Formula);
    }

    [Fact]
    public void LowestFormationEnergyPolymorphWinsWhenTheSourceLinksThem()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var li = new Interphase.Data.Provenance("mp", "mp-1");
        store.ImportSource([
            Entry.FromEnergyPerAtom(Interphase.Chemistry.Composition.Parse("Li2S"), -1.50, new Provenance("mp", "mp-a")),
            Entry.FromEnergyPerAtom(Interphase.Chemistry.Composition.Parse("Li4S2"), -1.56, new Provenance("mp", "mp-b")),
            Entry.FromEnergyPerAtom(Interphase.Chemistry.Composition.Parse("Li2S"), -1.40, new Provenance("mp", "mp-c")),
        ], "mp");
        store.ImportProperties([Gap("Li2S", 3.9, "mp-a"), Gap("Li4S2", 3.4, "mp-b"), Gap("Li2S", 2.0, "mp-c")], "mp", [MaterialProperty.BandGap]);
        var values = store.Properties("Li2S", MaterialProperty.BandGap);
        Assert.Equal([-1.50, -1.56, -1.40], values.Select(v => Math.Round(v.FormationEnergyEvPerAtom!.Value, 9)));
        var choice = PropertyChoice.Choose(values)!;
        Assert.Equal(3.4, choice.Value);
        Assert.Equal("mp-b", choice.Chosen!.SourceId);
        Assert.Contains("lowest formation energy (mp-b, -1.56 eV/atom) of 3 in mp", choice.Rule);
        Assert.Equal(3, store.Sources().Single().Entries);
        Assert.Equal(3, store.Sources().Single().Properties);
    }

    private static PropertyRecord Gap(string formula, double value, string? id = null) =>
        new(formula, Interphase.Chemistry.Composition.Parse(formula).ReducedFormula, MaterialProperty.BandGap, value, "mp", id, null, "PBE");

    [Theory]
    [InlineData("formula,target\nLi2O1,5.0\nLi2S1,abc\n", MaterialProperty.BandGap, "line 3", "'abc'")]
    [InlineData("formula,target\nLi2O1,5.0\nLi2S1,3.4\nLi3N1,-0.2\n", MaterialProperty.BandGap, "line 4", "band gap -0.2 eV is negative")]
    [InlineData("formula,target\nLi2O1,5.0\nLx2S1,3.4\n", MaterialProperty.BandGap, "line 3", "unknown element 'Lx'")]
    [InlineData("formula,target\nLi2O1,1.2\nLi2S1,0.8\n", MaterialProperty.RefractiveIndex, "line 3", "at least 1")]
    [InlineData("formula,e_form\nLi2O1,1.2\n", MaterialProperty.BandGap, "line 1", "expected columns 'formula' and 'target'")]
    [InlineData("", MaterialProperty.BandGap, "line 1", "empty file")]
    [InlineData("formula,target\nLi2O1,5.0\nLi2S1\n", MaterialProperty.BandGap, "line 3", "expected 2 fields, found 1")]
    public void BadRowsNameTheFileAndLineAndLeaveTheStoreUnchanged(string csv, MaterialProperty property, string where, string problem)
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportProperties([Gap("Li2O", 4.9)], "bad.csv", [MaterialProperty.BandGap]);
        store.ImportProperties([Gap("Li2S", 3.4)], "keep", [MaterialProperty.BandGap]);
        var before = PropertyFiles.Snapshot(store, "Li2O", "Li2S", "Li3N");
        var path = tmp.Write("bad.csv", csv);
        var ex = Assert.Throws<InterphaseException>(() =>
            store.ImportProperties(PropertyCsvReader.Read(path, property, "bad.csv", ValueScale.Linear), "bad.csv", [property]));
        Assert.Contains($"bad.csv, {where}", ex.Message);
        Assert.Contains(problem, ex.Message);
        Assert.Equal(before, PropertyFiles.Snapshot(store, "Li2O", "Li2S", "Li3N"));
    }

    [Fact]
    public void UnknownPropertyOrScaleIsRefusedByName()
    {
        var ex = Assert.Throws<InterphaseException>(() => MaterialProperties.Parse("hardness"));
        Assert.Contains("unknown property 'hardness'", ex.Message);
        Assert.Contains("band_gap, shear_modulus, bulk_modulus, refractive_index", ex.Message);
        Assert.Equal(MaterialProperty.ShearModulus, MaterialProperties.Parse("shear-modulus"));
        Assert.Throws<InterphaseException>(() => MaterialProperties.ParseScale("ln"));
    }

    [Fact]
    public void AFailureWhileWritingRollsBackAndReimportReplacesOnlyThatProperty()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportProperties([Gap("Li2O", 4.9), Gap("Li2S", 3.4)], "src", [MaterialProperty.BandGap]);
        store.ImportProperties([new PropertyRecord("Li2O", "Li2O", MaterialProperty.ShearModulus, 50, "src")], "src", [MaterialProperty.ShearModulus]);
        var before = PropertyFiles.Snapshot(store, "Li2O", "Li2S");
        IEnumerable<PropertyRecord> Crashing()
        {
            yield return Gap("LiF", 8.7);
            throw new InterphaseException("disk on fire");
        }
        Assert.Throws<InterphaseException>(() => store.ImportProperties(Crashing(), "src", [MaterialProperty.BandGap]));
        Assert.Equal(before, PropertyFiles.Snapshot(store, "Li2O", "Li2S"));
        Assert.Throws<InterphaseException>(() => store.ImportProperties([], "src", [MaterialProperty.BandGap]));
        Assert.Equal(before, PropertyFiles.Snapshot(store, "Li2O", "Li2S"));

        var s = store.ImportProperties([Gap("LiF", 8.7)], "src", [MaterialProperty.BandGap]);
        Assert.Equal((1, 2), (s.Added, s.Replaced));
        Assert.Empty(store.Properties("Li2S"));
        Assert.Single(store.Properties("Li2O")); // the shear modulus stays
        Assert.Equal(2, store.PropertyCount("src"));
        Assert.Equal(0, store.RemoveSource("src"));
        Assert.Equal(0, store.PropertyCount());
    }
}
