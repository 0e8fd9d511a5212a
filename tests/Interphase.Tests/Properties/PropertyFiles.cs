using Interphase.Data;
using Interphase.Properties;
using Interphase.Tests.Data;

namespace Interphase.Tests.Properties;

/// <summary>The shared property files and a store holding all four MP files, built once for the tests that need it.</summary>
public sealed class PropertyStoreFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public PropertyStoreFixture()
    {
        StorePath = _dir.Store;
        using var store = EntryStore.Open(StorePath);
        foreach (var f in PropertySources.SharedFiles)
        {
            var path = PropertyFiles.Path(f.RelativePath);
            store.ImportProperties(PropertyCsvReader.Read(path, f.Property, System.IO.Path.GetFileName(path), f.Scale, f.Method),
                System.IO.Path.GetFileName(path), [f.Property], path);
        }
    }

    /// <summary>A store with the four shared MP property files imported (no entries).</summary>
    public string StorePath { get; }

    public void Dispose() => _dir.Dispose();
}

internal static class PropertyFiles
{
    public static string Path(string relative) => System.IO.Path.Combine(TestFiles.Shared, relative);

    public static string Dir => Path("data/properties");

    public static string File(string name) => System.IO.Path.Combine(Dir, name);

    /// <summary>Snapshot of every property value of a compound list, for "store unchanged" checks.</summary>
    public static List<string> Snapshot(EntryStore store, params string[] formulas) =>
        [.. formulas.SelectMany(f => store.Properties(f)).Select(p => $"{p.Source}|{p.Formula}|{p.Property}|{p.Value:R}|{p.Line}"),
         $"count={store.PropertyCount()}", .. store.Sources().Select(s => $"{s.Name}:{s.Entries}:{s.Properties}")];
}
