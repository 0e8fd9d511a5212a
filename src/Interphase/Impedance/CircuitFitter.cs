using System.Numerics;

namespace Interphase.Impedance;

/// <summary>How residuals are weighted in the complex nonlinear least-squares fit.</summary>
public enum Weighting
{
    /// <summary>Unit weights on Z' and Z'' (impedance.py's default).</summary>
    Unit,
    /// <summary>Z' residuals divided by |Z'|, Z'' residuals by |Z''| (ZView's proportional weighting).</summary>
    Proportional,
    /// <summary>Both residuals divided by |Z| (modulus weighting, Boukamp).</summary>
    Modulus,
}

/// <summary>Settings of a circuit fit.</summary>
public sealed class FitOptions
{
    /// <summary>Initial values of the free parameters in order (constants left out), or null for automatic guesses.</summary>
    public double[]? Initial { get; init; }
    /// <summary>Parameters held constant, by impedance.py name (<c>R0</c>, <c>CPE1_1</c>).</summary>
    public IReadOnlyDictionary<string, double> Constants { get; init; } = new Dictionary<string, double>();
    /// <summary>Residual weighting.</summary>
    public Weighting Weighting { get; init; } = Weighting.Unit;
    /// <summary>Maximum Levenberg–Marquardt iterations.</summary>
    public int MaxIterations { get; init; } = 500;
    /// <summary>Relative cost change below which the fit stops.</summary>
    public double Tolerance { get; init; } = 1e-8;
}

/// <summary>Outcome of a circuit fit.</summary>
public sealed class FitResult
{
    /// <summary>The fitted circuit.</summary>
    public required Circuit Circuit { get; init; }
    /// <summary>All parameter values, constants included, in circuit order.</summary>
    public required double[] Parameters { get; init; }
    /// <summary>One-standard-deviation errors (from the Jacobian, scaled by the residual variance as SciPy's curve_fit does); 0 for constants, NaN when undetermined.</summary>
    public required double[] Errors { get; init; }
    /// <summary>Which parameters were held constant.</summary>
    public required bool[] IsConstant { get; init; }
    /// <summary>Correlation matrix of all parameters (0 rows/columns for constants).</summary>
    public required double[,] Correlation { get; init; }
    /// <summary>Weighted sum of squared residuals at the optimum (the minimised objective, with the chosen weighting).</summary>
    public required double ChiSquare { get; init; }
    /// <summary>Boukamp's pseudo-χ²: Σ (ΔZ'² + ΔZ''²)/|Z|², independent of the weighting used.</summary>
    public required double PseudoChiSquare { get; init; }
    /// <summary>Root-mean-square of the unweighted complex residual |Z_fit − Z| (Ω).</summary>
    public required double Rmse { get; init; }
    /// <summary>Levenberg–Marquardt iterations used.</summary>
    public required int Iterations { get; init; }
    /// <summary>Whether a convergence test was met before the iteration limit.</summary>
    public required bool Converged { get; init; }
    /// <summary>Weighting used.</summary>
    public required Weighting Weighting { get; init; }

    /// <summary>Parameter names in order.</summary>
    public IReadOnlyList<string> Names => Circuit.ParameterNames;

    /// <summary>Value of a parameter by impedance.py name.</summary>
    public double this[string name] => Parameters[Circuit.IndexOf(name)];

    /// <summary>Model impedance at the given frequencies (Hz).</summary>
    public Complex[] Predict(ReadOnlySpan<double> frequencyHz) => Circuit.Impedance(frequencyHz, Parameters);
}

