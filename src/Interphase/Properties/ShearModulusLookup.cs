using System.Globalization;
using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Properties;

/// <summary>A shear modulus with where it comes from.</summary>
/// <param name="Formula">Reduced formula.</param>
/// <param name="ShearModulusGpa">G, GPa.</param>
/// <param name="Source">Where the value comes from (knowledge-base citation, or the property source, polymorph rule and line/id).</param>
public sealed record ShearModulusValue(string Formula, double ShearModulusGpa, string Source);

/// <summary>
/// The shear modulus of an electrolyte for Monroe–Newman, in this order: a shear modulus reported in the reviews
/// (knowledge base); the property data (DFT Voigt–Reuss–Hill G, the value chosen by <see cref="PropertyChoice"/>); a
/// Young's modulus reported in the reviews, as G = E/[2(1+ν)] with ν = 0.25 assumed. Never invents one: when none
/// has it, <see cref="Missing"/> says so and how to get one.
/// </summary>
public static class ShearModulusLookup
{
    /// <summary>The shear modulus of <paramref name="formula"/>, or null.</summary>
    public static ShearModulusValue? Find(string formula, KnowledgeBase knowledge, IPropertySource properties)
    {
        string reduced = Composition.Parse(formula).ReducedFormula;
        var material = knowledge.FindMaterial(reduced);
        if (material?.Values("shear_modulus").FirstOrDefault(v => v.Quantity is not null) is { } g)
            return new(reduced, g.Quantity!.In("GPa").Value, $"knowledge base ({material.Id}): {g.Citation}");
        if (PropertyChoice.Choose(properties.Find(reduced, MaterialProperty.ShearModulus)) is { } c)
        {
            var p = c.Chosen;
            string where = p is null ? "" : p.SourceId is { } id ? $", {id}" : p.Line is { } line ? $", line {line.ToString(CultureInfo.InvariantCulture)}" : "";
            string method = p?.Method ?? c.Values.FirstOrDefault(v => v.Source == c.Source)?.Method ?? "";
            return new(reduced, c.Value, $"{(method.Length > 0 ? method + " " : "")}shear modulus from {c.Source}{where} ({c.Rule}; DFT elastic tensor)");
        }
        if (material?.Values("youngs_modulus").FirstOrDefault(v => v.Quantity is not null) is { } e)
            return new(reduced, Anode.MonroeNewman.ShearModulus(e.Quantity!.In("GPa").Value, 0.25),
                $"knowledge base ({material.Id}): E = {e.Quantity!.In("GPa").Value.ToString("0.#", CultureInfo.InvariantCulture)} GPa, {e.Citation}; G = E/[2(1+ν)] with ν = 0.25 assumed");
        return null;
    }

    /// <summary>Why there is no value and how a user could get one (for reports and errors).</summary>
    public static string Missing(string formula, IPropertySource properties)
    {
        string chemsys = FormulaParser.TryParse(formula, out var c, out _) ? c!.ChemicalSystem.ToString() : "SYSTEM";
        return $"no shear modulus for {formula} in the knowledge base or in {properties.Description}: the reviews report none; " +
               $"pull the Materials Project's elastic data (interphase data pull --chemsys {chemsys} --source mp), import a table " +
               "(interphase data import-properties FILE --property shear_modulus), or give a measured value (interphase anode monroe --shear G)";
    }
}
