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
    /// <summary>
    /// Initial values of some free parameters by impedance.py name, the others taken from the automatic guess; used when
    /// <see cref="Initial"/> is null.
    /// </summary>
    public IReadOnlyDictionary<string, double> InitialByName { get; init; } = new Dictionary<string, double>();
    /// <summary>Parameters held constant, by impedance.py name (<c>R0</c>, <c>CPE1_1</c>).</summary>
    public IReadOnlyDictionary<string, double> Constants { get; init; } = new Dictionary<string, double>();
    /// <summary>Residual weighting.</summary>
    public Weighting Weighting { get; init; } = Weighting.Unit;
    /// <summary>Maximum Levenberg–Marquardt iterations per local fit.</summary>
    public int MaxIterations { get; init; } = 500;
    /// <summary>Relative cost change below which the fit stops.</summary>
    public double Tolerance { get; init; } = 1e-8;
    /// <summary>
    /// Global search: basin hopping (random jumps in the log/logit parameter space, each followed by a local fit, the
    /// best kept) from every start, as impedance.py's <c>global_opt</c> does with SciPy's basinhopping.
    /// </summary>
    public bool Global { get; init; }
    /// <summary>Number of basin-hopping jumps per start when <see cref="Global"/> is set.</summary>
    public int GlobalHops { get; init; } = 60;
    /// <summary>Seed of the global search's random jumps (results are reproducible).</summary>
    public int Seed { get; init; }
    /// <summary>
    /// Decades beyond the measured window [1/(2π f_max), 1/(2π f_min)] that a time constant may take (R‖C, R‖CPE,
    /// Zarc, TLMQ, finite Warburg, Gerischer). One decade: an arc whose apex lies a decade outside still shows a fifth
    /// of its peak |Z''| at the window's edge (ωτ = 0.1 gives ωτ/(1+ω²τ²) = 0.099 against 0.5), so its tail carries
    /// information; further out it is a constant resistance or a capacitive tail and its τ is not determined by the
    /// data. +∞ removes the window (time constants then only stay within 1e-30…1e30).
    /// </summary>
    public double TimeConstantMarginDecades { get; init; } = 1;
}

/// <summary>A relaxation's time constant at the solution of a fit.</summary>
/// <param name="Label">The relaxation as written: <c>p(R1,CPE1)</c>, <c>Zarc1</c>, <c>Wo1</c>.</param>
/// <param name="ResistanceName">Its resistance parameter (<c>R1</c>, <c>Zarc1_0</c>).</param>
/// <param name="ResistanceOhm">Its resistance (Ω).</param>
/// <param name="TauSeconds">Time constant τ (s).</param>
/// <param name="ApexFrequencyHz">1/(2πτ) (Hz).</param>
/// <param name="InMeasuredWindow">The apex lies within the measured frequencies.</param>
/// <param name="AtWindowEdge">τ ended at an end of the allowed window (the data want it further out).</param>
/// <param name="Determined">Its resistance and time-constant parameters are determined by the data.</param>
public sealed record RelaxationReport(string Label, string ResistanceName, double ResistanceOhm, double TauSeconds, double ApexFrequencyHz,
    bool InMeasuredWindow, bool AtWindowEdge, bool Determined)
{
    /// <summary>Whether numbers may be derived from this relaxation (apex measured, parameters determined).</summary>
    public bool Assignable => InMeasuredWindow && Determined;
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
    /// <summary>Levenberg–Marquardt iterations used (all local fits together).</summary>
    public required int Iterations { get; init; }
    /// <summary>Whether the local fit that gave the result met a convergence test before its iteration limit.</summary>
    public required bool Converged { get; init; }
    /// <summary>Weighting used.</summary>
    public required Weighting Weighting { get; init; }
    /// <summary>What the user should know about the result: parameters at a bound, poorly determined parameters, a poor fit, no convergence.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>Number of local fits run (starts, restarts and basin-hopping jumps).</summary>
    public int LocalFits { get; init; } = 1;
    /// <summary>Measured frequency window (Hz).</summary>
    public (double Min, double Max) WindowHz { get; init; }
    /// <summary>Time constants of the circuit's relaxations at the solution, with where they lie against the window.</summary>
    public IReadOnlyList<RelaxationReport> Relaxations { get; init; } = [];
    /// <summary>Per parameter: the data do not determine it (relative error above 100 %, no finite error, or |correlation| ≥ 0.999 with another parameter); false for constants.</summary>
    public bool[] NotDetermined { get; init; } = [];
    /// <summary>Pairs of free parameters with |correlation| ≥ <see cref="StrongCorrelation"/>.</summary>
    public IReadOnlyList<(string A, string B, double Correlation)> CorrelatedPairs { get; init; } = [];
    /// <summary>Simpler circuits the data support (relaxations that are not determined or lie outside the window removed), with why.</summary>
    public IReadOnlyList<(string Circuit, string Why)> SimplerCircuits { get; init; } = [];
    /// <summary>Whether a parameter is determined by the data (free and not <see cref="NotDetermined"/>, or constant).</summary>
    public bool IsDetermined(int index) => NotDetermined.Length == 0 || !NotDetermined[index];

    /// <summary>Parameter names in order.</summary>
    public IReadOnlyList<string> Names => Circuit.ParameterNames;

    /// <summary>Value of a parameter by impedance.py name.</summary>
    public double this[string name] => Parameters[Circuit.IndexOf(name)];

    /// <summary>Model impedance at the given frequencies (Hz).</summary>
    public Complex[] Predict(ReadOnlySpan<double> frequencyHz) => Circuit.Impedance(frequencyHz, Parameters);

    /// <summary>Root-mean-square relative residual √(pseudo-χ²/2N) (fraction of |Z|) above which a fit is reported as poor.</summary>
    public const double PoorFitRelativeResidual = 0.02;
    /// <summary>Relative standard error above which a parameter is reported as poorly determined.</summary>
    public const double PoorlyDeterminedRelativeError = 0.5;
    /// <summary>Relative standard error above which a parameter is not determined (its 1σ interval includes 0).</summary>
    public const double UndeterminedRelativeError = 1.0;
    /// <summary>|Correlation| at or above which two parameters are not separately determined (only a combination is).</summary>
    public const double UndeterminedCorrelation = 0.999;
    /// <summary>|Correlation| at or above which a pair is listed as strongly correlated.</summary>
    public const double StrongCorrelation = 0.95;
}

