using System.Net;
using System.Text.Json;
using Interphase.Chemistry;

namespace Interphase.Data.Online;

/// <summary>
/// Any OPTIMADE provider (<c>{base}/v1/structures</c>, JSON:API paging through <c>links.next</c>). The system and
/// its sub-systems are requested with <c>elements HAS ONLY "Li","P","S"</c>; a provider that does not support
/// HAS ONLY (HTTP 400/501) is queried per sub-system with <c>elements HAS ALL … AND nelements=k</c>. Formation
/// energies are not an OPTIMADE standard property, so the provider-specific field (e.g. <c>_oqmd_delta_e</c>) is
/// configured; it is guessed for known providers.
/// </summary>
public sealed class OptimadeClient : IEntryProvider
{
    /// <summary>Environment variable naming the formation-energy field when <c>--field</c> is not given.</summary>
    public const string FieldVariable = "INTERPHASE_OPTIMADE_FIELD";

    private static readonly (string HostPart, string Field)[] KnownFields =
    [
        ("oqmd", "_oqmd_delta_e"),
        ("alexandria", "_alexandria_formation_energy_per_atom"),
        ("materialsproject", "_mp_formation_energy_per_atom"),
    ];

    private readonly HttpJsonFetcher _fetcher;
    private readonly string _structuresUrl;

    /// <summary>Creates a client.</summary>
    /// <param name="baseUrl">The provider's base URL (with or without the trailing <c>/v1</c>).</param>
    /// <param name="field">The formation-energy field (eV/atom); null for <c>INTERPHASE_OPTIMADE_FIELD</c> or a known provider's field.</param>
    /// <param name="http">HTTP client; null for a shared default.</param>
    /// <param name="retry">Retry policy.</param>
    /// <param name="pageLimit">Structures per page requested.</param>
    /// <param name="limits">Pages, entries, bytes and time-outs; null for <see cref="PullLimits.FromEnvironment"/>.</param>
    /// <exception cref="InterphaseException">Invalid URL, or no field given for an unknown provider.</exception>
    public OptimadeClient(string baseUrl, string? field = null, HttpClient? http = null, RetryPolicy? retry = null, int pageLimit = 100,
        PullLimits? limits = null)
    {
        if (pageLimit < 1) throw new InterphaseException($"page limit {pageLimit} must be at least 1");
        BaseUrl = OnlineUrls.Resolve(baseUrl, null, baseUrl);
        _structuresUrl = (BaseUrl.EndsWith("/v1", StringComparison.Ordinal) ? BaseUrl : BaseUrl + "/v1") + "/structures";
        string host = OnlineUrls.Host(BaseUrl);
        Field = field ?? (Environment.GetEnvironmentVariable(FieldVariable) is { Length: > 0 } env ? env : null)
            ?? KnownFields.FirstOrDefault(k => host.Contains(k.HostPart, StringComparison.Ordinal)).Field
            ?? throw new InterphaseException(
                $"OPTIMADE provider {host}: which property holds the formation energy (eV/atom)? Pass --field NAME (e.g. _oqmd_delta_e) or set {FieldVariable}");
        PageLimit = pageLimit;
        SourceName = "optimade:" + host;
        _fetcher = new HttpJsonFetcher(http, $"the OPTIMADE provider {host}", retry, limits);
    }

    /// <inheritdoc />
    public string SourceName { get; }

    /// <inheritdoc />
    public string BaseUrl { get; }

    /// <summary>The formation-energy field read from each structure's attributes.</summary>
    public string Field { get; }

    /// <summary>Structures per page requested.</summary>
    public int PageLimit { get; }

    /// <summary>True when the last fetch had to fall back to one query per sub-system.</summary>
    public bool UsedSubsystemFallback { get; private set; }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Entry>> FetchAsync(IReadOnlyList<Element> system, IProgress<PullProgress>? progress = null, CancellationToken ct = default)
    {
        var state = new FetchState(ChemicalSystem.Of(system), progress, ChemicalSystem.Of(system).ToString())
        {
            Budget = new PullBudget(_fetcher.Limits, _fetcher.Service),
        };
        string hasOnly = $"elements HAS ONLY {Quoted(system.Select(e => e.Symbol))}";
        UsedSubsystemFallback = false;
        if (await FetchAllPages(FirstUrl(hasOnly), state, allowUnsupported: true, ct).ConfigureAwait(false))
            return state.Entries;
        UsedSubsystemFallback = true;
        state.Entries.Clear();
        foreach (var key in ChemicalSystem.Of(system).SubsystemKeys())
        {
            var els = key.Split('-');
            await FetchAllPages(FirstUrl($"elements HAS ALL {Quoted(els)} AND nelements={els.Length}"), state, allowUnsupported: false, ct).ConfigureAwait(false);
        }
        return state.Entries;
    }

