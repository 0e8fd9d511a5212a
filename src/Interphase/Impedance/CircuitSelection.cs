using System.Globalization;

namespace Interphase.Impedance;

/// <summary>One candidate circuit of an automatic choice, with its fit and criteria.</summary>
/// <param name="Circuit">The candidate (impedance.py notation).</param>
/// <param name="Fit">Its fit (modulus weighting, automatic starts), or null when it failed.</param>
/// <param name="FreeParameters">Number of fitted parameters k.</param>
/// <param name="Bic">Bayesian information criterion N ln(SSR/N) + k ln N on the modulus-weighted residuals (N = 2 × points).</param>
/// <param name="Aic">Akaike's criterion N ln(SSR/N) + 2k, for comparison.</param>
/// <param name="Supported">Every relaxation has its apex inside the measured window and every parameter is determined.</param>
/// <param name="Verdict">Why it wins or loses, in words.</param>
public sealed record CircuitCandidate(string Circuit, FitResult? Fit, int FreeParameters, double Bic, double Aic, bool Supported, string Verdict);

/// <summary>The outcome of an automatic circuit choice.</summary>
/// <param name="Candidates">Every candidate, best (lowest BIC among the supported) first.</param>
/// <param name="Chosen">The chosen candidate.</param>
/// <param name="DrtPeaks">DRT peaks inside the measured range that proposed the number of arcs.</param>
/// <param name="LowFrequencyTail">The spectrum ends in a diffusion or blocking tail (the DRT keeps rising at the lowest frequency, or the phase there is below −30°).</param>
/// <param name="Why">Why the chosen candidate wins, in words.</param>
public sealed record CircuitChoice(IReadOnlyList<CircuitCandidate> Candidates, CircuitCandidate Chosen, int DrtPeaks, bool LowFrequencyTail, string Why);

/// <summary>
/// Chooses an equivalent circuit for a spectrum: the DRT's peaks inside the measured range propose the number of arcs
/// (every count from one to one more than the peaks, as the DRT merges close arcs and a diffusion tail adds peaks of
/// its own); each is tried as a chain
/// of R‖CPE arcs after a series resistance, alone and with a low-frequency element (open Warburg for finite diffusion,
/// TLMQ transmission line for a composite electrode, CPE for a blocking electrode). Every candidate is fitted with
/// modulus weighting, whose residuals have one scale for the proportional noise of impedance analysers, and compared by
/// the Bayesian information criterion (Schwarz, Ann. Stat. 6, 461 (1978)). Candidates with an arc outside the measured
/// window or a parameter the data do not determine are not supported and cannot win; among the rest the lowest BIC wins,
/// a difference above 10 being very strong evidence (Kass &amp; Raftery, J. Am. Stat. Assoc. 90, 773 (1995)).
/// </summary>
public static class CircuitSelection
{
    /// <summary>The comparison, in words (as the output states it).</summary>
    public const string Criterion = "BIC = N ln(SSR/N) + k ln N on modulus-weighted residuals (N = 2 × points, k free parameters); only candidates with every arc inside the measured window and every parameter determined can win";

    /// <summary>Most arcs a candidate has.</summary>
    public const int MaxArcs = 4;

    /// <summary>Candidate circuit strings for <paramref name="s"/>, with the DRT peak count and tail flag that proposed them.</summary>
    public static (List<string> Circuits, int Peaks, bool Tail) Propose(ImpedanceSpectrum s)
    {
        int peaks = 1;
        bool tail = false;
        try
        {
            var drt = Drt.Compute(s);
            peaks = Math.Clamp(drt.Peaks.Count(p => p.InMeasuredRange), 1, MaxArcs);
            tail = drt.Warnings.Any(w => w.StartsWith("γ keeps rising beyond the lowest", StringComparison.Ordinal));
        }
        catch (Exception e) when (e is ImpedanceException or ArgumentException or MathNet.Numerics.NonConvergenceException) { }
        int lowest = Array.IndexOf(s.Frequency, s.Frequency.Min());
        double phaseDeg = Math.Atan2(s.Z[lowest].Imaginary, s.Z[lowest].Real) * 180 / Math.PI;
        tail |= phaseDeg < -30;
        var circuits = new List<string>();
        // every arc count up to one more than the DRT shows: a diffusion or transmission-line tail adds DRT peaks of its
        // own, and close arcs merge into one peak
        for (int k = 1; k <= Math.Min(MaxArcs, peaks + 1); k++)
        {
            string arcs = "R0" + string.Concat(Enumerable.Range(1, k).Select(i => $"-p(R{i},CPE{i})"));
            circuits.Add(arcs);
            circuits.Add(arcs + "-Wo1");
            circuits.Add(arcs + "-TLMQ1");
            circuits.Add(arcs + $"-CPE{k + 1}");
        }
        return (circuits.Distinct().ToList(), peaks, tail);
    }