/// <summary>
/// Complex nonlinear least-squares fitting of equivalent circuits by Levenberg–Marquardt with analytic Jacobians.
/// Parameters are bounded below by 0 (fitted as logarithms, which keeps them positive and makes steps scale-free
/// across parameters spanning 1e-6 F to 1e4 Ω) and above by the element's bound (CPE α ≤ 1, by projection).
/// </summary>
public static class CircuitFitter
{
    /// <summary>Fits <paramref name="circuit"/> to <paramref name="spectrum"/>.</summary>
    /// <exception cref="ImpedanceException">Bad initial values, unknown constants or an unusable spectrum.</exception>
    public static FitResult Fit(Circuit circuit, ImpedanceSpectrum spectrum, FitOptions? options = null)
    {
        options ??= new FitOptions();
        spectrum.EnsureUsable();
        var full = new double[circuit.ParameterCount];
        var isConst = new bool[circuit.ParameterCount];
        foreach (var (name, value) in options.Constants)
        {
            int k = circuit.IndexOf(name);
            full[k] = value;
            isConst[k] = true;
        }
        var free = Enumerable.Range(0, full.Length).Where(k => !isConst[k]).ToArray();
        if (2 * spectrum.Count < free.Length)
            throw new ImpedanceException($"{spectrum.Source ?? "spectrum"}: {spectrum.Count} points cannot determine {free.Length} parameters");

        var work = new Workspace(circuit, spectrum, options.Weighting, free, full);
        if (options.Initial is { } init)
        {
            if (init.Length != free.Length)
                throw new ImpedanceException(
                    $"circuit {circuit.Text} has {free.Length} free parameters ({string.Join(", ", free.Select(k => circuit.ParameterNames[k]))}), {init.Length} initial values given");
            var upper = circuit.UpperBounds();
            for (int i = 0; i < init.Length; i++)
            {
                // Unbounded parameters are fitted on a log scale, where zero can never move (impedance.py refuses it too).
                bool logScale = double.IsPositiveInfinity(upper[free[i]]);
                if (!double.IsFinite(init[i]) || init[i] < 0 || (logScale && init[i] == 0))
                    throw new ImpedanceException(
                        $"initial value of {circuit.ParameterNames[free[i]]} must be a finite number {(logScale ? ">" : "≥")} 0, got {init[i]}");
                full[free[i]] = init[i];
            }
            work.Solve(full, options);
        }
        else
        {
            // Several automatic starts (arc order, time-constant spread); keep the best.
            double[]? best = null;
            double bestCost = double.PositiveInfinity;
            foreach (var guess in InitialGuess.Candidates(circuit, spectrum))
            {
                var trial = (double[])guess.Clone();
                for (int k = 0; k < trial.Length; k++) if (isConst[k]) trial[k] = full[k];
                double cost = work.Solve(trial, options);
                if (cost < bestCost) { bestCost = cost; best = trial; }
            }
            Array.Copy(best!, full, full.Length);
            work.Solve(full, options);
        }
        ArcOrdering.SortByTimeConstant(circuit, full, isConst);
        return work.Result(full, isConst, options);
    }

    /// <summary>Per-fit buffers, reused across iterations so a fit allocates nothing in its inner loop.</summary>
    internal sealed class Workspace
    {
        readonly Circuit circuit;
        readonly double[] w, zr, zi, wr, wi;
        readonly int[] free;
        readonly bool[] logScale;
        readonly double[] upper;
        readonly int m, n;
        readonly double[] r, rTry, jac, jacTry, a, g, h, u, uTry, xFull, chol, diag;
        readonly Complex[] dz;
        public int Iterations;
        public bool Converged;

        public Workspace(Circuit circuit, ImpedanceSpectrum s, Weighting weighting, int[] free, double[] full)
        {
            this.circuit = circuit;
            this.free = free;
            int np = s.Count;
            w = s.Omega;
            zr = s.Z.Select(z => z.Real).ToArray();
            zi = s.Z.Select(z => z.Imaginary).ToArray();
            wr = new double[np];
            wi = new double[np];
            for (int i = 0; i < np; i++)
            {
                (wr[i], wi[i]) = weighting switch
                {
                    Weighting.Modulus => (1 / s.Z[i].Magnitude, 1 / s.Z[i].Magnitude),
                    Weighting.Proportional => (1 / Math.Max(Math.Abs(zr[i]), 1e-300), 1 / Math.Max(Math.Abs(zi[i]), 1e-300)),
                    _ => (1.0, 1.0),
                };
            }
            var ub = circuit.UpperBounds();
            upper = free.Select(k => ub[k]).ToArray();
            logScale = upper.Select(double.IsPositiveInfinity).ToArray();
            m = 2 * np;
            n = free.Length;
            r = new double[m]; rTry = new double[m];
            jac = new double[m * n]; jacTry = new double[m * n];
            a = new double[n * n]; chol = new double[n * n];
            g = new double[n]; h = new double[n]; u = new double[n]; uTry = new double[n]; diag = new double[n];
            xFull = (double[])full.Clone();
            dz = new Complex[circuit.ParameterCount];
        }

        const double LogMin = -69.0775527898, LogMax = 69.0775527898; // ln 1e-30, ln 1e30

        double ToX(int i, double ui) => logScale[i] ? Math.Exp(ui) : ui;

        /// <summary>Residuals and Jacobian (with respect to the fitted variables u) at u; returns ½‖r‖².</summary>
        double Evaluate(double[] uu, double[] res, double[] jj)
        {
            for (int i = 0; i < n; i++) xFull[free[i]] = ToX(i, uu[i]);
            double cost = 0;
            int np = w.Length;
            for (int p = 0; p < np; p++)
            {
                var z = circuit.Evaluate(w[p], xFull, dz);
                double rr = wr[p] * (z.Real - zr[p]), ri = wi[p] * (z.Imaginary - zi[p]);
                res[p] = rr;
                res[np + p] = ri;
                cost += rr * rr + ri * ri;
                int rowR = p * n, rowI = (np + p) * n;
                for (int i = 0; i < n; i++)
                {
                    var d = dz[free[i]];
                    double chain = logScale[i] ? xFull[free[i]] : 1;
                    jj[rowR + i] = wr[p] * d.Real * chain;
                    jj[rowI + i] = wi[p] * d.Imaginary * chain;
                }
            }
            return double.IsFinite(cost) ? 0.5 * cost : double.PositiveInfinity;
        }

