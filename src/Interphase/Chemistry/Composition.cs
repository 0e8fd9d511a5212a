using System.Globalization;
using System.Text;

namespace Interphase.Chemistry;

/// <summary>
/// An immutable amount of each element (atoms per formula as written). Formulas are written in pymatgen's order
/// and reduction rules, so reduced formulas (e.g. <c>Li10Ge(PS6)2</c>, <c>O2</c>) compare with pymatgen output.
/// </summary>
public sealed class Composition : IEquatable<Composition>
{
    /// <summary>Amounts below this are treated as zero (as in pymatgen).</summary>
    public const double AmountTolerance = 1e-8;

    private static readonly Dictionary<string, string> SpecialFormulas = new(StringComparer.Ordinal)
    {
        ["LiO"] = "Li2O2", ["NaO"] = "Na2O2", ["KO"] = "K2O2", ["HO"] = "H2O2", ["CsO"] = "Cs2O2", ["RbO"] = "Rb2O2",
        ["O"] = "O2", ["N"] = "N2", ["F"] = "F2", ["Cl"] = "Cl2", ["H"] = "H2",
    };

    private readonly KeyValuePair<Element, double>[] _amounts; // sorted in formula order
    private string? _reducedFormula;
    private double _reductionFactor;

    /// <summary>Creates a composition from element amounts (zero amounts are dropped).</summary>
    /// <exception cref="InterphaseException">A negative or non-finite amount.</exception>
    public Composition(IEnumerable<KeyValuePair<Element, double>> amounts)
    {
        var merged = new Dictionary<Element, double>();
        foreach (var (el, n) in amounts) merged[el] = merged.GetValueOrDefault(el) + n;
        foreach (var (el, n) in merged)
        {
            if (!double.IsFinite(n) || n < -AmountTolerance)
                throw new InterphaseException($"invalid amount {n.ToString(CultureInfo.InvariantCulture)} of {el.Symbol}");
        }
        _amounts = merged.Where(kv => kv.Value > AmountTolerance)
            .OrderBy(kv => kv.Key, Element.FormulaOrder).ToArray();
        NumAtoms = _amounts.Sum(kv => kv.Value);
    }

    /// <summary>Parses a formula (see <see cref="FormulaParser"/>).</summary>
    /// <exception cref="FormulaException">The formula cannot be read.</exception>
    public static Composition Parse(string formula) => FormulaParser.Parse(formula);

    /// <summary>A composition of one element.</summary>
    public static Composition Of(Element element, double amount = 1) => new([new(element, amount)]);

    /// <summary>Element amounts in formula order (most electropositive first).</summary>
    public IReadOnlyList<KeyValuePair<Element, double>> Amounts => _amounts;

    /// <summary>The elements present, in formula order.</summary>
    public IEnumerable<Element> Elements => _amounts.Select(kv => kv.Key);

    /// <summary>Number of distinct elements.</summary>
    public int ElementCount => _amounts.Length;

    /// <summary>Total atoms in the formula as written.</summary>
    public double NumAtoms { get; }

    /// <summary>Atoms of an element in the formula as written (0 when absent).</summary>
    public double this[Element element]
    {
        get
        {
            foreach (var (el, n) in _amounts)
                if (ReferenceEquals(el, element)) return n;
            return 0;
        }
    }

    /// <summary>Atoms of an element given by symbol (0 when absent).</summary>
    public double this[string symbol] => PeriodicTable.TryGet(symbol) is { } el ? this[el] : 0;

    /// <summary>True when the element is present.</summary>
    public bool Contains(Element element) => this[element] > 0;

    /// <summary>Atom fraction of an element (0–1).</summary>
    public double AtomFraction(Element element) => NumAtoms > 0 ? this[element] / NumAtoms : 0;

    /// <summary>The same composition scaled to one atom in total (atom fractions).</summary>
    public Composition Fractional => NumAtoms > 0 ? this / NumAtoms : this;

    /// <summary>Molar mass of the formula as written, g/mol.</summary>
    public double Weight => _amounts.Sum(kv => kv.Key.AtomicMass * kv.Value);

    /// <summary>The chemical system of the composition's elements (its key reads e.g. "Li-P-S").</summary>
    public ChemicalSystem ChemicalSystem => ChemicalSystem.Of(this);

    /// <summary>True when every amount is an integer (within <see cref="AmountTolerance"/>).</summary>
    public bool IsIntegral => _amounts.All(kv => Math.Abs(kv.Value - Math.Round(kv.Value)) < AmountTolerance);

    /// <summary>
    /// The reduced formula as pymatgen writes it: integer amounts divided by their greatest common divisor, a trailing
    /// polyanion grouped (<c>Li10Ge(PS6)2</c>), diatomic elements as molecules (<c>O2</c>); fractional compositions are
    /// written in full (<c>Li0.5Co1O2</c>).
    /// </summary>
    public string ReducedFormula
    {
        get
        {
            if (_reducedFormula is null) ComputeReduced();
            return _reducedFormula!;
        }
    }

