using System.Numerics;
using Interphase.Impedance;
using Interphase.Tests.Safety;

namespace Interphase.Tests.Impedance;

/// <summary>
/// Random circuits × random spectra × every weighting, from automatic and random starts: a fit returns finite numbers
/// (and an interface analysis that accepts them) or an <see cref="ImpedanceException"/>; nothing else escapes.
/// Seeded; <c>INTERPHASE_FUZZ_SCALE</c> multiplies the number of trials for a deeper search.
/// </summary>
public class FitFuzzTests
{
    static readonly string[] Leaves = ["R", "C", "L", "CPE", "W", "Wo", "Ws", "G", "Gs", "La", "K"];

    /// <summary>A random circuit string of up to four top-level terms, parallel groups nested once.</summary>
    static string RandomCircuit(Random rng)
    {
        int index = 0;
        string Leaf() => Leaves[rng.Next(Leaves.Length)] + index++;
        string Term(int depth)
        {
            double u = rng.NextDouble();
            if (depth < 2 && u < 0.45)
            {
                int branches = 2 + (rng.NextDouble() < 0.2 ? 1 : 0);
                return "p(" + string.Join(",", Enumerable.Range(0, branches).Select(_ => Chain(depth + 1))) + ")";
            }
            return Leaf();
        }
        string Chain(int depth) => string.Join("-", Enumerable.Range(0, 1 + (rng.NextDouble() < 0.3 ? 1 : 0)).Select(_ => Term(depth)));
        return string.Join("-", Enumerable.Range(0, 1 + rng.Next(4)).Select(_ => Term(0)));
    }

    static double RandomValue(ElementType type, int index, Random rng) =>
        !double.IsPositiveInfinity(type.UpperBound(index)) ? rng.NextDouble() : Math.Pow(10, -12 + 16 * rng.NextDouble());

    /// <summary>A synthetic spectrum of a random circuit, noisy; or pure noise; or a real file's spectrum.</summary>
    static ImpedanceSpectrum RandomSpectrum(Random rng)
    {
        var f = Synthetic.Frequencies(Math.Pow(10, 2 + 5 * rng.NextDouble()), Math.Pow(10, -3 + 3 * rng.NextDouble()), 3 + rng.Next(8));
        double kind = rng.NextDouble();
        if (kind < 0.15)
            return new ImpedanceSpectrum(f, f.Select(_ => new Complex(Math.Pow(10, 6 * rng.NextDouble() - 2), -Math.Pow(10, 6 * rng.NextDouble() - 2) * (rng.NextDouble() < 0.9 ? 1 : -1))).ToArray(), "noise");
        if (kind < 0.25)
        {
            var files = new[] { "exampleData.csv", "exampleDataGamry.DTA", "Circuit1_EIS_1.z", "exampleDataBioLogic.mpt" };
            return SpectrumReader.Read(EisData.File(files[rng.Next(files.Length)])).DropInductive();
        }
        var circuit = Circuit.Parse(RandomCircuit(rng));
        var p = circuit.Elements.SelectMany(e => Enumerable.Range(0, e.Type.ParameterCount).Select(i => RandomValue(e.Type, i, rng))).ToArray();
        var z = circuit.Impedance(f, p);
        var noisy = z.Select(v => v + 0.01 * v.Magnitude * new Complex(Synthetic.Gaussian(rng), Synthetic.Gaussian(rng))).ToArray();
        return new ImpedanceSpectrum(f, noisy, "synthetic");
    }

