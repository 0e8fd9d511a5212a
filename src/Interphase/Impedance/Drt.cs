using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Interphase.Impedance;

/// <summary>How the regularisation parameter λ of a DRT is chosen.</summary>
public enum LambdaSelection
{
    /// <summary>Generalised cross-validation on the unconstrained Tikhonov problem.</summary>
    Gcv,
    /// <summary>Corner of the L-curve (maximum curvature of log residual norm against log solution semi-norm).</summary>
    LCurve,
}

/// <summary>A peak of a distribution of relaxation times.</summary>
/// <param name="TauSeconds">Time constant τ at the maximum (s).</param>
/// <param name="FrequencyHz">Characteristic frequency 1/(2πτ) (Hz).</param>
/// <param name="ResistanceOhm">Area under the peak, ∫γ d ln τ between the neighbouring minima (Ω).</param>
/// <param name="Height">γ at the maximum (Ω).</param>
/// <param name="InMeasuredRange">Whether τ lies within [1/(2π f_max), 1/(2π f_min)]; a peak outside is not supported by the data.</param>
/// <param name="ResistanceStdOhm">Bootstrap standard deviation of the peak's resistance (Ω), when bands were computed.</param>
/// <param name="FrequencyStdDecades">Bootstrap standard deviation of log₁₀ of the peak frequency (decades), when bands were computed.</param>
/// <param name="FoundFraction">Fraction of bootstrap replicates with a peak within half a decade of this one, when bands were computed.</param>
public sealed record DrtPeak(double TauSeconds, double FrequencyHz, double ResistanceOhm, double Height, bool InMeasuredRange = true,
    double? ResistanceStdOhm = null, double? FrequencyStdDecades = null, double? FoundFraction = null);

/// <summary>A distribution of relaxation times γ(ln τ) with Z(ω) = R∞ + jωL + ∫ γ/(1 + jωτ) d ln τ.</summary>
public sealed class DrtResult
{
    /// <summary>Time constants of the grid (s).</summary>
    public required double[] Tau { get; init; }
    /// <summary>γ at each τ (Ω per unit ln τ), non-negative.</summary>
    public required double[] Gamma { get; init; }
    /// <summary>High-frequency resistance R∞ (Ω).</summary>
    public required double RInf { get; init; }
    /// <summary>Series inductance (H).</summary>
    public required double Inductance { get; init; }
    /// <summary>Regularisation parameter used.</summary>
    public required double Lambda { get; init; }
    /// <summary>How λ was obtained ("gcv", "l-curve" or "given").</summary>
    public required string LambdaMethod { get; init; }
    /// <summary>Peaks, largest resistance first; those outside the measured range are flagged (and warned about).</summary>
    public required IReadOnlyList<DrtPeak> Peaks { get; init; }
    /// <summary>Shortest and longest time constant the data cover, 1/(2π f_max) and 1/(2π f_min) (s).</summary>
    public required (double Min, double Max) MeasuredTauSeconds { get; init; }
    /// <summary>What the user should know: peaks outside the measured range, a tail rising beyond it, λ at the end of its search range.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
    /// <summary>Impedance reconstructed from the distribution at the measured frequencies.</summary>
    public required Complex[] Fit { get; init; }
    /// <summary>Lower edge of the 95 % bootstrap band of γ (2.5th percentile), when bands were computed.</summary>
    public double[]? GammaLower { get; init; }
    /// <summary>Upper edge of the 95 % bootstrap band of γ (97.5th percentile), when bands were computed.</summary>
    public double[]? GammaUpper { get; init; }
    /// <summary>Bootstrap replicates behind the bands (0: none computed).</summary>
    public int BootstrapReplicates { get; init; }
    /// <summary>Total polarisation resistance ∫γ d ln τ (Ω).</summary>
    public double PolarisationResistance => Gamma.Sum() * Math.Log(Tau[1] / Tau[0]);
}

