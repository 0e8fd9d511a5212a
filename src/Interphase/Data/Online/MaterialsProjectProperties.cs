using System.Globalization;
using System.Text.Json;
using Interphase.Chemistry;
using Interphase.Properties;

namespace Interphase.Data.Online;

/// <summary>An online database that also returns material properties (band gaps, densities, elastic moduli).</summary>
internal interface IPropertyProvider
{
    /// <summary>Fetches the property values of every material whose elements are a subset of <paramref name="system"/>
    /// (all pages, capped). Nothing is written anywhere.</summary>
    /// <exception cref="OnlineSourceException">Network, key or response problems, or more pages than the cap.</exception>
    Task<IReadOnlyList<PropertyRecord>> FetchPropertiesAsync(IReadOnlyList<Element> system, IProgress<PullProgress>? progress = null, CancellationToken ct = default);
}

/// <summary>
/// Maps Materials Project documents of the <c>/materials/summary/</c> endpoint (<c>band_gap</c> eV, <c>density</c>
/// g/cm³) and the <c>/materials/elasticity/</c> endpoint (<c>shear_modulus</c> and <c>bulk_modulus</c> objects with
/// <c>voigt</c>, <c>reuss</c> and <c>vrh</c> in GPa; the Voigt–Reuss–Hill average is stored) to property values
/// keyed by <c>material_id</c>, so they link to the thermo entries of the same pull.
/// </summary>
internal static class MaterialsProjectProperties
{
    /// <summary>Fields requested from the summary endpoint.</summary>
    public static readonly string[] SummaryFields = ["material_id", "formula_pretty", "composition", "band_gap", "density"];

    /// <summary>Fields requested from the elasticity endpoint.</summary>
    public static readonly string[] ElasticityFields = ["material_id", "formula_pretty", "composition", "shear_modulus", "bulk_modulus"];

    /// <summary>Values of one summary document (band gap, density; absent or null fields are skipped).</summary>
    /// <exception cref="FormatException">No formula, or a value that is not a number or not physical.</exception>
    public static IEnumerable<PropertyRecord> ReadSummary(JsonElement doc, string source) =>
        Read(doc, source, [("band_gap", MaterialProperty.BandGap, "GGA/GGA+U (MP summary)"), ("density", MaterialProperty.Density, null)]);

    /// <summary>Values of one elasticity document (VRH shear and bulk modulus).</summary>
    /// <exception cref="FormatException">No formula, or a modulus that is not a number or not positive.</exception>
    public static IEnumerable<PropertyRecord> ReadElasticity(JsonElement doc, string source) =>
        Read(doc, source, [("shear_modulus", MaterialProperty.ShearModulus, "VRH"), ("bulk_modulus", MaterialProperty.BulkModulus, "VRH")]);

    private static List<PropertyRecord> Read(JsonElement doc, string source, (string Field, MaterialProperty Property, string? Method)[] fields)
    {
        if (doc.ValueKind != JsonValueKind.Object) throw new FormatException("expected a document object");
        string? id = doc.TryGetProperty("material_id", out var idEl) ? PymatgenEntryReader.Text(idEl) : null;
        Composition comp;
        if (doc.TryGetProperty("composition", out var c) && c.ValueKind == JsonValueKind.Object)
            comp = PymatgenEntryReader.ReadComposition(c);
        else if (doc.TryGetProperty("formula_pretty", out var f) && f.ValueKind == JsonValueKind.String && FormulaParser.TryParse(f.GetString()!, out var parsed, out _))
            comp = parsed!;
        else
            throw new FormatException($"document {id ?? "?"} has neither 'composition' nor a valid 'formula_pretty'");
        var list = new List<PropertyRecord>(2);
        foreach (var (field, property, method) in fields)
        {
            if (!doc.TryGetProperty(field, out var v) || v.ValueKind == JsonValueKind.Null) continue;
            if (v.ValueKind == JsonValueKind.Object)
            {
                // Elastic moduli: {"voigt": …, "reuss": …, "vrh": …}; older documents wrote k_vrh/g_vrh beside them.
                if (!v.TryGetProperty("vrh", out v) || v.ValueKind == JsonValueKind.Null) continue;
            }
            if (v.ValueKind != JsonValueKind.Number)
                throw new FormatException($"document {id ?? "?"}: '{field}' is not a number");
            double value = v.GetDouble();
            if (MaterialProperties.Problem(property, value) is { } problem)
                throw new FormatException($"document {id ?? "?"}: {problem}");
            list.Add(new PropertyRecord(comp.FullFormula, comp.ReducedFormula, property, value, source, id, null, method));
        }
        return list;
    }
}

/// <summary>Paging shared by the property fetches: <c>_skip</c>/<c>_limit</c> until a short page or <c>meta.total_doc</c>,
/// with a cap on the number of pages.</summary>
internal static class MaterialsProjectPaging
{
    public static async Task FetchAllAsync(HttpJsonFetcher fetcher, IReadOnlyDictionary<string, string> headers, string urlWithoutPaging,
        int pageSize, int maxPages, PullBudget budget, Action<JsonElement, string, int> onDocument, Action<int, int?>? onPage, CancellationToken ct)
    {
        int? total = null;
        for (int page = 0, skip = 0; ; page++, skip += pageSize)
        {
            if (page >= maxPages)
                throw new OnlineSourceException(
                    $"the Materials Project returned more than {maxPages} pages of {pageSize} documents for {urlWithoutPaging}; stopped (narrow the chemical system)");
            string url = $"{urlWithoutPaging}&_skip={skip.ToString(CultureInfo.InvariantCulture)}&_limit={pageSize.ToString(CultureInfo.InvariantCulture)}";
            var (doc, _) = await fetcher.GetAsync(url, headers, ct, acceptClientErrors: false, budget).ConfigureAwait(false);
            int count;
            using (doc)
            {
                var root = doc.RootElement;
                if (!MaterialsProjectJson.IsApiResponse(root))
                    throw new OnlineSourceException($"malformed response from the Materials Project ({url}): no 'data' list");
                if (root.TryGetProperty("meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                    && meta.TryGetProperty("total_doc", out var td))
                    total = budget.Count(td, "meta.total_doc", url);
                var data = root.GetProperty("data");
                count = data.GetArrayLength();
                int i = 0;
                foreach (var d in data.EnumerateArray()) onDocument(d, url, skip + ++i);
            }
            onPage?.Invoke(count, total);
            if (count == 0 || count < pageSize || (total is { } tot && skip + count >= tot)) return;
        }
    }
}