/// <summary>
/// Complex nonlinear least-squares fitting of equivalent circuits by Levenberg–Marquardt with analytic Jacobians.
/// The bounds are removed by a smooth change of variables rather than by projection, so no parameter sticks to a bound:
/// magnitudes (R, Q, C, τ, …; bounded below by 0) are fitted as logarithms, exponents bounded to [0, 1] (CPE and La α)
/// through a logistic map. When the local fit ends with a parameter collapsed onto a limit, or does not converge, the
/// automatic starting points are tried as well and the lowest residual is kept; <see cref="FitOptions.Global"/> adds
/// basin hopping.
/// </summary>
public static class CircuitFitter
{
    /// <summary>Iterations of the short fit that ranks each automatic starting point.</summary>
    const int ScreeningIterations = 30;
    /// <summary>Automatic starting points fitted to convergence after the short fits.</summary>
    const int ScreenedKept = 3;

    /// <summary>Fits <paramref name="circuit"/> to <paramref name="spectrum"/>.</summary>
    /// <exception cref="ImpedanceException">Bad initial values, unknown constants or an unusable spectrum.</exception>
    public static FitResult Fit(Circuit circuit, ImpedanceSpectrum spectrum, FitOptions? options = null)
    {
        options ??= new FitOptions();
        spectrum.EnsureUsable();
        if (options.MaxIterations < 1) throw new ImpedanceException($"maximum iterations must be at least 1, got {options.MaxIterations}");
        var full = new double[circuit.ParameterCount];
        var isConst = new bool[circuit.ParameterCount];
        var upperAll = circuit.UpperBounds();
        foreach (var (name, value) in options.Constants)
        {
            int k = circuit.IndexOf(name);
            if (!double.IsFinite(value) || value < 0 || value > upperAll[k])
                throw new ImpedanceException($"constant {name} must be a finite number between 0 and {upperAll[k]}, got {value}");
            full[k] = value;
            isConst[k] = true;
        }
        var free = Enumerable.Range(0, full.Length).Where(k => !isConst[k]).ToArray();
        if (free.Length == 0) throw new ImpedanceException($"circuit {circuit.Text}: every parameter is held constant, nothing to fit");
        if (2 * spectrum.Count < free.Length)
            throw new ImpedanceException($"{spectrum.Source ?? "spectrum"}: {spectrum.Count} points cannot determine {free.Length} parameters");

        if (!(options.TimeConstantMarginDecades >= 0)) throw new ImpedanceException($"time-constant margin must be ≥ 0 decades, got {options.TimeConstantMarginDecades}");
        var work = new Workspace(circuit, spectrum, options.Weighting, free, full, options.TimeConstantMarginDecades);
        var starts = new List<double[]>();
        if (options.Initial is { } init)
        {
            if (init.Length != free.Length)
                throw new ImpedanceException(
                    $"circuit {circuit.Text} has {free.Length} free parameters ({string.Join(", ", free.Select(k => circuit.ParameterNames[k]))}), {init.Length} initial values given");
            var start = (double[])full.Clone();
            for (int i = 0; i < init.Length; i++)
            {
                double hi = upperAll[free[i]];
                // Unbounded parameters are fitted on a log scale, where zero can never move (impedance.py refuses it too).
                bool logScale = double.IsPositiveInfinity(hi);
                if (!double.IsFinite(init[i]) || init[i] < 0 || (logScale && init[i] == 0) || init[i] > hi)
                    throw new ImpedanceException(
                        $"initial value of {circuit.ParameterNames[free[i]]} must be a finite number {(logScale ? "> 0" : $"between 0 and {hi}")}, got {init[i]}");
                start[free[i]] = init[i];
            }
            starts.Add(start);
        }
        else if (options.InitialByName.Count > 0)
        {
            var start = InitialGuess.Candidates(circuit, spectrum).First();
            foreach (var (name, value) in options.InitialByName)
            {
                int k = circuit.IndexOf(name);
                if (isConst[k]) throw new ImpedanceException($"{name} is held constant and given an initial value: give one or the other");
                double hi = upperAll[k];
                if (!double.IsFinite(value) || value < 0 || (double.IsPositiveInfinity(hi) && value == 0) || value > hi)
                    throw new ImpedanceException($"initial value of {name} must be a finite number {(double.IsPositiveInfinity(hi) ? "> 0" : $"between 0 and {hi}")}, got {value}");
                start[k] = value;
            }
            for (int k = 0; k < start.Length; k++) if (isConst[k]) start[k] = full[k];
            starts.Add(start);
        }

        double[]? best = null;
        double bestCost = double.PositiveInfinity;
        bool bestConverged = false;
        int iterations = 0, localFits = 0;
        string? firstError = null;
        void Try(double[] start, int maxIterations)
        {
            var trial = (double[])start.Clone();
            for (int k = 0; k < trial.Length; k++) if (isConst[k]) trial[k] = full[k];
            double cost = work.Solve(trial, maxIterations, options.Tolerance);
            iterations += work.Iterations;
            localFits++;
            if (!double.IsFinite(cost))
            {
                firstError ??= $"circuit {circuit.Text}: the model is not finite at the initial values ({string.Join(", ", free.Select(k => $"{circuit.ParameterNames[k]} = {start[k]:G4}"))})";
                return;
            }
            if (cost < bestCost) { bestCost = cost; best = trial; bestConverged = work.Converged; }
        }

        foreach (var s in starts) Try(s, options.MaxIterations);
        // Automatic starts when none was given, or when the given one ended collapsed onto a limit or unconverged.
        if (best is null || options.Global || !bestConverged || work.AtLimit(best).Count > 0
            || work.RelativeRms(best) > FitResult.PoorFitRelativeResidual)
        {
            // Every automatic start gets a short fit; the few best are then fitted to convergence.
            var screened = new List<(double Cost, double[] Point)>();
            foreach (var guess in InitialGuess.Candidates(circuit, spectrum))
            {
                var trial = (double[])guess.Clone();
                for (int k = 0; k < trial.Length; k++) if (isConst[k]) trial[k] = full[k];
                double cost = work.Solve(trial, Math.Min(options.MaxIterations, ScreeningIterations), options.Tolerance);
                iterations += work.Iterations;
                localFits++;
                if (double.IsFinite(cost)) screened.Add((cost, trial));
                else firstError ??= $"circuit {circuit.Text}: the model is not finite at the automatic starting values";
            }
            foreach (var (_, point) in screened.OrderBy(t => t.Cost).Take(ScreenedKept)) Try(point, options.MaxIterations);
        }
        if (best is null) throw new ImpedanceException(firstError ?? $"circuit {circuit.Text}: no starting point gives a finite model");
        if (options.Global) BasinHop(work, ref best, ref bestCost, ref bestConverged, ref iterations, ref localFits, options, isConst, full);

        ArcOrdering.SortByTimeConstant(circuit, best, isConst);
        return work.Result(best, isConst, options, bestConverged, iterations, localFits);
    }