/// <summary>
/// Distribution of relaxation times by Tikhonov regularisation with a non-negativity constraint: γ is piecewise
/// constant on a log-uniform τ grid (10 points per decade, one decade beyond the measured range at each end), rows are
/// weighted by 1/|Z|, the penalty is λ‖Dγ‖²/max|Z|² with D the second-difference operator (λ dimensionless), and the constrained problem is
/// solved by active-set NNLS.
/// </summary>
public static class Drt
{
    /// <summary>Computes the DRT of <paramref name="spectrum"/>.</summary>
    /// <param name="spectrum">Measured spectrum (inductive points are allowed: an inductance term absorbs them).</param>
    /// <param name="lambda">Regularisation parameter, or null to choose it by <paramref name="selection"/>.</param>
    /// <param name="selection">Automatic λ choice.</param>
    /// <param name="pointsPerDecade">τ grid density.</param>
    /// <param name="peakFraction">Peaks lower than this fraction of the highest are ignored.</param>
    /// <param name="bootstrap">
    /// Residual-bootstrap replicates for the 95 % band of γ and the peaks' uncertainties (0: none): each replicate adds
    /// the fit's weighted residuals, resampled by point with replacement (real and imaginary parts together), to the
    /// reconstructed spectrum and is solved with the same λ (Efron &amp; Tibshirani, An Introduction to the Bootstrap (1993), §9.5).
    /// </param>
    /// <param name="seed">Seed of the bootstrap resampling (results are reproducible).</param>
    public static DrtResult Compute(ImpedanceSpectrum spectrum, double? lambda = null, LambdaSelection selection = LambdaSelection.Gcv,
        int pointsPerDecade = 10, double peakFraction = 0.05, int bootstrap = 0, int seed = 0)
    {
        if (bootstrap < 0) throw new ImpedanceException($"bootstrap replicates must be ≥ 0, got {bootstrap}");
        spectrum.EnsureUsable(5);
        if (lambda is { } given && !(given > 0)) throw new ImpedanceException($"regularisation parameter λ must be positive, got {given}");
        var w = spectrum.Omega;
        double lo = Math.Log10(1 / w.Max()) - 1, hi = Math.Log10(1 / w.Min()) + 1;
        int nt = (int)Math.Ceiling((hi - lo) * pointsPerDecade) + 1;
        var tau = Enumerable.Range(0, nt).Select(k => Math.Pow(10, lo + k * (hi - lo) / (nt - 1))).ToArray();
        double dln = Math.Log(tau[1] / tau[0]);
        int n = spectrum.Count, cols = nt + 2; // [R∞, L, γ...]
        var a = Matrix<double>.Build.Dense(2 * n, cols);
        var b = Vector.Build.Dense(2 * n);
        for (int i = 0; i < n; i++)
        {
            double wt = 1 / spectrum.Z[i].Magnitude;
            a[i, 0] = wt;
            a[n + i, 1] = wt * w[i];
            for (int k = 0; k < nt; k++)
            {
                double x = w[i] * tau[k], d = 1 + x * x;
                a[i, 2 + k] = wt * dln / d;
                a[n + i, 2 + k] = -wt * dln * x / d;
            }
            b[i] = wt * spectrum.Z[i].Real;
            b[n + i] = wt * spectrum.Z[i].Imaginary;
        }
        // second differences of γ; R∞ and L are not penalised
        var d2 = Matrix<double>.Build.Dense(nt - 2, cols);
        for (int k = 0; k < nt - 2; k++) { d2[k, 2 + k] = 1; d2[k, 3 + k] = -2; d2[k, 4 + k] = 1; }
        var ata = a.TransposeThisAndMultiply(a);
        // γ is in Ω while the weighted residuals are relative: scale the penalty by 1/max|Z|² so λ is dimensionless.
        double scale = spectrum.Z.Max(z => z.Magnitude);
        var dtd = d2.TransposeThisAndMultiply(d2) / (scale * scale);
        var atb = a.TransposeThisAndMultiply(b);
        string method = "given";
        double? atLimit = null;
        if (lambda is null)
        {
            lambda = selection == LambdaSelection.Gcv ? Gcv(ata, dtd, atb, a, b) : LCurve(ata, dtd, atb, a, b, d2);
            method = selection == LambdaSelection.Gcv ? "gcv" : "l-curve";
            if (lambda.Value <= LambdaGrid().First() * 1.0001 || lambda.Value >= LambdaGrid().Last() * 0.9999)
            {
                atLimit = lambda.Value;
                lambda = FallbackLambda;
                method += " at its limit: customary value";
            }
        }
        var q = ata + lambda.Value * dtd;
        var x0 = Nnls.Solve(q.ToRowMajorArray(), atb.ToArray(), cols);
        var gamma = x0[2..];
        var fit = new Complex[n];
        for (int i = 0; i < n; i++)
        {
            Complex z = x0[0] + new Complex(0, w[i] * x0[1]);
            for (int k = 0; k < nt; k++) z += gamma[k] * dln / new Complex(1, w[i] * tau[k]);
            fit[i] = z;
        }
        double tauLo = 1 / w.Max(), tauHi = 1 / w.Min();
        var peaks = FindPeaks(tau, gamma, dln, peakFraction, tauLo, tauHi);
        double[]? lower = null, upper = null;
        if (bootstrap > 0)
        {
            var qa = q.ToRowMajorArray();
            var fitted = a * Vector.Build.DenseOfArray(x0);
            var resid = b - fitted;
            var rng = new Random(seed);
            var samples = new double[bootstrap][];
            var replicatePeaks = new IReadOnlyList<DrtPeak>[bootstrap];
            for (int rep = 0; rep < bootstrap; rep++)
            {
                var bs = fitted.Clone();
                for (int i = 0; i < n; i++)
                {
                    int j = rng.Next(n);
                    bs[i] += resid[j];
                    bs[n + i] += resid[n + j];
                }
                var xs = Nnls.Solve((double[])qa.Clone(), a.TransposeThisAndMultiply(bs).ToArray(), cols);
                samples[rep] = xs[2..];
                replicatePeaks[rep] = FindPeaks(tau, samples[rep], dln, peakFraction, tauLo, tauHi);
            }
            lower = new double[nt];
            upper = new double[nt];
            var col = new double[bootstrap];
            for (int k = 0; k < nt; k++)
            {
                for (int rep = 0; rep < bootstrap; rep++) col[rep] = samples[rep][k];
                lower[k] = MathNet.Numerics.Statistics.Statistics.Quantile(col, 0.025);
                upper[k] = MathNet.Numerics.Statistics.Statistics.Quantile(col, 0.975);
            }
            // each peak's match in a replicate: the nearest peak within half a decade
            peaks = peaks.Select(pk =>
            {
                var rs = new List<double>();
                var ls = new List<double>();
                foreach (var rp in replicatePeaks)
                {
                    var near = rp.OrderBy(x => Math.Abs(Math.Log10(x.TauSeconds / pk.TauSeconds))).FirstOrDefault();
                    if (near is null || Math.Abs(Math.Log10(near.TauSeconds / pk.TauSeconds)) > 0.5) continue;
                    rs.Add(near.ResistanceOhm);
                    ls.Add(Math.Log10(near.FrequencyHz));
                }
                return pk with
                {
                    ResistanceStdOhm = rs.Count > 1 ? MathNet.Numerics.Statistics.Statistics.StandardDeviation(rs) : null,
                    FrequencyStdDecades = ls.Count > 1 ? MathNet.Numerics.Statistics.Statistics.StandardDeviation(ls) : null,
                    FoundFraction = (double)rs.Count / bootstrap,
                };
            }).ToList();
        }
        var warnings = new List<string>();
        foreach (var pk in peaks.Where(pk => !pk.InMeasuredRange))
            warnings.Add($"peak at τ = {pk.TauSeconds:G3} s (f = {pk.FrequencyHz:G3} Hz, {pk.ResistanceOhm:G3} Ω) lies outside the measured range " +
                $"τ = {tauLo:G3}…{tauHi:G3} s (f = {spectrum.Frequency.Min():G3}…{spectrum.Frequency.Max():G3} Hz): not supported by the data, do not interpret it");
        double reference = peaks.Where(pk => pk.InMeasuredRange).Select(pk => pk.Height).DefaultIfEmpty(gamma.Max()).Max();
        // γ still rising at the end of the grid: a process beyond the measured range (a diffusion or blocking tail)
        if (nt > 2 && gamma[^1] > peakFraction * reference && gamma[^1] >= gamma[^2])
        {
            double beyond = Enumerable.Range(0, nt).Where(k => tau[k] > tauHi).Sum(k => gamma[k]) * dln;
            warnings.Add($"γ keeps rising beyond the lowest measured frequency ({spectrum.Frequency.Min():G3} Hz; {beyond:G3} Ω lies at τ > {tauHi:G3} s): " +
                "a diffusion or blocking-electrode tail the DRT cannot resolve; fit it with a Warburg or CPE, or measure to lower frequency");
        }
        if (nt > 2 && gamma[0] > peakFraction * reference && gamma[0] >= gamma[1])
            warnings.Add($"γ keeps rising beyond the highest measured frequency ({spectrum.Frequency.Max():G3} Hz): a process faster than the data resolve");
        if (atLimit is { } limitLambda)
            warnings.Add($"{method} chose λ = {limitLambda:G3}, the end of its search range {LambdaGrid().First():G1}…{LambdaGrid().Last():G1} (no clear optimum: " +
                $"the criterion keeps improving by fitting noise); the customary λ = {FallbackLambda:G1} is used instead — compare with --lambda");
        return new DrtResult
        {
            Tau = tau, Gamma = gamma, RInf = x0[0], Inductance = x0[1], Lambda = lambda.Value, LambdaMethod = method,
            Peaks = peaks, Fit = fit, MeasuredTauSeconds = (tauLo, tauHi), Warnings = warnings,
            GammaLower = lower, GammaUpper = upper, BootstrapReplicates = bootstrap,
        };
    }