    [SharedFact(EisData.Folder)]
    public void RandomFitsGiveFiniteResultsOrClearErrors()
    {
        var rng = new Random(20261127);
        int fitted = 0, refused = 0;
        var weightings = Enum.GetValues<Weighting>();
        // The trials are drawn in order from the seed, then fitted side by side (a fit is deterministic).
        var trials = Enumerable.Range(0, FuzzRun.Cases(100)).Select(trial =>
        {
            var spectrum = RandomSpectrum(rng);
            var circuit = Circuit.Parse(RandomCircuit(rng));
            var weighting = weightings[trial % weightings.Length];
            double[]? initial = rng.NextDouble() < 0.5 ? null
                : circuit.Elements.SelectMany(e => Enumerable.Range(0, e.Type.ParameterCount).Select(i => RandomValue(e.Type, i, rng))).ToArray();
            string what = $"trial {trial}: {circuit} on {spectrum.Source} ({spectrum.Count} points), {weighting}, initial {(initial is null ? "auto" : string.Join(",", initial))}";
            return (spectrum, circuit, weighting, initial, what);
        }).ToList();
        Parallel.ForEach(trials, t =>
        {
            var (spectrum, circuit, weighting, initial, what) = t;
            try
            {
                var fit = CircuitFitter.Fit(circuit, spectrum, new FitOptions { Weighting = weighting, Initial = initial, MaxIterations = 200 });
                Assert.True(fit.Parameters.All(double.IsFinite), what);
                Assert.True(double.IsFinite(fit.ChiSquare) && double.IsFinite(fit.PseudoChiSquare), what);
                Assert.All(fit.Errors, e => Assert.True(double.IsNaN(e) || (e >= 0 && double.IsFinite(e)), what));
                Assert.All(fit.Predict(spectrum.Frequency), z => Assert.True(double.IsFinite(z.Real) && double.IsFinite(z.Imaginary), what));
                var report = FitInterpretation.Analyse(fit, areaCm2: 1, thicknessUm: 500, symmetric: true);
                Assert.All(report.Arcs, a => Assert.True(a.CapacitanceF is null || (a.CapacitanceF > 0 && double.IsFinite(a.CapacitanceF.Value)), what));
                Interlocked.Increment(ref fitted);
            }
            catch (ImpedanceException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message), what);
                Interlocked.Increment(ref refused);
            }
        });
        Assert.True(fitted > FuzzRun.Cases(100) * 2 / 3, $"{fitted} fitted, {refused} refused with a message");
    }

    [Fact]
    public void ValidationAndDrtOnRandomSpectraGiveFiniteResultsOrClearErrors()
    {
        var rng = new Random(7);
        for (int trial = 0; trial < FuzzRun.Cases(24); trial++)
        {
            var s = RandomSpectrum(rng);
            try
            {
                var kk = KramersKronig.Test(s);
                Assert.True(!double.IsNaN(kk.Mu) && double.IsFinite(kk.ResidualRms), $"trial {trial}");
                var drt = Drt.Compute(s);
                Assert.All(drt.Gamma, g => Assert.True(g >= 0 && double.IsFinite(g), $"trial {trial}"));
                Assert.All(drt.Peaks, p => Assert.True(double.IsFinite(p.TauSeconds) && p.ResistanceOhm >= 0, $"trial {trial}"));
            }
            catch (ImpedanceException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            }
        }
    }

    [SharedTheory(EisData.Folder)]
    [InlineData("p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)", "modulus")]
    [InlineData("R0-p(R1,CPE1)-p(R2,CPE2)-CPE3", "unit")]
    [InlineData("R0-p(R1,CPE1)-p(R2,CPE2)-CPE3", "modulus")]
    [InlineData("R0-p(R1,CPE1)-p(R2,CPE2)-CPE3", "proportional")]
    public void IssueReproducersOnExampleDataGiveResults(string circuit, string weighting)
    {
        var s = SpectrumReader.Read(EisData.File("exampleData.csv")).DropInductive();
        var fit = CircuitFitter.Fit(Circuit.Parse(circuit), s, new FitOptions { Weighting = Enum.Parse<Weighting>(weighting, true) });
        Assert.All(fit.Parameters, v => Assert.True(double.IsFinite(v)));
        var report = FitInterpretation.Analyse(fit, 1, 500, true);
        Assert.NotNull(report);
    }

    [Fact]
    public void CpeExponentAtZeroAndMagnitudesAtTheClampAreAnalysed()
    {
        // α → 0 and Q at the 1e30 clamp: the arc is reported as undetermined, not a crash
        var circuit = Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)");
        double[] p = [10, 100, 1e30, 0.7, 200, 1e-3, 1e-9];
        var fit = new FitResult
        {
            Circuit = circuit, Parameters = p, Errors = new double[p.Length], IsConstant = new bool[p.Length], Correlation = new double[p.Length, p.Length],
            ChiSquare = 0, PseudoChiSquare = 0, Rmse = 0, Iterations = 0, Converged = true, Weighting = Weighting.Unit,
        };
        var report = FitInterpretation.Analyse(fit, 1, 500, true);
        Assert.Equal(ArcOrigin.Undetermined, report.Arcs.Single(a => a.Resistor == "R2").Origin);
        Assert.Contains("below", report.Arcs.Single(a => a.Resistor == "R2").Reasoning);
        Assert.Null(report.Resistances.Single(r => r.Name == "R2").AsrOhmCm2);
    }
}
