using System.Globalization;
using System.Text.Json;
using Interphase.Chemistry;
using Interphase.Properties;

namespace Interphase.Data.Online;

/// <summary>
/// Materials Project (next-generation API, api.materialsproject.org): <c>GET /materials/thermo/</c> with every
/// sub-system of the requested system in one comma-separated <c>chemsys</c> list, one <c>thermo_types</c>, only the
/// needed <c>_fields</c>, and <c>_skip</c>/<c>_limit</c> paging. The key (env <c>MP_API_KEY</c>) is sent as
/// the <c>X-API-KEY</c> header.
/// </summary>
public sealed class MaterialsProjectClient : IEntryProvider, IPropertyProvider
{
    /// <summary>Default base URL.</summary>
    public const string DefaultBaseUrl = "https://api.materialsproject.org";

    /// <summary>Environment variable overriding the base URL.</summary>
    public const string UrlVariable = "INTERPHASE_MP_URL";

    /// <summary>Environment variable holding the API key.</summary>
    public const string KeyVariable = "MP_API_KEY";

    private readonly HttpJsonFetcher _fetcher;
    private readonly string _apiKey;

    /// <summary>Creates a client.</summary>
    /// <param name="apiKey">API key; null to read <c>MP_API_KEY</c>.</param>
    /// <param name="baseUrl">Base URL; null for <c>INTERPHASE_MP_URL</c> or <see cref="DefaultBaseUrl"/>.</param>
    /// <param name="field">Energy field (see <see cref="MaterialsProjectJson.BasisOf"/>).</param>
    /// <param name="thermoType">MP thermo type: GGA_GGA+U (default), R2SCAN or GGA_GGA+U_R2SCAN.</param>
    /// <param name="http">HTTP client; null for a shared default.</param>
    /// <param name="retry">Retry policy.</param>
    /// <param name="pageSize">Documents per page.</param>
    /// <param name="limits">Pages, entries, bytes and time-outs; null for <see cref="PullLimits.FromEnvironment"/>.</param>
    /// <param name="fetchProperties">Also fetch band gaps, densities (summary) and elastic moduli (elasticity) in a pull.</param>
    /// <param name="maxPages">Most pages fetched per endpoint before giving up (property fetches).</param>
    /// <exception cref="InterphaseException">No API key, a key with characters a key cannot have, or an unknown field.</exception>
    public MaterialsProjectClient(string? apiKey = null, string? baseUrl = null, string field = MaterialsProjectJson.FormationField,
        string thermoType = "GGA_GGA+U", HttpClient? http = null, RetryPolicy? retry = null, int pageSize = 1000, PullLimits? limits = null,
        bool fetchProperties = false, int maxPages = 200)
    {
        FetchProperties = fetchProperties;
        MaxPages = maxPages > 0 ? maxPages : throw new InterphaseException($"page cap {maxPages} must be positive");
        _apiKey = apiKey ?? Environment.GetEnvironmentVariable(KeyVariable) ?? "";
        if (string.IsNullOrWhiteSpace(_apiKey))
            throw new InterphaseException($"the Materials Project needs an API key: set {KeyVariable} (your key is on https://next-gen.materialsproject.org/api), or pull without a key from OQMD (--source oqmd) or an OPTIMADE provider (--source optimade:BASE_URL)");
        ValidateKey(_apiKey);
        MaterialsProjectJson.BasisOf(field);
        Field = field;
        ThermoType = thermoType;
        BaseUrl = OnlineUrls.Resolve(baseUrl, UrlVariable, DefaultBaseUrl);
        PageSize = pageSize;
        if (pageSize < 1) throw new InterphaseException($"page size {pageSize} must be at least 1");
        _fetcher = new HttpJsonFetcher(http, "the Materials Project", retry, limits, [_apiKey]);
    }

    /// <summary>Longest API key accepted (Materials Project keys are 32 characters).</summary>
    public const int MaxKeyLength = 256;