    private sealed record FetchState(ChemicalSystem System, IProgress<PullProgress>? Progress, string Key)
    {
        public List<Entry> Entries { get; } = [];
        public int Requests { get; set; }
        public PullBudget? Budget { get; set; }
    }

    private string FirstUrl(string filter) =>
        $"{_structuresUrl}?filter={Uri.EscapeDataString(filter)}" +
        $"&response_fields={Uri.EscapeDataString("chemical_formula_reduced,elements," + Field)}&page_limit={PageLimit}";

    private static string Quoted(IEnumerable<string> symbols) => string.Join(',', symbols.Select(s => $"\"{s}\""));

    // Returns false when the provider rejects the filter as unsupported (first page only).
    private async Task<bool> FetchAllPages(string url, FetchState state, bool allowUnsupported, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool first = true;
        string? next = url;
        while (next is not null)
        {
            if (!seen.Add(next)) throw new OnlineSourceException($"the OPTIMADE provider's paging loops back to {next}");
            var (doc, status) = await _fetcher.GetAsync(next, null, ct, acceptClientErrors: true, state.Budget).ConfigureAwait(false);
            using (doc)
            {
                if ((int)status >= 400)
                {
                    if (first && allowUnsupported && status is HttpStatusCode.BadRequest or HttpStatusCode.NotImplemented) return false;
                    throw new OnlineSourceException($"the OPTIMADE provider answered HTTP {(int)status} to {next}: {ErrorDetail(doc.RootElement)}");
                }
                var root = doc.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
                    throw new OnlineSourceException($"malformed response from the OPTIMADE provider ({next}): no 'data' list");
                state.Budget!.NewPage(data, next);
                int i = 0;
                foreach (var d in data.EnumerateArray())
                {
                    i++;
                    if (Read(d, next, i) is { } e && e.Composition.ChemicalSystem.IsSubsetOf(state.System)) state.Entries.Add(e);
                }
                int? available = root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                    && meta.TryGetProperty("data_available", out var da) ? state.Budget.Count(da, "meta.data_available", next) : null;
                state.Requests++;
                state.Budget.Entries(state.Entries.Count);
                state.Progress?.Report(new PullProgress(state.Requests, state.Entries.Count, available, $"OPTIMADE {state.Key}"));
                next = NextLink(root, data.GetArrayLength(), next);
            }
            first = false;
        }
        return true;
    }

    // The next page must be an http(s) address on the provider's own host (relative links are resolved against the page).
    private string? NextLink(JsonElement root, int returned, string current)
    {
        string? link = LinkText(root, returned);
        if (link is null) return null;
        if (!Uri.TryCreate(new Uri(current), link, out var next) || next.Scheme is not ("http" or "https"))
            throw new OnlineSourceException($"malformed response from the OPTIMADE provider ({current}): links.next '{Interphase.Quoted.Cap(link)}' is not an http(s) address");
        var origin = new Uri(BaseUrl);
        if (!string.Equals(next.Host, origin.Host, StringComparison.OrdinalIgnoreCase) || next.Port != origin.Port)
            throw new OnlineSourceException($"the OPTIMADE provider's links.next points to another host ({next.Authority}); not followed");
        return next.AbsoluteUri;
    }

    private static string? LinkText(JsonElement root, int returned)
    {
        if (returned == 0) return null;
        if (!root.TryGetProperty("links", out var links) || links.ValueKind != JsonValueKind.Object || !links.TryGetProperty("next", out var next))
            return null;
        return next.ValueKind switch
        {
            JsonValueKind.String => next.GetString(),
            JsonValueKind.Object when next.TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String => href.GetString(),
            _ => null,
        };
    }

    private Entry? Read(JsonElement d, string url, int index)
    {
        string where = $"malformed response from the OPTIMADE provider ({url}), structure {index}";
        if (d.ValueKind != JsonValueKind.Object || !d.TryGetProperty("attributes", out var a) || a.ValueKind != JsonValueKind.Object)
            throw new OnlineSourceException($"{where}: no 'attributes' object");
        if (OnlineEntryFields.Energy(a, Field, where) is not { } energy) return null; // this structure has no formation energy
        var comp = OnlineEntryFields.Formula(a, "chemical_formula_reduced", where);
        string? id = d.TryGetProperty("id", out var idEl) ? PymatgenEntryReader.Text(idEl) : null;
        return Entry.FromEnergyPerAtom(comp, energy, new Provenance(SourceName, id, EnergyBasis.Formation, null, Field));
    }

    private static string ErrorDetail(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out var errs) && errs.ValueKind == JsonValueKind.Array)
            return string.Join("; ", errs.EnumerateArray().Select(x =>
                x.ValueKind == JsonValueKind.Object && x.TryGetProperty("detail", out var det) ? det.ToString()
                : x.ValueKind == JsonValueKind.Object && x.TryGetProperty("title", out var t) ? t.ToString() : x.ToString()));
        return root.ToString().Length > 200 ? root.ToString()[..200] : root.ToString();
    }
}