        void Normal(double[] jj, double[] res)
        {
            Array.Clear(a);
            Array.Clear(g);
            for (int row = 0; row < m; row++)
            {
                int o = row * n;
                double rv = res[row];
                for (int i = 0; i < n; i++)
                {
                    double ji = jj[o + i];
                    if (ji == 0) continue;
                    g[i] += ji * rv;
                    for (int k = 0; k <= i; k++) a[i * n + k] += ji * jj[o + k];
                }
            }
            for (int i = 0; i < n; i++)
                for (int k = 0; k < i; k++) a[k * n + i] = a[i * n + k];
        }

        /// <summary>Minimises from <paramref name="full"/> (updated in place); returns the final cost ½‖r‖².</summary>
        public double Solve(double[] full, FitOptions options)
        {
            Array.Copy(full, xFull, full.Length);
            for (int i = 0; i < n; i++)
            {
                double x = full[free[i]];
                u[i] = logScale[i] ? Math.Clamp(Math.Log(Math.Max(x, 1e-300)), LogMin, LogMax) : Math.Clamp(x, 0, upper[i]);
            }
            double cost = Evaluate(u, r, jac);
            if (!double.IsFinite(cost))
                throw new ImpedanceException($"circuit {circuit.Text}: the model is not finite at the initial values");
            Normal(jac, r);
            double mu = 1e-3, nu = 2;
            Converged = false;
            int it;
            for (it = 0; it < options.MaxIterations && !Converged; it++)
            {
                for (int i = 0; i < n; i++) diag[i] = Math.Max(a[i * n + i], 1e-30);
                // solve (A + μ diag(A)) h = -g
                Array.Copy(a, chol, a.Length);
                for (int i = 0; i < n; i++) { chol[i * n + i] += mu * diag[i]; h[i] = -g[i]; }
                if (!Cholesky.Solve(chol, h, n)) { mu *= nu; nu *= 2; continue; }
                double stepNorm = 0, uNorm = 0;
                for (int i = 0; i < n; i++)
                {
                    double v = u[i] + h[i];
                    // log-scaled parameters stay within 1e-30…1e30: beyond that a branch is shorted or open and the
                    // objective is flat, so an unbounded walk would only run to overflow
                    v = logScale[i] ? Math.Clamp(v, LogMin, LogMax) : Math.Clamp(v, 0, upper[i]);
                    h[i] = v - u[i];
                    uTry[i] = v;
                    stepNorm += h[i] * h[i];
                    uNorm += u[i] * u[i];
                }
                double costTry = Evaluate(uTry, rTry, jacTry);
                double predicted = 0;
                for (int i = 0; i < n; i++) predicted += h[i] * (mu * diag[i] * h[i] - g[i]);
                predicted *= 0.5;
                double rho = predicted > 0 ? (cost - costTry) / predicted : -1;
                if (rho > 0 && costTry < cost)
                {
                    double relDrop = (cost - costTry) / Math.Max(cost, 1e-300);
                    Array.Copy(uTry, u, n);
                    Array.Copy(rTry, r, m);
                    Array.Copy(jacTry, jac, jac.Length);
                    cost = costTry;
                    Normal(jac, r);
                    mu *= Math.Max(1.0 / 3, 1 - Math.Pow(2 * rho - 1, 3));
                    nu = 2;
                    if (relDrop < options.Tolerance || Math.Sqrt(stepNorm) < 1e-8 * (Math.Sqrt(uNorm) + 1e-8)) Converged = true;
                }
                else
                {
                    mu *= nu;
                    nu *= 2;
                    if (mu > 1e20) Converged = true; // no downhill step exists: at a minimum to machine precision
                }
                double gMax = 0;
                for (int i = 0; i < n; i++) gMax = Math.Max(gMax, Math.Abs(g[i]));
                if (gMax < 1e-15 * Math.Max(cost, 1e-300)) Converged = true;
            }
            Iterations = it;
            for (int i = 0; i < n; i++) full[free[i]] = ToX(i, u[i]);
            Array.Copy(full, xFull, full.Length);
            return cost;
        }

