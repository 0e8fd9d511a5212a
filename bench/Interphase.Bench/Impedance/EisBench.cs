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
    public string Description => "1,000 three-arc circuit fits: Interphase LM vs MathNet LM vs SciPy least_squares";

    /// <inheritdoc/>
    public int Run(string[] args)
    {
        int count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
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
        return 0;
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