    /// <summary>Formula units of <see cref="ReducedFormula"/> in this composition (pymatgen's reduction factor).</summary>
    public double FormulaUnits
    {
        get
        {
            if (_reducedFormula is null) ComputeReduced();
            return _reductionFactor;
        }
    }

    /// <summary>The composition of one formula unit of <see cref="ReducedFormula"/>.</summary>
    public Composition Reduced => this / FormulaUnits;

    /// <summary>Compact formula as written, in formula order with ones omitted, e.g. "Li6PS5Cl".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var (el, n) in _amounts) sb.Append(el.Symbol).Append(FormatAmount(n, omitOne: true));
        return sb.ToString();
    }

    /// <summary>Formula with every amount written, e.g. "Li0.5Co1O2" (pymatgen's <c>formula</c> without spaces).</summary>
    public string FullFormula => string.Concat(_amounts.Select(kv => kv.Key.Symbol + FormatAmount(kv.Value, omitOne: false)));

    /// <summary>Sum of two compositions.</summary>
    public static Composition operator +(Composition a, Composition b) => new(a._amounts.Concat(b._amounts));

    /// <summary>Difference of two compositions (amounts must stay non-negative).</summary>
    public static Composition operator -(Composition a, Composition b) =>
        new(a._amounts.Concat(b._amounts.Select(kv => new KeyValuePair<Element, double>(kv.Key, -kv.Value))));

    /// <summary>Scaled composition.</summary>
    public static Composition operator *(Composition a, double factor) =>
        new(a._amounts.Select(kv => new KeyValuePair<Element, double>(kv.Key, kv.Value * factor)));

    /// <summary>Scaled composition.</summary>
    public static Composition operator *(double factor, Composition a) => a * factor;

    /// <summary>Divided composition.</summary>
    public static Composition operator /(Composition a, double divisor) => a * (1.0 / divisor);

    /// <summary>Same elements and amounts within <paramref name="tolerance"/> atoms.</summary>
    public bool AlmostEquals(Composition other, double tolerance = 1e-6)
    {
        if (other._amounts.Length != _amounts.Length) return false;
        foreach (var (el, n) in _amounts)
            if (Math.Abs(other[el] - n) > tolerance) return false;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Composition? other) => other is not null && AlmostEquals(other, AmountTolerance);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Composition c && Equals(c);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var (el, _) in _amounts) h.Add(el.Z);
        return h.ToHashCode();
    }

    private void ComputeReduced()
    {
        if (_amounts.Length == 0)
        {
            _reducedFormula = "";
            _reductionFactor = 1;
            return;
        }
        if (!IsIntegral)
        {
            _reducedFormula = FullFormula;
            _reductionFactor = 1;
            return;
        }
        var ints = _amounts.Select(kv => new KeyValuePair<Element, double>(kv.Key, Math.Round(kv.Value))).ToArray();
        var (formula, factor) = Reduce(ints);
        if (SpecialFormulas.TryGetValue(formula, out var special))
        {
            formula = special;
            factor /= 2;
        }
        _reducedFormula = formula;
        _reductionFactor = factor;
    }

    // pymatgen's reduction: divide by the gcd; when the two most electronegative elements differ by < 1.65 in
    // electronegativity (and there are at least three elements), write them as a bracketed polyanion if it repeats.
    private static (string Formula, double Factor) Reduce(KeyValuePair<Element, double>[] amounts)
    {
        var syms = amounts.OrderBy(kv => kv.Key, Element.FormulaOrder).ToArray();
        long factor = 1;
        if (syms.All(kv => kv.Value == Math.Floor(kv.Value)))
            factor = syms.Select(kv => (long)kv.Value).Aggregate(0L, Gcd);
        if (factor == 0) factor = 1;
        string polyanion = "";
        if (syms.Length >= 3 && syms[^1].Key.FormulaOrderKey - syms[^2].Key.FormulaOrderKey < 1.65)
        {
            var poly = new[] { syms[^2], syms[^1] }
                .Select(kv => new KeyValuePair<Element, double>(kv.Key, kv.Value / factor)).ToArray();
            var (polyFormula, polyFactor) = Reduce(poly);
            if (polyFactor != 1) polyanion = $"({polyFormula}){(long)polyFactor}";
        }
        var sb = new StringBuilder();
        int count = polyanion.Length > 0 ? syms.Length - 2 : syms.Length;
        for (int i = 0; i < count; i++)
            sb.Append(syms[i].Key.Symbol).Append(FormatAmount(syms[i].Value / factor, omitOne: true));
        sb.Append(polyanion);
        return (sb.ToString(), factor);
    }

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>Writes an amount as pymatgen does: integers without decimals, others rounded to 8 decimals.</summary>
    internal static string FormatAmount(double amount, bool omitOne)
    {
        if (omitOne && amount == 1) return "";
        if (Math.Abs(amount - Math.Truncate(amount)) < 1e-8) return ((long)Math.Truncate(amount)).ToString(CultureInfo.InvariantCulture);
        // never an exponent: "1.3E-06" is not a formula anyone (or the parser) can read back
        return Math.Round(amount, 8).ToString("0.########", CultureInfo.InvariantCulture);
    }
}
