using MathNet.Numerics.RootFinding;

namespace Interphase.SpaceCharge;

/// <summary>A phase at an interface with its Li potential (Li chemical potential μ_Li = −e·V, V vs Li/Li⁺).</summary>
/// <param name="Phase">Material parameters.</param>
/// <param name="LiPotentialV">Li potential of the bulk phase, V vs Li/Li⁺.</param>
/// <param name="PotentialSource">How the potential was obtained (shown in the output).</param>
public sealed record InterfacePhase(SpaceChargePhase Phase, double LiPotentialV, string PotentialSource = "given");

/// <summary>
/// Equilibrium space-charge layers at a cathode | electrolyte interface, bare or with a buffer coating in between.
/// </summary>
/// <remarks>
/// <para>Equilibrium makes the electrochemical potential of Li⁺ uniform, so the bulk electrostatic potentials differ by
/// the Li potentials: φ_cathode − φ_electrolyte = V_cathode − V_electrolyte (the driving Li chemical-potential difference
/// divided by e). Li⁺ leaves the phase of higher Li chemical potential (lower V), depleting the electrolyte next to a
/// charged cathode. With the potential continuous at each contact (no dipole layer), charge neutrality
/// Q_cathode + Q_coating + Q_electrolyte = 0 fixes how the drop divides.</para>
/// <para>Two phases: each side is a semi-infinite layer (<see cref="SpaceChargeLayer"/>); neutrality is one monotonic
/// equation in the interface potential, solved by Brent's method to a relative charge balance of 1e-6 or better.
/// With a coating of thickness L: Poisson's equation inside the coating by box-integration finite differences on a
/// mesh graded toward both contacts, closed by the exact charge–potential relations of the two semi-infinite outer
/// layers, solved by damped Newton iterations (tridiagonal Jacobian) with an iteration limit.</para>
/// </remarks>
public static class InterfaceSolver
{
    /// <summary>Newton iteration limit for the coated interface.</summary>
    public const int MaxIterations = 400;

    /// <summary>Required charge balance |ΣQ| / max|Q|.</summary>
    public const double NeutralityTolerance = 1e-6;

    /// <summary>Solves the interface; <paramref name="coating"/> null (or zero thickness) for a bare contact.</summary>
    /// <exception cref="InterphaseException">Bad parameters, a driving potential beyond the solver's range, or no convergence.</exception>
    public static InterfaceResult Solve(InterfacePhase cathode, InterfacePhase electrolyte, double temperatureK,
        InterfacePhase? coating = null, double coatingThicknessNm = 0, int profilePoints = 120, double meshRefinement = 1)
    {
        if (!double.IsFinite(cathode.LiPotentialV) || !double.IsFinite(electrolyte.LiPotentialV))
            throw new InterphaseException("the Li potentials must be finite numbers (V vs Li/Li⁺)");
        var a = new SpaceChargeLayer(cathode.Phase, temperatureK);
        var b = new SpaceChargeLayer(electrolyte.Phase, temperatureK);
        if (coating is not null && !double.IsFinite(coatingThicknessNm) || coatingThicknessNm < 0)
            throw new InterphaseException($"coating thickness {coatingThicknessNm:G4} nm must be zero or positive");
        if (coatingThicknessNm > 10_000)
            throw new InterphaseException($"coating thickness {coatingThicknessNm:G4} nm is beyond the model's range (≤ 10 µm)");
        if (coating is null || coatingThicknessNm == 0)
        {
            var (psiA, psiB, balance) = SolveContact(a, cathode.LiPotentialV, b, electrolyte.LiPotentialV);
            return Assemble(cathode, electrolyte, temperatureK, a, psiA, b, psiB, null, balance, 0, profilePoints);
        }
        var c = new SpaceChargeLayer(coating.Phase, temperatureK);
        if (!double.IsFinite(coating.LiPotentialV)) throw new InterphaseException("the coating's Li potential must be a finite number");
        var slab = SolveCoated(a, cathode.LiPotentialV, c, coating.LiPotentialV, coatingThicknessNm * 1e-9, b, electrolyte.LiPotentialV, meshRefinement);
        return Assemble(cathode, electrolyte, temperatureK, a, slab.PsiA, b, slab.PsiB, (coating, c, slab), slab.Balance, slab.Iterations, profilePoints);
    }

