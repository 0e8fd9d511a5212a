using Interphase.Data;

namespace Interphase.Tests.Data;

/// <summary>Locates the shared data directory and makes temporary directories for stores and files.</summary>
internal static class TestFiles
{
    /// <summary>The shared directory (INTERPHASE_SHARED, a parent's <c>shared</c>, or /work/shared).</summary>
    public static string Shared
    {
        get
        {
            if (Environment.GetEnvironmentVariable("INTERPHASE_SHARED") is { Length: > 0 } env && IsShared(env)) return env;
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, "shared");
                    if (IsShared(candidate)) return candidate;
                }
            if (IsShared("/work/shared")) return "/work/shared";
            throw new DirectoryNotFoundException("shared data directory not found (set INTERPHASE_SHARED)");
        }
    }

    private static bool IsShared(string dir) => File.Exists(Path.Combine(dir, "README.md")) && Directory.Exists(Path.Combine(dir, "data"));

    /// <summary>The shared Materials Project formation-energy CSV.</summary>
    public static string MpCsv => Path.Combine(Shared, "data", "thermo", "mp_e_form.csv");

    /// <summary>The shared pymatgen ComputedEntry list.</summary>
    public static string LiFePOEntries => Path.Combine(Shared, "data", "entries", "Li-Fe-P-O_entries.json");
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
