using System.Numerics;
using Interphase.Impedance;

namespace Interphase.Tests.Impedance;

public class ValidationAndDrtTests
{
    static readonly double[] F = Synthetic.Frequencies(1e5, 1e-2, 10);
    const string TwoArcs = "R0-p(R1,C1)-p(R2,C2)";
    // τ1 = 1e-4 s, τ2 = 0.1 s
    static readonly double[] TwoArcParameters = [10, 100, 1e-6, 200, 5e-4];

    [Fact]
    public void CleanSpectrumPassesKramersKronig()
    {
        var s = Synthetic.Spectrum(TwoArcs, TwoArcParameters, F, 0.005, 11);
        var kk = KramersKronig.Test(s);
        Assert.True(kk.IsValid, $"rms {kk.ResidualRms:P2}");
        Assert.InRange(kk.ResidualRms, 0.002, 0.008); // residuals at the 0.5 % noise level
        Assert.True(kk.Mu <= 0.85);
        Assert.InRange(kk.ElementCount, 3, 30);
    }

    [Fact]
    public void DriftDuringTheSweepIsFlagged()
    {
        // The interface arc (R2) grows by 50 % during the sweep from 100 kHz to 10 mHz, in proportion to elapsed time
        // (two periods per point, so most of the change happens in the last decade), with the same 0.5 % noise.
        var circuit = Circuit.Parse(TwoArcs);
        var elapsed = new double[F.Length];
        double t = 0;
        for (int i = 0; i < F.Length; i++) elapsed[i] = t += 2 / F[i];
        var rng = new Random(3);
        var z = new Complex[F.Length];
        for (int i = 0; i < F.Length; i++)
        {
            var p = (double[])TwoArcParameters.Clone();
            p[3] *= 1 + 0.5 * elapsed[i] / t;
            var v = circuit.Impedance([F[i]], p)[0];
            z[i] = v + 0.005 * v.Magnitude * new Complex(Synthetic.Gaussian(rng), Synthetic.Gaussian(rng));
        }
        var drifted = KramersKronig.Test(new ImpedanceSpectrum(F, z));
        var clean = KramersKronig.Test(Synthetic.Spectrum(TwoArcs, TwoArcParameters, F, 0.005, 3));
        Assert.False(drifted.IsValid, $"rms {drifted.ResidualRms:P2}");
        Assert.True(clean.IsValid, $"rms {clean.ResidualRms:P2}");
        Assert.True(drifted.ResidualRms > 2.5 * clean.ResidualRms, $"{drifted.ResidualRms:P2} vs {clean.ResidualRms:P2}");
        // the largest residuals sit at the low-frequency end, where the drift happened
        int worst = Enumerable.Range(0, F.Length).MaxBy(i => Math.Abs(drifted.ResidualReal[i]) + Math.Abs(drifted.ResidualImag[i]));
        Assert.True(F[worst] < 1, $"worst residual at {F[worst]} Hz");
    }

    [Fact]
    public void ExampleDataPassesKramersKronig()
    {
        var s = SpectrumReader.Read(EisData.File("exampleData.csv"));
        var kk = KramersKronig.Test(s);
        Assert.True(kk.IsValid, $"rms {kk.ResidualRms:P2}");
    }

    [Theory]
    [InlineData(LambdaSelection.Gcv)]
    [InlineData(LambdaSelection.LCurve)]
    public void DrtPeaksSitAtTheKnownTimeConstants(LambdaSelection selection)
    {
        var s = Synthetic.Spectrum(TwoArcs, TwoArcParameters, F, 0.005, 5);
        var drt = Drt.Compute(s, selection: selection);
        Assert.True(drt.Peaks.Count >= 2, string.Join("; ", drt.Peaks));
        var peaks = drt.Peaks.Take(2).OrderBy(p => p.TauSeconds).ToList();
        Assert.InRange(Math.Log10(peaks[0].TauSeconds / 1e-4), -0.15, 0.15);
        Assert.InRange(Math.Log10(peaks[1].TauSeconds / 0.1), -0.15, 0.15);
        Assert.InRange(peaks[0].ResistanceOhm, 85, 115);
        Assert.InRange(peaks[1].ResistanceOhm, 170, 230);
        Assert.InRange(drt.RInf, 8, 12);
        Assert.InRange(drt.PolarisationResistance, 285, 315);
        Assert.All(drt.Gamma, g => Assert.True(g >= 0));
    }

    [Fact]
    public void DrtWithGivenLambdaReconstructsTheSpectrum()
    {
        var s = Synthetic.Spectrum(TwoArcs, TwoArcParameters, F, 0, 5);
        var drt = Drt.Compute(s, lambda: 1e-6);
        Assert.Equal("given", drt.LambdaMethod);
        double rms = Math.Sqrt(s.Z.Zip(drt.Fit).Average(t => Math.Pow((t.First - t.Second).Magnitude / t.First.Magnitude, 2)));
        Assert.True(rms < 0.01, $"rms relative misfit {rms:P2}");
    }
}
