namespace Interphase.Data;

/// <summary>Where the analyses take their entries from when no <c>--data</c> file is given.</summary>
public enum DataKind
{
    /// <summary>The entry store: it exists and holds entries.</summary>
    Store,

    /// <summary>The built-in Matbench v0.1 data set (<see cref="DefaultData"/>): the store is missing or empty.</summary>
    BuiltIn,
}

/// <summary>The data the analyses use, as <c>data stats</c> and <c>data list</c> report it.</summary>
/// <param name="Kind">Store or built-in data.</param>
/// <param name="Description">Where the entries come from, in words.</param>
/// <param name="Entries">Number of entries.</param>
/// <param name="Attribution">The built-in data's attribution and licence; null for a store.</param>
public sealed record DataInUse(DataKind Kind, string Description, int Entries, string? Attribution)
{
    /// <summary>What the analyses use with the store at <paramref name="storePath"/> (it is neither created nor changed).</summary>
    public static DataInUse For(string storePath)
    {
        if (File.Exists(storePath))
        {
            using var store = EntryStore.OpenReadOnly(storePath);
            int n = store.Count();
            if (n > 0) return new DataInUse(DataKind.Store, $"the entry store {store.Path}", n, null);
        }
        int rows = File.ReadLines(DefaultData.ThermoPath()).Skip(1).Count(l => l.Length > 0);
        return new DataInUse(DataKind.BuiltIn, DefaultData.Description, rows, DefaultData.Attribution);
    }
}
