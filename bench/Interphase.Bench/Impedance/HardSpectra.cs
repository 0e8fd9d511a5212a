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

    /// <summary>Seed of the recovery cases.</summary>
    public const int RecoverySeed = 25;

    /// <summary>The four kinds of recovery cases, in the order they cycle, with the circuit each was made from.</summary>
    public static readonly (string Kind, string Circuit)[] RecoveryKinds =
    [
        ("garnet", "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)"),
        ("overlap", "R0-p(R1,CPE1)-p(R2,CPE2)"),
        ("cathode-wo", "R0-p(R1,CPE1)-p(R2,CPE2)-Wo1"),
        ("cathode-tlm", "R0-p(R1,CPE1)-TLMQ1"),
    ];

    /// <summary>
    /// Recovery cases whose every time constant lies inside the measured window, so each resistance can be asked of a
    /// fit: garnet symmetric cells with bulk (0.3–2 MHz), grain-boundary (3–50 kHz) and interface (1–30 Hz) arcs of
    /// 60–900 Ω measured 7 MHz–0.1 Hz; two arcs 1–1.5 decades apart (overlapping, α 0.8–0.95) 1 MHz–0.1 Hz; composite
    /// cathodes with a contact arc, a charge-transfer arc and an open Warburg (τ 2–14 s), and with a contact arc and a
    /// TLMQ transmission line (γ 0.75–0.9), 1 MHz–10 mHz. 0.5 % noise, 10 points per decade; the start is the truth
    /// perturbed as for <see cref="Generate"/>. The first N cases of a larger run are the same N cases.
    /// </summary>
    public static List<HardSpectrum> Recovery(int count, int seed = RecoverySeed)
    {
        var rng = new Random(seed);
        var list = new List<HardSpectrum>(count);
        for (int i = 0; i < count; i++)
        {
            double V(double x, double spread = 1.0) => x * Math.Exp(spread * (2 * rng.NextDouble() - 1));
            double A(double lo, double hi) => lo + (hi - lo) * rng.NextDouble();
            double LogU(double lo, double hi) => Math.Exp(A(Math.Log(lo), Math.Log(hi)));
            // Q of an R‖CPE arc with its apex at f: τ = 1/(2πf) = (RQ)^(1/α)
            double QAt(double f, double r, double a) => Math.Pow(1 / (2 * Math.PI * f), a) / r;
            var (kind, text) = RecoveryKinds[i % RecoveryKinds.Length];
            double[] truth, f;
            switch (i % RecoveryKinds.Length)
            {
                case 0:
                {
                    double r1 = V(300), r2 = V(200), r3 = V(200), a1 = A(0.85, 0.98), a2 = A(0.75, 0.95), a3 = A(0.7, 0.9);
                    truth = [V(5), r1, QAt(LogU(3e5, 2e6), r1, a1), a1, r2, QAt(LogU(3e3, 5e4), r2, a2), a2, r3, QAt(LogU(1, 30), r3, a3), a3];
                    f = Decades(7e6, 0.1, 10);
                    break;
                }
                case 1:
                {
                    double r1 = V(300), r2 = V(300), a1 = A(0.8, 0.95), a2 = A(0.8, 0.95), f1 = LogU(1e3, 1e5);
                    truth = [V(20), r1, QAt(f1, r1, a1), a1, r2, QAt(f1 / Math.Pow(10, A(1.0, 1.5)), r2, a2), a2];
                    f = Decades(1e6, 0.1, 10);
                    break;
                }
                case 2:
                {
                    double r1 = V(20), r2 = V(60), a1 = A(0.8, 0.95), a2 = A(0.7, 0.9);
                    truth = [V(10), r1, QAt(LogU(2e4, 2e5), r1, a1), a1, r2, QAt(LogU(10, 300), r2, a2), a2, V(100), V(5)];
                    f = Decades(1e6, 0.01, 10);
                    break;
                }
                default:
                {
                    double r1 = V(30), a1 = A(0.8, 0.95), rion = V(50), g = A(0.75, 0.9);
                    truth = [V(10), r1, QAt(LogU(1e4, 1e5), r1, a1), a1, rion, Math.Pow(LogU(0.01, 1), g) / rion, g];
                    f = Decades(1e6, 0.01, 10);
                    break;
                }
            }
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

    /// <summary>Indices of a circuit's resistances: resistors and the resistance of each Zarc, Warburg, Gerischer and TLMQ.</summary>
    public static int[] ResistanceIndices(string circuit) =>
        Interphase.Impedance.Circuit.Parse(circuit).Elements
            .Where(e => e.Type is Resistor or Zarc or WarburgOpen or WarburgShort or Gerischer or GerischerFinite or TransmissionLineQ)
            .Select(e => e.ParameterStart).ToArray();

    /// <summary>Largest |R_fit/R_true − 1| over the resistances of a case.</summary>
    public static double WorstResistanceError(HardSpectrum c, double[] fitted) =>
        ResistanceIndices(c.Circuit).Max(k => Math.Abs(fitted[k] / c.Truth[k] - 1));

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
