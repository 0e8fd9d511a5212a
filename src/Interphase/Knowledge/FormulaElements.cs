using System.Globalization;
using System.Text.RegularExpressions;

namespace Interphase.Knowledge;

/// <summary>
/// Minimal element-count reader for reduced formulas without brackets (<c>Li15Ge4</c>, <c>Co9S8</c>), enough for the
/// product-character rules. Not a general composition parser.
/// </summary>
internal static partial class FormulaElements
{
    /// <summary>Element → amount; null when the text is not a plain formula.</summary>
    public static IReadOnlyDictionary<string, double>? TryRead(string formula)
    {
        var f = formula.Trim();
        if (f.Length == 0 || !WholePattern().IsMatch(f)) return null;
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match m in TokenPattern().Matches(f))
        {
            var n = m.Groups[2].Length == 0 ? 1.0 : double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            counts[m.Groups[1].Value] = counts.GetValueOrDefault(m.Groups[1].Value) + n;
        }
        return counts;
    }

    /// <summary>Order-independent key (<c>Li2S</c> and <c>SLi2</c> give the same key), reduced by the greatest common divisor.</summary>
    public static string? Key(string formula)
    {
        var counts = TryRead(formula);
        if (counts is null) return null;
        var values = counts.Values.ToArray();
        var divisor = values.All(v => v == Math.Floor(v)) ? values.Select(v => (long)v).Aggregate(Gcd) : 1;
        return string.Join("", counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + (kv.Value / divisor).ToString("G10", CultureInfo.InvariantCulture)));
    }

    private static long Gcd(long a, long b) => b == 0 ? Math.Max(a, 1) : Gcd(b, a % b);

    [GeneratedRegex(@"^([A-Z][a-z]?(\d+(\.\d+)?)?)+$")]
    private static partial Regex WholePattern();

    [GeneratedRegex(@"([A-Z][a-z]?)(\d+(?:\.\d+)?)?")]
    private static partial Regex TokenPattern();
}
