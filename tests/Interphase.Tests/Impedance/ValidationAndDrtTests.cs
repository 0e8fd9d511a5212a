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
    public void CleanSpectrumPassesKramersKronigAtTheResidualFloor()
    {
        var s = Synthetic.Spectrum(TwoArcs, TwoArcParameters, F, 0.005, 11);
        var kk = KramersKronig.Test(s, choice: KkElementChoice.ResidualFloor);
        Assert.True(kk.IsValid, $"rms {kk.ResidualRms:P2}");
        Assert.InRange(kk.ResidualRms, 0.002, 0.008); // residuals at the 0.5 % noise level
        Assert.True(kk.Mu <= 0.85);
        Assert.InRange(kk.ElementCount, 3, 30);
    }

    // impedance.py's linKK (c = 0.85, fit_type='complex', run.py linkk) on the same noise-free spectra: M, μ, largest residuals (%)
    [Theory]
    [InlineData(TwoArcs, new[] { 10, 100, 1e-6, 200, 5e-4 }, 1e5, 1e-2, 6, 0.828259617354962, 32.37289119541983, 33.22557365440261)]
    [InlineData("R0-p(R1,CPE1)-Wo1", new[] { 20, 100, 1e-5, 0.9, 200, 10 }, 1e5, 1e-3, 14, 0.838866603878577, 56.38099603058336, 28.771727609601793)]
    public void DefaultChoiceOfMIsImpedancePys(string circuit, double[] p, double fMax, double fMin, int m, double mu, double maxRealPercent, double maxImagPercent)
    {
        var s = Synthetic.Spectrum(circuit, p, Synthetic.Frequencies(fMax, fMin, 10), 0, 1);
        var kk = KramersKronig.Test(s);
        Assert.Equal(KkElementChoice.Mu, kk.Choice);
        Assert.Equal(m, kk.ElementCount);
        Assert.Equal(mu, kk.Mu, 0.005);
        Assert.Equal(maxRealPercent, 100 * kk.ResidualReal.Max(Math.Abs), 0.05);
        Assert.Equal(maxImagPercent, 100 * kk.ResidualImag.Max(Math.Abs), 0.05);
        // the μ rule stops long before the noise-free data are reproduced: the verdict says so
        Assert.False(kk.IsValid);
        Assert.Contains("NOT valid", kk.Verdict);
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
        var drifted = KramersKronig.Test(new ImpedanceSpectrum(F, z), choice: KkElementChoice.ResidualFloor);
        var clean = KramersKronig.Test(Synthetic.Spectrum(TwoArcs, TwoArcParameters, F, 0.005, 3), choice: KkElementChoice.ResidualFloor);
        Assert.False(drifted.IsValid, $"rms {drifted.ResidualRms:P2}");
        Assert.True(clean.IsValid, $"rms {clean.ResidualRms:P2}");
        Assert.True(drifted.ResidualRms > 2.5 * clean.ResidualRms, $"{drifted.ResidualRms:P2} vs {clean.ResidualRms:P2}");
        // the largest residuals sit at the low-frequency end, where the drift happened
        int worst = Enumerable.Range(0, F.Length).MaxBy(i => Math.Abs(drifted.ResidualReal[i]) + Math.Abs(drifted.ResidualImag[i]));
        Assert.True(F[worst] < 1, $"worst residual at {F[worst]} Hz");
    }

    /// <summary>
    /// impedance.py's lin-KK (c = 0.85, complex fit, inductive points dropped) on every shared instrument file, each read
    /// with impedance.py's own reader for its format. Numbers from
    /// <c>/usr/bin/python3 bench/Interphase.Bench/Impedance/linkk_impedancepy.py ../shared/tools/impedance.py ../shared/data/eis/FILE INSTRUMENT</c>
    /// (INSTRUMENT: csv, zplot, autolab, biologic, chinstruments, gamry, parstat, powersuite, versastudio).
    /// </summary>
    [SharedTheory(EisData.Folder)]
    [InlineData("exampleData.csv", 57, 13, 0.805596598872705)]
    [InlineData("Circuit1_EIS_1.z", 45, 4, 0.6887671125621078)]
    [InlineData("Circuit1_EIS_2.z", 45, 4, 0.6883745154540339)]
    [InlineData("Circuit2_EIS_1.z", 50, 6, 0.7054181144307272)]
    [InlineData("Circuit2_EIS_2.z", 49, 6, 0.7177275190470498)]
    [InlineData("Circuit3_EIS_1.z", 51, 5, 0.7293618389835683)]
    [InlineData("Circuit3_EIS_2.z", 51, 5, 0.7342062419189614)]
    [InlineData("exampleDataAutolab.txt", 35, 12, 0.7830037670520686)]
    [InlineData("exampleDataBioLogic.mpt", 39, 5, 0.8271913390466004)]
    [InlineData("exampleDataCHInstruments.txt", 70, 12, 0.8402966578059614)]
    [InlineData("exampleDataGamry.DTA", 72, 21, 0.8490310946609018)]
    [InlineData("exampleDataGamryABORT.DTA", 72, 21, 0.8490310946609018)]
    [InlineData("exampleDataParstat.txt", 21, 8, 0.7145547862883476)]
    [InlineData("exampleDataPowersuite.txt", 30, 12, 0.8436590006869171)]
    [InlineData("exampleDataVersaStudio.par", 59, 27, 0.8119830907901522)]
    [InlineData("exampleDataZPlot.z", 21, 6, 0.7937579756525495)]
    [InlineData("exampleDataZPlot_noComments.z", 31, 9, 0.8187210405606391)]
    public void EverySharedFileGivesImpedancePysLinKK(string file, int points, int m, double mu)
    {
        var s = SpectrumReader.Read(EisData.File(file)).DropInductive();
        Assert.Equal(points, s.Count);
        var kk = KramersKronig.Test(s);
        Assert.Equal(KkElementChoice.Mu, kk.Choice);
        Assert.InRange(kk.ElementCount, m - 1, m + 1); // criterion: M within ±1 and μ within ±0.02 of impedance.py's
        Assert.Equal(mu, kk.Mu, 0.02);
        // measured: the same M and μ to 1e-4 on every file
        Assert.Equal(m, kk.ElementCount);
        Assert.Equal(mu, kk.Mu, 1e-4);
    }

    [SharedFact(EisData.Folder)]
    public void AFileWithoutFrequenciesIsRefusedByNameAsImpedancePyRefusesIt()
    {
        // impedance.py's readFile(…, 'biologic') stops with: "freq/Hz" not found in column headers
        var e = Assert.Throws<ImpedanceException>(() => SpectrumReader.Read(EisData.File("exampleDataBioLogic_MissingFreq.mpt")));
        Assert.Contains("no frequency column", e.Message);
    }

    [SharedFact(EisData.Folder)]
    public void ExampleDataGivesImpedancePysLinKK()
    {
        // impedance.py (run.py linkk exampleData.csv, inductive points dropped): M = 13, μ = 0.806, residuals up to 9.8 % (real) and 3.6 % (imaginary)
        var s = SpectrumReader.Read(EisData.File("exampleData.csv")).DropInductive();
        var kk = KramersKronig.Test(s);
        Assert.Equal(13, kk.ElementCount);
        Assert.Equal(0.805596598872705, kk.Mu, 0.005);
        Assert.Equal(9.7826687030483, 100 * kk.ResidualReal.Max(Math.Abs), 0.05);
        Assert.Equal(3.6245302335651903, 100 * kk.ResidualImag.Max(Math.Abs), 0.05);
        Assert.False(kk.IsValid, kk.Verdict);
        Assert.Equal(0.00316, kk.WorstFrequencyHz, 1e-4);
        // the residual-floor variant uses many more elements and reaches the noise
        var floor = KramersKronig.Test(s, choice: KkElementChoice.ResidualFloor);
        Assert.True(floor.ElementCount > 30 && floor.IsValid, floor.Verdict);
    }

    [SharedFact(EisData.Folder)]
    public void ExampleDataDrtShowsBothArcsAndWarnsAboutTheTail()
    {
        // the fit R0-p(R1,C1)-p(R2-Wo1,C2) puts the arcs at ≈134 Hz and ≈5.5 Hz; the Warburg tail continues below 3 mHz
        var s = SpectrumReader.Read(EisData.File("exampleData.csv")).DropInductive();
        var drt = Drt.Compute(s);
        foreach (double f in new[] { 134.0, 5.5 })
            Assert.Contains(drt.Peaks, p => p.InMeasuredRange && Math.Abs(Math.Log10(p.FrequencyHz / f)) < 0.3);
        Assert.All(drt.Peaks, p => Assert.InRange(p.TauSeconds, drt.MeasuredTauSeconds.Min / 1.2, drt.MeasuredTauSeconds.Max * 1.2));
        Assert.Contains(drt.Warnings, w => w.Contains("beyond the lowest measured frequency"));
    }

    [Fact]
    public void DrtPeakOutsideTheMeasuredRangeIsFlagged()
    {
        // an arc at τ = 100 s measured only down to 0.1 Hz (τ_max = 1.6 s): its maximum lies beyond the data
        var s = Synthetic.Spectrum("R0-p(R1,C1)-p(R2,C2)", [10, 100, 1e-6, 200, 0.5], Synthetic.Frequencies(1e5, 0.1, 10), 0.002, 2);
        var drt = Drt.Compute(s, lambda: 1e-3);
        Assert.All(drt.Peaks.Where(p => !p.InMeasuredRange), p => Assert.Contains(drt.Warnings, w => w.Contains($"{p.TauSeconds:G3} s")));
        Assert.NotEmpty(drt.Warnings);
        Assert.Contains(drt.Peaks, p => p.InMeasuredRange && Math.Abs(Math.Log10(p.TauSeconds / 1e-4)) < 0.15);
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
