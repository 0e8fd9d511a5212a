using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Vector = MathNet.Numerics.LinearAlgebra.Vector<double>;

namespace Interphase.Impedance;

/// <summary>Outcome of a linear Kramers–Kronig test.</summary>
public sealed class KramersKronigResult
{
    /// <summary>Number of RC elements chosen by the μ criterion.</summary>
    public required int ElementCount { get; init; }
    /// <summary>μ = 1 − Σ|R_k&lt;0| / ΣR_k≥0 at the chosen element count.</summary>
    public required double Mu { get; init; }
    /// <summary>Time constants τ_k (s) of the RC elements.</summary>
    public required double[] Tau { get; init; }
    /// <summary>Fitted resistances R_k (Ω); negative values signal over-fitting.</summary>
    public required double[] Resistance { get; init; }
    /// <summary>Series resistance (Ω), series inductance (H) and inverse series capacitance (1/F) of the test circuit.</summary>
    public required (double R0, double L, double InverseC) Series { get; init; }
    /// <summary>Relative real residuals (Z'−Z'_KK)/|Z| at each frequency.</summary>
    public required double[] ResidualReal { get; init; }
    /// <summary>Relative imaginary residuals (Z''−Z''_KK)/|Z| at each frequency.</summary>
    public required double[] ResidualImag { get; init; }
    /// <summary>The KK-compliant fit at each frequency.</summary>
    public required Complex[] Fit { get; init; }
    /// <summary>Root-mean-square of all relative residuals (fraction, 0.01 = 1 %).</summary>
    public double ResidualRms => Math.Sqrt((ResidualReal.Sum(r => r * r) + ResidualImag.Sum(r => r * r)) / (2.0 * ResidualReal.Length));
    /// <summary>Largest relative residual (fraction).</summary>
    public double ResidualMax => ResidualReal.Concat(ResidualImag).Max(Math.Abs);
    /// <summary>Threshold on <see cref="ResidualRms"/> used for <see cref="IsValid"/> (fraction).</summary>
    public required double Threshold { get; init; }
    /// <summary>How the number of RC elements was chosen.</summary>
    public required KkElementChoice Choice { get; init; }
    /// <summary>Whether the spectrum passes: residual RMS at the chosen M below the threshold (a causal, linear, stable system fits to the noise level).</summary>
    public bool IsValid => ResidualRms < Threshold;
    /// <summary>The verdict in words, with the rule that gave it.</summary>
    public string Verdict => IsValid
        ? $"valid: residual RMS {ResidualRms:P2} of |Z| at M = {ElementCount} is below the {Threshold:P1} threshold"
        : $"NOT valid: residual RMS {ResidualRms:P2} of |Z| at M = {ElementCount} is above the {Threshold:P1} threshold " +
          $"(largest {ResidualMax:P1} at {WorstFrequencyHz:G3} Hz): drift, non-linearity or noise above that level";
    /// <summary>Frequencies of the points (Hz), in the order of the residuals.</summary>
    public required double[] FrequencyHz { get; init; }
    /// <summary>Frequency of the largest residual (Hz).</summary>
    public double WorstFrequencyHz => FrequencyHz[Enumerable.Range(0, FrequencyHz.Length)
        .MaxBy(i => Math.Max(Math.Abs(ResidualReal[i]), Math.Abs(ResidualImag[i])))];
}

/// <summary>How the linear Kramers–Kronig test chooses its number of RC elements M.</summary>
public enum KkElementChoice
{
    /// <summary>Schönleber's rule as impedance.py applies it: the first M (from 1) with μ ≤ c.</summary>
    Mu,
    /// <summary>The first M with μ ≤ c once the residuals have reached their floor (within 1.5× of the smallest over all M); more elements, smaller residuals.</summary>
    ResidualFloor,
    /// <summary>A number of elements given by the user.</summary>
    Fixed,
}

