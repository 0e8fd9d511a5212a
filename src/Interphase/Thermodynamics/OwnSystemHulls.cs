using Interphase.Chemistry;
using System.Collections.Concurrent;

namespace Interphase.Thermodynamics;

/// <summary>
/// The energy above hull of every entry of an <see cref="EntrySet"/> within its own chemical system, computed once
/// for the whole set, system by system from the fewest elements up: the hull of a system is built from its own
/// entries and the stable phases of its subsystems only (a phase above the hull of its own system is above the hull
/// of every larger one too). The stable phases form <see cref="StableSet"/>, an entry set with the same hull
/// everywhere but several times fewer LP columns in many-element systems. Thread-safe after construction.
/// </summary>
public sealed class OwnSystemHulls
{
    /// <summary>Energies above hull (eV/atom) up to this count as stable (kept in <see cref="StableSet"/>).</summary>
    public const double StableTolerance = 1e-8;

    private readonly Dictionary<PhaseEntry, double> _eAboveHull;

    private OwnSystemHulls(Dictionary<PhaseEntry, double> eAboveHull, EntrySet stable)
    {
        _eAboveHull = eAboveHull;
        StableSet = stable;
    }

    /// <summary>Computes the hulls of every chemical system present in <paramref name="entries"/>.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="maxDegreeOfParallelism">Threads to use (default: all cores).</param>
    public static OwnSystemHulls Build(EntrySet entries, int maxDegreeOfParallelism = -1)
    {
        var bySystem = new Dictionary<UInt128, List<PhaseEntry>>();
        foreach (var e in entries.Entries)
        {
            if (!bySystem.TryGetValue(e.System.Mask, out var list)) bySystem[e.System.Mask] = list = [];
            list.Add(e);
        }
        var stableBySystem = new ConcurrentDictionary<UInt128, PhaseEntry[]>();
        var eAbove = new ConcurrentDictionary<PhaseEntry, double>(ReferenceEqualityComparer.Instance);
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        // Systems of one size depend only on smaller ones, so each size is one parallel pass.
        foreach (var level in bySystem.Keys.GroupBy(m => (int)UInt128.PopCount(m)).OrderBy(g => g.Key))
        {
            Parallel.ForEach(level, options, mask =>
            {
                var own = bySystem[mask];
                if (level.Key == 1)
                {
                    // Elemental entries: every one is kept (they carry the references); above hull = above the lowest.
                    double min = own.Min(e => e.FormationEnergyPerAtom);
                    foreach (var e in own) eAbove[e] = e.FormationEnergyPerAtom - Math.Min(min, 0);
                    stableBySystem[mask] = own.ToArray();
                    return;
                }
                var system = new ChemicalSystem(mask);
                var pool = new List<PhaseEntry>(own);
                for (UInt128 s = (mask - 1) & mask; s != 0; s = (s - 1) & mask)
                    if (stableBySystem.TryGetValue(s, out var sub)) pool.AddRange(sub);
                PhaseSpace space;
                try { space = new PhaseSpace(system, pool); }
                catch (InterphaseException)
                {
                    // An element without reference: such systems are refused by every query anyway.
                    stableBySystem[mask] = [];
                    return;
                }
                var solver = new SimplexSolver(space.Closed);
                var hullByFormula = new Dictionary<string, double>(StringComparer.Ordinal);
                var stable = new List<PhaseEntry>();
                foreach (var e in own)
                {
                    if (!hullByFormula.TryGetValue(e.ReducedFormula, out double h))
                        hullByFormula[e.ReducedFormula] = h = Math.Min(0, solver.Solve(space.ClosedCost, space.Fractions(e.Composition), false));
                    double above = e.FormationEnergyPerAtom - h;
                    eAbove[e] = above;
                    if (above <= StableTolerance && ReferenceEquals(space.Lowest(e.Composition), e)) stable.Add(e);
                }
                stableBySystem[mask] = stable.ToArray();
            });
        }
        var stableEntries = stableBySystem.Values.SelectMany(v => v).ToList();
        // Added references come back by themselves for every element of a kept formation-basis entry; keep the others.
        UInt128 covered = 0;
        foreach (var e in stableEntries)
            if (e.Entry.Provenance.Basis == Data.EnergyBasis.Formation && !ReferenceEquals(e.Entry.Provenance, EntrySet.ElementReference))
                covered |= e.System.Mask;
        var kept = stableEntries
            .Where(e => !ReferenceEquals(e.Entry.Provenance, EntrySet.ElementReference) || (e.System.Mask & covered) == 0)
            .Select(e => e.Entry).ToList();
        return new OwnSystemHulls(new Dictionary<PhaseEntry, double>(eAbove, ReferenceEqualityComparer.Instance), new EntrySet(kept));
    }

    /// <summary>Entries of the source set that lie on the hull of their own chemical system (lowest polymorph of each
    /// stable composition) and every elemental entry: hull energies, decompositions, windows and reactions computed
    /// on it equal those on the full set.</summary>
    public EntrySet StableSet { get; }

    /// <summary>All entries of the source set with their energies above hull.</summary>
    public IEnumerable<KeyValuePair<PhaseEntry, double>> All => _eAboveHull;

    /// <summary>Energy above hull (eV/atom) of an entry of the source set in its own chemical system, or null when the
    /// entry is not from that set or its system lacks an elemental reference.</summary>
    public double? EnergyAboveHull(PhaseEntry entry) => _eAboveHull.TryGetValue(entry, out var e) ? e : null;
}
