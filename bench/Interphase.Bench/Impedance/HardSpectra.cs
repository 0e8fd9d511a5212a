using System.Numerics;
using Interphase.Impedance;

namespace Interphase.Bench.Impedance;

/// <summary>A hard synthetic spectrum: circuit, true parameters, noisy impedance, and a perturbed start.</summary>
/// <param name="Kind">garnet, cathode or blocking.</param>
/// <param name="Circuit">Circuit text (impedance.py syntax).</param>
/// <param name="Truth">Parameters the spectrum was made from.</param>
/// <param name="Frequency">Frequencies (Hz), high to low.</param>
/// <param name="Z">Impedance with 0.5 % Gaussian noise on each component (Ω).</param>
/// <param name="Start">The truth perturbed: magnitudes ×/÷ up to 3, exponents ± 0.1 (within 0.3…1).</param>
internal sealed record HardSpectrum(string Kind, string Circuit, double[] Truth, double[] Frequency, Complex[] Z, double[] Start)
{
    /// <summary>Unit-weighted residual Σ|Z_model − Z|² of <paramref name="parameters"/> on this spectrum (Ω²).</summary>
    public double Ssr(double[] parameters) =>
        Interphase.Impedance.Circuit.Parse(Circuit).Impedance(Frequency, parameters).Zip(Z).Sum(t => Math.Pow((t.First - t.Second).Magnitude, 2));

    /// <summary>The spectrum as the fitter takes it.</summary>
    public ImpedanceSpectrum Spectrum(string source) => new(Frequency, Z, source);
}

/// <summary>
/// The hard synthetic spectra of the <c>eis</c> benchmark (and of the test that checks its impedance.py numbers):
/// garnet symmetric cells 7 MHz–0.1 Hz with the bulk arc in the MHz range, grain boundary and interface; composite
/// cathodes with a finite (open) Warburg; blocking Au|LLZO|Au cells (series CPE). Parameters are drawn around typical
/// values from one seeded generator, so the first N cases of a larger run are the same N cases.
/// </summary>
internal static class HardSpectra
{
    /// <summary>Seed of the benchmark's cases.</summary>
    public const int DefaultSeed = 7;

    /// <summary>The first <paramref name="count"/> cases of the sequence seeded by <paramref name="seed"/>.</summary>
    public static List<HardSpectrum> Generate(int count, int seed = DefaultSeed)
    {
        var rng = new Random(seed);
        var list = new List<HardSpectrum>(count);
        for (int i = 0; i < count; i++)
        {
            var (kind, text, truth, f) = Draw(i, rng);
            var circuit = Interphase.Impedance.Circuit.Parse(text);
            var z = circuit.Impedance(f, truth).Select(v => v + 0.005 * v.Magnitude * new Complex(Gauss(rng), Gauss(rng))).ToArray();
            var ub = circuit.UpperBounds();
            var start = truth.Select((v, k) => double.IsPositiveInfinity(ub[k])
                ? v * Math.Exp(Math.Log(3) * (2 * rng.NextDouble() - 1))
                : Math.Clamp(v + 0.1 * (2 * rng.NextDouble() - 1), 0.3, 1.0)).ToArray();
            list.Add(new HardSpectrum(kind, text, truth, f, z, start));
        }
        return list;
    }

    static double Q(double c, double r, double a) => Math.Pow(c, a) / Math.Pow(r, 1 - a);

    static double[] Decades(double fMax, double fMin, int perDecade)
    {
        int n = (int)Math.Round(Math.Log10(fMax / fMin) * perDecade) + 1;
        return Enumerable.Range(0, n).Select(i => fMax * Math.Pow(fMin / fMax, i / (double)(n - 1))).ToArray();
    }

    static (string Kind, string Circuit, double[] Truth, double[] Frequency) Draw(int i, Random rng)
    {
        double V(double x, double spread = 1.0) => x * Math.Exp(spread * (2 * rng.NextDouble() - 1));
        double A(double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
        switch (i % 3)
        {
            case 0:
            {
                double r1 = V(500), r2 = V(300), r3 = V(2000), a1 = A(0.85, 0.98), a2 = A(0.75, 0.95), a3 = A(0.7, 0.9);
                return ("garnet", "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)",
                    [V(5), r1, Q(V(5e-12), r1, a1), a1, r2, Q(V(3e-9), r2, a2), a2, r3, Q(V(3e-6), r3, a3), a3], Decades(7e6, 0.1, 10));
            }
            case 1:
            {
                double r1 = V(20), r2 = V(60), a1 = A(0.8, 0.95), a2 = A(0.7, 0.9);
                return ("cathode", "R0-p(R1,CPE1)-p(R2,CPE2)-Wo1",
                    [V(10), r1, Q(V(1e-8), r1, a1), a1, r2, Q(V(1e-5), r2, a2), a2, V(100), V(30)], Decades(1e6, 0.01, 10));
            }
            default:
            {
                double r1 = V(800), r2 = V(600), a1 = A(0.85, 0.98), a2 = A(0.75, 0.92);
                return ("blocking", "R0-p(R1,CPE1)-p(R2,CPE2)-CPE3",
                    [V(10), r1, Q(V(5e-12), r1, a1), a1, r2, Q(V(2e-9), r2, a2), a2, V(2e-6), A(0.8, 0.95)], Decades(7e6, 0.1, 10));
            }
        }
    }

    static double Gauss(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
