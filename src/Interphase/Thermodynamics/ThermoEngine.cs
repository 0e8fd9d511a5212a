using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>
/// Thermodynamics on an <see cref="EntrySet"/>: hull energies, energies above hull and decompositions, stable sets,
/// electrochemical stability windows and interface reactions, for any number of elements. Every query solves small
/// linear programs on the (cached) phase space of its chemical system; no N-dimensional hull is built. Thread-safe:
/// phase spaces are immutable and each query uses its own solver workspace.
/// </summary>
public sealed class ThermoEngine
{
    /// <summary>Atom fractions below this are not reported as phases (pymatgen's numerical tolerance).</summary>
    public const double PhaseTolerance = 1e-8;

    /// <summary>Energies above hull below this (eV/atom) count as on the hull.</summary>
    public const double StabilityTolerance = 1e-9;

    /// <summary>Creates an engine over an entry set.</summary>
    public ThermoEngine(EntrySet entries) => Entries = entries;

    /// <summary>Loads entry files (CSV or pymatgen JSON) into a new engine.</summary>
    public static ThermoEngine Load(params string[] paths) => new(EntrySet.Load(paths));

    /// <summary>The entries.</summary>
    public EntrySet Entries { get; }

    /// <summary>The (cached) phase space of a chemical system.</summary>
    public PhaseSpace Space(ChemicalSystem system) => Entries.Space(system);

    /// <summary>The hull at a composition, within the composition's own chemical system.</summary>
    public HullPoint Hull(Composition composition) => Hull(composition, ChemicalSystem.Of(composition));

    /// <summary>The hull at a composition within a (larger) chemical system.</summary>
    public HullPoint Hull(Composition composition, ChemicalSystem system)
    {
        var space = Space(system);
        var solver = new SimplexSolver(space.Closed);
        return HullAt(space, solver, composition);
    }

    internal static HullPoint HullAt(PhaseSpace space, SimplexSolver solver, Composition composition)
    {
        var x = space.Fractions(composition);
        double e = solver.Solve(space.ClosedCost, x, warmStart: false);
        var mu = new Dictionary<Element, double>();
        for (int i = 0; i < space.Elements.Count; i++) mu[space.Elements[i]] = solver.Duals[i];
        return new HullPoint(composition, e, Decomposition(solver, j => space.Phases[j]), mu);
    }

    internal static List<PhaseFraction> Decomposition(SimplexSolver solver, Func<int, PhaseEntry> phase)
    {
        var list = new List<PhaseFraction>();
        for (int i = 0; i < solver.Basis.Length; i++)
            if (solver.BasicValues[i] > PhaseTolerance) list.Add(new PhaseFraction(phase(solver.Basis[i]), solver.BasicValues[i]));
        list.Sort((a, b) => b.Fraction.CompareTo(a.Fraction));
        return list;
    }

    /// <summary>Formation energy (eV/atom) of the lowest entry with the composition's reduced formula.</summary>
    /// <exception cref="InterphaseException">No entry has that formula.</exception>
    public double FormationEnergy(Composition composition) =>
        Space(ChemicalSystem.Of(composition)).Lowest(composition)?.FormationEnergyPerAtom
        ?? throw new InterphaseException($"no entry with the formula {composition.ReducedFormula}");

    /// <summary>Energy above hull and decomposition of the lowest entry with the composition's formula, and the hull
    /// energy at the composition (also when no entry has it).</summary>
    public StabilityResult Stability(Composition composition)
    {
        var space = Space(ChemicalSystem.Of(composition));
        var hull = HullAt(space, new SimplexSolver(space.Closed), composition);
        var lowest = space.Lowest(composition);
        if (lowest is null) return new StabilityResult(composition, space.EntryCount, null, null, null, hull);
        double eh = lowest.FormationEnergyPerAtom - hull.EnergyPerAtom;
        if (eh < StabilityTolerance)
            return new StabilityResult(composition, space.EntryCount, lowest, 0.0, [new PhaseFraction(lowest, 1.0)], hull);
        return new StabilityResult(composition, space.EntryCount, lowest, eh, hull.Decomposition, hull);
    }

