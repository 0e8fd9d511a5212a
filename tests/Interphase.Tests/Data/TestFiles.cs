using Interphase.Data;

namespace Interphase.Tests.Data;

/// <summary>Locates the shared data directory and makes temporary directories for stores and files.</summary>
internal static class TestFiles
{
    /// <summary>The shared reference folder (tests that use it are marked as needing it).</summary>
    public static string Shared => SharedFiles.Path(".");

    /// <summary>The Materials Project formation-energy CSV (the built-in table).</summary>
    public static string MpCsv => DefaultData.ThermoPath();

    /// <summary>The shared pymatgen ComputedEntry list (tests that read it are marked as needing it).</summary>
    public static string LiFePOEntries => SharedFiles.Path(LiFePOEntriesFile);

    /// <summary><see cref="LiFePOEntries"/> relative to the shared folder.</summary>
    public const string LiFePOEntriesFile = "data/entries/Li-Fe-P-O_entries.json";
}

/// <summary>A temporary directory deleted on dispose.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(PathName = Path.Combine(Path.GetTempPath(), "interphase-data-" + Guid.NewGuid().ToString("N")));

    public string PathName { get; }

    public string File(string name) => Path.Combine(PathName, name);

    public string Write(string name, string text)
    {
        var p = File(name);
        System.IO.File.WriteAllText(p, text);
        return p;
    }

    public string Store => File("entries.db");

    /// <summary>Imports each CSV text into <see cref="Store"/> under its source name (one import each); returns the store.</summary>
    public string StoreWith(params (string Source, string Csv)[] sources)
    {
        using var store = EntryStore.Open(Store);
        foreach (var (source, csv) in sources) store.ImportSource(EntryFileReader.Read(Write(source + ".csv", csv), source), source);
        return Store;
    }

    public void Dispose()
    {
        try { Directory.Delete(PathName, recursive: true); } catch (IOException) { }
    }
}
