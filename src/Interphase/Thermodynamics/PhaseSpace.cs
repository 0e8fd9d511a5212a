using System.Collections.Concurrent;
using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>
/// The entries of one chemical system prepared for hull queries: the lowest entry of each composition (polymorph
/// minimum), keeping only those below the elemental references (formation energy &lt; −1e-11 eV/atom, as
/// pymatgen's hull does) plus the elemental references, with a dense matrix of atom fractions. Immutable and
/// shared between threads; solvers are created per query.
/// </summary>
public sealed class PhaseSpace
{
    private const double FormationTolerance = 1e-11;
    private readonly Dictionary<string, PhaseEntry> _lowestByFormula;
    private readonly ConcurrentDictionary<int, GrandProblem> _grand = new();

    internal PhaseSpace(ChemicalSystem system, List<PhaseEntry> entries)
    {
        System = system;
        Elements = system.Elements;
        EntryCount = entries.Count;
        _lowestByFormula = new Dictionary<string, PhaseEntry>(StringComparer.Ordinal);
        foreach (var e in entries)
            if (!_lowestByFormula.TryGetValue(e.ReducedFormula, out var cur) || e.FormationEnergyPerAtom < cur.FormationEnergyPerAtom)
                _lowestByFormula[e.ReducedFormula] = e;
        int m = Elements.Count;
        var refs = new PhaseEntry?[m];
        var others = new List<PhaseEntry>();
        foreach (var e in _lowestByFormula.Values)
        {
            if (e.IsElement) refs[RowOf(e.Composition.Amounts[0].Key)] = e;
            else if (e.FormationEnergyPerAtom < -FormationTolerance) others.Add(e);
        }
        for (int i = 0; i < m; i++)
            if (refs[i] is null) throw new InterphaseException($"chemical system {system}: no entry for the element {Elements[i].Symbol}");
        // Deterministic column order (elements first, then by formula) so results do not depend on input order.
        others.Sort((a, b) => string.CompareOrdinal(a.ReducedFormula, b.ReducedFormula));
        Phases = [.. refs!, .. others];
        var a = new double[Phases.Count * m];
        var cost = new double[Phases.Count];
        for (int j = 0; j < Phases.Count; j++)
        {
            var c = Phases[j].Composition;
            foreach (var (el, n) in c.Amounts) a[j * m + RowOf(el)] = n / c.NumAtoms;
            cost[j] = Phases[j].FormationEnergyPerAtom;
        }
        Closed = new LpProblem(m, Phases.Count, a, Enumerable.Range(0, m).ToArray());
        ClosedCost = cost;
    }

    /// <summary>The chemical system.</summary>
    public ChemicalSystem System { get; }

    /// <summary>Elements in order of atomic number (the rows of every composition vector).</summary>
    public IReadOnlyList<Element> Elements { get; }

    /// <summary>All entries of the system (every polymorph, elemental references included).</summary>
    public int EntryCount { get; }

    /// <summary>Hull candidates: elemental references first (one per element, in <see cref="Elements"/> order),
    /// then the lowest polymorph of every composition with negative formation energy.</summary>
    public IReadOnlyList<PhaseEntry> Phases { get; }

    /// <summary>The lowest entry of every reduced formula in the system (polymorph minima).</summary>
    public IEnumerable<PhaseEntry> Polymorphs => _lowestByFormula.Values;

    internal LpProblem Closed { get; }
    internal double[] ClosedCost { get; }

    /// <summary>The lowest entry with the reduced formula of <paramref name="composition"/>, or null.</summary>
    public PhaseEntry? Lowest(Composition composition) => _lowestByFormula.GetValueOrDefault(composition.ReducedFormula);

    /// <summary>The row of an element.</summary>
    /// <exception cref="InterphaseException">The element is not part of the system.</exception>
    public int RowOf(Element element)
    {
        for (int i = 0; i < Elements.Count; i++)
            if (ReferenceEquals(Elements[i], element)) return i;
        throw new InterphaseException($"{element.Symbol} is not part of the chemical system {System}");
    }

    /// <summary>Atom fractions of a composition over <see cref="Elements"/>.</summary>
    /// <exception cref="InterphaseException">The composition has an element outside the system or is empty.</exception>
    public double[] Fractions(Composition composition)
    {
        if (composition.NumAtoms <= 0) throw new InterphaseException("empty composition");
        var x = new double[Elements.Count];
        foreach (var (el, n) in composition.Amounts) x[RowOf(el)] = n / composition.NumAtoms;
        return x;
    }

    internal GrandProblem Grand(Element open) => _grand.GetOrAdd(open.Z, _ => new GrandProblem(this, open));
}

/// <summary>
/// The phase space seen with one element open (exchanged with a reservoir at chemical potential μ): rows are the
/// other elements, columns the phases that contain any of them, at fractions of their non-open atoms; the cost of
/// column j is its grand potential per non-open atom, BaseCost_j − μ·OpenPerAtom_j.
/// </summary>
internal sealed class GrandProblem
{
    public GrandProblem(PhaseSpace space, Element open)
    {
        Space = space;
        Open = open;
        int openRow = space.RowOf(open);
        int m = space.Elements.Count - 1;
        if (m < 1) throw new InterphaseException($"the system {space.System} has no element besides the open {open.Symbol}");
        RowElements = space.Elements.Where(e => !ReferenceEquals(e, open)).ToArray();
        var cols = new List<int>();
        for (int j = 0; j < space.Phases.Count; j++)
            if (space.Closed.A[j * space.Elements.Count + openRow] < 1 - 1e-12) cols.Add(j);
        Columns = cols.ToArray();
        int n = Columns.Length, mm = space.Elements.Count;
        var a = new double[n * m];
        BaseCost = new double[n];
        OpenPerAtom = new double[n];
        var unit = new int[m];
        for (int c = 0; c < n; c++)
        {
            int j = Columns[c];
            double xOpen = space.Closed.A[j * mm + openRow];
            double rest = 1 - xOpen;
            for (int i = 0, r = 0; i < mm; i++)
            {
                if (i == openRow) continue;
                a[c * m + r] = space.Closed.A[j * mm + i] / rest;
                r++;
            }
            BaseCost[c] = space.ClosedCost[j] / rest;
            OpenPerAtom[c] = xOpen / rest;
            if (space.Phases[j].IsElement) unit[Array.IndexOf(RowElements, space.Phases[j].Composition.Amounts[0].Key)] = c;
        }
        Problem = new LpProblem(m, n, a, unit);
    }

    public PhaseSpace Space { get; }
    public Element Open { get; }
    public Element[] RowElements { get; }
    public int[] Columns { get; }
    public double[] BaseCost { get; }
    public double[] OpenPerAtom { get; }
    public LpProblem Problem { get; }

    public void FillCost(double mu, double[] cost)
    {
        for (int c = 0; c < cost.Length; c++) cost[c] = BaseCost[c] - mu * OpenPerAtom[c];
    }

    public PhaseEntry Phase(int column) => Space.Phases[Columns[column]];

    public double[] Fractions(Composition composition)
    {
        double rest = composition.NumAtoms - composition[Open];
        if (rest <= 1e-12) throw new InterphaseException($"{composition} has no element besides the open {Open.Symbol}");
        var x = new double[RowElements.Length];
        foreach (var (el, n) in composition.Amounts)
        {
            if (ReferenceEquals(el, Open)) continue;
            int r = Array.IndexOf(RowElements, el);
            if (r < 0) throw new InterphaseException($"{el.Symbol} is not part of the chemical system {Space.System}");
            x[r] = n / rest;
        }
        return x;
    }
}
