using Interphase.Chemistry;

namespace Interphase.Knowledge;

/// <summary>Element counts and an order-independent key of a formula, for the product-character rules.</summary>
internal static class FormulaElements
{
    /// <summary>Element symbol → amount; null when the text is not a formula.</summary>
    public static IReadOnlyDictionary<string, double>? TryRead(string formula) =>
        FormulaParser.TryParse(formula, out var c, out _)
            ? c!.Amounts.ToDictionary(kv => kv.Key.Symbol, kv => kv.Value, StringComparer.Ordinal)
            : null;

    /// <summary>Order-independent key (<c>Li2S</c> and <c>SLi2</c> give the same key): the pymatgen-style reduced formula.</summary>
    public static string? Key(string formula) =>
        FormulaParser.TryParse(formula, out var c, out _) ? c!.ReducedFormula : null;
}