/// <summary>
/// Linear Kramers–Kronig validation (Schönleber, Klotz and Ivers-Tiffée, Electrochim. Acta 131, 20 (2014)), as
/// impedance.py's <c>linKK</c> implements it with <c>fit_type='complex'</c>: R₀, a series inductance and M RC elements
/// with time constants fixed log-uniformly between 1/ω_max and 1/ω_min are fitted by linear least squares to Z/|Z|
/// (real and imaginary parts together); M is the first count from 1 with μ = 1 − Σ|R_k&lt;0|/ΣR_k≥0 ≤ c (0.85).
/// The verdict comes from the residuals (Z − Z_KK)/|Z| at that M: systematic residuals above the noise reveal drift,
/// non-linearity or instability during the measurement.
/// </summary>
public static class KramersKronig
{
    /// <summary>Runs the test.</summary>
    /// <param name="spectrum">The measured spectrum.</param>
    /// <param name="c">μ criterion (Schönleber's 0.85).</param>
    /// <param name="maxElements">Upper limit on the number of RC elements (impedance.py's max_M).</param>
    /// <param name="threshold">Residual RMS (fraction of |Z|) above which the spectrum is flagged.</param>
    /// <param name="elements">A fixed number of RC elements instead of the μ criterion.</param>
    /// <param name="addCapacitance">Add a series capacitance (for blocking electrodes whose Z'' diverges at low frequency).</param>
    /// <param name="choice">How M is chosen when <paramref name="elements"/> is not given.</param>
    public static KramersKronigResult Test(ImpedanceSpectrum spectrum, double c = 0.85, int maxElements = 100,
        double threshold = 0.01, int? elements = null, bool addCapacitance = false, KkElementChoice choice = KkElementChoice.Mu)
    {
        spectrum.EnsureUsable(4);
        if (!(c > 0 && c < 1)) throw new ImpedanceException($"μ criterion c must lie between 0 and 1, got {c}");
        if (!(threshold > 0 && double.IsFinite(threshold))) throw new ImpedanceException($"residual threshold must be positive, got {threshold * 100} % of |Z|");
        if (maxElements < 1) throw new ImpedanceException($"maximum number of RC elements must be at least 1, got {maxElements}");
        // 2N equations for M + 2 (or 3) unknowns
        int limit = Math.Min(maxElements, 2 * spectrum.Count - (addCapacitance ? 3 : 2));
        if (elements is { } fixedM && (fixedM < 1 || fixedM > limit))
            throw new ImpedanceException($"number of RC elements must be between 1 and {limit}, got {fixedM}");
        if (elements is { } m0) return FitWith(spectrum, m0, threshold, addCapacitance, KkElementChoice.Fixed);
        if (choice == KkElementChoice.Mu)
        {
            KramersKronigResult? last = null;
            for (int m = 1; m <= limit; m++)
            {
                last = FitWith(spectrum, m, threshold, addCapacitance, choice);
                if (!(last.Mu > c)) return last; // impedance.py: while mu > c (a NaN μ stops too)
            }
            return last!;
        }
        // Every M up to the limit: Debye-like arcs that fall between grid time constants give negative R_k (μ < c) long
        // before the fit reaches the noise, so μ is applied only once the residuals have levelled off.
        // the floor is judged over at most 50 elements: beyond, the grid is denser than the data and the floor only fits noise
        var fits = Enumerable.Range(1, Math.Min(limit, 50)).Select(m => FitWith(spectrum, m, threshold, addCapacitance, choice)).ToList();
        double floor = fits.Min(f => f.ResidualRms);
        return fits.FirstOrDefault(f => f.Mu <= c && f.ResidualRms <= 1.5 * floor)
               ?? fits.First(f => f.ResidualRms <= 1.5 * floor);
    }

    static KramersKronigResult FitWith(ImpedanceSpectrum s, int m, double threshold, bool addCapacitance, KkElementChoice choice)
    {
        var w = s.Omega;
        double tMin = 1 / w.Max(), tMax = 1 / w.Min();
        var tau = Enumerable.Range(0, m)
            .Select(k => m == 1 ? tMin : Math.Exp(Math.Log(tMin) + k * (Math.Log(tMax) - Math.Log(tMin)) / (m - 1))).ToArray();
        int n = s.Count, cols = m + (addCapacitance ? 3 : 2);
        var a = Matrix<double>.Build.Dense(2 * n, cols);
        var b = Vector.Build.Dense(2 * n);
        for (int i = 0; i < n; i++)
        {
            double wt = 1 / s.Z[i].Magnitude;
            a[i, 0] = wt; // R0
            for (int k = 0; k < m; k++)
            {
                double x = w[i] * tau[k], d = 1 + x * x;
                a[i, 1 + k] = wt / d;
                a[n + i, 1 + k] = -wt * x / d;
            }
            a[n + i, m + 1] = wt * w[i];  // L
            if (addCapacitance) a[n + i, m + 2] = -wt / w[i]; // 1/C
            b[i] = wt * s.Z[i].Real;
            b[n + i] = wt * s.Z[i].Imaginary;
        }
        var x0 = a.QR().Solve(b);
        if (!addCapacitance) x0 = Vector.Build.DenseOfEnumerable(x0.Append(0.0));
        var rk = x0.SubVector(1, m).ToArray();
        double pos = rk.Where(r => r >= 0).Sum(), neg = rk.Where(r => r < 0).Sum(r => -r);
        double mu = pos > 0 ? 1 - neg / pos : neg > 0 ? double.NegativeInfinity : 1; // impedance.py's calc_mu
        var fit = new Complex[n];
        var resR = new double[n];
        var resI = new double[n];
        for (int i = 0; i < n; i++)
        {
            Complex z = x0[0] + new Complex(0, w[i] * x0[m + 1] - x0[m + 2] / w[i]);
            for (int k = 0; k < m; k++) z += rk[k] / new Complex(1, w[i] * tau[k]);
            fit[i] = z;
            double mag = s.Z[i].Magnitude;
            resR[i] = (s.Z[i].Real - z.Real) / mag;
            resI[i] = (s.Z[i].Imaginary - z.Imaginary) / mag;
        }
        return new KramersKronigResult
        {
            ElementCount = m, Mu = mu, Tau = tau, Resistance = rk, Series = (x0[0], x0[m + 1], x0[m + 2]),
            ResidualReal = resR, ResidualImag = resI, Fit = fit, Threshold = threshold, Choice = choice, FrequencyHz = s.Frequency,
        };
    }
}
