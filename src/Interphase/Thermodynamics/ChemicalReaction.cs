using System.Globalization;
using System.Text;
using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>One side's term of a reaction: a reduced formula and its coefficient (formula units of that formula).</summary>
public sealed record ReactionTerm(string Formula, double Coefficient);

/// <summary>A balanced reaction, written like pymatgen's <c>Reaction</c> (coefficients to 4 significant digits,
/// 1 omitted), e.g. <c>0.6857 LiCoO2 + 0.3143 Li3PS4 -> 0.02857 Li2SO4 + ...</c>.</summary>
public sealed class ChemicalReaction
{
    private const double Tolerance = 1e-6;

    /// <summary>Creates a reaction from its terms.</summary>
    public ChemicalReaction(IReadOnlyList<ReactionTerm> reactants, IReadOnlyList<ReactionTerm> products)
    {
        Reactants = reactants;
        Products = products;
    }

    /// <summary>Reactants with their coefficients.</summary>
    public IReadOnlyList<ReactionTerm> Reactants { get; }

    /// <summary>Products with their coefficients.</summary>
    public IReadOnlyList<ReactionTerm> Products { get; }

    /// <summary>Reduced formulas of the products.</summary>
    public IEnumerable<string> ProductFormulas => Products.Select(p => p.Formula);

    /// <summary>A term for an amount of a composition given in formula units of the composition as written.</summary>
    public static ReactionTerm Term(Composition composition, double formulaUnits) =>
        new(composition.ReducedFormula, formulaUnits * composition.FormulaUnits);

    /// <summary>A term for an amount of a composition given in atoms.</summary>
    public static ReactionTerm TermFromAtoms(Composition composition, double atoms) =>
        new(composition.ReducedFormula, atoms * composition.FormulaUnits / composition.NumAtoms);

    /// <inheritdoc />
    public override string ToString()
    {
        static string Side(IEnumerable<ReactionTerm> terms) => string.Join(" + ", terms
            .Where(t => Math.Abs(t.Coefficient) > Tolerance)
            .Select(t => Math.Abs(t.Coefficient - 1) < Tolerance ? t.Formula : $"{FormatG4(t.Coefficient)} {t.Formula}"));
        return $"{Side(Reactants)} -> {Side(Products)}";
    }

    /// <summary>Formats like Python's <c>{:.4g}</c>.</summary>
    public static string FormatG4(double v)
    {
        if (v == 0 || !double.IsFinite(v)) return v.ToString(CultureInfo.InvariantCulture);
        string s = v.ToString("E3", CultureInfo.InvariantCulture); // d.dddE+xxx, rounded to 4 significant digits
        int ePos = s.IndexOf('E');
        int exp = int.Parse(s.AsSpan(ePos + 1), CultureInfo.InvariantCulture);
        if (exp < -4 || exp >= 4)
        {
            string mant = s[..ePos].TrimEnd('0').TrimEnd('.');
            return $"{mant}e{(exp < 0 ? '-' : '+')}{Math.Abs(exp):00}";
        }
        double rounded = double.Parse(s, CultureInfo.InvariantCulture);
        var sb = new StringBuilder(rounded.ToString("F" + Math.Max(0, 3 - exp), CultureInfo.InvariantCulture));
        string f = sb.ToString();
        if (f.Contains('.')) f = f.TrimEnd('0').TrimEnd('.');
        return f;
    }
}