    // λ below 1e-4 only fits noise on measured spectra (a spiky γ with spurious peaks); the search stays within 1e-4…1e1.
    /// <summary>λ used when the automatic choice ends at the limit of its search range (the usual default of DRT tools).</summary>
    public const double FallbackLambda = 1e-3;

    static IEnumerable<double> LambdaGrid() => Enumerable.Range(0, 26).Select(i => Math.Pow(10, -4 + i * 0.2));

    static bool TryCholesky(Matrix<double> m, out MathNet.Numerics.LinearAlgebra.Factorization.Cholesky<double> chol)
    {
        try { chol = m.Cholesky(); return true; }
        catch (ArgumentException) { chol = null!; return false; }
    }

    static double Gcv(Matrix<double> ata, Matrix<double> dtd, Vector atb, Matrix<double> a, Vector b)
    {
        int m = a.RowCount;
        double best = double.PositiveInfinity, bestLambda = 1e-3;
        foreach (var lam in LambdaGrid())
        {
            // a λ whose system is numerically singular (γ columns that the data cannot see) is skipped
            if (!TryCholesky(ata + lam * dtd, out var chol)) continue;
            var x = chol.Solve(atb);
            double res = (a * x - b).L2Norm();
            double trace = chol.Solve(ata).Trace(); // tr(A (AᵀA + λDᵀD)⁻¹ Aᵀ)
            double g = m * res * res / Math.Pow(m - trace, 2);
            if (g < best) { best = g; bestLambda = lam; }
        }
        return bestLambda;
    }