    /// <summary>Two semi-infinite phases: interface potentials (relative to each bulk) and the charge balance.</summary>
    internal static (double PsiA, double PsiB, double Balance) SolveContact(SpaceChargeLayer a, double va, SpaceChargeLayer b, double vb)
    {
        double dv = va - vb; // ψ_B − ψ_A
        a.Reduced(dv); b.Reduced(dv); // refuse drops beyond the solver's range up front
        if (dv == 0) return (0, 0, 0);
        double scale = Math.Max(Math.Abs(a.ChargeCPerM2(-dv)), Math.Abs(b.ChargeCPerM2(dv)));
        double Balance(double psiB) => (a.ChargeCPerM2(psiB - dv) + b.ChargeCPerM2(psiB)) / scale;
        double lo = Math.Min(0, dv), hi = Math.Max(0, dv);
        if (!Brent.TryFindRoot(Balance, lo, hi, 1e-14, 500, out double root)
            && !Bisection.TryFindRoot(Balance, lo, hi, 1e-14, 2000, out root))
            throw new InterphaseException("the interface charge balance did not converge within the iteration limit");
        double qa = a.ChargeCPerM2(root - dv), qb = b.ChargeCPerM2(root);
        double balance = Math.Abs(qa + qb) / Math.Max(Math.Max(Math.Abs(qa), Math.Abs(qb)), 1e-300);
        if (balance > NeutralityTolerance)
            throw new InterphaseException($"the interface charge balance reached only {balance:G2} (needs {NeutralityTolerance:G1}); the parameters are too extreme for the solver");
        return (root - dv, root, balance);
    }

    internal sealed record CoatedSolution(double PsiA, double PsiB, double[] X, double[] Phi, double Balance, int Iterations);

    /// <summary>Cathode | coating (finite slab) | electrolyte by damped Newton on the coating's potential nodes.</summary>
    internal static CoatedSolution SolveCoated(SpaceChargeLayer a, double va, SpaceChargeLayer c, double vc, double thicknessM,
        SpaceChargeLayer b, double vb, double meshRefinement = 1)
    {
        foreach (var d in new[] { va - vc, vc - vb, va - vb }) { a.Reduced(d); c.Reduced(d); b.Reduced(d); }
        if (!(meshRefinement is >= 0.25 and <= 64)) throw new InterphaseException("mesh refinement must lie between 0.25 and 64");
        double[] x = Mesh(thicknessM, c.ScreeningLengthM, meshRefinement);
        int n = x.Length - 1;
        var h = new double[n];
        for (int j = 0; j < n; j++) h[j] = x[j + 1] - x[j];
        double eps = c.Permittivity, vt = c.ThermalVoltage;

        // Initial guess: the two contacts solved as if the coating were thick, screened toward the middle.
        var (psiAc, psiC1, _) = SolveContact(a, va, c, vc);
        var (psiC2, psiBc, _) = SolveContact(c, vc, b, vb);
        double l1 = Math.Max(c.WidthM(psiC1) / 3, c.ScreeningLengthM), l2 = Math.Max(c.WidthM(psiC2) / 3, c.ScreeningLengthM);
        var phi = new double[n + 1];
        for (int j = 0; j <= n; j++)
            phi[j] = vc + psiC1 * Math.Exp(-x[j] / l1) + psiC2 * Math.Exp(-(thicknessM - x[j]) / l2);

        double qScale = Math.Max(Math.Max(Math.Abs(a.ChargeCPerM2(psiAc)), Math.Abs(b.ChargeCPerM2(psiBc))), 1e-12);
        var r = new double[n + 1];
        double Residual(double[] p, double[] res)
        {
            double norm = 0;
            for (int j = 0; j <= n; j++)
            {
                double rho = c.ChargeDensityCPerM3(p[j] - vc);
                double left = j > 0 ? eps * (p[j] - p[j - 1]) / h[j - 1] : 0;   // −D at j−½
                double right = j < n ? eps * (p[j] - p[j + 1]) / h[j] : 0;       // D at j+½
                double w = (j > 0 ? h[j - 1] / 2 : 0) + (j < n ? h[j] / 2 : 0);
                double v = right + left - rho * w;
                if (j == 0) v -= a.ChargeCPerM2(p[0] - va);
                if (j == n) v -= b.ChargeCPerM2(p[n] - vb);
                res[j] = v;
                norm = Math.Max(norm, Math.Abs(v));
            }
            return norm / qScale;
        }

        var lower = new double[n + 1]; var diag = new double[n + 1]; var upper = new double[n + 1]; var delta = new double[n + 1];
        var trial = new double[n + 1]; var rTrial = new double[n + 1];
        double norm = Residual(phi, r);
        int iterations = 0;
        double maxStep = 4 * vt;
        while (true)
        {
            if (norm < 1e-10) break;
            if (++iterations > MaxIterations)
                throw new InterphaseException($"the coated-interface solver did not converge within {MaxIterations} Newton iterations (residual {norm:G2}); the potentials or densities are too extreme");
            for (int j = 0; j <= n; j++)
            {
                double w = (j > 0 ? h[j - 1] / 2 : 0) + (j < n ? h[j] / 2 : 0);
                diag[j] = -c.ChargeDensitySlope(phi[j] - vc) * w;
                if (j > 0) { diag[j] += eps / h[j - 1]; lower[j] = -eps / h[j - 1]; }
                if (j < n) { diag[j] += eps / h[j]; upper[j] = -eps / h[j]; }
                if (j == 0) diag[j] += a.CapacitanceFPerM2(phi[0] - va);
                if (j == n) diag[j] += b.CapacitanceFPerM2(phi[n] - vb);
                delta[j] = -r[j];
            }
            Tridiagonal(lower, diag, upper, delta);
            double big = delta.Max(Math.Abs);
            double step = big > maxStep ? maxStep / big : 1;
            double newNorm = double.PositiveInfinity;
            for (int halving = 0; halving < 40; halving++)
            {
                for (int j = 0; j <= n; j++) trial[j] = phi[j] + step * delta[j];
                newNorm = Residual(trial, rTrial);
                if (newNorm < norm || big * step < 1e-13) break;
                step /= 2;
            }
            Array.Copy(trial, phi, n + 1);
            Array.Copy(rTrial, r, n + 1);
            bool stalled = big * step < 1e-13;
            norm = newNorm;
            if (stalled && norm < 1e-7) break;
            if (stalled)
                throw new InterphaseException($"the coated-interface solver stalled at residual {norm:G2} after {iterations} iterations");
        }
        double qa = a.ChargeCPerM2(phi[0] - va), qb = b.ChargeCPerM2(phi[n] - vb);
        double qc = 0;
        for (int j = 0; j <= n; j++)
            qc += c.ChargeDensityCPerM3(phi[j] - vc) * ((j > 0 ? h[j - 1] / 2 : 0) + (j < n ? h[j] / 2 : 0));
        double balance = Math.Abs(qa + qb + qc) / Math.Max(Math.Max(Math.Abs(qa), Math.Abs(qb)), Math.Max(Math.Abs(qc), 1e-300));
        return new CoatedSolution(phi[0] - va, phi[n] - vb, x, phi, balance, iterations);
    }

