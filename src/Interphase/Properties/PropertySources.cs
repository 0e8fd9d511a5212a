using Interphase.Chemistry;
using Interphase.Data;

namespace Interphase.Properties;

/// <summary>Where the analyses look up material properties.</summary>
public interface IPropertySource
{
    /// <summary>Where the values come from, for messages and reports (e.g. "the entry store /…/entries.db").</summary>
    string Description { get; }

    /// <summary>Every value stored for the compound (any formula; it is reduced first), optionally of one property.</summary>
    IReadOnlyList<PropertyRecord> Find(string formula, MaterialProperty? property = null);
}

/// <summary>The properties of an entry store. Thread-safe (queries are serialised).</summary>
internal sealed class StorePropertySource : IPropertySource, IDisposable
{
    private readonly EntryStore _store;
    private readonly object _lock = new();

    /// <summary>Opens the store at <paramref name="path"/> (it must exist).</summary>
    public StorePropertySource(string path) => _store = EntryStore.OpenExisting(path);

    /// <inheritdoc />
    public string Description => $"the entry store {_store.Path}";

    /// <summary>Number of values stored.</summary>
    public int Count
    {
        get { lock (_lock) return _store.PropertyCount(); }
    }

    /// <inheritdoc />
    public IReadOnlyList<PropertyRecord> Find(string formula, MaterialProperty? property = null)
    {
        if (!FormulaParser.TryParse(formula, out var c, out _)) return [];
        lock (_lock) return _store.Properties(c!.ReducedFormula, property);
    }

    /// <inheritdoc />
    public void Dispose() => _store.Dispose();
}

/// <summary>Values held in memory (files read in place, tests).</summary>
public sealed class InMemoryPropertySource : IPropertySource
{
    private readonly Dictionary<string, List<PropertyRecord>> _byFormula = new(StringComparer.Ordinal);

    /// <summary>Creates the source from values.</summary>
    public InMemoryPropertySource(IEnumerable<PropertyRecord> values, string description)
    {
        Description = description;
        foreach (var v in values)
        {
            if (!_byFormula.TryGetValue(v.ReducedFormula, out var list)) _byFormula[v.ReducedFormula] = list = [];
            list.Add(v);
        }
    }

    /// <summary>A source with no values.</summary>
    public static InMemoryPropertySource Empty(string description) => new([], description);

    /// <inheritdoc />
    public string Description { get; }

    /// <summary>Number of values.</summary>
    public int Count => _byFormula.Values.Sum(l => l.Count);

    /// <inheritdoc />
    public IReadOnlyList<PropertyRecord> Find(string formula, MaterialProperty? property = null)
    {
        if (!FormulaParser.TryParse(formula, out var c, out _) || !_byFormula.TryGetValue(c!.ReducedFormula, out var list)) return [];
        return property is { } p ? list.Where(v => v.Property == p).ToList() : list;
    }
}

/// <summary>A property file and what it holds.</summary>
/// <param name="Table">The table of the built-in data set (<see cref="DefaultData.Tables"/>).</param>
/// <param name="Property">The property of its value column.</param>
/// <param name="Scale">How values are written.</param>
/// <param name="Method">How the values were obtained.</param>
public sealed record PropertyFile(string Table, MaterialProperty Property, ValueScale Scale, string Method);

/// <summary>
/// Chooses the property source when the user names none: the entry store when it holds property values, else the
/// built-in Materials Project property tables (as the built-in <c>mp_e_form.csv</c> is the default entry data).
/// </summary>
public static class PropertySources
{
    /// <summary>The built-in Materials Project property tables (Matbench v0.1, <see cref="DefaultData"/>) read by default.</summary>
    public static IReadOnlyList<PropertyFile> DefaultFiles { get; } =
    [
        new("mp_gap.csv", MaterialProperty.BandGap, ValueScale.Linear, "PBE"),
        new("expt_gap.csv", MaterialProperty.BandGap, ValueScale.Linear, ElectronicCharacterService.MeasuredMethod),
        new("mp_log10_shear_modulus.csv", MaterialProperty.ShearModulus, ValueScale.Log10, "VRH"),
        new("mp_log10_bulk_modulus.csv", MaterialProperty.BulkModulus, ValueScale.Log10, "VRH"),
        new("mp_refractive_index.csv", MaterialProperty.RefractiveIndex, ValueScale.Linear, "DFPT"),
    ];

    /// <summary>How a user fills the store with properties (for messages).</summary>
    public const string HowToGet =
        "import a property table (interphase data import-properties FILE --property band_gap|shear_modulus|bulk_modulus|refractive_index) " +
        "or pull the Materials Project (interphase data pull --chemsys SYSTEM --source mp, which fetches band gaps, densities and elastic moduli)";

    private static readonly object SharedLock = new();
    private static InMemoryPropertySource? _builtIn;

    /// <summary>
    /// The default source for a store path (null: <see cref="StoreLocation.Resolve"/>'s default): the store when it
    /// exists and holds property values, else the built-in property tables. The store is never created here. Dispose
    /// the result when it is disposable.
    /// </summary>
    public static IPropertySource Default(string? storePath = null)
    {
        string path = StoreLocation.Resolve(storePath);
        if (File.Exists(path))
        {
            var store = new StorePropertySource(path);
            if (store.Count > 0) return store;
            store.Dispose();
        }
        return BuiltIn();
    }

    /// <summary>The built-in property tables (cached for the process; <c>INTERPHASE_SHARED</c>'s copies when set).</summary>
    public static InMemoryPropertySource BuiltIn()
    {
        lock (SharedLock)
        {
            if (_builtIn is not null) return _builtIn;
            var values = DefaultFiles.SelectMany(f => PropertyCsvReader.Read(DefaultData.TablePath(f.Table), f.Property, f.Table, f.Scale, f.Method));
            return _builtIn = new InMemoryPropertySource(values.ToList(), $"the Materials Project property tables of {DefaultData.Description}");
        }
    }
}
