namespace Interphase.Knowledge;

/// <summary>A class rule of the product-character table (e.g. "Li–M binary alloys are conducting").</summary>
/// <param name="Name">Rule name.</param>
/// <param name="Kind"><c>element</c>, <c>li_binary</c>, <c>binary</c> or <c>oxide</c>.</param>
/// <param name="Elements">Elements the rule applies to (the metal M, or the anion of a Li salt).</param>
/// <param name="Partners">For <c>binary</c>: the partner element(s) (e.g. S for sulfides).</param>
/// <param name="Oxidation">For <c>oxide</c>: <c>at_max</c> (fully oxidised) or <c>below_max</c> (reduced).</param>
/// <param name="MaxOxidation">For <c>oxide</c>: highest oxidation state of each allowed cation.</param>
/// <param name="Electronic">Character the rule assigns.</param>
/// <param name="Ionic">Li+ conduction the rule assigns, or null.</param>
/// <param name="Reason">Why.</param>
/// <param name="Citation">Source.</param>
public sealed record ProductRule(
    string Name, string Kind, IReadOnlySet<string> Elements, IReadOnlySet<string> Partners, string? Oxidation,
    IReadOnlyDictionary<string, double> MaxOxidation, ElectronicCharacter Electronic, bool? Ionic, string Reason, Citation Citation)
{
    /// <summary>True when the rule covers a compound with these element amounts.</summary>
    public bool Matches(IReadOnlyDictionary<string, double> counts)
    {
        switch (Kind)
        {
            case "element":
                return counts.Count == 1 && Elements.Contains(counts.Keys.First());
            case "li_binary":
                return counts.Count == 2 && counts.ContainsKey("Li") && counts.Keys.Any(e => e != "Li" && Elements.Contains(e));
            case "binary":
                return counts.Count == 2 && counts.Keys.Any(Elements.Contains) && counts.Keys.Any(Partners.Contains)
                       && counts.Keys.All(e => Elements.Contains(e) || Partners.Contains(e));
            case "oxide":
                return MatchesOxide(counts);
            default:
                return false;
        }
    }

    // Charge balance with Li+ and O2-: a positive deficit means some cation sits below its highest oxidation state.
    private bool MatchesOxide(IReadOnlyDictionary<string, double> counts)
    {
        if (!counts.TryGetValue("O", out var oxygen)) return false;
        var cations = counts.Keys.Where(e => e is not "O" and not "Li").ToList();
        if (cations.Count == 0 || !cations.All(MaxOxidation.ContainsKey)) return false;
        var maxCharge = counts.GetValueOrDefault("Li") + cations.Sum(c => counts[c] * MaxOxidation[c]);
        var deficit = maxCharge - 2 * oxygen;
        const double tol = 1e-6;
        return Oxidation switch
        {
            "at_max" => Math.Abs(deficit) < tol,
            "below_max" => deficit > tol && cations.Any(Elements.Contains) && deficit < cations.Where(Elements.Contains).Sum(c => counts[c] * MaxOxidation[c]),
            _ => false,
        };
    }
}

/// <summary>
/// The knowledge base's product-character table: explicit entries for named interphase products (with citations)
/// and class rules (Li–M alloys, metals, transition-metal sulfides, Li binary salts, reduced and fully oxidised oxides).
/// </summary>
public sealed class ProductCharacterTable : IProductCharacterSource
{
    private readonly Dictionary<string, ProductCharacter> _explicit;

    /// <summary>Creates the table; explicit entries win over rules, rules are tried in order.</summary>
    public ProductCharacterTable(IEnumerable<ProductCharacter> entries, IEnumerable<ProductRule> rules)
    {
        Entries = entries.ToList();
        Rules = rules.ToList();
        _explicit = new Dictionary<string, ProductCharacter>(StringComparer.Ordinal);
        foreach (var e in Entries)
        {
            var key = FormulaElements.Key(e.Formula) ?? throw new ArgumentException($"'{e.Formula}' is not a formula");
            if (!_explicit.TryAdd(key, e)) throw new ArgumentException($"product '{e.Formula}' is listed twice");
        }
    }

    /// <summary>The table of the embedded knowledge base (same as <c>KnowledgeBase.Load().Products</c>).</summary>
    public static ProductCharacterTable Default => KnowledgeBase.Load().Products;

    /// <summary>Explicit entries.</summary>
    public IReadOnlyList<ProductCharacter> Entries { get; }

    /// <summary>Class rules, in the order they are tried.</summary>
    public IReadOnlyList<ProductRule> Rules { get; }

    /// <inheritdoc />
    public ProductCharacter Classify(string reducedFormula)
    {
        var counts = FormulaElements.TryRead(reducedFormula);
        if (counts is null)
            return new ProductCharacter(reducedFormula, ElectronicCharacter.Unknown, null, "not a plain formula", "");
        if (_explicit.TryGetValue(FormulaElements.Key(reducedFormula)!, out var known))
            return known with { Formula = reducedFormula };
        foreach (var rule in Rules)
            if (rule.Matches(counts))
                return new ProductCharacter(reducedFormula, rule.Electronic, rule.Ionic, $"{rule.Reason} [rule: {rule.Name}]", rule.Citation.ToString());
        return new ProductCharacter(reducedFormula, ElectronicCharacter.Unknown, null, "not in the knowledge base", "");
    }
}
