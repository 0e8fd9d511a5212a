using Interphase.Chemistry;
using Interphase.Data;

namespace Interphase.Tests.Data;

public sealed class EntryFileTests
{
    [SharedFact(TestFiles.LiFePOEntriesFile)]
    public void PymatgenJsonReadsCorrectedRawEnergiesWithProvenance()
    {
        Assert.Equal(EntryFileFormat.PymatgenJson, EntryFileReader.Detect(TestFiles.LiFePOEntries));
        var entries = EntryFileReader.Read(TestFiles.LiFePOEntries, "lfpo").ToList();
        Assert.Equal(859, entries.Count);
        // mp-1097030 Li2O2: energy −17.84755201 eV uncorrected + correction −1.40458 eV (pymatgen's entry.energy = −19.25213201).
        var li2o2 = Assert.Single(entries, e => e.Provenance.SourceId == "mp-1097030");
        Assert.Equal(-19.25213201, li2o2.Energy, 10);
        Assert.Equal(EnergyBasis.RawTotal, li2o2.Provenance.Basis);
        Assert.Equal("GGA", li2o2.Provenance.Functional);
    }

    [SharedFact(TestFiles.LiFePOEntriesFile)]
    public void RawEnergiesBecomeFormationEnergiesAgainstSameSourceReferencesAsInPymatgen()
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        store.ImportSource(EntryFileReader.Read(TestFiles.LiFePOEntries, "lfpo"), "lfpo");
        var entries = EntrySourceResolver.Resolve("Li-O", new EntrySourceOptions { StorePath = tmp.Store });
        Assert.Equal(40, entries.Count);
        Assert.All(entries, e => Assert.Equal(EnergyBasis.Formation, e.Provenance.Basis));
        // pymatgen 2022.11.7 PhaseDiagram(entries).get_form_energy_per_atom on the same file.
        Assert.Equal(-2.0715149904166665, entries.Single(e => e.Provenance.SourceId == "mp-1960").EnergyPerAtom, 10);
        Assert.Equal(-1.3912827181249998, entries.Single(e => e.Provenance.SourceId == "mp-1097030").EnergyPerAtom, 10);
        var lfp = EntrySourceResolver.Resolve("Li-Fe-P-O", new EntrySourceOptions { StorePath = tmp.Store });
        Assert.Equal(-2.550921206020409, lfp.Single(e => e.Provenance.SourceId == "mp-19017").EnergyPerAtom, 10);
        Assert.Equal(0.0, lfp.Where(e => e.Composition.ElementCount == 1).Min(e => e.EnergyPerAtom), 12);
    }

    [Fact]
    public void RawEnergiesWithoutASameSourceElementalReferenceAreRefused()
    {
        var p = new Provenance("dft", null, EnergyBasis.RawTotal);
        var entries = new[]
        {
            Entry.FromEnergyPerAtom(Composition.Parse("Li"), -1.909, p),
            Entry.FromEnergyPerAtom(Composition.Parse("Li2O"), -4.98, p),
        };
        var ex = Assert.Throws<InterphaseException>(() => FormationEnergies.ToFormation(entries));
        Assert.Contains("no raw total energy for elemental O", ex.Message);
        Assert.Contains("'dft'", ex.Message);
        // With O from another source the reference is still missing: references never cross sources.
        var withForeignO = entries.Append(Entry.FromEnergyPerAtom(Composition.Parse("O2"), -4.95, p with { Source = "other" })).ToList();
        Assert.Throws<InterphaseException>(() => FormationEnergies.ToFormation(withForeignO));
        var withO = entries.Append(Entry.FromEnergyPerAtom(Composition.Parse("O2"), -4.95, p)).ToList();
        var f = FormationEnergies.ToFormation(withO);
        // Li2O: 3 × (−4.98) − 2 × (−1.909) − (−4.95) = −6.172 eV for the formula, −2.05733 eV/atom.
        Assert.Equal(-6.172, f[1].Energy, 10);
    }

    [Fact]
    public void MixingSourcesIsRefusedUnlessAskedFor()
    {
        using var tmp = new TempDir();
        var opts = new EntrySourceOptions
        {
            StorePath = tmp.StoreWith(("mp_e_form.csv", EntryStoreTests.SmallCsv), ("oqmd", "formula,delta_e\nLi2O1,-2.06\nLi,0\nO,0\n")),
        };
        var ex = Assert.Throws<InterphaseException>(() => EntrySourceResolver.Resolve("Li-O", opts));
        Assert.Contains("2 sources (mp_e_form.csv: 4, oqmd: 3)", ex.Message);
        Assert.Contains("--allow-mixed-sources", ex.Message);
        Assert.Contains("--source", ex.Message);
        Assert.Equal(7, EntrySourceResolver.Resolve("Li-O", opts with { AllowMixedSources = true }).Count);
        Assert.Equal(3, EntrySourceResolver.Resolve("Li-O", opts with { Source = "oqmd" }).Count);
        // A system only one source covers is fine without the flag.
        Assert.Equal("PS", Assert.Single(EntrySourceResolver.Resolve("P-S", opts)).ReducedFormula);
        var none = Assert.Throws<InterphaseException>(() => EntrySourceResolver.Resolve("Na-Cl", opts));
        Assert.Contains("no entries for Cl-Na", none.Message);
    }

    [Fact]
    public void DataFilesAreUsedInsteadOfTheStoreWhenGiven()
    {
        using var tmp = new TempDir();
        var csv = tmp.Write("mine.csv", EntryStoreTests.SmallCsv);
        var entries = EntrySourceResolver.Resolve("Li-O", new EntrySourceOptions { DataFiles = [csv], StorePath = tmp.File("never-created.db") });
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.Equal("mine.csv", e.Provenance.Source));
        Assert.False(File.Exists(tmp.File("never-created.db")));
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public void ExportImportRoundTripPreservesEntriesAndProvenance(string format)
    {
        using var tmp = new TempDir();
        using var store = EntryStore.Open(tmp.Store);
        var original = new[]
        {
            Entry.FromEnergyPerAtom(Composition.Parse("Li12P4S16"), -1.2497731666741076, new Provenance("src", "mp-985583", EnergyBasis.Formation, "GGA/GGA+U", "MaterialsProject2020Compatibility")),
            Entry.FromEnergyPerAtom(Composition.Parse("LiNi0.8Co0.1Mn0.1O2"), -1.5, new Provenance("src", "a,b \"quoted\"")),
            new Entry(Composition.Parse("O2"), -9.86, new Provenance("src", "mp-12957", EnergyBasis.RawTotal, "GGA")),
        };
        store.ImportSource(original, "src");
        var path = tmp.File("export." + format);
        using (var w = new StreamWriter(path))
        {
            if (format == "csv") EntryFileWriter.WriteCsv(store.All("src"), w);
            else EntryFileWriter.WriteJson(store.All("src"), w);
        }
        var before = EntryStoreTests.Snapshot(store);
        store.RemoveSource("src");
        Assert.Equal(0, store.Count());
        store.ImportSource(EntryFileReader.Read(path, "src"), "src");
        Assert.Equal(before, EntryStoreTests.Snapshot(store));
        var back = store.All().ToList();
        Assert.Equal(original.Select(e => e.Provenance), back.Select(e => e.Provenance));
        for (int i = 0; i < original.Length; i++) Assert.Equal(original[i].EnergyPerAtom, back[i].EnergyPerAtom);
    }

    [Fact]
    public void MaterialsProjectApiJsonImports()
    {
        using var tmp = new TempDir();
        var path = tmp.Write("mp.json", """
            {"data": [
              {"material_id": "mp-1960", "formula_pretty": "Li2O", "composition": {"Li": 8.0, "O": 4.0},
               "formation_energy_per_atom": -2.0583, "energy_per_atom": -4.8111, "uncorrected_energy_per_atom": -4.7003, "thermo_type": "GGA_GGA+U"},
              {"material_id": "mp-135", "formula_pretty": "Li", "formation_energy_per_atom": 0.0, "energy_per_atom": -1.9089,
               "uncorrected_energy_per_atom": -1.9089, "thermo_type": "GGA_GGA+U"}
            ], "meta": {"total_doc": 2}}
            """);
        Assert.Equal(EntryFileFormat.MaterialsProjectJson, EntryFileReader.Detect(path));
        var e = EntryFileReader.Read(path, "mp").ToList();
        Assert.Equal(12, e[0].Composition.NumAtoms);
        Assert.Equal(-2.0583 * 12, e[0].Energy, 10);
        Assert.Equal(new Provenance("mp", "mp-1960", EnergyBasis.Formation, "GGA/GGA+U", "MaterialsProject2020Compatibility"), e[0].Provenance);
        var raw = EntryFileReader.Read(path, "mp", "uncorrected_energy_per_atom").ToList();
        Assert.Equal(EnergyBasis.RawTotal, raw[1].Provenance.Basis);
        Assert.Null(raw[1].Provenance.CorrectionScheme);
        Assert.Equal(-1.9089, raw[1].EnergyPerAtom, 12);
    }

    [Fact]
    public void MalformedJsonNamesFileAndRecord()
    {
        using var tmp = new TempDir();
        var broken = tmp.Write("broken.json", "[\n {\"energy\": -1.0, \"composition\": {\"Li\": 1}},\n {\"energy\": \n");
        var ex = Assert.Throws<InterphaseException>(() => EntryFileReader.Read(broken, "x").ToList());
        Assert.Contains("broken.json, line", ex.Message);
        Assert.Contains("malformed JSON", ex.Message);
        var badRecord = tmp.Write("bad.json", "[{\"energy\": -1.0, \"composition\": {\"Li\": 1}}, {\"energy\": -2.0, \"composition\": {\"Xq\": 1}}]");
        ex = Assert.Throws<InterphaseException>(() => EntryFileReader.Read(badRecord, "x").ToList());
        Assert.Contains("bad.json, entry 1", ex.Message); // 0-based, as in Python
        Assert.Contains("unknown element 'Xq'", ex.Message);
    }

    [Fact]
    public void CsvHeaderProblemsAreNamed()
    {
        using var tmp = new TempDir();
        var ex = Assert.Throws<InterphaseException>(() => EntryFileReader.Read(tmp.Write("h.csv", "composition,e\nLi,0\n"), "x").ToList());
        Assert.Contains("h.csv, line 1: expected columns 'formula' and 'e_form_per_atom'", ex.Message);
        ex = Assert.Throws<InterphaseException>(() => EntryFileReader.Read(tmp.Write("e.csv", "formula,band_gap\nLi,0\n"), "x").ToList());
        Assert.Contains("e.csv, line 1: expected columns", ex.Message);
        var raw = EntryFileReader.Read(tmp.Write("t.csv", "formula,energy_per_atom\nLi2O1,-4.9887\n"), "x").Single();
        Assert.Equal((EnergyBasis.RawTotal, -4.9887 * 3), (raw.Provenance.Basis, raw.Energy));
        Assert.Throws<InterphaseException>(() => EntryFileReader.Read(tmp.Write("u.csv", "formula,energy\nLi2O1,-14.966\n"), "x"));
    }
}

