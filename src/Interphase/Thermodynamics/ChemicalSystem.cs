using System.Numerics;
using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>
/// A set of elements as a bitmask over atomic number (bit Z−1), so subsets, unions and lookups are single
/// integer operations. Written like pymatgen's chemsys: symbols sorted alphabetically, joined by '-'.
/// </summary>
public readonly record struct ChemicalSystem(UInt128 Mask)
{
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

    /// <summary>Parses "Li-P-S" (any separator of '-', ',', ' ').</summary>
    /// <exception cref="InterphaseException">Unknown element symbol.</exception>
    public static ChemicalSystem Parse(string text) =>
        Of(text.Split(['-', ',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(PeriodicTable.Get));

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

    /// <inheritdoc />
    public override string ToString() => string.Join('-', Elements.Select(e => e.Symbol).Order(StringComparer.Ordinal));
}
