using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>The most exothermic point of a closed pseudo-binary interface reaction.</summary>
/// <param name="A">Reactant a.</param>
/// <param name="B">Reactant b.</param>
/// <param name="X">Mixing fraction of a, in atoms of the reactants as written (1: pure a), where the reaction energy
/// is lowest (pymatgen's <c>x</c> of the most exothermic kink).</param>
/// <param name="EnergyPerAtom">The lowest reaction energy, eV per atom of the mixture (0 when a and b do not react).</param>
/// <param name="Products">Equilibrium phases at <paramref name="X"/>.</param>
/// <param name="Solves">Linear programs solved (for diagnostics).</param>
public sealed record ReactionMinimum(Composition A, Composition B, double X, double EnergyPerAtom,
    IReadOnlyList<PhaseEntry> Products, int Solves);

/// <summary>
/// Finds only the most exothermic point of a closed interface reaction, for screening. The reaction energy
/// E(x) = H(x) − x·H(1) − (1−x)·H(0) is convex and piecewise linear in x, so its minimum is a kink and a
/// one-sided cutting-plane search (intersect the tangents at the ends of a bracket, evaluate there, keep the half
/// whose slope changes sign) reaches it exactly after a few LP solves, instead of tracing every kink as
/// <see cref="ThermoEngine.React"/> does. Reactants are taken at their hull energies (pymatgen's
/// <c>use_hull_energy=True</c>), so the result equals the most exothermic kink of <see cref="ThermoEngine.React"/>.
/// </summary>
public static class ReactionMinimumSearch
{
    private const int MaxSolves = 200;

    /// <summary>The most exothermic point of the closed reaction between <paramref name="a"/> and
    /// <paramref name="b"/> (reactants at their hull energies). Thread-safe.</summary>
    /// <exception cref="InterphaseException">A composition is empty or has elements without data.</exception>
    public static ReactionMinimum InterfaceReactionMinimum(this ThermoEngine engine, Composition a, Composition b)
    {
        var space = engine.Space(ChemicalSystem.Of(a).Union(ChemicalSystem.Of(b)));
        var fa = space.Fractions(a);
        var fb = space.Fractions(b);
        var solver = new SimplexSolver(space.Closed);
        var rhs = new double[fa.Length];
        int solves = 0;
        bool same = true;
        for (int i = 0; i < fa.Length; i++) same &= Math.Abs(fa[i] - fb[i]) < 1e-12;

        // Hull value and a subgradient dH/dx = yᵀ(â − b̂) from the LP duals.
        (double H, double G) Eval(double x)
        {
            for (int i = 0; i < rhs.Length; i++) rhs[i] = x * fa[i] + (1 - x) * fb[i];
            double h = solver.Solve(space.ClosedCost, rhs, warmStart: solves > 0);
            solves++;
            double g = 0;
            var y = solver.Duals;
            for (int i = 0; i < y.Length; i++) g += y[i] * (fa[i] - fb[i]);
            return (h, g);
        }

        var (hb, gb) = Eval(0);
        var productsAtB = Products(solver, space);
        if (same) return new ReactionMinimum(a, b, 0, 0, productsAtB, solves);
        var (ha, ga) = Eval(1);
        var productsAtA = Products(solver, space);
        double chord = ha - hb;
        // Reaction-energy values and slopes: E(x) = H(x) − hb − x·chord, E(0) = E(1) = 0.
        double x0 = 0, e0 = 0, s0 = gb - chord;
        double x1 = 1, e1 = 0, s1 = ga - chord;
        if (s0 >= 0) return new ReactionMinimum(a, b, 0, 0, productsAtB, solves);
        if (s1 <= 0) return new ReactionMinimum(a, b, 1, 0, productsAtA, solves);
        double bestX = 0, bestE = 0;
        IReadOnlyList<PhaseEntry> bestProducts = productsAtB;
        double tol = 1e-10 * (1 + Math.Abs(ha) + Math.Abs(hb));
        while (solves < MaxSolves)
        {
            double ds = s1 - s0;
            if (ds <= 0) break;
            double xs = Math.Clamp((e0 - e1 + s1 * x1 - s0 * x0) / ds, x0, x1);
            double lower = e0 + s0 * (xs - x0);
            if (xs - x0 <= 1e-12 || x1 - xs <= 1e-12)
            {
                // The tangents meet at a bracket end: that end is the kink.
                if (xs - x0 <= 1e-12 && e0 < bestE) (bestX, bestE) = (x0, e0);
                if (x1 - xs <= 1e-12 && e1 < bestE) (bestX, bestE) = (x1, e1);
                break;
            }
            var (h, g) = Eval(xs);
            double e = h - hb - xs * chord, s = g - chord;
            if (e < bestE)
            {
                bestX = xs;
                bestE = e;
                bestProducts = Products(solver, space);
            }
            // The function touches both tangents at xs: xs is the kink where the slope changes sign.
            if (e - lower <= tol || Math.Abs(s) <= 1e-12) break;
            if (s < 0) (x0, e0, s0) = (xs, e, s);
            else (x1, e1, s1) = (xs, e, s);
        }
        if (bestProducts == productsAtB && bestX > 0)
        {
            Eval(bestX);
            bestProducts = Products(solver, space);
        }
        return new ReactionMinimum(a, b, bestX, bestE, bestProducts, solves);
    }

    private static IReadOnlyList<PhaseEntry> Products(SimplexSolver solver, PhaseSpace space) =>
        ThermoEngine.Decomposition(solver, j => space.Phases[j]).Select(p => p.Phase).ToList();
}