    // A key goes into an HTTP header: a line break would inject headers, and non-ASCII cannot be sent. The key itself
    // is never printed.
    private static void ValidateKey(string key)
    {
        if (key.Length > MaxKeyLength)
            throw new InterphaseException($"{KeyVariable} is {key.Length:N0} characters long, not an API key (at most {MaxKeyLength}); copy the key again");
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (c is >= '!' and <= '~') continue;
            string what = c switch
            {
                '\r' or '\n' => "a line break",
                ' ' or '\t' => "a space",
                < ' ' or '\u007f' => "a control character",
                _ => "a non-ASCII character",
            };
            throw new InterphaseException($"{KeyVariable} contains {what} at position {i + 1}, which an API key cannot have; copy the key again");
        }
    }

    /// <inheritdoc />
    public string SourceName => "mp";

    /// <inheritdoc />
    public string BaseUrl { get; }

    /// <summary>The energy field stored.</summary>
    public string Field { get; }

    /// <summary>The thermo type requested.</summary>
    public string ThermoType { get; }

    /// <summary>Documents per page.</summary>
    public int PageSize { get; }

    /// <summary>Whether a pull also fetches band gaps, densities and elastic moduli.</summary>
    public bool FetchProperties { get; }

    /// <summary>Most pages fetched per endpoint by <see cref="FetchPropertiesAsync"/>.</summary>
    public int MaxPages { get; }

    /// <inheritdoc />
    /// <remarks>Two endpoints over every sub-system: <c>/materials/summary/</c> (band gap, density) and
    /// <c>/materials/elasticity/</c> (VRH moduli); the values carry the <c>material_id</c> of the thermo entries.</remarks>
    /// <param name="system">The chemical system (its sub-systems are included), or null for every material.</param>
    /// <param name="progress">Progress reports.</param>
    /// <param name="ct">Cancels the pull.</param>
    public async Task<IReadOnlyList<PropertyRecord>> FetchPropertiesAsync(IReadOnlyList<Element>? system, IProgress<PullProgress>? progress = null,
        CancellationToken ct = default)
    {
        string filter = system is null ? "" : $"chemsys={Uri.EscapeDataString(string.Join(',', ChemicalSystem.Of(system).SubsystemKeys()))}&";
        string label = system is null ? "every material" : ChemicalSystem.Of(system).ToString();
        var headers = new Dictionary<string, string> { ["X-API-KEY"] = _apiKey };
        var values = new List<PropertyRecord>();
        // the property pages count toward the same byte and entry caps as the energies
        var budget = new PullBudget(_fetcher.Limits, "the Materials Project");
        int requests = 0;
        foreach (var (endpoint, fields, read) in new (string, string[], Func<JsonElement, string, IEnumerable<PropertyRecord>>)[]
                 {
                     ("summary", MaterialsProjectProperties.SummaryFields, MaterialsProjectProperties.ReadSummary),
                     ("elasticity", MaterialsProjectProperties.ElasticityFields, MaterialsProjectProperties.ReadElasticity),
                 })
        {
            string url = $"{BaseUrl}/materials/{endpoint}/?{filter}_fields={string.Join(',', fields)}";
            await MaterialsProjectPaging.FetchAllAsync(_fetcher, headers, url, PageSize, MaxPages, budget, (d, pageUrl, index) =>
            {
                try
                {
                    values.AddRange(read(d, SourceName));
                }
                catch (Exception ex) when (ex is FormatException or InterphaseException or InvalidOperationException)
                {
                    throw new OnlineSourceException($"malformed response from the Materials Project ({pageUrl}), document {index}: {ex.Message}", ex);
                }
            }, (count, total) =>
            {
                requests++;
                progress?.Report(new PullProgress(requests, values.Count, null, $"Materials Project {endpoint} {label}"));
            }, ct).ConfigureAwait(false);
        }
        return values;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Entry>> FetchAsync(IReadOnlyList<Element> system, IProgress<PullProgress>? progress = null, CancellationToken ct = default) =>
        FetchEntriesAsync(system ?? throw new ArgumentNullException(nameof(system)), progress, ct);

    /// <summary>
    /// Every entry of the Materials Project's thermo collection for <see cref="ThermoType"/> (all pages, within the
    /// pull limits): what a screen of every Li compound needs, with the Li-free phases that close their hulls.
    /// </summary>
    public Task<IReadOnlyList<Entry>> FetchEverythingAsync(IProgress<PullProgress>? progress = null, CancellationToken ct = default) =>
        FetchEntriesAsync(null, progress, ct);

    private async Task<IReadOnlyList<Entry>> FetchEntriesAsync(IReadOnlyList<Element>? system, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        try
        {
            return await FetchPagesAsync(system, progress, ct).ConfigureAwait(false);
        }
        catch (InterphaseException ex) when (ex is not OnlineSourceException && ex.Message.Contains(_apiKey, StringComparison.Ordinal))
        {
            throw new OnlineSourceException(_fetcher.Redact(ex.Message));
        }
    }

    private async Task<IReadOnlyList<Entry>> FetchPagesAsync(IReadOnlyList<Element>? system, IProgress<PullProgress>? progress, CancellationToken ct)
    {
        var budget = new PullBudget(_fetcher.Limits, "the Materials Project");
        string filter = system is null ? "" : $"chemsys={Uri.EscapeDataString(string.Join(',', ChemicalSystem.Of(system).SubsystemKeys()))}&";
        string label = system is null ? "every material" : ChemicalSystem.Of(system).ToString();
        var headers = new Dictionary<string, string> { ["X-API-KEY"] = _apiKey };
        var entries = new List<Entry>();
        int requests = 0;
        string url = $"{BaseUrl}/materials/thermo/?{filter}thermo_types={Uri.EscapeDataString(ThermoType)}&_fields={string.Join(',', MaterialsProjectJson.RequestedFields)}";
        // no page cap of its own: the pull's budget caps pages, entries and bytes
        await MaterialsProjectPaging.FetchAllAsync(_fetcher, headers, url, PageSize, maxPages: null, budget, (d, pageUrl, index) =>
        {
            try
            {
                entries.Add(MaterialsProjectJson.Read(d, SourceName, Field));
            }
            catch (Exception ex) when (ex is FormatException or InterphaseException or InvalidOperationException)
            {
                throw new OnlineSourceException(_fetcher.Redact($"malformed response from the Materials Project ({pageUrl}), document {index}: {ex.Message}"), ex);
            }
        }, (count, total) =>
        {
            requests++;
            budget.Entries(entries.Count);
            progress?.Report(new PullProgress(requests, entries.Count, total, $"Materials Project {label}"));
        }, ct).ConfigureAwait(false);
        return entries;
    }
}

/// <summary>Base-URL resolution shared by the clients.</summary>
internal static class OnlineUrls
{
    public static string Resolve(string? explicitUrl, string? variable, string fallback)
    {
        string url = !string.IsNullOrWhiteSpace(explicitUrl) ? explicitUrl
            : variable is not null && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } env ? env
            : fallback;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new InterphaseException($"invalid base URL '{url}' (expected http:// or https://)");
        return url.TrimEnd('/');
    }

    public static string Host(string url) => new Uri(url).Authority.ToLower(CultureInfo.InvariantCulture);
}