    /// <summary>Fits every candidate and chooses one.</summary>
    /// <exception cref="ImpedanceException">No candidate could be fitted.</exception>
    public static CircuitChoice Choose(ImpedanceSpectrum s, int? maxDegreeOfParallelism = null)
    {
        s.EnsureUsable();
        var (circuits, peaks, tail) = Propose(s);
        var fits = new FitResult?[circuits.Count];
        var errors = new string?[circuits.Count];
        Parallel.For(0, circuits.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount }, i =>
        {
            try { fits[i] = CircuitFitter.Fit(Circuit.Parse(circuits[i]), s, new FitOptions { Weighting = Weighting.Modulus }); }
            catch (ImpedanceException e) { errors[i] = e.Message; }
        });
        int n = 2 * s.Count;
        var raw = new List<(string Circuit, FitResult? Fit, int K, double Bic, double Aic, bool Supported, string? Problem)>();
        for (int i = 0; i < circuits.Count; i++)
        {
            if (fits[i] is not { } f) { raw.Add((circuits[i], null, 0, double.PositiveInfinity, double.PositiveInfinity, false, errors[i])); continue; }
            int k = f.IsConstant.Count(c => !c);
            double ll = n * Math.Log(Math.Max(f.ChiSquare, 1e-300) / n);
            var outside = f.Relaxations.Where(r => !r.InMeasuredWindow).Select(r => $"{r.Label} apex {G(r.ApexFrequencyHz)} Hz outside the window").ToList();
            var undetermined = f.Names.Where((_, j) => !f.IsDetermined(j)).ToList();
            string? problem = outside.Count + undetermined.Count == 0 ? null
                : string.Join("; ", outside.Concat(undetermined.Count > 0 ? [$"not determined: {string.Join(", ", undetermined)}"] : []));
            raw.Add((circuits[i], f, k, ll + k * Math.Log(n), ll + 2 * k, problem is null, problem));
        }
        if (raw.All(r => r.Fit is null)) throw new ImpedanceException($"{s.Source ?? "spectrum"}: no candidate circuit could be fitted ({errors.FirstOrDefault(e => e is not null)})");
        var pool = raw.Where(r => r.Supported).ToList();
        bool anySupported = pool.Count > 0;
        if (!anySupported) pool = raw.Where(r => r.Fit is not null).ToList();
        var best = pool.MinBy(r => r.Bic);
        var runnerUp = pool.Where(r => r.Circuit != best.Circuit).OrderBy(r => r.Bic).FirstOrDefault();
        string why = runnerUp.Circuit is null
            ? $"{best.Circuit} is the only {(anySupported ? "supported " : "")}candidate"
            : $"{best.Circuit} has the lowest BIC{(anySupported ? " among the supported candidates" : "")}, {G(runnerUp.Bic - best.Bic)} below {runnerUp.Circuit}" +
              (runnerUp.Bic - best.Bic > 10 ? " (ΔBIC > 10: very strong evidence)" : runnerUp.Bic - best.Bic > 6 ? " (ΔBIC 6–10: strong evidence)" : " (ΔBIC < 6: the data barely prefer it; compare both)");
        if (!anySupported) why += "; no candidate is fully supported by the data (each has an arc outside the window or an undetermined parameter)";
        var candidates = raw.OrderByDescending(r => r.Circuit == best.Circuit).ThenByDescending(r => r.Supported).ThenBy(r => r.Bic).Select(r =>
        {
            string verdict = r.Circuit == best.Circuit ? "chosen: lowest BIC" + (r.Supported ? "" : $" (but {r.Problem})")
                : r.Fit is null ? $"fit failed: {r.Problem}"
                : !r.Supported && anySupported ? $"not supported: {r.Problem}"
                : $"ΔBIC = +{G(r.Bic - best.Bic)}" + (r.K > best.K ? $" ({r.K - best.K} more parameters than the data need)" : r.K < best.K ? " (too simple: larger residual)" : "");
            return new CircuitCandidate(r.Circuit, r.Fit, r.K, r.Bic, r.Aic, r.Supported, verdict);
        }).ToList();
        return new CircuitChoice(candidates, candidates[0], peaks, tail, why);
    }

    static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
