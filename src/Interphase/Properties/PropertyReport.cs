using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Properties;

/// <summary>One stored value in a <see cref="PropertyReport"/>.</summary>
/// <param name="Formula">Formula as written by the source (per cell).</param>
/// <param name="Value">Value in the property's unit.</param>
/// <param name="Source">Source name.</param>
/// <param name="SourceId">The source's id (e.g. mp-1234), when any.</param>
/// <param name="Line">Line of the imported file, when any.</param>
/// <param name="Method">How it was obtained (PBE, VRH, …), when known.</param>
/// <param name="EFormEvPerAtom">Formation energy of the same material when the source links them, eV/atom.</param>
public sealed record PropertyValueRow(string Formula, double Value, string Source, string? SourceId, int? Line, string? Method, double? EFormEvPerAtom);

/// <summary>One property of a compound in a <see cref="PropertyReport"/>: the value used, why, and the polymorph spread.</summary>
/// <param name="Property">Property name (<c>band_gap</c>, <c>shear_modulus</c>, …).</param>
/// <param name="Unit">Unit of every value here (eV, GPa, g/cm³, or empty).</param>
/// <param name="Value">Value an analysis uses.</param>
/// <param name="Source">Source of that value.</param>
/// <param name="Rule">Why that value (lowest-formation-energy polymorph, single value, or median with range).</param>
/// <param name="Polymorphs">Values (polymorphs) in that source.</param>
/// <param name="Min">Smallest value in that source.</param>
/// <param name="Max">Largest value in that source.</param>
/// <param name="Values">Every stored value, all sources.</param>
public sealed record PropertySummaryRow(string Property, string Unit, double Value, string Source, string Rule, int Polymorphs, double Min, double Max,
    IReadOnlyList<PropertyValueRow> Values);

/// <summary>
/// Every stored property of a compound (<c>interphase props FORMULA</c>): the values an analysis uses (keys with unit
/// suffixes), each with its source, rule and polymorph spread, and the electronic character the analyses derive.
/// </summary>
/// <param name="Formula">Formula as asked.</param>
/// <param name="ReducedFormula">Reduced formula (lookup key).</param>
/// <param name="DataSource">Where the values were looked up.</param>
/// <param name="BandGapEv">Band gap used, eV.</param>
/// <param name="ShearModulusGpa">Shear modulus used, GPa.</param>
/// <param name="BulkModulusGpa">Bulk modulus used, GPa.</param>
/// <param name="RefractiveIndex">Refractive index used.</param>
/// <param name="DielectricConstant">Dielectric constant used.</param>
/// <param name="DensityGPerCm3">Density used, g/cm³.</param>
/// <param name="Electronic">Electronic character the analyses use (insulating, conducting, gas, unknown).</param>
/// <param name="ElectronicReason">Why, with its source.</param>
/// <param name="Properties">Each property found, with every value.</param>
/// <param name="Missing">Properties with no value.</param>
/// <param name="HowToGet">How to get missing values (when some are missing).</param>
public sealed record PropertyReport(string Formula, string ReducedFormula, string DataSource, double? BandGapEv, double? ShearModulusGpa,
    double? BulkModulusGpa, double? RefractiveIndex, double? DielectricConstant, double? DensityGPerCm3, string Electronic, string ElectronicReason,
    IReadOnlyList<PropertySummaryRow> Properties, IReadOnlyList<string> Missing, string? HowToGet)
{
    /// <summary>Builds the report of <paramref name="formula"/> from <paramref name="source"/>.</summary>
    /// <exception cref="Interphase.Chemistry.FormulaException">Malformed formula.</exception>
    public static PropertyReport For(string formula, IPropertySource source, IProductCharacterSource? curated = null)
    {
        var comp = Composition.Parse(formula);
        string reduced = comp.ReducedFormula;
        var all = source.Find(reduced);
        var rows = new List<PropertySummaryRow>();
        var used = new Dictionary<MaterialProperty, double>();
        var missing = new List<string>();
        foreach (var p in MaterialProperties.All)
        {
            var values = all.Where(v => v.Property == p).ToList();
            if (PropertyChoice.Choose(values) is not { } c)
            {
                missing.Add(MaterialProperties.Name(p));
                continue;
            }
            used[p] = c.Value;
            rows.Add(new PropertySummaryRow(MaterialProperties.Name(p), MaterialProperties.Unit(p), c.Value, c.Source, c.Rule, c.Polymorphs, c.Min, c.Max,
                values.Select(v => new PropertyValueRow(v.Formula, v.Value, v.Source, v.SourceId, v.Line, v.Method, v.FormationEnergyEvPerAtom)).ToList()));
        }
        var character = new ElectronicCharacterService(curated ?? ProductCharacterTable.Default, source).Classify(reduced);
        double? U(MaterialProperty p) => used.TryGetValue(p, out var v) ? v : null;
        return new PropertyReport(formula, reduced, source.Description, U(MaterialProperty.BandGap), U(MaterialProperty.ShearModulus),
            U(MaterialProperty.BulkModulus), U(MaterialProperty.RefractiveIndex), U(MaterialProperty.DielectricConstant), U(MaterialProperty.Density),
            character.Electronic.ToString().ToLowerInvariant(), $"{character.Reason}{(character.Citation.Length > 0 ? $" [{character.Citation}]" : "")}",
            rows, missing, missing.Count > 0 ? PropertySources.HowToGet : null);
    }
}
