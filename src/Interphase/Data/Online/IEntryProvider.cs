using Interphase.Chemistry;

namespace Interphase.Data.Online;

/// <summary>Progress of a pull.</summary>
/// <param name="Requests">Requests answered so far.</param>
/// <param name="Entries">Entries received so far.</param>
/// <param name="ExpectedEntries">Entries the server says match, when it says so.</param>
/// <param name="Description">What is being fetched.</param>
public sealed record PullProgress(int Requests, int Entries, int? ExpectedEntries, string Description);

/// <summary>An online database that returns the entries of a chemical system.</summary>
public interface IEntryProvider
{
    /// <summary>The source name entries are stored under, e.g. "mp", "oqmd", "optimade:optimade.example.org".</summary>
    string SourceName { get; }

    /// <summary>The base URL queried.</summary>
    string BaseUrl { get; }

    /// <summary>
    /// Fetches every entry whose elements are a subset of <paramref name="system"/> (all pages). Nothing is written
    /// anywhere; the caller stores the result in one transaction.
    /// </summary>
    /// <exception cref="OnlineSourceException">Network, key, or response problems.</exception>
    Task<IReadOnlyList<Entry>> FetchAsync(IReadOnlyList<Element> system, IProgress<PullProgress>? progress = null, CancellationToken ct = default);
}

/// <summary>Fills the entry store from an online provider.</summary>
public static class EntryPuller
{
    /// <summary>
    /// Fetches all pages of <paramref name="system"/> from <paramref name="provider"/> (and, for a Materials Project
    /// client with <see cref="MaterialsProjectClient.FetchProperties"/>, its band gaps, densities and elastic moduli),
    /// then replaces the provider's entries and property values for those sub-systems in one transaction. A failure
    /// while fetching leaves the store unchanged.
    /// </summary>
    public static async Task<ImportSummary> PullAsync(IEntryProvider provider, EntryStore store, IReadOnlyList<Element> system,
        IProgress<PullProgress>? progress = null, CancellationToken ct = default)
    {
        var entries = await provider.FetchAsync(system, progress, ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested(); // cancelled (Ctrl-C) after the last page: still nothing is written
        var pulled = ChemicalSystem.Of(system);
        var within = entries.Where(e => e.Composition.ChemicalSystem.IsSubsetOf(pulled)).ToList();
        if (provider is MaterialsProjectClient { FetchProperties: true } mp)
        {
            var values = await mp.FetchPropertiesAsync(system, progress, ct).ConfigureAwait(false);
            var keys = pulled.SubsystemKeys().ToHashSet(StringComparer.Ordinal);
            var inside = values.Where(v => FormulaParser.TryParse(v.ReducedFormula, out var c, out _) && keys.Contains(c!.ChemicalSystem.ToString())).ToList();
            return store.ReplaceSubsystems(within, inside, provider.SourceName, pulled.SubsystemKeys(), provider.BaseUrl);
        }
        return store.ReplaceSubsystems(within, provider.SourceName, pulled.SubsystemKeys(), provider.BaseUrl);
    }
}

/// <summary>Fills the entry store with a whole online database.</summary>
public static class WholeDatabasePuller
{
    /// <summary>
    /// Fetches every entry of the Materials Project (and, with <see cref="MaterialsProjectClient.FetchProperties"/>,
    /// every band gap, density and elastic modulus), then replaces all of the source's entries and property values in
    /// one transaction. A failure or cancellation while fetching leaves the store unchanged.
    /// </summary>
    public static async Task<ImportSummary> PullAsync(MaterialsProjectClient provider, EntryStore store,
        IProgress<PullProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(store);
        var entries = await provider.FetchEverythingAsync(progress, ct).ConfigureAwait(false);
        var values = provider.FetchProperties
            ? await provider.FetchPropertiesAsync(null, progress, ct).ConfigureAwait(false)
            : null;
        ct.ThrowIfCancellationRequested(); // cancelled after the last page: still nothing is written
        if (entries.Count == 0)
            throw new OnlineSourceException($"the Materials Project ({provider.BaseUrl}) returned no entries: the store is unchanged");
        return store.ReplaceSource(entries, values, provider.SourceName, provider.BaseUrl);
    }
}

/// <summary>The online entry providers by the names users give them.</summary>
public static class EntryProviders
{
    /// <summary>
    /// The provider for a source name: <c>mp</c> (Materials Project, formation energy <paramref name="field"/> of
    /// <paramref name="thermoType"/>), <c>oqmd</c> or <c>optimade:BASE_URL</c>; <paramref name="url"/> overrides the
    /// Materials Project or OQMD base URL.
    /// </summary>
    /// <exception cref="InterphaseException">Unknown source name.</exception>
    public static IEntryProvider Create(string source, string? field = null, string? url = null, string thermoType = "GGA_GGA+U", bool fetchProperties = true)
    {
        if (source.Equals("mp", StringComparison.OrdinalIgnoreCase))
            return new MaterialsProjectClient(baseUrl: url, field: field ?? MaterialsProjectJson.FormationField, thermoType: thermoType, fetchProperties: fetchProperties);
        if (source.Equals("oqmd", StringComparison.OrdinalIgnoreCase))
            return new OqmdClient(baseUrl: url, field: field ?? "delta_e");
        if (source.StartsWith("optimade:", StringComparison.OrdinalIgnoreCase))
            return new OptimadeClient(source["optimade:".Length..], field);
        throw new InterphaseException($"unknown source '{source}' (use mp, oqmd or optimade:BASE_URL)");
    }
}

/// <summary>A pull from an online database into the store (<c>data pull --json</c>).</summary>
/// <param name="Store">Store file.</param>
/// <param name="Source">Source name.</param>
/// <param name="Url">Base URL of the database.</param>
/// <param name="Chemsys">Chemical system pulled, or null for a pull of the whole database.</param>
/// <param name="Added">Entries written.</param>
/// <param name="Replaced">Entries of the same source and sub-systems that were replaced.</param>
/// <param name="Properties">Material property values written in the same transaction.</param>
public sealed record PullReport(string Store, string Source, string Url, string? Chemsys, int Added, int Replaced, int Properties)
{
    /// <summary>True for a pull of the whole database (<c>--all</c>).</summary>
    public bool All => Chemsys is null;
}
