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
    /// Fetches all pages of <paramref name="system"/> from <paramref name="provider"/>, then replaces the provider's
    /// entries for those sub-systems in one transaction. A failure while fetching leaves the store unchanged.
    /// </summary>
    public static async Task<ImportSummary> PullAsync(IEntryProvider provider, EntryStore store, IReadOnlyList<Element> system,
        IProgress<PullProgress>? progress = null, CancellationToken ct = default)
    {
        var entries = await provider.FetchAsync(system, progress, ct).ConfigureAwait(false);
        var pulled = ChemicalSystem.Of(system);
        var within = entries.Where(e => e.Composition.ChemicalSystem.IsSubsetOf(pulled)).ToList();
        return store.ReplaceSubsystems(within, provider.SourceName, pulled.SubsystemKeys(), provider.BaseUrl);
    }
}