public sealed class SharedDefaultTests
{
    [Fact]
    public void EmptyOrMissingStoreFallsBackToTheSharedCsv()
    {
        using var tmp = new TempDir();
        var entries = EntrySourceResolver.Resolve("Li-P-S-Cl", new EntrySourceOptions { StorePath = tmp.File("none.db") });
        Assert.Equal(102, entries.Count); // the same count as the store query of the full import
        Assert.All(entries, e => Assert.Equal("mp_e_form.csv", e.Provenance.Source));
        Assert.Contains(entries, e => e.Composition.FullFormula == "Li12P4S16" && e.EnergyPerAtom == -1.2497731666741076);
    }
}

public sealed class ResolveAllTests
{
    [Fact]
    public void ResolveAllReturnsTheWholeStoreWithTheSameMixingRule()
    {
        using var tmp = new TempDir();
        var opts = new EntrySourceOptions { StorePath = tmp.StoreWith(("a", EntryStoreTests.SmallCsv), ("b", "formula,e_form_per_atom\nNa2O1,-1.4\n")) };
        Assert.Throws<InterphaseException>(() => EntrySourceResolver.ResolveAll(opts));
        Assert.Equal(8, EntrySourceResolver.ResolveAll(opts with { Source = "a" }).Count);
        Assert.Equal(9, EntrySourceResolver.ResolveAll(opts with { AllowMixedSources = true }).Count);
    }
}