    /// <summary>
    /// Basin hopping in the transformed variables: a jump of about one unit of ln (a factor e) or of logit, a local fit,
    /// Metropolis acceptance on the log cost; the best local minimum is kept.
    /// </summary>
    static void BasinHop(Workspace work, ref double[] best, ref double bestCost, ref bool bestConverged, ref int iterations,
        ref int localFits, FitOptions options, bool[] isConst, double[] constants)
    {
        var rng = new Random(options.Seed);
        var current = (double[])best.Clone();
        double currentCost = bestCost;
        const double temperature = 1.0; // in units of ln(cost): accepts a doubling of the residual with probability e^-0.7
        for (int hop = 0; hop < options.GlobalHops; hop++)
        {
            var trial = work.Jump(current, rng, 1.0);
            for (int k = 0; k < trial.Length; k++) if (isConst[k]) trial[k] = constants[k];
            double cost = work.Solve(trial, Math.Min(options.MaxIterations, 200), options.Tolerance);
            iterations += work.Iterations;
            localFits++;
            if (!double.IsFinite(cost)) continue;
            if (cost < bestCost) { bestCost = cost; best = (double[])trial.Clone(); bestConverged = work.Converged; }
            if (cost < currentCost || rng.NextDouble() < Math.Exp(-(Math.Log(cost) - Math.Log(currentCost)) / temperature))
            {
                current = trial;
                currentCost = cost;
            }
        }
    }

