using System.Globalization;

namespace Interphase.Properties;

/// <summary>
/// The value of one property an analysis uses for a compound, the values it was chosen from, and why.
/// </summary>
/// <param name="Property">The property.</param>
/// <param name="Value">The value used, in the property's unit.</param>
/// <param name="Source">Source of the value used.</param>
/// <param name="Rule">Why this value: the polymorph of lowest formation energy (when the source links values to
/// formation energies), the only value, or the median of the polymorphs with their range.</param>
/// <param name="Values">Every stored value of this property for the compound (all polymorphs and sources).</param>
/// <param name="Chosen">The polymorph used, when one value was picked (null for a median of an even count).</param>
internal sealed record PropertyChoice(MaterialProperty Property, double Value, string Source, string Rule,
    IReadOnlyList<PropertyRecord> Values, PropertyRecord? Chosen)
{
    /// <summary>Smallest value of the source used.</summary>
    public double Min => FromSource.Min(v => v.Value);

    /// <summary>Largest value of the source used.</summary>
    public double Max => FromSource.Max(v => v.Value);

    /// <summary>Number of polymorphs (values) of the source used.</summary>
    public int Polymorphs => FromSource.Count();

    private IEnumerable<PropertyRecord> FromSource => Values.Where(v => v.Source == Source);

    /// <summary>
    /// Chooses the value to use from <paramref name="values"/> (one property of one compound; null when empty).
    /// Sources are not mixed: a source that links values to formation energies is preferred (its polymorph of lowest
    /// formation energy is used, as the thermodynamics would use it), else the source with most values (ties by name),
    /// whose single value or median over polymorphs is used.
    /// </summary>
    public static PropertyChoice? Choose(IReadOnlyList<PropertyRecord> values)
    {
        if (values.Count == 0) return null;
        var property = values[0].Property;
        if (values.Any(v => v.Property != property)) throw new ArgumentException("values of more than one property", nameof(values));
        string unit = MaterialProperties.Unit(property);
        var linked = values.Where(v => v.FormationEnergyEvPerAtom is not null).ToList();
        if (linked.Count > 0)
        {
            var best = linked.MinBy(v => v.FormationEnergyEvPerAtom!.Value)!;
            int n = values.Count(v => v.Source == best.Source);
            string rule = $"polymorph of lowest formation energy ({best.SourceId}, {F(best.FormationEnergyEvPerAtom!.Value)} eV/atom)"
                          + (n > 1 ? $" of {n} in {best.Source}" : "");
            return new PropertyChoice(property, best.Value, best.Source, rule, values, best);
        }
        var group = values.GroupBy(v => v.Source).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().ToList();
        if (group.Count == 1)
            return new PropertyChoice(property, group[0].Value, group[0].Source, "single value", values, group[0]);
        var sorted = group.OrderBy(v => v.Value).ToList();
        int m = sorted.Count / 2;
        double median = sorted.Count % 2 == 1 ? sorted[m].Value : 0.5 * (sorted[m - 1].Value + sorted[m].Value);
        string u = unit.Length > 0 ? " " + unit : "";
        return new PropertyChoice(property, median, group[0].Source,
            $"median of {sorted.Count} polymorphs (range {F(sorted[0].Value)}–{F(sorted[^1].Value)}{u}; the source does not link them to formation energies)",
            values, sorted.Count % 2 == 1 ? sorted[m] : null);
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
