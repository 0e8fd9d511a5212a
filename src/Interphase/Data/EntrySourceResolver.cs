using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>Where a thermodynamics command takes its entries from.</summary>
public sealed record EntrySourceOptions
{
    /// <summary>Entry files given with <c>--data</c>; when empty, the store is used.</summary>
    public IReadOnlyList<string> DataFiles { get; init; } = [];

    /// <summary>Store path (<c>--store</c>); null for <see cref="StoreLocation.Resolve"/>'s default.</summary>
    public string? StorePath { get; init; }

    /// <summary>Only entries of this source (<c>--source</c>); null for all.</summary>
    public string? Source { get; init; }

    /// <summary>Combine entries from sources with different references (<c>--allow-mixed-sources</c>).</summary>
    public bool AllowMixedSources { get; init; }

    /// <summary>Convert raw total energies to formation energies against same-source elemental references (default true).</summary>
    public bool ToFormation { get; init; } = true;
}

/// <summary>
/// Returns the entries of a chemical system (and its sub-systems) for the thermodynamics commands: from the
/// <c>--data</c> files when given, else from the entry store, else — when the store is missing or empty — from the
/// shared <c>mp_e_form.csv</c> (see <see cref="SharedData"/>). Raw energies are converted to formation energies per
/// source, and entries from more than one source are refused unless mixing is asked for explicitly.
/// </summary>
public static class EntrySourceResolver
{
    /// <summary>Entries whose elements are a subset of <paramref name="system"/>.</summary>
    /// <exception cref="InterphaseException">No entries, a missing store or file, mixed sources, or a missing reference.</exception>
    public static IReadOnlyList<Entry> Resolve(IReadOnlyCollection<Element> system, EntrySourceOptions options)
    {
        string key = ChemicalSystem.Of(system).ToString();
        IReadOnlyList<Entry> entries;
        string where;
        string storePath = StoreLocation.Resolve(options.StorePath);
        var files = options.DataFiles;
        if (files.Count == 0 && StoreIsEmpty(storePath) && SharedData.FilePath("data/thermo/mp_e_form.csv") is { } shared)
            files = [shared]; // the documented default when nothing has been imported yet
        if (files.Count > 0)
        {
            var symbols = system.Select(e => e.Symbol).ToHashSet(StringComparer.Ordinal);
            var within = ChemicalSystem.Of(system);
            var list = new List<Entry>();
            foreach (var file in files)
            {
                string source = Path.GetFileName(file);
                var read = EntryFileReader.Detect(file) == EntryFileFormat.Csv
                    ? EntryCsvReader.Read(file, source, symbols)
                    : EntryFileReader.Read(file, source);
                list.AddRange(read.Where(e => e.Composition.ChemicalSystem.IsSubsetOf(within)));
            }
            if (options.Source is { } only) list.RemoveAll(e => e.Provenance.Source != only);
            entries = list;
            where = string.Join(", ", files);
        }
        else
        {
            using var store = EntryStore.OpenExisting(storePath);
            entries = store.Query(system, options.Source);
            where = $"the entry store {store.Path}" + (options.Source is null ? "" : $" (source '{options.Source}')");
            if (entries.Count == 0)
            {
                var sources = store.Sources().Select(s => s.Name).ToList();
                throw new InterphaseException(
                    $"no entries for {key} in {where}; sources present: {(sources.Count == 0 ? "none" : string.Join(", ", sources))}. " +
                    $"Import data (interphase data import FILE) or pull it (interphase data pull --chemsys {key} --source mp)");
            }
        }
        if (entries.Count == 0) throw new InterphaseException($"no entries for {key} in {where}");
        CheckSingleSource(entries, key, options.AllowMixedSources);
        return options.ToFormation ? FormationEnergies.ToFormation(entries) : entries;
    }

    /// <summary>
    /// Every entry of the chosen source (for batch runs over many systems): the <c>--data</c> files, else the whole
    /// store, else the shared CSV when the store is missing or empty. Same mixing and conversion rules as
    /// <see cref="Resolve(IReadOnlyCollection{Element}, EntrySourceOptions)"/>.
    /// </summary>
    public static IReadOnlyList<Entry> ResolveAll(EntrySourceOptions options)
    {
        string storePath = StoreLocation.Resolve(options.StorePath);
        var files = options.DataFiles;
        if (files.Count == 0 && StoreIsEmpty(storePath) && SharedData.FilePath("data/thermo/mp_e_form.csv") is { } shared) files = [shared];
        List<Entry> entries;
        string where;
        if (files.Count > 0)
        {
            entries = files.SelectMany(f => EntryFileReader.Read(f)).ToList();
            where = string.Join(", ", files);
        }
        else
        {
            using var store = EntryStore.OpenExisting(storePath);
            entries = store.All(options.Source).ToList();
            where = $"the entry store {store.Path}";
        }
        if (options.Source is { } only) entries.RemoveAll(e => e.Provenance.Source != only);
        if (entries.Count == 0) throw new InterphaseException($"no entries in {where}" + (options.Source is null ? "" : $" for source '{options.Source}'"));
        CheckSingleSource(entries, "this run", options.AllowMixedSources);
        return options.ToFormation ? FormationEnergies.ToFormation(entries) : entries;
    }

    private static bool StoreIsEmpty(string path)
    {
        if (!File.Exists(path)) return true;
        using var store = EntryStore.OpenExisting(path);
        return store.Count() == 0;
    }

    /// <summary>Parses <paramref name="chemsys"/> (e.g. <c>Li-P-S-Cl</c>) and resolves its entries.</summary>
    public static IReadOnlyList<Entry> Resolve(string chemsys, EntrySourceOptions options) =>
        Resolve(ChemicalSystem.Parse(chemsys).Elements, options);

    /// <summary>Refuses entries from more than one source unless <paramref name="allowMixed"/>.</summary>
    /// <exception cref="InterphaseException">More than one source and mixing not allowed.</exception>
    public static void CheckSingleSource(IEnumerable<Entry> entries, string system, bool allowMixed)
    {
        if (allowMixed) return;
        var bySource = entries.GroupBy(e => e.Provenance.Source).Select(g => (g.Key, Count: g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        if (bySource.Count <= 1) return;
        throw new InterphaseException(
            $"the entries for {system} come from {bySource.Count} sources ({string.Join(", ", bySource.Select(s => $"{s.Key}: {s.Count}"))}) " +
            "whose energies are computed against different references and are not comparable; choose one with --source NAME, " +
            "or pass --allow-mixed-sources to combine them anyway");
    }
}
