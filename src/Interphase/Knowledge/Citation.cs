using System.Text.RegularExpressions;

namespace Interphase.Knowledge;

/// <summary>
/// Where a fact comes from: one of the seed review files and a locator inside it
/// (<c>Table 1</c>, <c>Figure 27</c>, <c>Section 5.1</c>, <c>Section Inorganic Solid Electrolytes</c>).
/// Written in data files as <c>"004_2dd48e6c264f94e2.txt, Table 1"</c>.
/// </summary>
/// <param name="Seed">Seed file name (e.g. <c>004_2dd48e6c264f94e2.txt</c>).</param>
/// <param name="Locator">Table, figure or section inside the seed.</param>
public sealed partial record Citation(string Seed, string Locator)
{
    /// <summary>The seed review files the knowledge base is written from, with short titles.</summary>
    public static IReadOnlyDictionary<string, string> Seeds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["000_1b9f07c347a22629.txt"] = "Cell-level energy density of ASSLIBs and Li+ conductor interfaces (J. Mater. Chem. A review)",
        ["001_9ddcaf3869a721a2.txt"] = "Banerjee, Meng et al., Interfaces and Interphases in All-Solid-State Batteries with Inorganic Solid Electrolytes (Chem. Rev.)",
        ["002_2f20db4deffd5210.txt"] = "Interfacial Issues of All Solid State Lithium Batteries",
        ["003_beeb9374bf8819ab.txt"] = "Xia, Wu, Zhang, Cui, Liu, Practical Challenges and Future Perspectives of All-Solid-State Lithium-Metal Batteries (Chem)",
        ["004_2dd48e6c264f94e2.txt"] = "Wang et al., Interfaces in Garnet-Based All-Solid-State Lithium Batteries",
    };

    /// <summary>Kind of locator: <c>Table</c>, <c>Figure</c>, <c>Section</c> or <c>Equation</c>.</summary>
    public string LocatorKind => Locator.Split(' ', 2)[0];

    /// <summary>The text after the locator kind (<c>1</c> for <c>Table 1</c>, a number or heading for sections).</summary>
    public string LocatorTarget => Locator.Contains(' ') ? Locator.Split(' ', 2)[1].Trim() : "";

    /// <inheritdoc />
    public override string ToString() => $"{Seed}, {Locator}";

    /// <summary>Parses <c>"seed.txt, Table 1"</c>; throws <see cref="FormatException"/> naming the problem.</summary>
    public static Citation Parse(string text)
    {
        var m = CitationPattern().Match(text.Trim());
        if (!m.Success)
            throw new FormatException($"citation '{text}' is not 'NNN_hash.txt, Table|Figure|Section|Equation ...'");
        var seed = m.Groups["seed"].Value;
        if (!Seeds.ContainsKey(seed))
            throw new FormatException($"citation '{text}' names unknown seed file '{seed}'");
        return new Citation(seed, m.Groups["loc"].Value.Trim());
    }

    [GeneratedRegex(@"^(?<seed>\d{3}_[0-9a-f]{16}\.txt)\s*,\s*(?<loc>(Table|Figure|Section|Equation)\s+\S.*)$")]
    private static partial Regex CitationPattern();
}