    /// <summary>Per-fit buffers, reused across iterations so a fit allocates nothing in its inner loop.</summary>
    internal sealed class Workspace
    {
        readonly Circuit circuit;
        readonly double[] w, zr, zi, wr, wi;
        readonly int[] free;
        readonly bool[] unit; // bounded to [0, 1]: logistic map; else log
        // Time constants inside the window [lnLo, lnHi] (ln s): a direct τ is a logistic map of its variable onto the
        // window; the Q (or C) of an R‖CPE group or TLMQ is replaced by the group's τ so mapped, Q = τ^α/R.
        readonly Kind[] kind;
        readonly int[] qR, qA; // for a Q replaced by τ: full indices of the group's R and α (−1: α = 1)
        readonly int[] coupleQ; // for a free R or α of such a group: full index of the Q it moves
        readonly double[] chain, extra, lnTau;
        readonly double lnLo, lnHi;
        readonly int m, n;
        readonly double[] r, rTry, jac, jacTry, a, g, h, u, uTry, xFull, chol, diag;
        readonly Complex[] dz;
        public int Iterations;
        public bool Converged;

        enum Kind { Log, Logit, WindowTau, WindowQ }

        public Workspace(Circuit circuit, ImpedanceSpectrum s, Weighting weighting, int[] free, double[] full, double marginDecades = double.PositiveInfinity)
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
                // a zero component under proportional weighting would get an infinite weight: use |Z| instead
                if (!double.IsFinite(wr[i])) wr[i] = 1 / s.Z[i].Magnitude;
                if (!double.IsFinite(wi[i])) wi[i] = 1 / s.Z[i].Magnitude;
            }
            var ub = circuit.UpperBounds();
            unit = free.Select(k => !double.IsPositiveInfinity(ub[k])).ToArray();
            m = 2 * np;
            n = free.Length;
            r = new double[m]; rTry = new double[m];
            jac = new double[m * n]; jacTry = new double[m * n];
            a = new double[n * n]; chol = new double[n * n];
            g = new double[n]; h = new double[n]; u = new double[n]; uTry = new double[n]; diag = new double[n];
            xFull = (double[])full.Clone();
            dz = new Complex[circuit.ParameterCount];
            kind = unit.Select(b => b ? Kind.Logit : Kind.Log).ToArray();
            qR = new int[n]; qA = new int[n]; coupleQ = Enumerable.Repeat(-1, n).ToArray();
            chain = new double[n]; extra = new double[n]; lnTau = new double[n];
            lnLo = Math.Log(1 / s.Omega.Max()) - marginDecades * Math.Log(10);
            lnHi = Math.Log(1 / s.Omega.Min()) + marginDecades * Math.Log(10);
            if (double.IsFinite(marginDecades))
                foreach (var rx in circuit.Relaxations)
                {
                    int i = Array.IndexOf(free, rx.TauIndex);
                    if (i < 0) continue; // τ (or Q) held constant: nothing to bound
                    if (rx.Direct) { kind[i] = Kind.WindowTau; continue; }
                    kind[i] = Kind.WindowQ;
                    qR[i] = rx.ResistanceIndex;
                    qA[i] = rx.AlphaIndex;
                    int ir = Array.IndexOf(free, rx.ResistanceIndex), ia = rx.AlphaIndex >= 0 ? Array.IndexOf(free, rx.AlphaIndex) : -1;
                    if (ir >= 0) coupleQ[ir] = rx.TauIndex;
                    if (ia >= 0) coupleQ[ia] = rx.TauIndex;
                }
        }

        // Magnitudes live within 1e-30…1e30: beyond that a branch is shorted or open and the objective is flat, so an
        // unbounded walk would only run to overflow. Exponents live within logit ±30 (α within 1e-13 of 0 or 1).
        const double LogMin = -69.0775527898, LogMax = 69.0775527898;
        const double LogitMax = 30;
        const double MaxStep = 2.302585093; // ln 10
        const double DiagFloor = 1e-9;

        static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
        static double Logit(double y) => Math.Clamp(Math.Log(y / (1 - y)), -LogitMax, LogitMax);
        double ClampU(int i, double v) => kind[i] == Kind.Log ? Math.Clamp(v, LogMin, LogMax) : Math.Clamp(v, -LogitMax, LogitMax);

        /// <summary>The fitted variable of free parameter <paramref name="i"/> at the full parameter vector <paramref name="full"/>.</summary>
        double ToU(int i, double[] full)
        {
            double x = full[free[i]];
            switch (kind[i])
            {
                case Kind.Logit: return Logit(x);
                case Kind.Log: return Math.Clamp(Math.Log(Math.Max(x, 1e-300)), LogMin, LogMax);
                default:
                {
                    double lt = kind[i] == Kind.WindowTau ? Math.Log(Math.Max(x, 1e-300))
                        : (Math.Log(Math.Max(full[qR[i]], 1e-300)) + Math.Log(Math.Max(x, 1e-300))) / (qA[i] >= 0 ? full[qA[i]] : 1);
                    // a start outside the window begins just inside it
                    double y = Math.Clamp((lt - lnLo) / (lnHi - lnLo), 1e-6, 1 - 1e-6);
                    return double.IsFinite(y) ? Logit(y) : 0;
                }
            }
        }

        /// <summary>Sets the free parameters of <see cref="xFull"/> from <paramref name="uu"/>, with dx/du in <see cref="chain"/> and the coupling terms in <see cref="extra"/>.</summary>
        void SetX(double[] uu)
        {
            for (int i = 0; i < n; i++)
            {
                double v = uu[i];
                switch (kind[i])
                {
                    case Kind.Log: { double x = Math.Exp(v); xFull[free[i]] = x; chain[i] = x; break; }
                    case Kind.Logit: { double x = Sigmoid(v); xFull[free[i]] = x; chain[i] = x * (1 - x); break; }
                    case Kind.WindowTau:
                    {
                        double y = Sigmoid(v), x = Math.Exp(lnLo + (lnHi - lnLo) * y);
                        xFull[free[i]] = x; chain[i] = x * (lnHi - lnLo) * y * (1 - y); break;
                    }
                }
            }
            for (int i = 0; i < n; i++)
            {
                if (kind[i] != Kind.WindowQ) continue;
                double y = Sigmoid(uu[i]);
                lnTau[i] = lnLo + (lnHi - lnLo) * y;
                double alpha = qA[i] >= 0 ? xFull[qA[i]] : 1;
                double q = Math.Exp(alpha * lnTau[i] - Math.Log(Math.Max(xFull[qR[i]], 1e-300)));
                xFull[free[i]] = q;
                chain[i] = q * alpha * (lnHi - lnLo) * y * (1 - y);
            }
            // Q = τ^α/R moves with R (∂Q/∂ln R = −Q) and with α (∂Q/∂α = Q ln τ)
            for (int j = 0; j < n; j++)
            {
                if (coupleQ[j] < 0) { extra[j] = 0; continue; }
                int iq = Array.IndexOf(free, coupleQ[j]);
                double q = xFull[coupleQ[j]];
                extra[j] = kind[j] == Kind.Logit ? q * lnTau[iq] * chain[j] : -q;
            }
        }

        /// <summary>Residuals and Jacobian (with respect to the fitted variables u) at u; returns ½‖r‖² (+∞ when not finite).</summary>
        double Evaluate(double[] uu, double[] res, double[] jj, bool natural = false)
        {
            SetX(uu);
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
                    // natural: ∂r/∂x (for the covariance); else ∂r/∂u through the change of variables
                    if (!natural)
                    {
                        d *= chain[i];
                        if (coupleQ[i] >= 0) d += dz[coupleQ[i]] * extra[i];
                    }
                    double jr = wr[p] * d.Real, ji = wi[p] * d.Imaginary;
                    // a derivative that overflows (a branch at its limit) carries no usable direction
                    jj[rowR + i] = double.IsFinite(jr) ? jr : 0;
                    jj[rowI + i] = double.IsFinite(ji) ? ji : 0;
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

        /// <summary>Free parameters of <paramref name="full"/> that sit at a limit of their range (names with the limit).</summary>
        public List<string> AtLimit(double[] full)
        {
            var list = new List<string>();
            for (int i = 0; i < n; i++)
            {
                double x = full[free[i]];
                string name = circuit.ParameterNames[free[i]];
                if (kind[i] is Kind.WindowTau or Kind.WindowQ)
                {
                    double lt = kind[i] == Kind.WindowTau ? Math.Log(x)
                        : (Math.Log(full[qR[i]]) + Math.Log(x)) / (qA[i] >= 0 ? full[qA[i]] : 1);
                    string what = kind[i] == Kind.WindowTau ? name : $"the time constant set by {name}";
                    // within 1 % of an end of the window
                    if (lt < lnLo + 0.01) list.Add($"{what} τ = {Math.Exp(lt):G3} s is at the short end of the allowed window (apex {1 / (2 * Math.PI * Math.Exp(lt)):G3} Hz, above the measured range)");
                    else if (lt > lnHi - 0.01) list.Add($"{what} τ = {Math.Exp(lt):G3} s is at the long end of the allowed window (apex {1 / (2 * Math.PI * Math.Exp(lt)):G3} Hz, below the measured range)");
                }
                else if (unit[i])
                {
                    if (x > 1 - 1e-4) list.Add($"{name} = {x:F4} is at its upper bound 1");
                    else if (x < 1e-4) list.Add($"{name} = {x:G3} is at its lower bound 0");
                }
                else if (x <= 1.0001e-30) list.Add($"{name} = {x:G3} collapsed to 0 (the fit's lower limit 1e-30)");
                else if (x >= 0.9999e30) list.Add($"{name} = {x:G3} ran to the fit's upper limit 1e30");
            }
            return list;
        }

        /// <summary>Root-mean-square residual relative to |Z| (√(pseudo-χ²/2N)) at <paramref name="full"/>.</summary>
        public double RelativeRms(double[] full)
        {
            for (int i = 0; i < n; i++) u[i] = ToU(i, full);
            Evaluate(u, r, jac);
            int np = w.Length;
            double pseudo = 0;
            for (int p = 0; p < np; p++)
            {
                double dr = r[p] / wr[p], di = r[np + p] / wi[p];
                pseudo += (dr * dr + di * di) / (zr[p] * zr[p] + zi[p] * zi[p]);
            }
            return Math.Sqrt(pseudo / (2.0 * np));
        }

        /// <summary>A random jump from <paramref name="full"/> of typical size <paramref name="step"/> in the transformed variables.</summary>
        public double[] Jump(double[] full, Random rng, double step)
        {
            var uu = new double[n];
            for (int i = 0; i < n; i++)
                uu[i] = ClampU(i, ToU(i, full) + step * (2 * rng.NextDouble() - 1) * (kind[i] == Kind.Log ? 1.0 : 1.5));
            Array.Copy(full, xFull, full.Length);
            SetX(uu);
            return (double[])xFull.Clone();
        }

        /// <summary>Minimises from <paramref name="full"/> (updated in place); returns the final cost ½‖r‖², +∞ when the start is not finite.</summary>
        public double Solve(double[] full, int maxIterations, double tolerance)
        {
            Array.Copy(full, xFull, full.Length);
            for (int i = 0; i < n; i++) u[i] = ToU(i, full);
            Converged = false;
            Iterations = 0;
            double cost = Evaluate(u, r, jac);
            if (!double.IsFinite(cost)) return double.PositiveInfinity;
            Normal(jac, r);
            double mu = 1e-3, nu = 2;
            int it;
            for (it = 0; it < maxIterations && !Converged; it++)
            {
                // Marquardt scaling, floored relative to the largest diagonal: a parameter with almost no influence
                // (a CPE exponent saturated near 1) must still be damped, or its huge undamped step dominates the
                // trust-region shrink below and freezes every other parameter.
                double dMax = 0;
                for (int i = 0; i < n; i++) dMax = Math.Max(dMax, a[i * n + i]);
                for (int i = 0; i < n; i++) diag[i] = Math.Max(a[i * n + i], Math.Max(DiagFloor * dMax, 1e-300));
                // solve (A + μ diag(A)) h = -g
                Array.Copy(a, chol, a.Length);
                for (int i = 0; i < n; i++) { chol[i * n + i] += mu * diag[i]; h[i] = -g[i]; }
                if (!Cholesky.Solve(chol, h, n))
                {
                    mu *= nu; nu *= 2;
                    if (mu > 1e20) break; // no usable step: not converged
                    continue;
                }
                // Trust region in the transformed variables: no parameter moves by more than a factor 10 (or 2.3 in
                // logit) per step, so a linearisation far from the minimum cannot throw the fit into a distant basin.
                double hMax = 0;
                for (int i = 0; i < n; i++)
                {
                    // a move beyond a variable's limit is cut at the limit before the step is sized
                    double v = ClampU(i, u[i] + h[i]);
                    if (double.IsFinite(v)) h[i] = v - u[i];
                    hMax = Math.Max(hMax, Math.Abs(h[i]));
                }
                double shrink = hMax > MaxStep ? MaxStep / hMax : 1;
                double stepNorm = 0, uNorm = 0;
                for (int i = 0; i < n; i++)
                {
                    double v = ClampU(i, u[i] + shrink * h[i]);
                    if (!double.IsFinite(v)) v = u[i];
                    h[i] = v - u[i];
                    uTry[i] = v;
                    stepNorm += h[i] * h[i];
                    uNorm += u[i] * u[i];
                }
                double costTry = Evaluate(uTry, rTry, jacTry);
                // reduction predicted by the quadratic model −gᵀh − ½hᵀAh for the step actually taken
                double predicted = 0;
                for (int i = 0; i < n; i++)
                {
                    double ah = 0;
                    for (int k = 0; k < n; k++) ah += a[i * n + k] * h[k];
                    predicted -= g[i] * h[i] + 0.5 * h[i] * ah;
                }
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
                    if (relDrop < tolerance || Math.Sqrt(stepNorm) < 1e-8 * (Math.Sqrt(uNorm) + 1e-8)) Converged = true;
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
            SetX(u);
            Array.Copy(xFull, full, full.Length);
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

        /// <summary>Covariance of the free parameters (in their own units), or null when it cannot be computed.</summary>
        MathNet.Numerics.LinearAlgebra.Matrix<double>? Covariance(double[] full, double cost)
        {
            // Jacobian with respect to the parameters themselves (not their transforms) for the covariance
            var jx = new double[m * n];
            for (int i = 0; i < n; i++) u[i] = ToU(i, full);
            Evaluate(u, r, jx, natural: true);
            Normal(jx, r);
            if (a.Any(v => !double.IsFinite(v))) return null;
            // Parameters span many decades (pF to kΩ), so invert the diagonally scaled matrix to keep precision.
            var scaled = new MathNet.Numerics.LinearAlgebra.Double.DenseMatrix(n, n);
            var sc = new double[n];
            for (int i = 0; i < n; i++) sc[i] = a[i * n + i] > 0 ? 1 / Math.Sqrt(a[i * n + i]) : 0;
            for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) scaled[i, k] = a[i * n + k] * sc[i] * sc[k];
            double s2 = m > n ? 2 * cost / (m - n) : double.NaN;
            MathNet.Numerics.LinearAlgebra.Matrix<double> pinv;
            try { pinv = InverseSpd(scaled) ?? scaled.PseudoInverse(); }
            catch (Exception e) when (e is MathNet.Numerics.NonConvergenceException or ArgumentException or InvalidOperationException) { return null; }
            var inv = new MathNet.Numerics.LinearAlgebra.Double.DenseMatrix(n, n);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < n; k++)
                    // a parameter with no influence on Z (zero column) is undetermined, not exact
                    inv[i, k] = sc[i] == 0 || sc[k] == 0 ? (i == k ? double.NaN : 0) : pinv[i, k] * sc[i] * sc[k] * s2;
            return inv;
        }

        /// <summary>Fit statistics and warnings at the solution in <paramref name="full"/>.</summary>
        public FitResult Result(double[] full, bool[] isConst, FitOptions options, bool converged, int iterations, int localFits)
        {
            int np = w.Length, total = full.Length;
            for (int i = 0; i < n; i++) u[i] = ToU(i, full);
            double cost = Evaluate(u, r, jac);
            var resid = (double[])r.Clone();
            var inv = Covariance(full, cost);
            var errors = new double[total];
            var corr = new double[total, total];
            for (int i = 0; i < n; i++)
            {
                errors[free[i]] = inv is null ? double.NaN : Math.Sqrt(Math.Max(inv[i, i], 0));
                if (inv is not null && double.IsNaN(inv[i, i]) || !double.IsFinite(errors[free[i]])) errors[free[i]] = double.NaN;
                for (int k = 0; k < n; k++)
                {
                    double d = inv is null ? double.NaN : Math.Sqrt(inv[i, i] * inv[k, k]);
                    corr[free[i], free[k]] = d > 0 && double.IsFinite(d) ? inv![i, k] / d : (i == k ? 1 : double.NaN);
                }
            }
            double pseudo = 0, sq = 0;
            for (int p = 0; p < np; p++)
            {
                double dr = resid[p] / wr[p], di = resid[np + p] / wi[p];
                pseudo += (dr * dr + di * di) / (zr[p] * zr[p] + zi[p] * zi[p]);
                sq += dr * dr + di * di;
            }
            var warnings = new List<string>();
            if (!converged) warnings.Add($"not converged: the convergence test was not met within {options.MaxIterations} iterations; the values are the best reached");
            foreach (var lim in AtLimit(full)) warnings.Add($"parameter at a bound: {lim}");
            var (notDetermined, pairs) = Identifiability(full, errors, corr, isConst);
            for (int i = 0; i < n; i++)
            {
                double x = full[free[i]], e = errors[free[i]];
                string name = circuit.ParameterNames[free[i]];
                if (notDetermined[free[i]]) continue; // said below, once
                if (double.IsNaN(e)) warnings.Add($"poorly determined: {name} = {x:G4} has no finite standard error (the data do not constrain it)");
                else if (e > FitResult.PoorlyDeterminedRelativeError * Math.Abs(x))
                    warnings.Add($"poorly determined: {name} = {x:G4} ± {e:G3} ({100 * e / Math.Abs(x):F0} % relative error)");
            }
            for (int k = 0; k < total; k++)
                if (notDetermined[k])
                    warnings.Add($"not determined: {circuit.ParameterNames[k]} = {full[k]:G4}" + (double.IsFinite(errors[k]) ? $" ± {errors[k]:G3}" : "") +
                        " (relative error above 100 % or |correlation| ≥ 0.999 with another parameter): no conclusion is drawn from it");
            var relax = Relaxations(full, notDetermined);
            foreach (var rx in relax.Where(x => !x.InMeasuredWindow))
                warnings.Add($"outside the window: {rx.Label} has τ = {rx.TauSeconds:G3} s (apex {rx.ApexFrequencyHz:G3} Hz), outside the measured " +
                    $"{Min(w) / (2 * Math.PI):G3}…{Max(w) / (2 * Math.PI):G3} Hz{(rx.AtWindowEdge ? ", at the end of the allowed window (the fit wants it further out)" : "")}: the arc is not assigned");
            var simpler = Simpler(relax);
            double relRms = Math.Sqrt(pseudo / (2.0 * np));
            if (relRms > FitResult.PoorFitRelativeResidual)
                warnings.Add($"poor fit: pseudo-χ² = {pseudo:G3} over {np} points, a root-mean-square residual of {100 * relRms:F1} % of |Z| " +
                    $"(above {100 * FitResult.PoorFitRelativeResidual:F0} %): try another circuit, --global or other initial values");
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
                Iterations = iterations,
                Converged = converged,
                Weighting = options.Weighting,
                Warnings = warnings,
                LocalFits = localFits,
                WindowHz = (Min(w) / (2 * Math.PI), Max(w) / (2 * Math.PI)),
                Relaxations = relax,
                NotDetermined = notDetermined,
                CorrelatedPairs = pairs,
                SimplerCircuits = simpler,
            };
        }

        static double Min(double[] v) { double m = double.PositiveInfinity; foreach (var x in v) m = Math.Min(m, x); return m; }
        static double Max(double[] v) { double m = double.NegativeInfinity; foreach (var x in v) m = Math.Max(m, x); return m; }

        /// <summary>Which free parameters the data do not determine, and the strongly correlated pairs.</summary>
        (bool[] NotDetermined, List<(string, string, double)> Pairs) Identifiability(double[] full, double[] errors, double[,] corr, bool[] isConst)
        {
            int total = full.Length;
            var nd = new bool[total];
            var pairs = new List<(string, string, double)>();
            for (int k = 0; k < total; k++)
            {
                if (isConst[k]) continue;
                double e = errors[k];
                if (!double.IsFinite(e) || e > FitResult.UndeterminedRelativeError * Math.Abs(full[k])) nd[k] = true;
                for (int j = 0; j < total; j++)
                {
                    if (j == k || isConst[j]) continue;
                    double c = corr[k, j];
                    if (double.IsNaN(c) || Math.Abs(c) >= FitResult.UndeterminedCorrelation) nd[k] = true;
                    if (j > k && Math.Abs(c) >= FitResult.StrongCorrelation) pairs.Add((circuit.ParameterNames[k], circuit.ParameterNames[j], c));
                }
            }
            return (nd, pairs);
        }

        List<RelaxationReport> Relaxations(double[] full, bool[] nd)
        {
            double tLo = 1 / Max(w), tHi = 1 / Min(w);
            var list = new List<RelaxationReport>();
            foreach (var rx in circuit.Relaxations)
            {
                double tau = rx.Tau(full);
                // half a point spacing of slack, as for DRT peaks: an apex at the last measured point is measured
                double slack = Math.Pow(Max(w) / Min(w), 0.5 / Math.Max(w.Length - 1, 1));
                bool inside = tau >= tLo / slack && tau <= tHi * slack;
                double lt = Math.Log(tau);
                bool edge = lt < lnLo + 0.01 || lt > lnHi - 0.01;
                bool det = !nd[rx.ResistanceIndex] && !nd[rx.TauIndex] && (rx.AlphaIndex < 0 || !nd[rx.AlphaIndex]);
                list.Add(new RelaxationReport(rx.Label, circuit.ParameterNames[rx.ResistanceIndex], full[rx.ResistanceIndex], tau, 1 / (2 * Math.PI * tau),
                    inside, edge, det));
            }
            return list;
        }

        /// <summary>The circuit without the top-level relaxations that cannot be assigned, each alone and all together.</summary>
        List<(string, string)> Simpler(List<RelaxationReport> relax)
        {
            var result = new List<(string, string)>();
            if (circuit.Root is not SeriesNode root) return result;
            var bad = relax.Where(r => !r.Assignable).ToList();
            var removable = bad.Where(r => root.Children.Any(c => c.ToString() == r.Label)).ToList();
            string Without(IEnumerable<string> labels) => string.Join("-", root.Children.Select(c => c.ToString()).Where(t => !labels.Contains(t)));
            string Why(RelaxationReport r) => !r.InMeasuredWindow
                ? (r.ApexFrequencyHz > Max(w) / (2 * Math.PI) ? $"{r.Label}'s apex lies above the measured range, so its resistance shows only in the series (intercept) resistance"
                    : $"{r.Label}'s apex lies below the measured range, so the data show only the start of it")
                : $"{r.Label} is not determined by the data";
            foreach (var r in removable)
                if (Without([r.Label]) is { Length: > 0 } t) result.Add((t, Why(r)));
            if (removable.Count > 1 && Without(removable.Select(r => r.Label)) is { Length: > 0 } all)
                result.Add((all, string.Join("; ", removable.Select(Why))));
            return result;
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
