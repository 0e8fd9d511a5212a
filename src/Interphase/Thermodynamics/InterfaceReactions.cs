using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>
/// Pseudo-binary reactions: the hull energy H(x) along the line x·â + (1−x)·b̂ is convex and piecewise linear, so its
/// kinks are found exactly by <see cref="Breakpoints"/> with slopes from the LP duals (dH/dx = yᵀ(â − b̂)).
/// Open to an element, the same is done on grand potentials per atom of the other elements.
/// </summary>
internal static class InterfaceReactions
{
    public static InterfaceReaction Compute(ThermoEngine engine, Composition a, Composition b, ReactionOptions options)
    {
        if (options.Volts is null) return Closed(engine, a, b, options);
        return Open(engine, a, b, options);
    }

    private static InterfaceReaction Closed(ThermoEngine engine, Composition a, Composition b, ReactionOptions options)
    {
        var system = ChemicalSystem.Of(a).Union(ChemicalSystem.Of(b));
        var space = engine.Space(system);
        var solver = new SimplexSolver(space.Closed);
        var fa = space.Fractions(a);
        var fb = space.Fractions(b);
        double ea = ReactantEnergy(space, solver, a, options.UseHullEnergy);
        double eb = ReactantEnergy(space, solver, b, options.UseHullEnergy);
        var line = new LineHull(space.Closed, space.ClosedCost, fa, fb, solver);
        var kinks = new List<ReactionKink>();
        foreach (double x in line.KinkPositions())
        {
            double h = line.Solve(x);
            var phases = ThermoEngine.Decomposition(solver, j => space.Phases[j]);
            kinks.Add(new ReactionKink(x, Snap(h - x * ea - (1 - x) * eb),
                Reaction(a, b, x, phases, null, c => c.NumAtoms), phases.Select(p => p.Phase).ToList()));
        }
        return new InterfaceReaction(a, b, options, null, space.EntryCount, system.Count, kinks);
    }

    private static InterfaceReaction Open(ThermoEngine engine, Composition a, Composition b, ReactionOptions options)
    {
        var open = options.OpenElement ?? PeriodicTable.Get("Li");
        double volts = options.Volts!.Value;
        if (!double.IsFinite(volts) || volts < 0 || volts > Quantities.PhysicalLimits.MaxVoltsVsLi)
            throw new InterphaseException($"voltage {volts} V: give a voltage from 0 to {Quantities.PhysicalLimits.MaxVoltsVsLi} V vs {open.Symbol}/{open.Symbol}+ (the most oxidising couple, F2/F⁻, is at 5.9 V vs Li/Li+)");
        double mu = -volts;
        var system = ChemicalSystem.Of(a).Union(ChemicalSystem.Of(b)).With(open);
        var space = engine.Space(system);
        var gp = space.Grand(open);
        var fa = gp.Fractions(a);
        var fb = gp.Fractions(b);
        // Each reactant at its own grand potential per non-open atom (include_no_mixing_energy).
        var closedSolver = new SimplexSolver(space.Closed);
        double Grand(Composition c)
        {
            double e = ReactantEnergy(space, closedSolver, c, options.UseHullEnergy);
            double xo = c.AtomFraction(open);
            return (e - xo * mu) / (1 - xo);
        }
        double ga = Grand(a), gb = Grand(b);
        var cost = new double[gp.Problem.Columns];
        gp.FillCost(mu, cost);
        var solver = new SimplexSolver(gp.Problem);
        var line = new LineHull(gp.Problem, cost, fa, fb, solver);
        double f1 = 1 - a.AtomFraction(open), f2 = 1 - b.AtomFraction(open);
        // Each reactant equilibrated with the open element on its own: the ends of the grand-potential hull line.
        double hb = line.Solve(0), ha = line.Solve(1);
        var kinks = new List<ReactionKink>();
        foreach (double x in line.KinkPositions())
        {
            double h = line.Solve(x);
            var phases = ThermoEngine.Decomposition(solver, gp.Phase);
            double xConverted = x * f2 / ((1 - x) * f1 + x * f2);
            kinks.Add(new ReactionKink(xConverted, Snap(h - x * ga - (1 - x) * gb),
                Reaction(a, b, x, phases, open, c => c.NumAtoms - c[open]), phases.Select(p => p.Phase).ToList(),
                Math.Min(0, Snap(h - x * ha - (1 - x) * hb))));
        }
        return new InterfaceReaction(a, b, options, open, space.EntryCount, system.Count, kinks);
    }

    // Rounding residue at the pure ends is reported as the exact zero it is.
    private static double Snap(double e) => Math.Abs(e) < 1e-12 ? 0 : e;

    private static double ReactantEnergy(PhaseSpace space, SimplexSolver solver, Composition c, bool useHull)
    {
        if (!useHull && space.Lowest(c) is { } entry) return entry.FormationEnergyPerAtom;
        return solver.Solve(space.ClosedCost, space.Fractions(c), warmStart: false);
    }

    // Balanced reaction at mixing fraction x (of counted atoms: all atoms closed, non-open atoms open), reactant
    // coefficients summing to one formula unit; the open element balances whatever the phases take or leave.
    private static ChemicalReaction Reaction(Composition a, Composition b, double x, List<PhaseFraction> phases, Element? open,
        Func<Composition, double> counted)
    {
        double na = x / counted(a), nb = (1 - x) / counted(b);
        if (Math.Abs(x) < 1e-8) na = 0;
        if (Math.Abs(1 - x) < 1e-8) nb = 0;
        double s = na + nb;
        var reactants = new List<ReactionTerm>();
        if (na > 0) reactants.Add(ChemicalReaction.Term(a, na / s));
        if (nb > 0) reactants.Add(ChemicalReaction.Term(b, nb / s));
        var products = new List<ReactionTerm>();
        double openOut = 0;
        foreach (var p in phases)
        {
            var c = p.Phase.Composition;
            double units = p.Fraction / s / counted(c); // formula units of c as written
            products.Add(ChemicalReaction.Term(c, units));
            if (open is not null) openOut += units * c[open];
        }
        if (open is not null)
        {
            double openIn = (na * a[open] + nb * b[open]) / s;
            double d = openIn - openOut;
            var oc = Composition.Of(open);
            if (d > 1e-9) products.Insert(0, ChemicalReaction.Term(oc, d));
            else if (d < -1e-9) reactants.Add(ChemicalReaction.Term(oc, -d));
        }
        return new ChemicalReaction(reactants, products);
    }

    /// <summary>The hull along a composition line, solved by one solver.</summary>
    private sealed class LineHull(LpProblem problem, double[] cost, double[] fa, double[] fb, SimplexSolver solver)
    {
        private readonly double[] _rhs = new double[problem.Rows];

        public double Solve(double x)
        {
            for (int i = 0; i < _rhs.Length; i++) _rhs[i] = x * fa[i] + (1 - x) * fb[i];
            return solver.Solve(cost, _rhs, warmStart: true);
        }

        private (double, double) Eval(double x)
        {
            double h = Solve(x);
            double slope = 0;
            var y = solver.Duals;
            for (int i = 0; i < y.Length; i++) slope += y[i] * (fa[i] - fb[i]);
            return (h, slope);
        }

        public List<double> KinkPositions()
        {
            bool same = true;
            for (int i = 0; i < fa.Length; i++) same &= Math.Abs(fa[i] - fb[i]) < 1e-12;
            var xs = new List<double> { 0 };
            if (!same) xs.AddRange(Breakpoints.Convex(Eval, 0, 1));
            xs.Add(1);
            return xs;
        }
    }
}
