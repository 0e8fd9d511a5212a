using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>
/// Turns raw total energies into formation energies. A raw DFT energy only means something against elemental
/// references computed the same way, so each raw entry is referenced to the lowest-energy elemental entries
/// (eV/atom) of its own source; a source without a reference for one of its elements is refused.
/// </summary>
internal static class FormationEnergies
{
    /// <summary>
    /// Returns the entries with every raw-total entry replaced by its formation energy
    /// E_f = E − Σ n_i μ_i (eV for the formula as written), μ_i the lowest energy per atom of element i's entries in
    /// the same source. Formation entries are returned unchanged. Order is preserved.
    /// </summary>
    /// <exception cref="InterphaseException">A source lacks an elemental reference for an element it needs.</exception>
    public static IReadOnlyList<Entry> ToFormation(IReadOnlyList<Entry> entries)
    {
        if (entries.All(e => e.Provenance.Basis == EnergyBasis.Formation)) return entries;
        var references = ElementalReferences(entries);
        var result = new List<Entry>(entries.Count);
        foreach (var e in entries)
        {
            if (e.Provenance.Basis == EnergyBasis.Formation)
            {
                result.Add(e);
                continue;
            }
            var refs = references.GetValueOrDefault(e.Provenance.Source) ?? [];
            double energy = e.Energy;
            foreach (var (el, n) in e.Composition.Amounts)
            {
                if (!refs.TryGetValue(el, out double mu))
                    throw new InterphaseException(
                        $"source '{e.Provenance.Source}' has no raw total energy for elemental {el.Symbol}, needed as the reference for {e.Composition.ReducedFormula}: " +
                        "raw energies become formation energies only against elemental references from the same source (add the element's entries from that source)");
                energy -= n * mu;
            }
            result.Add(new Entry(e.Composition, energy, e.Provenance with { Basis = EnergyBasis.Formation }));
        }
        return result;
    }

    /// <summary>Lowest raw energy per atom (eV/atom) of each element, per source.</summary>
    public static IReadOnlyDictionary<string, Dictionary<Element, double>> ElementalReferences(IEnumerable<Entry> entries)
    {
        var refs = new Dictionary<string, Dictionary<Element, double>>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            if (e.Provenance.Basis != EnergyBasis.RawTotal || e.Composition.ElementCount != 1) continue;
            var el = e.Composition.Amounts[0].Key;
            if (!refs.TryGetValue(e.Provenance.Source, out var d)) refs[e.Provenance.Source] = d = [];
            d[el] = d.TryGetValue(el, out double cur) ? Math.Min(cur, e.EnergyPerAtom) : e.EnergyPerAtom;
        }
        return refs;
    }
}