        static MathNet.Numerics.LinearAlgebra.Matrix<double>? InverseSpd(MathNet.Numerics.LinearAlgebra.Matrix<double> m)
        {
            int n = m.RowCount;
            var a = m.ToRowMajorArray();
            var inv = new MathNet.Numerics.LinearAlgebra.Double.DenseMatrix(n, n);
            var col = new double[n];
            var work = new double[a.Length];
            for (int j = 0; j < n; j++)
            {
                Array.Copy(a, work, a.Length);
                Array.Clear(col);
                col[j] = 1;
                if (!Cholesky.Solve(work, col, n)) return null;
                for (int i = 0; i < n; i++) inv[i, j] = col[i];
            }
            // an ill-conditioned factorisation shows up as a poor inverse: fall back to SVD then
            for (int i = 0; i < n; i++)
            {
                double d = 0;
                for (int k = 0; k < n; k++) d += m[i, k] * inv[k, i];
                if (Math.Abs(d - 1) > 1e-6) return null;
            }
            return inv;
        }

        /// <summary>Fit statistics at the solution in <paramref name="full"/>.</summary>
        public FitResult Result(double[] full, bool[] isConst, FitOptions options)
        {
            int np = w.Length, total = full.Length;
            // Jacobian with respect to the parameters themselves (not their logarithms) for the covariance
            var jx = new double[m * n];
            for (int i = 0; i < n; i++) u[i] = logScale[i] ? Math.Log(Math.Max(full[free[i]], 1e-300)) : full[free[i]];
            double cost = Evaluate(u, r, jx);
            for (int row = 0; row < m; row++)
                for (int i = 0; i < n; i++)
                    if (logScale[i]) jx[row * n + i] /= Math.Max(full[free[i]], 1e-300);
            Normal(jx, r);
            // Parameters span many decades (pF to kΩ), so invert the diagonally scaled matrix to keep precision.
            var scaled = new MathNet.Numerics.LinearAlgebra.Double.DenseMatrix(n, n);
            var sc = new double[n];
            for (int i = 0; i < n; i++) sc[i] = a[i * n + i] > 0 ? 1 / Math.Sqrt(a[i * n + i]) : 0;
            for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) scaled[i, k] = a[i * n + k] * sc[i] * sc[k];
            double s2 = m > n ? 2 * cost / (m - n) : double.NaN;
            // Cholesky inverse when the scaled matrix is positive definite (the usual case); SVD pseudo-inverse otherwise
            var pinv = InverseSpd(scaled) ?? scaled.PseudoInverse();
            var inv = new MathNet.Numerics.LinearAlgebra.Double.DenseMatrix(n, n);
            for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) inv[i, k] = pinv[i, k] * sc[i] * sc[k] * s2;
            var errors = new double[total];
            var corr = new double[total, total];
            for (int i = 0; i < n; i++)
            {
                errors[free[i]] = Math.Sqrt(Math.Max(inv[i, i], 0));
                for (int k = 0; k < n; k++)
                {
                    double d = Math.Sqrt(inv[i, i] * inv[k, k]);
                    corr[free[i], free[k]] = d > 0 ? inv[i, k] / d : (i == k ? 1 : 0);
                }
            }
            double pseudo = 0, sq = 0;
            for (int p = 0; p < np; p++)
            {
                double dr = r[p] / wr[p], di = r[np + p] / wi[p];
                pseudo += (dr * dr + di * di) / (zr[p] * zr[p] + zi[p] * zi[p]);
                sq += dr * dr + di * di;
            }
            return new FitResult
            {
                Circuit = circuit,
                Parameters = (double[])full.Clone(),
                Errors = errors,
                IsConstant = (bool[])isConst.Clone(),
                Correlation = corr,
                ChiSquare = 2 * cost,
                PseudoChiSquare = pseudo,
                Rmse = Math.Sqrt(sq / np),
                Iterations = Iterations,
                Converged = Converged,
                Weighting = options.Weighting,
            };
        }
    }
}

/// <summary>In-place Cholesky solve of a small dense symmetric positive-definite system.</summary>
internal static class Cholesky
{
    /// <summary>Solves A x = b for row-major A (overwritten by its factor); b is replaced by x. False when A is not positive definite.</summary>
    public static bool Solve(double[] a, double[] b, int n)
    {
        for (int j = 0; j < n; j++)
        {
            double s = a[j * n + j];
            for (int k = 0; k < j; k++) s -= a[j * n + k] * a[j * n + k];
            if (!(s > 0)) return false;
            double d = Math.Sqrt(s);
            a[j * n + j] = d;
            for (int i = j + 1; i < n; i++)
            {
                double t = a[i * n + j];
                for (int k = 0; k < j; k++) t -= a[i * n + k] * a[j * n + k];
                a[i * n + j] = t / d;
            }
        }
        for (int i = 0; i < n; i++)
        {
            double t = b[i];
            for (int k = 0; k < i; k++) t -= a[i * n + k] * b[k];
            b[i] = t / a[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double t = b[i];
            for (int k = i + 1; k < n; k++) t -= a[k * n + i] * b[k];
            b[i] = t / a[i * n + i];
        }
        return true;
    }
}
