using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>
/// Chemical-system keys as Materials Project writes them (element symbols sorted alphabetically, joined by '-',
/// e.g. <c>Cl-Li-P-S</c>) and the sub-systems of a system. The entry store indexes entries by this key, so the
/// entries of a system and all its sub-systems are found by looking up 2^k − 1 keys instead of scanning.
/// </summary>
public static class ChemicalSystems
{
    /// <summary>Largest system whose sub-systems are enumerated (2^20 − 1 ≈ one million keys).</summary>
    public const int MaxElements = 20;

    /// <summary>The normalised key of a set of elements, e.g. <c>Cl-Li-P-S</c>.</summary>
    public static string Key(IEnumerable<Element> elements) =>
        string.Join('-', elements.Select(e => e.Symbol).Distinct().Order(StringComparer.Ordinal));

    /// <summary>
    /// Parses a chemical system written as <c>Li-P-S-Cl</c>, <c>Li,P,S,Cl</c> or <c>Li P S Cl</c> (any order).
    /// </summary>
    /// <exception cref="InterphaseException">Empty, or an unknown element symbol.</exception>
    public static IReadOnlyList<Element> Parse(string system)
    {
        var parts = (system ?? "").Split(['-', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new InterphaseException($"empty chemical system '{system}' (write it like Li-P-S-Cl)");
        var elements = new List<Element>();
        foreach (var p in parts)
        {
            var el = PeriodicTable.TryGet(p)
                ?? throw new InterphaseException($"chemical system '{system}': unknown element '{p}'");
            if (!elements.Contains(el)) elements.Add(el);
        }
        return elements.OrderBy(e => e.Symbol, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The keys of every non-empty sub-system of <paramref name="elements"/> (the system itself included), e.g. for
    /// Li-P-S: Li, P, S, Li-P, Li-S, P-S, Li-P-S.
    /// </summary>
    /// <exception cref="InterphaseException">More than <see cref="MaxElements"/> elements.</exception>
    public static IReadOnlyList<string> SubsystemKeys(IEnumerable<Element> elements)
    {
        var sorted = elements.Select(e => e.Symbol).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (sorted.Length > MaxElements)
            throw new InterphaseException($"a chemical system of {sorted.Length} elements is too large (at most {MaxElements})");
        var keys = new List<string>((1 << sorted.Length) - 1);
        var parts = new List<string>(sorted.Length);
        for (int mask = 1; mask < 1 << sorted.Length; mask++)
        {
            parts.Clear();
            for (int i = 0; i < sorted.Length; i++)
                if ((mask & (1 << i)) != 0) parts.Add(sorted[i]);
            keys.Add(string.Join('-', parts));
        }
        return keys.OrderBy(k => k.Count(c => c == '-')).ThenBy(k => k, StringComparer.Ordinal).ToList();
    }

    /// <summary>True when every element of <paramref name="composition"/> is in <paramref name="system"/>.</summary>
    public static bool IsWithin(Composition composition, IReadOnlyCollection<Element> system) =>
        composition.Elements.All(system.Contains);
}