    /// <summary>Energy above hull (eV/atom) of an entry within its own chemical system.</summary>
    public double EnergyAboveHull(PhaseEntry entry)
    {
        var space = Space(entry.System);
        var solver = new SimplexSolver(space.Closed);
        return entry.FormationEnergyPerAtom - solver.Solve(space.ClosedCost, space.Fractions(entry.Composition), false);
    }

    /// <summary>
    /// The tie-lines of a chemical system: pairs of stable entries that coexist, i.e. the edges of the hull's facets
    /// (the lines a ternary phase diagram draws; pymatgen's edges of <c>PhaseDiagram.facets</c>). A pair is a tie-line
    /// when the hull at its midpoint lies on the straight line between the two (nothing below it) and no other stable
    /// entry sits on the segment between them (then the segment is two tie-lines). Where four or more stable entries
    /// share one plane (a degenerate facet) every edge of that plane is given, including crossing diagonals.
    /// </summary>
    public IReadOnlyList<TieLine> TieLines(ChemicalSystem system)
    {
        var stable = StableEntries(system);
        var space = Space(system);
        var solver = new SimplexSolver(space.Closed);
        var x = stable.Select(e => space.Fractions(e.Composition)).ToArray();
        var lines = new List<TieLine>();
        var mid = new double[space.Elements.Count];
        for (int i = 0; i < stable.Count; i++)
            for (int j = i + 1; j < stable.Count; j++)
            {
                for (int k = 0; k < mid.Length; k++) mid[k] = 0.5 * (x[i][k] + x[j][k]);
                double line = 0.5 * (stable[i].FormationEnergyPerAtom + stable[j].FormationEnergyPerAtom);
                double hull = solver.Solve(space.ClosedCost, mid, warmStart: false);
                if (hull < line - TieLineTolerance) continue;
                bool between = false;
                for (int m = 0; m < stable.Count && !between; m++)
                    between = m != i && m != j && OnSegment(x[i], x[j], x[m]);
                if (!between) lines.Add(new TieLine(stable[i], stable[j]));
            }
        return lines;
    }

    // Energies within this (eV/atom) of the line count as on it: DFT energies carry 5 decimals, the LP ~1e-12.
    private const double TieLineTolerance = 1e-6;

    // Whether composition m lies strictly between a and b on the segment a–b (atom fractions).
    private static bool OnSegment(double[] a, double[] b, double[] m)
    {
        double t = double.NaN;
        for (int k = 0; k < a.Length; k++)
        {
            double d = b[k] - a[k];
            if (Math.Abs(d) < 1e-12)
            {
                if (Math.Abs(m[k] - a[k]) > 1e-9) return false;
                continue;
            }
            double tk = (m[k] - a[k]) / d;
            if (double.IsNaN(t)) t = tk;
            else if (Math.Abs(tk - t) > 1e-9) return false;
        }
        return t is > 1e-9 and < 1 - 1e-9;
    }

    /// <summary>The stable entries (vertices of the hull) of a chemical system, elements included.</summary>
    public IReadOnlyList<PhaseEntry> StableEntries(ChemicalSystem system)
    {
        var space = Space(system);
        var solver = new SimplexSolver(space.Closed);
        var stable = new List<PhaseEntry>();
        foreach (var p in space.Phases)
        {
            if (p.IsElement) { stable.Add(p); continue; }
            double h = solver.Solve(space.ClosedCost, space.Fractions(p.Composition), false);
            if (p.FormationEnergyPerAtom - h < StabilityTolerance) stable.Add(p);
        }
        return stable;
    }

    /// <summary>Electrochemical stability against exchange of an open element (Li by default).</summary>
    public StabilityWindow Window(Composition composition, Element? openElement = null) =>
        ElectrochemicalProfile.Compute(this, composition, openElement ?? PeriodicTable.Get("Li"));

    /// <summary>Pseudo-binary interface reaction between two compositions, closed or open to an element.</summary>
    public InterfaceReaction React(Composition a, Composition b, ReactionOptions? options = null) =>
        InterfaceReactions.Compute(this, a, b, options ?? new ReactionOptions());
}
