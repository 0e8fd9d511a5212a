namespace Interphase.Chemistry;

/// <summary>A chemical element. One instance per element (see <see cref="PeriodicTable"/>), so reference equality holds.</summary>
public sealed class Element : IComparable<Element>
{
    internal Element(string symbol, int z, string name, double atomicMass, double electronegativity)
    {
        Symbol = symbol;
        Z = z;
        Name = name;
        AtomicMass = atomicMass;
        Electronegativity = electronegativity;
    }

    /// <summary>Chemical symbol, e.g. "Li".</summary>
    public string Symbol { get; }

    /// <summary>Atomic number.</summary>
    public int Z { get; }

    /// <summary>English name.</summary>
    public string Name { get; }

    /// <summary>Standard atomic mass, g/mol.</summary>
    public double AtomicMass { get; }

    /// <summary>Pauling electronegativity; NaN where none is defined (noble gases).</summary>
    public double Electronegativity { get; }

    /// <summary>Sort key for formulas: electronegativity, then symbol (pymatgen's order). Elements without one go last.</summary>
    internal double FormulaOrderKey => double.IsNaN(Electronegativity) ? double.MaxValue : Electronegativity;

    /// <summary>Orders by atomic number.</summary>
    public int CompareTo(Element? other) => other is null ? 1 : Z.CompareTo(other.Z);

    /// <inheritdoc />
    public override string ToString() => Symbol;

    /// <summary>Formula order: increasing electronegativity, ties by symbol.</summary>
    public static readonly IComparer<Element> FormulaOrder = Comparer<Element>.Create((a, b) =>
    {
        int c = a.FormulaOrderKey.CompareTo(b.FormulaOrderKey);
        return c != 0 ? c : string.CompareOrdinal(a.Symbol, b.Symbol);
    });
}
