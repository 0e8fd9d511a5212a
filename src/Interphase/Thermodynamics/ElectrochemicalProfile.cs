using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>
/// The profile of a compound open to one element: G(μ) = min Σ n_i (E_i − μ·N_open,i) over phases holding the
/// compound's other atoms is concave and piecewise linear in μ with slope −N_open, so every change of equilibrium
/// is a breakpoint found exactly by <see cref="Breakpoints"/> on V ∈ [0, V_max] (μ = −e·V), each LP warm-started
/// from the previous basis (only the costs change with μ).
/// </summary>
internal static class ElectrochemicalProfile
{
    public static StabilityWindow Compute(ThermoEngine engine, Composition composition, Element open)
    {
        var space = engine.Space(ChemicalSystem.Of(composition).With(open));
        var gp = space.Grand(open);
        var rhs = gp.Fractions(composition);
        var solver = new SimplexSolver(gp.Problem);
        var cost = new double[gp.Problem.Columns];

        // −G as a function of V is convex with slope −(open atoms per other atom in the equilibrium).
        (double Value, double Slope) Eval(double volts)
        {
            gp.FillCost(-volts, cost);
            double g = solver.Solve(cost, rhs, warmStart: true);
            return (-g, -OpenContent(solver, gp));
        }

        double vMax = 20;
        var top = Eval(vMax);
        while (-top.Slope > 1e-9 && vMax < 1e4)
        {
            vMax *= 2;
            top = Eval(vMax);
        }
        var bottom = Eval(0);
        var breaks = Breakpoints.Convex(Eval, 0, vMax, bottom, top);
        var starts = new List<double> { 0 };
        starts.AddRange(breaks);

        double otherAtoms = composition.NumAtoms - composition[open];
        double openAtoms = composition[open];
        var segments = new List<ProfileSegment>();
        for (int s = 0; s < starts.Count; s++)
        {
            double? end = s + 1 < starts.Count ? starts[s + 1] : null;
            double mid = end is { } e ? 0.5 * (starts[s] + e) : starts[s] + 1;
            gp.FillCost(-mid, cost);
            solver.Solve(cost, rhs, warmStart: true);
            double uptake = OpenContent(solver, gp) * otherAtoms - openAtoms;
            if (Math.Abs(uptake) < 1e-9) uptake = 0;
            var phases = ThermoEngine.Decomposition(solver, gp.Phase);
            var products = phases.Select(p => p.Phase).OrderBy(p => p.ReducedFormula, StringComparer.Ordinal).ToList();
            var reaction = Reaction(composition, open, uptake, phases, otherAtoms);
            // Collinear facets give no breakpoint; identical neighbours cannot arise, but merge defensively.
            if (segments.Count > 0 && segments[^1].ProductFormulas.SequenceEqual(products.Select(p => p.ReducedFormula))
                && Math.Abs(segments[^1].UptakePerFormulaUnit - uptake) < 1e-9)
            {
                segments[^1] = segments[^1] with { EndVolts = end };
                continue;
            }
            segments.Add(new ProfileSegment(starts[s], end, uptake, products, reaction));
        }
        return new StabilityWindow(composition, open, space.EntryCount, segments);
    }

    private static double OpenContent(SimplexSolver solver, GrandProblem gp)
    {
        double l = 0;
        for (int i = 0; i < solver.Basis.Length; i++) l += solver.BasicValues[i] * gp.OpenPerAtom[solver.Basis[i]];
        return l;
    }

    private static ChemicalReaction Reaction(Composition composition, Element open, double uptake, List<PhaseFraction> phases, double otherAtoms)
    {
        var reactants = new List<ReactionTerm> { ChemicalReaction.Term(composition, 1) };
        var products = new List<ReactionTerm>();
        var openComp = Composition.Of(open);
        if (uptake > 1e-9) reactants.Add(ChemicalReaction.Term(openComp, uptake));
        foreach (var p in phases)
        {
            var c = p.Phase.Composition;
            double otherPerAtom = 1 - c.AtomFraction(open);
            products.Add(ChemicalReaction.TermFromAtoms(c, p.Fraction * otherAtoms / otherPerAtom));
        }
        if (uptake < -1e-9) products.Add(ChemicalReaction.Term(openComp, -uptake));
        return new ChemicalReaction(reactants, products);
    }
}
