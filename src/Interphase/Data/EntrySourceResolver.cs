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

    /// <summary>Fall back to the built-in formation energies (<see cref="DefaultData"/>) when the store is missing or
    /// empty (default true).</summary>
    public bool UseDefaultData { get; init; } = true;

    /// <summary>Convert raw total energies to formation energies against same-source elemental references (default true).</summary>
    public bool ToFormation { get; init; } = true;
}

/// <summary>
/// Returns the entries of a chemical system (and its sub-systems) for the thermodynamics commands: from the
/// <c>--data</c> files when given, else from the entry store, else — when the store is missing or empty — from the
/// built-in Materials Project formation energies (see <see cref="DefaultData"/>). Raw energies are converted to formation energies per
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
        bool builtIn = false;
        if (files.Count == 0 && StoreIsEmpty(storePath))
        {
            // The documented default when nothing has been imported yet; without it there is no data at all.
            files = options.UseDefaultData ? [DefaultData.ThermoPath()]
                : throw new NoDataException(storePath, key);
            builtIn = true;
        }
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
            where = builtIn ? DefaultData.Description : string.Join(", ", files);
        }
        else
        {
            using var store = EntryStore.OpenReadOnly(storePath);
            entries = store.Query(system, options.Source);
            where = $"the entry store {store.Path}" + (options.Source is null ? "" : $" (source '{options.Source}')");
            if (entries.Count == 0)
            {
                var sources = store.Sources().Select(s => s.Name).ToList();
                throw new InterphaseException(DataGuidance.NotCovered(key, $"{where} (sources present: {(sources.Count == 0 ? "none" : string.Join(", ", sources))})"));
            }
        }
        if (entries.Count == 0) throw new InterphaseException(DataGuidance.NotCovered(key, where));
        CheckSingleSource(entries, key, options.AllowMixedSources);
        return options.ToFormation ? FormationEnergies.ToFormation(entries) : entries;
    }

    /// <summary>
    /// Every entry of the chosen source (for batch runs over many systems): the <c>--data</c> files, else the whole
    /// store, else the built-in data when the store is missing or empty. Same mixing and conversion rules as
    /// <see cref="Resolve(IReadOnlyCollection{Element}, EntrySourceOptions)"/>.
    /// </summary>
    public static IReadOnlyList<Entry> ResolveAll(EntrySourceOptions options)
    {
        string storePath = StoreLocation.Resolve(options.StorePath);
        var files = options.DataFiles;
        bool builtIn = files.Count == 0 && StoreIsEmpty(storePath);
        if (builtIn)
            files = options.UseDefaultData ? [DefaultData.ThermoPath()]
                : throw new NoDataException(storePath, null);
        List<Entry> entries;
        string where;
        if (files.Count > 0)
        {
            entries = files.SelectMany(f => EntryFileReader.Read(f)).ToList();
            where = builtIn ? DefaultData.Description : string.Join(", ", files);
        }
        else
        {
            using var store = EntryStore.OpenReadOnly(storePath);
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
        using var store = EntryStore.OpenReadOnly(path);
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

/// <summary>
/// There is no thermodynamic data at all: no <c>--data</c> file, an entry store that is missing or empty, and no shared
/// data. The message says how to get some; front ends add what their task needs (<see cref="DataGuidance"/>).
/// </summary>
public sealed class NoDataException : InterphaseException
{
    /// <summary>Creates the error for a store path and, when known, the chemical system asked for.</summary>
    public NoDataException(string storePath, string? chemicalSystem)
        : base(DataGuidance.NoData(storePath, chemicalSystem is null ? [] : [chemicalSystem]))
    {
        StorePath = storePath;
    }

    /// <summary>The store that was looked at.</summary>
    public string StorePath { get; }
}

/// <summary>How to get data a run lacks: the commands to run, keyless online sources first.</summary>
public static class DataGuidance
{
    /// <summary>The pull commands for one chemical system (or a placeholder), keyless sources first.</summary>
    public static IEnumerable<string> PullCommands(string? system)
    {
        string s = system ?? "SYSTEM";
        yield return $"  interphase data pull --chemsys {s} --source oqmd      (OQMD, no key needed)";
        yield return $"  interphase data pull --chemsys {s} --source optimade:BASE_URL      (any OPTIMADE provider, no key needed)";
        yield return $"  interphase data pull --chemsys {s} --source mp      (Materials Project; set MP_API_KEY)";
    }

    /// <summary>The message for a run without data, with the <c>data pull</c> commands for each chemical system.</summary>
    public static string NoData(string storePath, IReadOnlyCollection<string> chemicalSystems)
    {
        var lines = new List<string>
        {
            $"no thermodynamic data: the entry store {storePath} {(File.Exists(storePath) ? "is empty" : "does not exist yet")}, no --data file was given and the built-in data was not to be used.",
            "Get data in one of these ways:",
        };
        foreach (var system in chemicalSystems.Count == 0 ? [null] : chemicalSystems.Cast<string?>())
            lines.AddRange(PullCommands(system));
        lines.Add("  interphase data import FILE      (formula,e_form_per_atom CSV such as Matbench mp_e_form.csv, or pymatgen/Materials Project JSON)");
        lines.Add("  or pass --data FILE to this command");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The message for a chemical system the chosen data do not cover.</summary>
    public static string NotCovered(string system, string where) => string.Join(Environment.NewLine,
        [$"no entries for {system} in {where}. Get them online:", .. PullCommands(system),
         "  (then run this command again: the store takes precedence over the built-in data)"]);

    /// <summary>For a screen: it needs every Li compound, which one chemical system at a time cannot give.</summary>
    public static string ForScreen(string storePath) => string.Join(Environment.NewLine,
        $"no thermodynamic data: the entry store {storePath} {(File.Exists(storePath) ? "is empty" : "does not exist yet")}, no --data file was given and the built-in data was not to be used.",
        "A screen ranks every Li compound, so it needs a data set that has them all, with the Li-free phases that close their hulls:",
        "  interphase data pull --all --source mp      (the whole Materials Project, about 150,000 entries; set MP_API_KEY)",
        "  interphase data import FILE      (e.g. the Matbench mp_e_form.csv, 132,752 Materials Project formation energies)",
        "  or pass --data FILE to this command",
        "(interphase data pull --chemsys fetches one chemical system and its sub-systems: enough for a stack, not for a screen)");
}