    // Nodes across the coating, graded geometrically from both contacts (first step a fraction of the screening length).
    private static double[] Mesh(double thickness, double screening, double refinement)
    {
        double h0 = Math.Min(screening / 8, thickness / 40) / refinement;
        double hMax = thickness / (40 * refinement);
        double ratio = 1 + 0.12 / refinement;
        var half = new List<double> { 0 };
        double hStep = h0, pos = 0;
        while (pos + hStep < thickness / 2)
        {
            pos += hStep;
            half.Add(pos);
            hStep = Math.Min(hStep * ratio, hMax);
        }
        var nodes = new List<double>(half);
        if (thickness / 2 - half[^1] > h0 / 2) nodes.Add(thickness / 2);
        for (int i = half.Count - 1; i >= 0; i--) nodes.Add(thickness - half[i]);
        return nodes.Distinct().OrderBy(v => v).ToArray();
    }

    // Thomas algorithm for a diagonally dominant tridiagonal system; the solution overwrites rhs.
    private static void Tridiagonal(double[] lower, double[] diag, double[] upper, double[] rhs)
    {
        int n = diag.Length;
        var c = new double[n];
        double m = diag[0];
        c[0] = upper[0] / m;
        rhs[0] /= m;
        for (int i = 1; i < n; i++)
        {
            m = diag[i] - lower[i] * c[i - 1];
            c[i] = i < n - 1 ? upper[i] / m : 0;
            rhs[i] = (rhs[i] - lower[i] * rhs[i - 1]) / m;
        }
        for (int i = n - 2; i >= 0; i--) rhs[i] -= c[i] * rhs[i + 1];
    }