public sealed class PymatgenDictTests
{
    [Fact]
    public void AllAdjustmentKindsAndPythonNaNAreRead()
    {
        // The shape of ComputedEntry('Li2O', -14.0, energy_adjustments=[CompositionEnergyAdjustment(-0.687, 1, ...),
        // ConstantEnergyAdjustment(0.1), TemperatureEnergyAdjustment(-0.001, 300, 3)]).as_dict() from pymatgen 2022.11.7,
        // whose entry.energy is -15.487 eV; json.dumps writes the NaN uncertainties bare.
        using var tmp = new TempDir();
        var path = tmp.Write("adj.json", """
            [{"@module": "pymatgen.entries.computed_entries", "@class": "ComputedEntry", "energy": -14.0,
              "composition": {"Li": 2.0, "O": 1.0}, "entry_id": "x-1", "correction": -1.487,
              "energy_adjustments": [
                {"@class": "CompositionEnergyAdjustment", "adj_per_atom": -0.687, "n_atoms": 1, "uncertainty_per_atom": NaN,
                 "name": "MP2020 anion correction (oxide)", "cls": {"@class": "MaterialsProject2020Compatibility"}, "description": "NaN in a string stays"},
                {"@class": "ConstantEnergyAdjustment", "value": 0.1, "uncertainty": NaN, "name": "Constant energy adjustment", "cls": {}},
                {"@class": "TemperatureEnergyAdjustment", "adj_per_deg": -0.001, "temp": 300, "n_atoms": 3, "uncertainty_per_deg": -Infinity, "cls": {}}],
              "parameters": {"is_hubbard": true}, "data": {}}]
            """);
        var e = Assert.Single(EntryFileReader.Read(path));
        Assert.Equal(-15.487, e.Energy, 10);
        Assert.Equal(new Provenance("adj.json", "x-1", EnergyBasis.RawTotal, "GGA+U", "MaterialsProject2020Compatibility"), e.Provenance);
    }
}
