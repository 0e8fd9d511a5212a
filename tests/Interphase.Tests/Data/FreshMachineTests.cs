using Interphase.Data;
using Interphase.Stacks;

namespace Interphase.Tests.Data;

/// <summary>A machine with no data: clear guidance, no empty store left behind, no silent fallbacks.</summary>
public sealed class FreshMachineTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "interphase-fresh-" + Guid.NewGuid().ToString("N"));

    public FreshMachineTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void WithNoStoreAndNoSharedDataTheErrorSaysHowToGetDataAndCreatesNothing()
    {
        string store = Path.Combine(_dir, "entries.db");
        var options = new EntrySourceOptions { StorePath = store, UseDefaultData = false };
        var ex = Assert.Throws<NoDataException>(() => EntrySourceResolver.ResolveAll(options));
        Assert.Contains("interphase data import FILE", ex.Message);
        Assert.Contains("interphase data pull --chemsys", ex.Message);
        Assert.Contains("does not exist yet", ex.Message);
        var one = Assert.Throws<NoDataException>(() => EntrySourceResolver.Resolve("Li-P-S", options));
        Assert.Contains("--chemsys Li-P-S --source mp", one.Message);
        Assert.False(File.Exists(store));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void TheGuidanceForAStackNamesItsChemicalSystems()
    {
        var stack = StackReader.ReadFile(Path.Combine(Stacks.StackReaderTests.ExamplesDir, "ncm811-lpscl-li.yaml"));
        var systems = stack.ChemicalSystems();
        Assert.Equal(2, systems.Count); // NCM811 | Li6PS5Cl and Li6PS5Cl | Li (the latter within the former's elements, but asked as its own system)
        string message = DataGuidance.NoData("/tmp/x.db", systems);
        Assert.All(systems, s => Assert.Contains($"interphase data pull --chemsys {s} --source mp", message));
        Assert.Contains("Cl-Co-Li-Mn-Ni-O-P-S", string.Join(" ", systems.Select(s => string.Join("-", s.Split('-').Order(StringComparer.Ordinal)))));
        Assert.Contains("every Li compound", DataGuidance.ForScreen("/tmp/x.db"));
        Assert.Contains("interphase data pull --all --source mp", DataGuidance.ForScreen("/tmp/x.db"));
    }

    [Fact]
    public void AFailedImportLeavesNoStoreButKeepsAnExistingOne()
    {
        string store = Path.Combine(_dir, "new.db");
        Assert.Throws<InterphaseException>(() => EntryStore.Write<int>(store, _ => throw new InterphaseException("network down")));
        Assert.False(File.Exists(store));
        Assert.False(File.Exists(store + "-wal"));

        string existing = Path.Combine(_dir, "existing.db");
        EntryStore.Write(existing, _ => 0);
        Assert.True(File.Exists(existing));
        Assert.Throws<InterphaseException>(() => EntryStore.Write<int>(existing, _ => throw new InterphaseException("network down")));
        Assert.True(File.Exists(existing));
    }

    [Fact]
    public void AMissingSharedFolderIsAnError()
    {
        string missing = Path.Combine(_dir, "no-such-folder");
        var ex = Assert.Throws<InterphaseException>(() => SharedData.FindDirectory(missing));
        Assert.Contains(SharedData.EnvironmentVariable, ex.Message);
        Assert.Contains("does not exist", ex.Message);
        var notShared = Assert.Throws<InterphaseException>(() => SharedData.FindDirectory(_dir));
        Assert.Contains("holds no shared data", notShared.Message);
    }

    [Fact]
    public void WithNoStoreTheAnalysesUseTheBuiltInDataAndSaySo()
    {
        string store = Path.Combine(_dir, "entries.db");
        var inUse = DataInUse.For(store);
        Assert.Equal(DataKind.BuiltIn, inUse.Kind);
        Assert.Equal(132752, inUse.Entries); // the rows of Matbench v0.1 mp_e_form
        Assert.Contains("CC BY 4.0", inUse.Attribution);
        // Li2S from the built-in table: −1.5608 eV/atom, as in the Matbench file.
        var li2s = EntrySourceResolver.Resolve("Li-S", new EntrySourceOptions { StorePath = store })
            .Where(e => e.ReducedFormula == "Li2S").Min(e => e.EnergyPerAtom);
        Assert.Equal(-1.5608, li2s, 4);
        Assert.False(File.Exists(store));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void TheBuiltInTablesAreEveryMatbenchSetTheProjectUses()
    {
        Assert.Equal(["expt_gap.csv", "mp_e_form.csv", "mp_gap.csv", "mp_log10_bulk_modulus.csv", "mp_log10_shear_modulus.csv", "mp_refractive_index.csv"], DefaultData.Tables);
        foreach (var table in DefaultData.Tables)
            Assert.StartsWith("formula,", File.ReadLines(DefaultData.TablePath(table)).First());
    }

    [Fact]
    public void ASystemTheDataLacksNamesTheKeylessSourcesFirst()
    {
        var ex = Assert.Throws<InterphaseException>(() => EntrySourceResolver.Resolve("Fr-At", new EntrySourceOptions { StorePath = Path.Combine(_dir, "entries.db") }));
        int oqmd = ex.Message.IndexOf("--source oqmd", StringComparison.Ordinal);
        int optimade = ex.Message.IndexOf("--source optimade:", StringComparison.Ordinal);
        int mp = ex.Message.IndexOf("--source mp", StringComparison.Ordinal);
        Assert.True(oqmd > 0 && oqmd < optimade && optimade < mp, ex.Message);
        Assert.Contains("no key needed", ex.Message);
    }

    [Fact]
    public void TheProductHasNoMachineSpecificPath()
    {
        string src = Path.GetFullPath(Path.Combine(Stacks.StackReaderTests.ExamplesDir, "..", "..", "src"));
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains("\"/work/", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(offenders);
    }
}