    private static InterfaceResult Assemble(InterfacePhase cathode, InterfacePhase electrolyte, double temperatureK,
        SpaceChargeLayer a, double psiA, SpaceChargeLayer b, double psiB,
        (InterfacePhase Input, SpaceChargeLayer Layer, CoatedSolution Slab)? coated, double balance, int iterations, int profilePoints)
    {
        var notes = new List<string>();
        var sideA = Side("cathode", cathode, a, psiA, profilePoints, notes);
        var sideB = Side("electrolyte", electrolyte, b, psiB, profilePoints, notes);
        CoatingLayerResult? coat = null;
        double invC = 1 / sideA.CapacitanceUfPerCm2 + 1 / sideB.CapacitanceUfPerCm2;
        if (coated is { } k)
        {
            var c = k.Layer; var s = k.Slab;
            double vc = k.Input.LiPotentialV, sigma = k.Input.Phase.IonicConductivitySPerCm ?? double.NaN;
            double integral = 0, q = 0; // ∫ C0/c dx (exact for a potential linear between nodes), ∫ρ dx
            double th0 = c.Phase.BulkOccupancy;
            for (int j = 0; j < s.X.Length - 1; j++)
            {
                double hj = s.X[j + 1] - s.X[j];
                double y0 = (s.Phi[j] - vc) / c.ThermalVoltage, y1 = (s.Phi[j + 1] - vc) / c.ThermalVoltage;
                double expMean = Math.Abs(y1 - y0) < 1e-9 ? Math.Exp(0.5 * (y0 + y1)) : (Math.Exp(y1) - Math.Exp(y0)) / (y1 - y0);
                integral += hj * (th0 + (1 - th0) * expMean);
            }
            for (int j = 0; j < s.X.Length; j++)
            {
                double w = (j > 0 ? (s.X[j] - s.X[j - 1]) / 2 : 0) + (j < s.X.Length - 1 ? (s.X[j + 1] - s.X[j]) / 2 : 0);
                q += c.ChargeDensityCPerM3(s.Phi[j] - vc) * w;
            }
            double thickness = s.X[^1];
            double? bulkR = double.IsNaN(sigma) ? null : thickness / (sigma * 100) * 1e4;
            double? totalR = double.IsNaN(sigma) ? null : SpaceChargeProfile.CapBlocking(integral / (sigma * 100) * 1e4);
            int stride = Math.Max(1, s.X.Length / Math.Max(profilePoints, 2));
            var profile = new List<ProfilePoint>();
            for (int j = 0; j < s.X.Length; j += stride)
                profile.Add(new ProfilePoint(s.X[j] * 1e9, s.Phi[j] - vc, c.ConcentrationPerCm3(s.Phi[j] - vc)));
            if (profile[^1].XNm < thickness * 1e9)
                profile.Add(new ProfilePoint(thickness * 1e9, s.Phi[^1] - vc, c.ConcentrationPerCm3(s.Phi[^1] - vc)));
            double minC = s.Phi.Min(p => c.ConcentrationPerCm3(p - vc));
            if (minC < 1e-3 * c.Phase.MobileDensityPerCm3)
                notes.Add($"{c.Phase.Name} coating: Li⁺ depleted to {minC / c.Phase.MobileDensityPerCm3:G2} of its bulk inside the coating (blocking)");
            if (totalR is { } tr && double.IsPositiveInfinity(tr))
                notes.Add($"{c.Phase.Name} coating: ∫dx/σ(x) exceeds {SpaceChargeProfile.BlockingOhmCm2:G1} Ω·cm²: the coating blocks Li⁺ in this model");
            double geometric = c.Permittivity / thickness * 100; // µF/cm²
            invC += 1 / geometric;
            coat = new CoatingLayerResult(c.Phase.Name, thickness * 1e9, vc, k.Input.PotentialSource, c.Phase.EpsilonR, c.Phase.MobileDensityPerCm3,
                c.Phase.SiteDensityPerCm3, k.Input.Phase.IonicConductivitySPerCm, s.Phi[0] - vc, s.Phi[^1] - vc, q * 100,
                minC, bulkR, totalR, totalR - bulkR, geometric, s.X.Length, profile);
        }
        double? total = sideA.SpaceChargeResistanceOhmCm2 is { } ra && sideB.SpaceChargeResistanceOhmCm2 is { } rb
            ? ra + rb + (coat is null ? 0 : coat.TotalResistanceOhmCm2 ?? double.NaN) : null;
        if (total is { } t && double.IsNaN(t)) total = null;
        double cap = 1 / invC;
        double? freq = total is > 0 && double.IsFinite(total.Value) ? 1 / (2 * Math.PI * total.Value * cap * 1e-4) : null;
        return new InterfaceResult(cathode.Phase.Name, coat?.Phase, electrolyte.Phase.Name, temperatureK,
            cathode.LiPotentialV - electrolyte.LiPotentialV, sideA, coat, sideB, total, cap, freq, balance, iterations, notes);
    }

    private static InterfaceSide Side(string role, InterfacePhase input, SpaceChargeLayer layer, double psi, int points, List<string> notes)
    {
        var p = SpaceChargeProfile.FromLayer(layer, psi, points);
        notes.AddRange(p.Notes);
        return new InterfaceSide(role, p.Phase, input.LiPotentialV, input.PotentialSource, p.EpsilonR, p.MobileDensityPerCm3, p.SiteDensityPerCm3,
            p.ElectronicCarrierDensityPerCm3, p.IonicConductivitySPerCm, psi, p.SpaceChargeUcPerCm2, p.WidthNm, p.ScreeningLengthNm,
            p.SurfaceConcentrationPerCm3, 1 - p.SurfaceConcentrationPerCm3 / p.MobileDensityPerCm3, p.SpaceChargeResistanceOhmCm2, p.CapacitanceUfPerCm2, p.Profile);
    }
}
