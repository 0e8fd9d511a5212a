using System.Collections.Concurrent;
using Interphase.Chemistry;
using Interphase.Data;

namespace Interphase.Thermodynamics;

/// <summary>
/// Entries indexed by chemical system (an element bitmask), so the entries of any system are gathered from its
/// 2^k − 1 subsystems without scanning the whole set. Energies are turned into formation energies:
/// formation-basis entries (e.g. mp_e_form.csv) are used as they are and every element they contain gets a
/// reference entry at 0 eV/atom; raw-energy entries (pymatgen JSON) are referenced to the lowest elemental entry of
/// each element among the raw entries. Thread-safe: immutable after construction except for the per-system cache.
/// </summary>
public sealed class EntrySet
{
    /// <summary>Provenance of the elemental references added for formation-basis data.</summary>
    public static readonly Provenance ElementReference = new("elemental reference", null, EnergyBasis.Formation);

    private readonly PhaseEntry[] _entries;
    private readonly Dictionary<UInt128, int[]> _bySystem;
    private readonly UInt128 _referenced;
    private readonly ConcurrentDictionary<UInt128, Lazy<PhaseSpace>> _spaces = new();

    /// <summary>Builds the set from entries of any basis (see the class remarks).</summary>
    public EntrySet(IEnumerable<Entry> entries)
    {
        var list = entries as IReadOnlyCollection<Entry> ?? entries.ToList();
        var formation = new List<PhaseEntry>(list.Count + 128);
        var rawRef = new Dictionary<Element, double>();
        UInt128 formationElements = 0;
        foreach (var e in list)
        {
            if (e.Provenance.Basis == EnergyBasis.RawTotal)
            {
                if (e.Composition.ElementCount == 1)
                {
                    var el = e.Composition.Amounts[0].Key;
                    rawRef[el] = Math.Min(rawRef.GetValueOrDefault(el, double.PositiveInfinity), e.EnergyPerAtom);
                }
            }
            else formationElements |= ChemicalSystem.Of(e.Composition).Mask;
        }
        foreach (var e in list)
        {
            var sys = ChemicalSystem.Of(e.Composition);
            if (e.Provenance.Basis == EnergyBasis.RawTotal)
            {
                double refSum = 0;
                bool ok = true;
                foreach (var (el, n) in e.Composition.Amounts)
                {
                    if (!rawRef.TryGetValue(el, out var mu)) { ok = false; break; }
                    refSum += n * mu;
                }
                if (!ok) continue; // no elemental reference: such systems are refused when queried
                formation.Add(new PhaseEntry(e, (e.Energy - refSum) / e.Composition.NumAtoms, sys));
            }
            else formation.Add(new PhaseEntry(e, e.EnergyPerAtom, sys));
        }
        foreach (var el in new ChemicalSystem(formationElements).Elements)
            if (!rawRef.ContainsKey(el))
                formation.Add(new PhaseEntry(new Entry(Composition.Of(el), 0, ElementReference), 0, ChemicalSystem.Of([el])));
        _referenced = formationElements | ChemicalSystem.Of(rawRef.Keys).Mask;
        _entries = formation.ToArray();
        var groups = new Dictionary<UInt128, List<int>>();
        for (int i = 0; i < _entries.Length; i++)
        {
            var key = _entries[i].System.Mask;
            if (!groups.TryGetValue(key, out var g)) groups[key] = g = new List<int>(4);
            g.Add(i);
        }
        _bySystem = new Dictionary<UInt128, int[]>(groups.Count);
        foreach (var (k, g) in groups) _bySystem[k] = g.ToArray();
    }

    /// <summary>Loads one or more entry files (CSV or pymatgen JSON, detected by content).</summary>
    public static EntrySet Load(params string[] paths) => new(paths.SelectMany(EntryFileReader.Read).ToList());

    /// <summary>Number of entries, elemental references included.</summary>
    public int Count => _entries.Length;

    /// <summary>All entries with their formation energies.</summary>
    public IReadOnlyList<PhaseEntry> Entries => _entries;

    /// <summary>Every element that has a reference (and so can be part of a queried system).</summary>
    public ChemicalSystem ReferencedElements => new(_referenced);

    /// <summary>The entries whose elements all lie in <paramref name="system"/> (2^k − 1 index lookups).</summary>
    public List<PhaseEntry> EntriesIn(ChemicalSystem system)
    {
        var result = new List<PhaseEntry>();
        foreach (var sub in system.Subsystems())
            if (_bySystem.TryGetValue(sub.Mask, out var idx))
                foreach (int i in idx) result.Add(_entries[i]);
        return result;
    }

    /// <summary>
    /// The phase space of a chemical system (cached: built once per system, shared by every query on it).
    /// </summary>
    /// <exception cref="InterphaseException">An element has no reference entry, or the system has no data.</exception>
    public PhaseSpace Space(ChemicalSystem system)
    {
        if (system.Count == 0) throw new InterphaseException("empty chemical system");
        var missing = new ChemicalSystem(system.Mask & ~_referenced);
        if (missing.Count > 0)
            throw new InterphaseException($"chemical system {system}: no elemental reference (and no data) for {missing}");
        return _spaces.GetOrAdd(system.Mask, m => new Lazy<PhaseSpace>(() => new PhaseSpace(new ChemicalSystem(m), EntriesIn(new ChemicalSystem(m))))).Value;
    }

    /// <summary>Drops cached phase spaces (e.g. to measure cold queries).</summary>
    public void ClearCache() => _spaces.Clear();
}
