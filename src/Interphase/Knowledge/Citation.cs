using System.Text.RegularExpressions;

namespace Interphase.Knowledge;

/// <summary>One of the five reviews the knowledge base is written from, as a reference list gives it.</summary>
/// <param name="Key">Short key used in the data files (<c>Banerjee2020</c>).</param>
/// <param name="Authors">Every author as the paper lists them.</param>
/// <param name="FirstAuthor">The first author's family name.</param>
/// <param name="Title">The article's title.</param>
/// <param name="Journal">The journal's abbreviated name.</param>
/// <param name="Volume">Volume.</param>
/// <param name="Pages">First page or article number (and last page, when known).</param>
/// <param name="Year">Year of publication.</param>
/// <param name="Doi">Digital object identifier.</param>
public sealed record Review(string Key, string Authors, string FirstAuthor, string Title, string Journal, string Volume, string Pages, int Year, string Doi)
{
    /// <summary>As cited in running text: <c>Banerjee et al., Chem. Rev. 120, 6878 (2020)</c>.</summary>
    public string Short => $"{FirstAuthor} et al., {Journal} {Volume}, {Pages.Split('–')[0]} ({Year})";

    /// <summary>As a reference list gives it, with the DOI.</summary>
    public string Reference => $"{Authors}, \"{Title}\", {Journal} {Volume}, {Pages} ({Year}). doi:{Doi}";

    /// <summary>The DOI as a link.</summary>
    public string DoiUrl => "https://doi.org/" + Doi;
}

/// <summary>The reviews Interphase's knowledge base and models are written from: one table, used by every citation.</summary>
public static class Reviews
{
    /// <summary>Every review, in the order the knowledge base was written from them.</summary>
    public static IReadOnlyList<Review> All { get; } =
    [
        new("Wu2016", "B. Wu, S. Wang, W. J. Evans IV, D. Z. Deng, J. Yang, J. Xiao", "Wu",
            "Interfacial behaviours between lithium ion conductors and electrode materials in various battery systems",
            "J. Mater. Chem. A", "4", "15266–15280", 2016, "10.1039/C6TA05439K"),
        new("Banerjee2020", "A. Banerjee, X. Wang, C. Fang, E. A. Wu, Y. S. Meng", "Banerjee",
            "Interfaces and Interphases in All-Solid-State Batteries with Inorganic Solid Electrolytes",
            "Chem. Rev.", "120", "6878–6933", 2020, "10.1021/acs.chemrev.0c00101"),
        new("Wang2018", "L. Wang, J. Su, S. Liu, C. Chen, S. Hu, T. Huang, A. Yu", "Wang",
            "Interfacial Issues of All Solid State Lithium Batteries",
            "Trans. Nanjing Univ. Aeronaut. Astronaut.", "35", "578", 2018, "10.16356/j.1005-1120.2018.04.578"),
        new("Xia2019", "S. Xia, X. Wu, Z. Zhang, Y. Cui, W. Liu", "Xia",
            "Practical Challenges and Future Perspectives of All-Solid-State Lithium-Metal Batteries",
            "Chem", "5", "753–785", 2019, "10.1016/j.chempr.2018.11.013"),
        new("Wang2020", "D. Wang, C. Zhu, Y. Fu, X. Sun, Y. Yang", "Wang",
            "Interfaces in Garnet-Based All-Solid-State Lithium Batteries",
            "Adv. Energy Mater.", "10", "2001318", 2020, "10.1002/aenm.202001318"),
    ];

    /// <summary>The review of a key.</summary>
    /// <exception cref="KeyNotFoundException">No review has this key.</exception>
    public static Review Get(string key) => All.FirstOrDefault(r => r.Key == key) ?? throw new KeyNotFoundException($"no review '{key}'");

    /// <summary>The reviews cited in <paramref name="text"/> (by their running-text form), in table order: what a
    /// report's reference list holds.</summary>
    public static IReadOnlyList<Review> CitedIn(string text) =>
        All.Where(r => text.Contains(r.Short, StringComparison.Ordinal)).ToList();
}

/// <summary>
/// Where a fact comes from: one of the <see cref="Reviews"/> and a locator inside it (<c>Table 1</c>,
/// <c>Figure 27</c>, <c>Section 5.1</c>, <c>Section Inorganic Solid Electrolytes</c>). Written in data files as
/// <c>"Banerjee2020, Figure 27"</c>; printed as researchers cite it, <c>Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 27</c>.
/// </summary>
/// <param name="ReviewKey">The review's key (<see cref="Review.Key"/>).</param>
/// <param name="Locator">Table, figure or section inside the review.</param>
public sealed partial record Citation(string ReviewKey, string Locator)
{
    /// <summary>The review cited.</summary>
    public Review Review => Reviews.Get(ReviewKey);

    /// <summary>The review's DOI.</summary>
    public string Doi => Review.Doi;

    /// <summary>Kind of locator: <c>Table</c>, <c>Figure</c>, <c>Section</c> or <c>Equation</c>.</summary>
    public string LocatorKind => Locator.Split(' ', 2)[0];

    /// <summary>The text after the locator kind (<c>1</c> for <c>Table 1</c>, a number or heading for sections).</summary>
    public string LocatorTarget => Locator.Contains(' ') ? Locator.Split(' ', 2)[1].Trim() : "";

    /// <summary>The locator as printed: <c>Fig. 27</c>, <c>Table 1</c>, <c>§4.1.5</c>, <c>Eq. 3</c>, <c>section "Anode"</c>.</summary>
    public string ShortLocator => LocatorKind switch
    {
        "Figure" => "Fig. " + LocatorTarget,
        "Equation" => "Eq. " + LocatorTarget,
        "Section" when SectionNumber().IsMatch(LocatorTarget) => "§" + LocatorTarget,
        "Section" => $"section \"{LocatorTarget}\"",
        _ => Locator,
    };

    /// <inheritdoc />
    public override string ToString() => $"{Review.Short}, {ShortLocator}";

    /// <summary>Parses <c>"Banerjee2020, Table 1"</c>; throws <see cref="FormatException"/> naming the problem.</summary>
    public static Citation Parse(string text)
    {
        var m = CitationPattern().Match(text.Trim());
        if (!m.Success)
            throw new FormatException($"citation '{text}' is not 'ReviewKey, Table|Figure|Section|Equation ...' (keys: {string.Join(", ", Reviews.All.Select(r => r.Key))})");
        var key = m.Groups["key"].Value;
        if (Reviews.All.All(r => r.Key != key))
            throw new FormatException($"citation '{text}' names unknown review '{key}' (keys: {string.Join(", ", Reviews.All.Select(r => r.Key))})");
        return new Citation(key, m.Groups["loc"].Value.Trim());
    }

    [GeneratedRegex(@"^(?<key>[A-Z][A-Za-z]+\d{4})\s*,\s*(?<loc>(Table|Figure|Section|Equation)\s+\S.*)$")]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"^\d+(\.\d+)*$")]
    private static partial Regex SectionNumber();
}
