using System.Numerics;
using Interphase.Impedance;

namespace Interphase.Tests.Impedance;

/// <summary>Synthetic spectra with known parameters and Gaussian noise, for recovery tests.</summary>
internal static class Synthetic
{
    /// <summary>Log-spaced frequencies from <paramref name="fMax"/> down to <paramref name="fMin"/> (Hz).</summary>
    public static double[] Frequencies(double fMax, double fMin, int perDecade)
    {
        int n = (int)Math.Round(Math.Log10(fMax / fMin) * perDecade) + 1;
        return Enumerable.Range(0, n).Select(i => fMax * Math.Pow(fMin / fMax, i / (double)(n - 1))).ToArray();
    }

    /// <summary>Standard normal deviates (Box–Muller) from a seeded generator.</summary>
    public static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    /// <summary>The circuit's spectrum with noise of <paramref name="relNoise"/>·|Z| on each component.</summary>
    public static ImpedanceSpectrum Spectrum(string circuit, double[] p, double[] f, double relNoise, int seed)
    {
        var z = Circuit.Parse(circuit).Impedance(f, p);
        var rng = new Random(seed);
        var noisy = z.Select(v => v + relNoise * v.Magnitude * new Complex(Gaussian(rng), Gaussian(rng))).ToArray();
        return new ImpedanceSpectrum(f, noisy, $"synthetic {circuit}");
    }

    /// <summary>CPE Q (Ω⁻¹·s^α) that gives effective capacitance <paramref name="c"/> (F) in parallel with <paramref name="r"/> (Hsu–Mansfeld).</summary>
    public static double QFor(double c, double r, double alpha) => Math.Pow(c, alpha) / Math.Pow(r, 1 - alpha);
}
