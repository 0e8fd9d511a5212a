using System.Globalization;
using System.Text.RegularExpressions;
using Interphase.Quantities;

namespace Interphase.Knowledge;

/// <summary>
/// A reported number with its unit, as written in a review, plus its normalised form. Ranges (<c>0.6–7</c>) keep
/// both ends; bounds (<c>&lt;1</c>, <c>&gt;900</c>, <c>≈75</c>) keep their qualifier.
/// </summary>
/// <param name="Value">Representative value in <see cref="Unit"/> (the number itself, or the middle of a range).</param>
/// <param name="Low">Lower end of a range, else null.</param>
/// <param name="High">Upper end of a range, else null.</param>
/// <param name="Qualifier">One of <c>&lt;</c>, <c>&gt;</c>, <c>≤</c>, <c>≥</c>, <c>≈</c>, or empty for an exact report.</param>
/// <param name="Unit">Canonical symbol of the unit as reported (e.g. <c>mS/cm</c>).</param>
/// <param name="Dimension">Physical dimension of the unit.</param>
/// <param name="Text">The text as written in the data file.</param>
public sealed partial record Quantity(double Value, double? Low, double? High, string Qualifier, string Unit, string Dimension, string Text)
{
    /// <summary>The unit values are normalised to (base unit of the dimension: S/cm, Ω·cm², mA/cm², MPa, K, ...).</summary>
    public string NormalizedUnit => Units.BaseUnit(Dimension);

    /// <summary><see cref="Value"/> in <see cref="NormalizedUnit"/>.</summary>
    public double NormalizedValue => Units.Convert(Value, Unit, NormalizedUnit);

    /// <summary>This quantity expressed in another unit of the same dimension.</summary>
    public Quantity In(string unit)
    {
        var target = Units.Find(unit).Symbol;
        double? C(double? v) => v is null ? null : Units.Convert(v.Value, Unit, target);
        return this with { Value = Units.Convert(Value, Unit, target), Low = C(Low), High = C(High), Unit = target };
    }

    /// <summary>Human form: <c>≈75 Ω·cm²</c>, <c>0.6–7 mAh/g</c>.</summary>
    public string Display()
    {
        string F(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
        var number = Low is not null && High is not null ? $"{F(Low.Value)}–{F(High.Value)}" : Qualifier + F(Value);
        return Unit.Length == 0 ? number : $"{number} {Unit}";
    }

    /// <summary>
    /// Parses <c>"&lt;1 Ω·cm²"</c>, <c>"2e-4 to 3e-4 S/cm"</c>, <c>"0.6–7 mAh/g"</c>, <c>"12 mS cm-1"</c>;
    /// <paramref name="defaultUnit"/> is used when the text has no unit. Throws <see cref="FormatException"/>.
    /// </summary>
    public static Quantity Parse(string text, string? defaultUnit = null)
    {
        var m = QuantityPattern().Match(text.Trim());
        if (!m.Success)
            throw new FormatException($"'{text}' is not a number with a unit (e.g. '1.2e-2 S/cm', '<1 Ω·cm²', '0.6–7 mAh/g')");
        var unitText = m.Groups["unit"].Value.Trim();
        if (unitText.Length == 0)
            unitText = defaultUnit ?? throw new FormatException($"'{text}' has no unit");
        if (!Units.TryFind(unitText, out var unit))
            throw new FormatException($"'{text}': unknown unit '{unitText}'");
        var a = double.Parse(m.Groups["a"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        var qualifier = m.Groups["q"].Value.Replace("~", "≈").Replace("<=", "≤").Replace(">=", "≥");
        if (m.Groups["b"].Success)
        {
            var b = double.Parse(m.Groups["b"].Value, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (b < a) throw new FormatException($"'{text}': range end {b} is below its start {a}");
            return new Quantity((a + b) / 2, a, b, qualifier, unit.Symbol, unit.Dimension, text.Trim());
        }
        return new Quantity(a, null, null, qualifier, unit.Symbol, unit.Dimension, text.Trim());
    }

    private const string Number = @"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?";

    [GeneratedRegex(@"^(?<q><=|>=|[<>≤≥≈~])?\s*(?<a>" + Number + @")(\s*(–|—|\.\.|\bto\b|-(?=\s*\d))\s*(?<b>" + Number + @"))?\s*(?<unit>.*)$")]
    private static partial Regex QuantityPattern();
}
