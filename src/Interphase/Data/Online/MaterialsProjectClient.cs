using System.Globalization;
using System.Text.Json;
using Interphase.Chemistry;

namespace Interphase.Data.Online;

/// <summary>
/// Materials Project (next-generation API, api.materialsproject.org): <c>GET /materials/thermo/</c> with every
/// sub-system of the requested system in one comma-separated <c>chemsys</c> list, one <c>thermo_types</c>, only the
/// needed <c>_fields</c>, and <c>_skip</c>/<c>_limit</c> paging. The key (env <c>MP_API_KEY</c>) is sent as
/// the <c>X-API-KEY</c> header.
/// </summary>
public sealed class MaterialsProjectClient : IEntryProvider
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
    /// <exception cref="InterphaseException">No API key, or an unknown field.</exception>
    public MaterialsProjectClient(string? apiKey = null, string? baseUrl = null, string field = MaterialsProjectJson.FormationField,
        string thermoType = "GGA_GGA+U", HttpClient? http = null, RetryPolicy? retry = null, int pageSize = 1000)
    {
        _apiKey = apiKey ?? Environment.GetEnvironmentVariable(KeyVariable) ?? "";
        if (string.IsNullOrWhiteSpace(_apiKey))
            throw new InterphaseException($"the Materials Project needs an API key: set {KeyVariable} (your key is on https://next-gen.materialsproject.org/api)");
        MaterialsProjectJson.BasisOf(field);
        Field = field;
        ThermoType = thermoType;
        BaseUrl = OnlineUrls.Resolve(baseUrl, UrlVariable, DefaultBaseUrl);
        PageSize = pageSize;
        _fetcher = new HttpJsonFetcher(http, "the Materials Project", retry);
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

    /// <inheritdoc />
    public async Task<IReadOnlyList<Entry>> FetchAsync(IReadOnlyList<Element> system, IProgress<PullProgress>? progress = null, CancellationToken ct = default)
    {
        string chemsys = string.Join(',', ChemicalSystem.Of(system).SubsystemKeys());
        var headers = new Dictionary<string, string> { ["X-API-KEY"] = _apiKey };
        var entries = new List<Entry>();
        int? total = null;
        int requests = 0;
        for (int skip = 0; ; skip += PageSize)
        {
            string url = $"{BaseUrl}/materials/thermo/?chemsys={Uri.EscapeDataString(chemsys)}&thermo_types={Uri.EscapeDataString(ThermoType)}" +
                         $"&_fields={string.Join(',', MaterialsProjectJson.RequestedFields)}&_skip={skip}&_limit={PageSize}";
            var (doc, _) = await _fetcher.GetAsync(url, headers, ct).ConfigureAwait(false);
            int count;
            using (doc)
            {
                var root = doc.RootElement;
                if (!MaterialsProjectJson.IsApiResponse(root))
                    throw new OnlineSourceException($"malformed response from the Materials Project ({url}): no 'data' list");
                if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                    && meta.TryGetProperty("total_doc", out var td) && td.ValueKind == JsonValueKind.Number)
                    total = td.GetInt32();
                var data = root.GetProperty("data");
                count = data.GetArrayLength();
                int i = 0;
                foreach (var d in data.EnumerateArray())
                {
                    i++;
                    try
                    {
                        entries.Add(MaterialsProjectJson.Read(d, SourceName, Field));
                    }
                    catch (Exception ex) when (ex is FormatException or InterphaseException or InvalidOperationException)
                    {
                        throw new OnlineSourceException($"malformed response from the Materials Project ({url}), document {skip + i}: {ex.Message}", ex);
                    }
                }
            }
            requests++;
            progress?.Report(new PullProgress(requests, entries.Count, total, $"Materials Project {ChemicalSystem.Of(system)}"));
            if (count < PageSize || (total is { } t && skip + count >= t) || count == 0) break;
        }
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
