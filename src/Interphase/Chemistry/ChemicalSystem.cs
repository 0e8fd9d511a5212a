using System.Numerics;

namespace Interphase.Chemistry;

/// <summary>
/// A chemical system: a set of elements as a bitmask over atomic number (bit Z−1), so subsets, unions and lookups
/// are single integer operations. Written as Materials Project and pymatgen write chemsys keys: symbols sorted
/// alphabetically, joined by '-' (<c>Cl-Li-P-S</c>). The entry store indexes entries by this key, so the entries of
/// a system and all its sub-systems are found by looking up 2^k − 1 keys instead of scanning.
/// </summary>
public readonly record struct ChemicalSystem(UInt128 Mask)
{
    /// <summary>Largest system whose sub-system keys are enumerated (2^20 − 1 ≈ one million keys).</summary>
    public const int MaxElements = 20;

    /// <summary>The system of the given elements.</summary>
    public static ChemicalSystem Of(IEnumerable<Element> elements)
    {
        UInt128 m = 0;
        foreach (var e in elements) m |= UInt128.One << (e.Z - 1);
        return new ChemicalSystem(m);
    }

    /// <summary>The system of a composition's elements.</summary>
    public static ChemicalSystem Of(Composition composition)
    {
        UInt128 m = 0;
        var amounts = composition.Amounts;
        for (int i = 0; i < amounts.Count; i++) m |= UInt128.One << (amounts[i].Key.Z - 1);
        return new ChemicalSystem(m);
    }

    /// <summary>
    /// Parses a chemical system written as <c>Li-P-S-Cl</c>, <c>Li,P,S,Cl</c> or <c>Li P S Cl</c> (any order).
    /// </summary>
    /// <exception cref="InterphaseException">Empty, or an unknown element symbol.</exception>
    public static ChemicalSystem Parse(string text)
    {
        var parts = (text ?? "").Split(['-', ',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) throw new InterphaseException($"empty chemical system '{text}' (write it like Li-P-S-Cl)");
        return Of(parts.Select(p => PeriodicTable.TryGet(p)
            ?? throw new InterphaseException($"chemical system '{text}': unknown element '{p}'")));
    }

    /// <summary>Number of elements.</summary>
    public int Count => (int)UInt128.PopCount(Mask);

    /// <summary>True when every element of this system is in <paramref name="other"/>.</summary>
    public bool IsSubsetOf(ChemicalSystem other) => (Mask & ~other.Mask) == 0;

    /// <summary>True when the element is part of the system.</summary>
    public bool Contains(Element element) => (Mask & (UInt128.One << (element.Z - 1))) != 0;

    /// <summary>The union of two systems.</summary>
    public ChemicalSystem Union(ChemicalSystem other) => new(Mask | other.Mask);

    /// <summary>This system with one element added.</summary>
    public ChemicalSystem With(Element element) => new(Mask | (UInt128.One << (element.Z - 1)));

    /// <summary>The elements in order of atomic number.</summary>
    public IReadOnlyList<Element> Elements
    {
        get
        {
            var list = new List<Element>(Count);
            var m = Mask;
            while (m != 0)
            {
                int bit = (int)UInt128.TrailingZeroCount(m);
                list.Add(PeriodicTable.FromZ(bit + 1));
                m &= m - 1;
            }
            return list;
        }
    }

    /// <summary>Every non-empty subsystem (2^k − 1 of them), including this one.</summary>
    public IEnumerable<ChemicalSystem> Subsystems()
    {
        // Iterate submasks of Mask: s = (s - 1) & Mask visits each once.
        for (UInt128 s = Mask; s != 0; s = (s - 1) & Mask)
            yield return new ChemicalSystem(s);
    }

    /// <summary>
    /// The keys of every non-empty sub-system (the system itself included), fewest elements first, e.g. for Li-P-S:
    /// Li, P, S, Li-P, Li-S, P-S, Li-P-S.
    /// </summary>
    /// <exception cref="InterphaseException">More than <see cref="MaxElements"/> elements.</exception>
    public IReadOnlyList<string> SubsystemKeys()
    {
        if (Count > MaxElements)
            throw new InterphaseException($"a chemical system of {Count} elements is too large (at most {MaxElements})");
        return Subsystems().Select(s => (s.Count, Key: s.ToString()))
            .OrderBy(k => k.Count).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key).ToList();
    }

    /// <summary>The key of the system, e.g. <c>Cl-Li-P-S</c> (symbols sorted alphabetically, joined by '-').</summary>
    public override string ToString() => string.Join('-', Elements.Select(e => e.Symbol).Order(StringComparer.Ordinal));
}
