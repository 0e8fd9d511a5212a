namespace Interphase.Knowledge;

/// <summary>A full-text search hit.</summary>
/// <param name="Kind"><c>material</c>, <c>interface</c>, <c>cell</c> or <c>product</c>.</param>
/// <param name="Id">Id of the record (material id, interface id, cell id, product formula).</param>
/// <param name="Title">One-line description.</param>
/// <param name="Citation">Source of the record.</param>
public sealed record SearchHit(string Kind, string Id, string Title, string Citation);

/// <summary>
/// The curated knowledge base written from the five seed reviews: materials (solid electrolytes, electrodes,
/// coatings) with cited property values, interface records, cell results and the product-character table.
/// </summary>
public sealed class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> Cached = new(() => KnowledgeLoader.Load(KnowledgeLoader.EmbeddedFiles()));
    private readonly Dictionary<string, Material> _byName = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, IReadOnlyList<DataFlag>> _productFlags;

    /// <summary>The families electrolytes are grouped into.</summary>
    public static IReadOnlyList<string> Families { get; } =
        ["garnet", "sulfide", "halide", "NASICON", "perovskite", "hydride", "polymer", "oxynitride", "antiperovskite", "nitride", "oxide", "composite"];

    internal KnowledgeBase(IReadOnlyList<Material> materials, IReadOnlyList<InterfaceRecord> interfaces, IReadOnlyList<CellResult> cells,
        ProductCharacterTable products, IReadOnlyDictionary<string, IReadOnlyList<DataFlag>> productFlags)
    {
        Materials = materials;
        Interfaces = interfaces;
        Cells = cells;
        Products = products;
        _productFlags = productFlags;
        foreach (var m in materials)
            foreach (var n in new[] { m.Id, m.Name, m.Formula }.Concat(m.Aliases))
                if (!string.IsNullOrWhiteSpace(n))
                    _byName.TryAdd(NameKey(n), m); // first material listed owns a shared alias
        foreach (var r in interfaces.Where(r => r.MaterialId is not null))
            if (!_byName.ContainsKey(NameKey(r.MaterialId!)))
                throw new KnowledgeDataException("interfaces", r.Id, $"material '{r.MaterialId}' is not a known material");
    }

    /// <summary>The knowledge base embedded in the library (parsed once, then cached).</summary>
    public static KnowledgeBase Load() => Cached.Value;

    /// <summary>Materials in file order.</summary>
    public IReadOnlyList<Material> Materials { get; }

    /// <summary>Interface records (table rows, before/after resistances, CCDs, stack-pressure observations).</summary>
    public IReadOnlyList<InterfaceRecord> Interfaces { get; }

    /// <summary>Cell results (rows of the reviews' cell tables).</summary>
    public IReadOnlyList<CellResult> Cells { get; }

    /// <summary>The product-character table (implements <see cref="IProductCharacterSource"/>).</summary>
    public ProductCharacterTable Products { get; }

    /// <summary>Flags recorded on an explicit product entry (empty when none).</summary>
    public IReadOnlyList<DataFlag> ProductFlags(string formula) => _productFlags.GetValueOrDefault(formula) ?? [];

    /// <summary>Finds a material by id, name, formula or alias (case-, space- and subscript-insensitive); null when unknown.</summary>
    public Material? FindMaterial(string name) => _byName.GetValueOrDefault(NameKey(name));

    /// <summary>Finds a material or throws <see cref="InterphaseException"/> naming close matches.</summary>
    public Material GetMaterial(string name)
    {
        var m = FindMaterial(name);
        if (m is not null) return m;
        var close = Suggest(name);
        var hint = close.Count > 0 ? $"; did you mean {string.Join(", ", close)}?" : "; see 'kb materials'";
        throw new InterphaseException($"unknown material '{name}'{hint}");
    }

    /// <summary>Up to five known names closest to <paramref name="name"/> (edit distance, then substring).</summary>
    public IReadOnlyList<string> Suggest(string name)
    {
        var key = NameKey(name);
        var names = Materials.SelectMany(m => new[] { m.Id, m.Name }.Concat(m.Aliases)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return names
            .Select(n => (n, d: Distance(key, NameKey(n))))
            .Where(x => x.d <= Math.Max(2, key.Length / 3) || NameKey(x.n).Contains(key, StringComparison.Ordinal) || (key.Length >= 3 && key.Contains(NameKey(x.n), StringComparison.Ordinal)))
            .OrderBy(x => x.d).ThenBy(x => x.n, StringComparer.Ordinal)
            .Select(x => x.n).Take(5).ToList();
    }

    /// <summary>Materials of a family (case-insensitive, e.g. <c>garnet</c>, <c>sulfide</c>); all when null.</summary>
    public IEnumerable<Material> MaterialsInFamily(string? family) =>
        family is null ? Materials : Materials.Where(m => string.Equals(m.Family, family, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="text"/> names a family of some material or interface record.</summary>
    public bool IsFamily(string text) =>
        Materials.Any(m => string.Equals(m.Family, text, StringComparison.OrdinalIgnoreCase))
        || Interfaces.Any(r => string.Equals(r.ElectrolyteFamily, text, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Interface records for an electrolyte family (<c>garnet</c>) or a material (<c>LLZO</c>, <c>LGPS</c>); all when null.
    /// Throws <see cref="InterphaseException"/> when the name is neither.
    /// </summary>
    public IEnumerable<InterfaceRecord> InterfacesFor(string? electrolyte)
    {
        if (electrolyte is null) return Interfaces;
        if (IsFamily(electrolyte))
            return Interfaces.Where(r => string.Equals(r.ElectrolyteFamily, electrolyte, StringComparison.OrdinalIgnoreCase));
        var m = GetMaterial(electrolyte);
        var names = new[] { m.Id, m.Name, m.Formula }.Concat(m.Aliases).Where(n => !string.IsNullOrEmpty(n)).Select(n => NameKey(n!)).ToHashSet();
        return Interfaces.Where(r => r.MaterialId == m.Id || names.Contains(NameKey(r.Electrolyte)));
    }

    /// <summary>
    /// Full-text search over materials (names, aliases, family, property statements, products), interface records,
    /// cell results and product entries. Every whitespace-separated term must occur (case-insensitive).
    /// </summary>
    public IReadOnlyList<SearchHit> Search(string text)
    {
        var terms = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(NameKey).ToArray();
        if (terms.Length == 0) throw new InterphaseException("search text is empty");
        bool Hit(IEnumerable<string?> fields)
        {
            var hay = NameKey(string.Join(" | ", fields.Where(f => f is not null)));
            return terms.All(t => hay.Contains(t, StringComparison.Ordinal));
        }
        var hits = new List<SearchHit>();
        foreach (var m in Materials)
        {
            var fields = new[] { m.Id, m.Name, m.Formula, m.Family, m.Role }.Concat(m.Aliases)
                .Concat(m.Properties.SelectMany(p => new[] { p.Property, p.Text, p.Quantity?.Text, p.Conditions.Method }.Concat(p.Products)));
            if (Hit(fields)) hits.Add(new SearchHit("material", m.Id, $"{m.Name} ({m.Family} {m.Role})", m.Properties.FirstOrDefault()?.Citation.ToString() ?? ""));
        }
        foreach (var r in Interfaces)
            if (Hit([r.Id, r.Category, r.Electrolyte, r.ElectrolyteFamily, r.Electrode, r.Treatment, r.Interlayer, r.Assembly, r.Performance, r.Asr?.Text, r.AsrBefore?.Text]))
                hits.Add(new SearchHit("interface", r.Id, $"{r.Electrode} | {r.Interlayer ?? r.Treatment ?? "-"} | {r.Electrolyte}", r.Citation.ToString()));
        foreach (var c in Cells)
            if (Hit([c.Id, c.Anode, c.Electrolyte, c.Cathode, c.Conditions.Temperature, c.Reference]))
                hits.Add(new SearchHit("cell", c.Id, $"{c.Anode} | {c.Electrolyte} | {c.Cathode}", c.Citation.ToString()));
        foreach (var p in Products.Entries)
            if (Hit([p.Formula, p.Reason, p.Electronic.ToString()]))
                hits.Add(new SearchHit("product", p.Formula, $"{p.Formula}: {p.Electronic.ToString().ToLowerInvariant()}, {p.Reason}", p.Citation));
        return hits;
    }

    /// <summary>Name key: lower case without spaces, dashes, dots or subscript formatting.</summary>
    internal static string NameKey(string name)
    {
        var chars = name.Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c is not '_' and not '-' and not '–' and not '·' and not '{' and not '}' and not '$');
        return new string(chars.ToArray()).ToLowerInvariant();
    }

    // Optimal-string-alignment distance: typos such as swapped letters (LLOZ) count as one edit.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
