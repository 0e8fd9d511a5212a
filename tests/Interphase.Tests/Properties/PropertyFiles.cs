using Interphase.Data;
using Interphase.Properties;
using Interphase.Tests.Data;

namespace Interphase.Tests.Properties;

/// <summary>The built-in property tables and a store holding all four MP tables, built once for the tests that need it.</summary>
public sealed class PropertyStoreFixture : IDisposable
{
    private readonly TempDir _dir = new();

    public PropertyStoreFixture()
    {
        StorePath = _dir.Store;
        using var store = EntryStore.Open(StorePath);
        foreach (var f in PropertySources.DefaultFiles)
        {
            var path = PropertyFiles.File(f.Table);
            store.ImportProperties(PropertyCsvReader.Read(path, f.Property, System.IO.Path.GetFileName(path), f.Scale, f.Method),
                System.IO.Path.GetFileName(path), [f.Property], path);
        }
    }

    /// <summary>A store with the four built-in MP property tables imported (no entries).</summary>
    public string StorePath { get; }

    public void Dispose() => _dir.Dispose();
}

internal static class PropertyFiles
{
    /// <summary>A built-in property table (e.g. <c>mp_gap.csv</c>, <c>expt_gap.csv</c>) as a CSV file.</summary>
    public static string File(string name) => DefaultData.TablePath(name);

    /// <summary>Snapshot of every property value of a compound list, for "store unchanged" checks.</summary>
    public static List<string> Snapshot(EntryStore store, params string[] formulas) =>
        [.. formulas.SelectMany(f => store.Properties(f)).Select(p => $"{p.Source}|{p.Formula}|{p.Property}|{p.Value:R}|{p.Line}"),
         $"count={store.PropertyCount()}", .. store.Sources().Select(s => $"{s.Name}:{s.Entries}:{s.Properties}")];
}
