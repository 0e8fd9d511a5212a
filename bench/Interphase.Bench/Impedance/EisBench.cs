using System.Diagnostics;
using System.Globalization;
using Complex = System.Numerics.Complex;
using System.Text;
using System.Text.Json;
using Interphase.Impedance;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Interphase.Bench.Impedance;

/// <summary>
/// Fits 1,000 synthetic 70-point spectra with p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3): Interphase's Levenberg–Marquardt
/// (parallel and on one thread), MathNet's LevenbergMarquardtMinimizer, and SciPy's least_squares on the same
/// spectra from the same initial guess, in one run.
/// </summary>
public sealed class EisBench : IBenchSuite
{
    const string CircuitText = "p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)";

    /// <inheritdoc/>
    public string Name => "eis";

    /// <inheritdoc/>
    public string Description => "1,000 three-arc fits: Interphase LM vs MathNet LM vs SciPy least_squares; hard spectra vs impedance.py (eis [COUNT] [--hard N] [--jobs N] [--no-cache] [--verbose])";

    /// <inheritdoc/>
    public int Run(string[] args)
    {
        // eis [COUNT] [HARD] [--hard N] [--jobs N] [--no-cache] [--verbose]: COUNT throughput fits (1,000), HARD hard
        // spectra against impedance.py (30; --hard 90 for the large run), JOBS impedance.py processes (2).
        var positional = new List<string>();
        int hard = 30, jobs = 2, recovery = 0;
        bool useCache = true, verbose = false;
        for (int i = 0; i < args.Length; i++)
            switch (args[i])
            {
                case "--hard": hard = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--jobs": jobs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--no-cache": useCache = false; break;
                case "--verbose": verbose = true; break;
                case "--dump": return Dump(args[++i], hard);
                case "--recovery": recovery = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: positional.Add(args[i]); break;
            }
        if (positional.Count > 1) hard = int.Parse(positional[1], CultureInfo.InvariantCulture);
        int count = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 1000;
        if (recovery > 0) return RecoveryAgainstImpedancePy(recovery, jobs, useCache, verbose);
        if (count <= 0) return HardSpectraAgainstImpedancePy(hard, jobs, useCache, verbose);
        var circuit = Circuit.Parse(CircuitText);
        double[] nominal = [100, Math.Pow(1e-9, 0.9) / Math.Pow(100, 0.1), 0.9, 300, Math.Pow(1e-7, 0.85) / Math.Pow(300, 0.15), 0.85,
            1000, Math.Pow(1e-4, 0.8) / Math.Pow(1000, 0.2), 0.8];
        var f = Enumerable.Range(0, 70).Select(i => 1e6 * Math.Pow(1e-7, i / 69.0)).ToArray();
        var rng = new Random(42);
        var truths = new List<double[]>();
        var spectra = new List<ImpedanceSpectrum>();
        for (int s = 0; s < count; s++)
        {
            var p = nominal.Select((v, k) => k % 3 == 2 ? v : v * Math.Exp(0.3 * (2 * rng.NextDouble() - 1))).ToArray();
            var z = circuit.Impedance(f, p).Select(v => v + 0.005 * v.Magnitude * new Complex(Gauss(rng), Gauss(rng))).ToArray();
            truths.Add(p);
            spectra.Add(new ImpedanceSpectrum(f, z, $"synthetic {s}"));
        }
        var options = new FitOptions { Initial = nominal };

        Console.WriteLine($"{count} spectra × {f.Length} points, circuit {CircuitText}, {Environment.ProcessorCount} cores, same initial guess for every tool");
        CircuitFitter.Fit(circuit, spectra[0], options); // JIT warm-up
        var sw = Stopwatch.StartNew();
        var ours = new FitResult[count];
        Parallel.For(0, count, i => ours[i] = CircuitFitter.Fit(circuit, spectra[i], options));
        double tPar = sw.Elapsed.TotalSeconds;
        sw.Restart();
        for (int i = 0; i < Math.Min(count, 200); i++) CircuitFitter.Fit(circuit, spectra[i], options);
        double tSeq = sw.Elapsed.TotalSeconds * count / Math.Min(count, 200);
        int nMathNet = Math.Min(count, 100);
        sw.Restart();
        var mathnetCost = new double[nMathNet];
        for (int i = 0; i < nMathNet; i++) mathnetCost[i] = MathNetFit(circuit, spectra[i], nominal);
        double tMathNet = sw.Elapsed.TotalSeconds * count / nMathNet;

        double recovered = Enumerable.Range(0, count).Count(i =>
            new[] { 0, 3, 6 }.All(k => Math.Abs(ours[i].Parameters[k] / truths[i][k] - 1) < 0.05)) / (double)count;
        Console.WriteLine($"Interphase LM, parallel:      {tPar,8:F3} s  ({1e3 * tPar / count:F3} ms/fit), mean {ours.Average(r => r.Iterations):F1} iterations, R1..R3 within 5 % of truth in {recovered:P1}");
        Console.WriteLine($"Interphase LM, one thread:    {tSeq,8:F3} s  (extrapolated from {Math.Min(count, 200)} fits)");
        Console.WriteLine($"MathNet LM (numerical J):     {tMathNet,8:F3} s  (extrapolated from {nMathNet} fits, one thread), ratio to Interphase one-thread {tMathNet / tSeq:F1}×");

        var dir = Directory.CreateTempSubdirectory("interphase-eis-bench").FullName;
        try
        {
            var data = new StringBuilder();
            for (int s = 0; s < count; s++)
                for (int i = 0; i < f.Length; i++)
                    data.Append(CultureInfo.InvariantCulture, $"{s},{f[i]:R},{spectra[s].Z[i].Real:R},{spectra[s].Z[i].Imaginary:R}\n");
            File.WriteAllText(Path.Combine(dir, "spectra.csv"), data.ToString());
            File.WriteAllText(Path.Combine(dir, "p0.csv"), string.Join(",", nominal.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
            var script = Path.Combine(AppContext.BaseDirectory, "Impedance", "eis_scipy.py");
            var py = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            var psi = new ProcessStartInfo(py, [script, Path.Combine(dir, "spectra.csv"), Path.Combine(dir, "p0.csv"), "trf"])
            { RedirectStandardOutput = true, RedirectStandardError = true };
            using var proc = Process.Start(psi)!;
            string stdout = proc.StandardOutput.ReadToEnd(), stderr = proc.StandardError.ReadToEnd();
            proc.WaitForExit();
            if (proc.ExitCode != 0)
            {
                Console.WriteLine($"SciPy run failed ({py}): {stderr.Trim()}");
                return 1;
            }
            using var doc = JsonDocument.Parse(stdout);
            double tScipy = doc.RootElement.GetProperty("seconds").GetDouble();
            var sc = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
            int better = 0, same = 0;
            var rDiff = new List<double>();
            for (int i = 0; i < count; i++)
            {
                double c = sc[i].GetProperty("cost").GetDouble();
                if (ours[i].ChiSquare <= c * 1.001) same++;
                if (ours[i].ChiSquare < c * 0.99) better++;
                var x = sc[i].GetProperty("x").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                rDiff.Add(new[] { 0, 3, 6 }.Max(k => Math.Abs(ours[i].Parameters[k] / x[k] - 1)));
            }
            rDiff.Sort();
            Console.WriteLine($"SciPy least_squares (trf):    {tScipy,8:F3} s  (one process, one thread; fitting loop only)");
            Console.WriteLine($"ratio SciPy / Interphase parallel: {tScipy / tPar:F1}×;  SciPy / Interphase one thread: {tScipy / tSeq:F1}×");
            Console.WriteLine($"agreement: Interphase χ² ≤ SciPy's (+0.1 %) in {same}/{count}, lower by > 1 % in {better}; median max |ΔR/R| {rDiff[count / 2]:E2}");
        }
        finally { Directory.Delete(dir, true); }
        Console.WriteLine(tPar < 10 ? "target met: under 10 s" : "target missed: 10 s");
        return HardSpectraAgainstImpedancePy(hard, jobs, useCache, verbose);
    }

    /// <summary>
    /// Hard spectra (0.5 % noise) fitted by impedance.py and by Interphase from the same perturbed truth, same points,
    /// unit weighting; and by Interphase from its automatic guess. Counts how often Interphase's residual is no larger
    /// than impedance.py's (criteria: ≥ 90 % from the same start, ≥ 80 % automatic). impedance.py takes seconds per fit:
    /// its results are cached per spectrum (keyed by circuit, start and data) under the temp folder, and the spectra not
    /// cached are fitted by <paramref name="jobs"/> Python processes side by side.
    /// </summary>
    static int HardSpectraAgainstImpedancePy(int count, int jobs, bool useCache, bool verbose)
    {
        if (count <= 0) return 0;
        var shared = BenchShared.Find();
        if (shared is null) return 1;
        string impedancePy = Path.Combine(shared, "tools", "impedance.py");
        var cases = HardSpectra.Generate(count);
        var sw = Stopwatch.StartNew();
        var same = cases.Select(c => CircuitFitter.Fit(Circuit.Parse(c.Circuit), c.Spectrum("hard"), new FitOptions { Initial = c.Start })).ToList();
        double tSame = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var auto = cases.Select(c => CircuitFitter.Fit(Circuit.Parse(c.Circuit), c.Spectrum("hard"))).ToList();
        double tAuto = sw.Elapsed.TotalSeconds;

        var reference = ImpedancePyResults(cases, impedancePy, jobs, useCache, out int ran, out double wall);
        if (reference is null) return 1;
        var ssr = reference.Select(r => r.Ssr ?? double.PositiveInfinity).ToArray();
        bool NoLarger(double ours, double theirs) => ours <= theirs * (1 + 1e-6);
        Console.WriteLine();
        Console.WriteLine($"hard spectra vs impedance.py: {count} spectra (garnet 7 MHz–0.1 Hz, cathode + finite Warburg, blocking cell), 0.5 % noise, unit weighting");
        Console.WriteLine($"{"#",3} {"kind",-9} {"truth SSR",11} {"impedance.py",13} {"ours same start",16} {"ours automatic",15}  bound warnings (ours, same start)");
        for (int i = 0; i < count; i++)
        {
            Console.WriteLine($"{i,3} {cases[i].Kind,-9} {cases[i].Ssr(cases[i].Truth),11:G4} {ssr[i],13:G4} {same[i].ChiSquare,16:G4}{(NoLarger(same[i].ChiSquare, ssr[i]) ? ' ' : '*')}" +
                $"{auto[i].ChiSquare,15:G4}{(NoLarger(auto[i].ChiSquare, ssr[i]) ? ' ' : '*')} {same[i].Warnings.Count(w => w.StartsWith("parameter at a bound"))}");
            if (verbose)
            {
                string Row(IEnumerable<double> p) => string.Join(" ", p.Select(v => $"{v,9:G3}"));
                Console.WriteLine($"      truth        {Row(cases[i].Truth)}");
                Console.WriteLine($"      start        {Row(cases[i].Start)}");
                if (reference[i].Parameters is { } pp) Console.WriteLine($"      impedance.py {Row(pp)}  SSR {ssr[i].ToString("R", CultureInfo.InvariantCulture)}");
                Console.WriteLine($"      same start   {Row(same[i].Parameters)}  SSR {same[i].ChiSquare.ToString("R", CultureInfo.InvariantCulture)}");
                Console.WriteLine($"      automatic    {Row(auto[i].Parameters)}  SSR {auto[i].ChiSquare.ToString("R", CultureInfo.InvariantCulture)}");
            }
        }
        int winSame = Enumerable.Range(0, count).Count(i => NoLarger(same[i].ChiSquare, ssr[i]));
        int winAuto = Enumerable.Range(0, count).Count(i => NoLarger(auto[i].ChiSquare, ssr[i]));
        int pyBound = reference.Count(r => r.Parameters is { } p && p.Any(v => v < 1e-20 || v > 1e20));
        double pySeconds = reference.Sum(r => r.Seconds);
        Console.WriteLine($"(* = residual larger than impedance.py's by more than 1e-6 relative)");
        Console.WriteLine($"same start: residual ≤ impedance.py's in {winSame}/{count} ({(double)winSame / count:P0}; criterion ≥ 90 %: {(winSame >= 0.9 * count ? "met" : "missed")})");
        Console.WriteLine($"automatic guess vs impedance.py from the perturbed truth: ≤ in {winAuto}/{count} ({(double)winAuto / count:P0}; criterion ≥ 80 %: {(winAuto >= 0.8 * count ? "met" : "missed")})");
        Console.WriteLine($"time: ours {tSame:F2} s (same start), {tAuto:F2} s (automatic), one thread; impedance.py {pySeconds:F1} s summed over its fits " +
            $"({count - ran} from the cache, {ran} run now in {wall:F1} s wall with {jobs} processes)");
        Console.WriteLine($"fits ending with a parameter at a bound: ours (same start) {same.Count(f => f.Warnings.Any(w => w.StartsWith("parameter at a bound")))}, " +
            $"ours (automatic) {auto.Count(f => f.Warnings.Any(w => w.StartsWith("parameter at a bound")))}, impedance.py (|p| < 1e-20 or > 1e20) {pyBound}");
        return 0;
    }

    /// <summary>
    /// Recovery of the true resistances on <see cref="HardSpectra.Recovery"/> (every time constant inside the window):
    /// impedance.py and Interphase from the same perturbed truth (unit weighting), Interphase from its automatic guess,
    /// and <c>--circuit auto</c>. Prints per case the worst |R_fit/R_true − 1| over the resistances, the medians, how
    /// many assigned arcs have their apex outside the measured window, and how often the automatic choice is the true
    /// circuit (criteria: median worst error no larger than impedance.py's, no assigned arc outside, ≥ 80 % chosen).
    /// </summary>
    static int RecoveryAgainstImpedancePy(int count, int jobs, bool useCache, bool verbose)
    {
        var shared = BenchShared.Find();
        if (shared is null) return 1;
        var cases = HardSpectra.Recovery(count);
        var sw = Stopwatch.StartNew();
        var same = cases.Select(c => CircuitFitter.Fit(Circuit.Parse(c.Circuit), c.Spectrum("recovery"), new FitOptions { Initial = c.Start })).ToList();
        double tSame = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var auto = cases.Select(c => CircuitFitter.Fit(Circuit.Parse(c.Circuit), c.Spectrum("recovery"))).ToList();
        double tAuto = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var choice = cases.Select(c => CircuitSelection.Choose(c.Spectrum("recovery"))).ToList();
        double tChoice = sw.Elapsed.TotalSeconds;
        var reference = ImpedancePyResults(cases, Path.Combine(shared, "tools", "impedance.py"), jobs, useCache, out int ran, out double wall);
        // without impedance.py our side is still printed, and the run fails at the end
        bool pyFailed = reference is null;
        reference ??= cases.Select(_ => new PyFit(null, null, 0, "impedance.py did not run")).ToArray();

        // an arc is assigned when the interpretation gives it an origin; its apex must then lie inside the window
        int Outside(FitResult f) => FitInterpretation.Analyse(f).Arcs.Count(a => a.Origin != ArcOrigin.Undetermined
            && a.PeakFrequencyHz is { } pf && (pf < f.WindowHz.Min * 0.99 || pf > f.WindowHz.Max * 1.01));
        int PyOutside(HardSpectrum c, double[] p) => Circuit.Parse(c.Circuit).TimeConstants(p)
            .Count(t => 1 / (2 * Math.PI * t.TauSeconds) is var pf && (pf < c.Frequency.Min() * 0.99 || pf > c.Frequency.Max() * 1.01));
        var errPy = cases.Select((c, i) => reference[i].Parameters is { } p ? HardSpectra.WorstResistanceError(c, p) : double.PositiveInfinity).ToArray();
        var errSame = cases.Select((c, i) => HardSpectra.WorstResistanceError(c, same[i].Parameters)).ToArray();
        var errAuto = cases.Select((c, i) => HardSpectra.WorstResistanceError(c, auto[i].Parameters)).ToArray();
        Console.WriteLine($"recovery cases: {count} spectra ({string.Join(", ", HardSpectra.RecoveryKinds.Select(k => k.Kind))}), 0.5 % noise, every τ inside the window, unit weighting");
        Console.WriteLine($"{"#",3} {"kind",-12} {"worst |ΔR/R|: impedance.py",27} {"ours same start",16} {"ours automatic",15}  {"arcs outside (py/ours)",22}  auto circuit");
        for (int i = 0; i < count; i++)
        {
            bool hit = choice[i].Chosen.Circuit == cases[i].Circuit;
            Console.WriteLine($"{i,3} {cases[i].Kind,-12} {errPy[i],27:P1} {errSame[i],16:P1} {errAuto[i],15:P1}  " +
                $"{(reference[i].Parameters is { } pp ? PyOutside(cases[i], pp) : -1),10}/{Outside(same[i]),-11}  {(hit ? "true" : $"{choice[i].Chosen.Circuit} (true {cases[i].Circuit})")}");
            if (verbose)
            {
                string Row(IEnumerable<double> p) => string.Join(" ", p.Select(v => $"{v,9:G3}"));
                Console.WriteLine($"      truth        {Row(cases[i].Truth)}");
                if (reference[i].Parameters is { } pp2) Console.WriteLine($"      impedance.py {Row(pp2)}  worst {errPy[i].ToString("R", CultureInfo.InvariantCulture)}");
                Console.WriteLine($"      same start   {Row(same[i].Parameters)}");
                foreach (var w in same[i].Warnings) Console.WriteLine($"        {w}");
                if (!hit)
                    foreach (var cand in choice[i].Candidates)
                        Console.WriteLine($"        {cand.Circuit,-48} k={cand.FreeParameters,2} BIC {cand.Bic,9:F1}  {cand.Verdict}");
            }
        }
        double Median(IEnumerable<double> v) { var a = v.OrderBy(x => x).ToArray(); return a.Length % 2 == 1 ? a[a.Length / 2] : 0.5 * (a[a.Length / 2 - 1] + a[a.Length / 2]); }
        int hits = Enumerable.Range(0, count).Count(i => choice[i].Chosen.Circuit == cases[i].Circuit);
        int outsideOurs = same.Sum(Outside) + auto.Sum(Outside);
        int outsidePy = Enumerable.Range(0, count).Count(i => reference[i].Parameters is { } p && PyOutside(cases[i], p) > 0);
        foreach (var kind in HardSpectra.RecoveryKinds.Select(k => k.Kind))
        {
            var idx = Enumerable.Range(0, count).Where(i => cases[i].Kind == kind).ToList();
            Console.WriteLine($"  {kind,-12} median worst |ΔR/R|: impedance.py {Median(idx.Select(i => errPy[i])):P1}, ours same start {Median(idx.Select(i => errSame[i])):P1}, " +
                $"ours automatic {Median(idx.Select(i => errAuto[i])):P1}; auto circuit true in {idx.Count(i => choice[i].Chosen.Circuit == cases[i].Circuit)}/{idx.Count}");
        }
        double mPy = Median(errPy), mSame = Median(errSame);
        Console.WriteLine($"median worst |ΔR/R| from the same start: impedance.py {mPy:P1}, ours {mSame:P1} (criterion: no larger: {(mSame <= mPy ? "met" : "missed")}); ours from the automatic guess {Median(errAuto):P1}");
        Console.WriteLine($"assigned arcs with the apex outside the window: ours {outsideOurs} (same start and automatic; criterion 0: {(outsideOurs == 0 ? "met" : "missed")}); impedance.py fits with a τ outside: {outsidePy}/{count}");
        Console.WriteLine($"--circuit auto chose the true circuit in {hits}/{count} ({(double)hits / count:P0}; criterion ≥ 80 %: {(hits >= 0.8 * count ? "met" : "missed")})");
        Console.WriteLine($"time: ours {tSame:F2} s (same start), {tAuto:F2} s (automatic), {tChoice:F2} s (auto circuit, all candidates); impedance.py {reference.Sum(r => r.Seconds):F1} s summed " +
            $"({count - ran} from the cache, {ran} run now in {wall:F1} s wall with {jobs} processes)");
        return pyFailed ? 1 : 0;
    }

    /// <summary>
    /// Writes the first <paramref name="count"/> hard spectra as CSV (f, Z', Z'') into <paramref name="dir"/> with the
    /// circuit and start of each, so any one can be fitted by hand (<c>run.py fit hard0.csv CIRCUIT START</c>).
    /// </summary>
    static int Dump(string dir, int count)
    {
        Directory.CreateDirectory(dir);
        var cases = HardSpectra.Generate(count);
        for (int i = 0; i < count; i++)
        {
            var c = cases[i];
            File.WriteAllLines(Path.Combine(dir, $"hard{i}.csv"), c.Frequency.Select((f, k) => FormattableString.Invariant($"{f:R},{c.Z[k].Real:R},{c.Z[k].Imaginary:R}")));
            Console.WriteLine($"hard{i}.csv {c.Kind} {c.Circuit} {string.Join(",", c.Start.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}");
        }
        return 0;
    }

    /// <summary>impedance.py's result on one spectrum: fitted parameters (null when SciPy failed), unit SSR, seconds.</summary>
    sealed record PyFit(double[]? Parameters, double? Ssr, double Seconds, string? Error);

    /// <summary>
    /// impedance.py's fits of <paramref name="cases"/>: from the cache where present, the rest run now in
    /// <paramref name="jobs"/> parallel processes (each on its share of the spectra) and cached. Null when Python fails.
    /// </summary>
    static PyFit[]? ImpedancePyResults(List<HardSpectrum> cases, string impedancePy, int jobs, bool useCache, out int ran, out double wall)
    {
        var cacheDir = Path.Combine(Path.GetTempPath(), "interphase-eis-bench-cache");
        Directory.CreateDirectory(cacheDir);
        var keys = cases.Select(c => Key(c)).ToArray();
        var results = new PyFit?[cases.Count];
        for (int i = 0; i < cases.Count; i++)
        {
            var path = Path.Combine(cacheDir, keys[i] + ".json");
            if (useCache && File.Exists(path))
                try { results[i] = JsonSerializer.Deserialize<PyFit>(File.ReadAllText(path)); }
                catch (JsonException) { results[i] = null; }
        }
        var todo = Enumerable.Range(0, cases.Count).Where(i => results[i] is null).ToList();
        ran = todo.Count;
        wall = 0;
        if (todo.Count == 0) return results.Select(r => r!).ToArray();
        var dir = Directory.CreateTempSubdirectory("interphase-eis-hard").FullName;
        var sw = Stopwatch.StartNew();
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "Impedance", "eis_impedancepy.py");
            var py = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
            jobs = Math.Clamp(jobs, 1, todo.Count);
            var batches = Enumerable.Range(0, jobs).Select(j => todo.Where((_, k) => k % jobs == j).ToList()).ToList();
            var procs = new List<(List<int> Batch, Process Proc, Task<string> Out, Task<string> Err)>();
            foreach (var batch in batches)
            {
                var manifest = Path.Combine(dir, $"manifest{procs.Count}.json");
                var entries = new List<object>();
                foreach (int i in batch)
                {
                    string file = Path.Combine(dir, $"hard{i}.csv");
                    File.WriteAllLines(file, cases[i].Frequency.Select((f, k) => FormattableString.Invariant($"{f:R},{cases[i].Z[k].Real:R},{cases[i].Z[k].Imaginary:R}")));
                    entries.Add(new { file, circuit = cases[i].Circuit, initial = cases[i].Start });
                }
                File.WriteAllText(manifest, JsonSerializer.Serialize(entries));
                var psi = new ProcessStartInfo(py, [script, impedancePy, manifest]) { RedirectStandardOutput = true, RedirectStandardError = true };
                var proc = Process.Start(psi)!;
                procs.Add((batch, proc, proc.StandardOutput.ReadToEndAsync(), proc.StandardError.ReadToEndAsync()));
            }
            bool failed = false;
            foreach (var (batch, proc, outTask, errTask) in procs)
            {
                proc.WaitForExit();
                if (proc.ExitCode != 0)
                {
                    Console.WriteLine($"impedance.py run failed ({py}): {errTask.Result.Trim()}");
                    failed = true;
                    continue;
                }
                using var doc = JsonDocument.Parse(outTask.Result);
                var list = doc.RootElement.GetProperty("results").EnumerateArray().ToList();
                for (int k = 0; k < batch.Count; k++)
                {
                    var e = list[k];
                    var fit = new PyFit(
                        e.GetProperty("parameters").ValueKind == JsonValueKind.Array ? e.GetProperty("parameters").EnumerateArray().Select(v => v.GetDouble()).ToArray() : null,
                        e.GetProperty("ssr").ValueKind == JsonValueKind.Number ? e.GetProperty("ssr").GetDouble() : null,
                        e.GetProperty("seconds").GetDouble(),
                        e.TryGetProperty("error", out var err) ? err.GetString() : null);
                    results[batch[k]] = fit;
                    var path = Path.Combine(cacheDir, keys[batch[k]] + ".json");
                    var tmp = path + ".tmp";
                    File.WriteAllText(tmp, JsonSerializer.Serialize(fit));
                    File.Move(tmp, path, true);
                }
                proc.Dispose();
            }
            wall = sw.Elapsed.TotalSeconds;
            return failed ? null : results.Select(r => r!).ToArray();
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Cache key of a case: SHA-256 of circuit, start and data as written for impedance.py.</summary>
    static string Key(HardSpectrum c)
    {
        var text = new StringBuilder(c.Circuit).Append('|');
        foreach (var v in c.Start) text.Append(v.ToString("R", CultureInfo.InvariantCulture)).Append(',');
        for (int k = 0; k < c.Frequency.Length; k++)
            text.Append(CultureInfo.InvariantCulture, $"|{c.Frequency[k]:R},{c.Z[k].Real:R},{c.Z[k].Imaginary:R}");
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..24];
    }

    static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>One fit with MathNet's bounded Levenberg–Marquardt and finite-difference Jacobian; returns χ².</summary>
    static double MathNetFit(Circuit circuit, ImpedanceSpectrum s, double[] p0)
    {
        int n = s.Count;
        var x = Vector<double>.Build.Dense(2 * n, i => i);
        var y = Vector<double>.Build.Dense(2 * n, i => i < n ? s.Z[i].Real : s.Z[i - n].Imaginary);
        Vector<double> Model(Vector<double> p, Vector<double> _)
        {
            var z = circuit.Impedance(s.Frequency, p.ToArray());
            return Vector<double>.Build.Dense(2 * n, i => i < n ? z[i].Real : z[i - n].Imaginary);
        }
        var objective = ObjectiveFunction.NonlinearModel(Model, x, y);
        var lower = Vector<double>.Build.Dense(p0.Length, 1e-30);
        var upper = Vector<double>.Build.Dense(p0.Length, k => k % 3 == 2 ? 1 : 1e30);
        var result = new LevenbergMarquardtMinimizer(maximumIterations: 500)
            .FindMinimum(objective, Vector<double>.Build.DenseOfArray(p0), lower, upper);
        return 2 * result.ModelInfoAtMinimum.Value;
    }
}
