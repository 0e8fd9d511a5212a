using System.Text.Json;
using Interphase.Chemistry;

namespace Interphase.Data.Online;

/// <summary>
/// OQMD's REST API (<c>/oqmdapi/formationenergy</c>, no key): one query per sub-system,
/// <c>filter=element_set=Li,P,S AND ntypes=3</c>, <c>fields=name,entry_id,delta_e</c>, paged with
/// <c>limit</c>/<c>offset</c> until <c>meta.more_data_available</c> is false. <c>delta_e</c> is OQMD's formation
/// energy, eV/atom.
/// </summary>
public sealed class OqmdClient : IEntryProvider
{
    /// <summary>Default base URL.</summary>
    public const string DefaultBaseUrl = "https://oqmd.org/oqmdapi";

    /// <summary>Environment variable overriding the base URL.</summary>
    public const string UrlVariable = "INTERPHASE_OQMD_URL";

    private readonly HttpJsonFetcher _fetcher;

    /// <summary>Creates a client.</summary>
    /// <param name="baseUrl">Base URL; null for <c>INTERPHASE_OQMD_URL</c> or <see cref="DefaultBaseUrl"/>.</param>
    /// <param name="field">Formation-energy field (default <c>delta_e</c>).</param>
    /// <param name="http">HTTP client; null for a shared default.</param>
    /// <param name="retry">Retry policy.</param>
    /// <param name="pageSize">Entries per page.</param>
    /// <param name="limits">Pages, entries, bytes and time-outs; null for <see cref="PullLimits.FromEnvironment"/>.</param>
    public OqmdClient(string? baseUrl = null, string field = "delta_e", HttpClient? http = null, RetryPolicy? retry = null, int pageSize = 500,
        PullLimits? limits = null)
    {
        if (pageSize < 1) throw new InterphaseException($"page size {pageSize} must be at least 1");
        BaseUrl = OnlineUrls.Resolve(baseUrl, UrlVariable, DefaultBaseUrl);
        Field = field;
        PageSize = pageSize;
        _fetcher = new HttpJsonFetcher(http, "OQMD", retry, limits);
    }

    /// <inheritdoc />
    public string SourceName => "oqmd";

    /// <inheritdoc />
    public string BaseUrl { get; }

    /// <summary>The formation-energy field read.</summary>
    public string Field { get; }

    /// <summary>Entries per page.</summary>
    public int PageSize { get; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Entry>> FetchAsync(IReadOnlyList<Element> system, IProgress<PullProgress>? progress = null, CancellationToken ct = default)
    {
        var entries = new List<Entry>();
        var budget = new PullBudget(_fetcher.Limits, "OQMD");
        int requests = 0;
        foreach (var key in ChemicalSystem.Of(system).SubsystemKeys())
        {
            var elements = key.Split('-');
            string filter = $"element_set={string.Join(',', elements)} AND ntypes={elements.Length}";
            for (int offset = 0; ; offset += PageSize)
            {
                string url = $"{BaseUrl}/formationenergy?fields=name,entry_id,{Uri.EscapeDataString(Field)}" +
                             $"&filter={Uri.EscapeDataString(filter)}&limit={PageSize}&offset={offset}";
                var (doc, _) = await _fetcher.GetAsync(url, null, ct, acceptClientErrors: false, budget).ConfigureAwait(false);
                bool more;
                using (doc)
                {
                    var root = doc.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                        throw new OnlineSourceException($"malformed response from OQMD ({url}): no 'data' list");
                    budget.NewPage(data, url);
                    int i = 0;
                    foreach (var d in data.EnumerateArray())
                    {
                        i++;
                        if (Read(d, url, offset + i) is { } e) entries.Add(e);
                    }
                    more = data.GetArrayLength() > 0 && MoreAvailable(root, data.GetArrayLength());
                }
                requests++;
                budget.Entries(entries.Count);
                progress?.Report(new PullProgress(requests, entries.Count, null, $"OQMD {key}"));
                if (!more) break;
            }
        }
        return entries;
    }

    private bool MoreAvailable(JsonElement root, int returned)
    {
        if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
            && meta.TryGetProperty("more_data_available", out var m) && m.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return m.GetBoolean();
        if (root.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Object
            && links.TryGetProperty("next", out var next))
            return next.ValueKind == JsonValueKind.String;
        return returned >= PageSize;
    }

    private Entry? Read(JsonElement d, string url, int index)
    {
        string where = $"malformed response from OQMD ({url}), entry {index}";
        if (d.ValueKind != JsonValueKind.Object) throw new OnlineSourceException($"{where}: not an object");
        if (OnlineEntryFields.Energy(d, Field, where) is not { } energy) return null; // no formation energy computed
        var comp = OnlineEntryFields.Formula(d, "name", where);
        string? id = d.TryGetProperty("entry_id", out var idEl) ? PymatgenEntryReader.Text(idEl) : null;
        return Entry.FromEnergyPerAtom(comp, energy, new Provenance(SourceName, id, EnergyBasis.Formation, "GGA/GGA+U (PBE)", "OQMD fitted elemental references"));
    }
}