    static double LCurve(Matrix<double> ata, Matrix<double> dtd, Vector atb, Matrix<double> a, Vector b, Matrix<double> d2)
    {
        var grid = LambdaGrid().ToArray();
        var rho = new double[grid.Length];
        var eta = new double[grid.Length];
        for (int i = 0; i < grid.Length; i++)
        {
            if (!TryCholesky(ata + grid[i] * dtd, out var chol)) { rho[i] = eta[i] = double.NaN; continue; }
            var x = chol.Solve(atb);
            rho[i] = Math.Log((a * x - b).L2Norm());
            eta[i] = Math.Log(Math.Max((d2 * x).L2Norm(), 1e-300));
        }
        double bestK = double.NegativeInfinity, bestLambda = 1e-3;
        for (int i = 1; i < grid.Length - 1; i++)
        {
            double dr = (rho[i + 1] - rho[i - 1]) / 2, de = (eta[i + 1] - eta[i - 1]) / 2;
            double ddr = rho[i + 1] - 2 * rho[i] + rho[i - 1], dde = eta[i + 1] - 2 * eta[i] + eta[i - 1];
            double k = (dr * dde - ddr * de) / Math.Pow(dr * dr + de * de, 1.5);
            if (double.IsFinite(k) && k > bestK) { bestK = k; bestLambda = grid[i]; }
        }
        return bestLambda;
    }

    /// <summary>
    /// Interior local maxima of γ at least <paramref name="fraction"/> of the highest peak inside the measured range
    /// [<paramref name="tauMin"/>, <paramref name="tauMax"/>], with areas between the neighbouring minima. The ends of the
    /// grid are not peaks (γ rising there is a tail beyond the data); peaks outside the measured range are flagged.
    /// </summary>
    public static IReadOnlyList<DrtPeak> FindPeaks(double[] tau, double[] gamma, double dlnTau, double fraction = 0.05,
        double tauMin = 0, double tauMax = double.PositiveInfinity)
    {
        var peaks = new List<DrtPeak>();
        int nt = gamma.Length;
        double slack = Math.Exp(0.5 * dlnTau); // half a grid step
        for (int k = 1; k < nt - 1; k++)
        {
            double left = gamma[k - 1], right = gamma[k + 1];
            if (!(gamma[k] > 0) || gamma[k] < left || gamma[k] <= right) continue;
            int l = k, r = k;
            while (l > 0 && gamma[l - 1] <= gamma[l] && gamma[l - 1] > 0) l--;
            while (r < nt - 1 && gamma[r + 1] <= gamma[r] && gamma[r + 1] > 0) r++;
            double area = 0;
            for (int i = l; i <= r; i++) area += gamma[i] * dlnTau;
            // parabolic refinement of the maximum in ln τ
            double lnTau = Math.Log(tau[k]);
            double den = left - 2 * gamma[k] + right;
            if (den < 0) lnTau += 0.5 * (left - right) / den * dlnTau;
            double t = Math.Exp(lnTau);
            peaks.Add(new DrtPeak(t, 1 / (2 * Math.PI * t), area, gamma[k], t >= tauMin / slack && t <= tauMax * slack));
        }
        if (peaks.Count == 0) return peaks;
        double reference = peaks.Where(p => p.InMeasuredRange).Select(p => p.Height).DefaultIfEmpty(peaks.Max(p => p.Height)).Max();
        return peaks.Where(p => p.Height >= fraction * reference).OrderByDescending(p => p.ResistanceOhm).ToList();
    }
}
