using FsCheck;
using FsCheck.Fluent;
using Interphase.Transport;
using Interphase.Quantities;

namespace Interphase.Tests.Transport;

public class ConductivityFitTests
{
    private static readonly double[] TemperaturesC = { 25, 40, 55, 70, 85, 100, 115, 130, 150 };

    private static List<ConductivityPoint> Synthetic(IConductivityModel m, IEnumerable<double> tK, double noise = 0, int seed = 1)
    {
        var rng = new Random(seed);
        return tK.Select(t =>
        {
            // Box–Muller normal noise in ln σ.
            double z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            return new ConductivityPoint(t, m.ConductivitySPerCm(t) * Math.Exp(noise * z));
        }).ToList();
    }

    [Fact]
    public void ArrheniusSigmaTRecoversExactParameters()
    {
        var truth = ArrheniusModel.Through(298.15, 4e-4, 0.35);   // LLZO-like: 0.4 mS/cm at 25 °C, 0.35 eV
        var fit = ConductivityFit.Arrhenius(Synthetic(truth, TemperaturesC.Select(c => c + 273.15)));
        Assert.Equal(0.35, fit.Model.ActivationEnergyEv, 10);
        Assert.Equal(1.0, fit.Model.Prefactor / truth.Prefactor, 8);
        Assert.Equal(33.77, fit.Model.ActivationEnergyKjPerMol, 2);   // 0.35 eV × 96.485 kJ/mol/eV
        Assert.Equal(1.0, fit.RSquared, 10);
        Assert.Equal(4e-4, fit.Model.ConductivitySPerCm(298.15), 12);
    }

    [Fact]
    public void ArrheniusWithNoiseIsWithinItsUncertainty()
    {
        var truth = ArrheniusModel.Through(298.15, 1e-3, 0.25);
        var fit = ConductivityFit.Arrhenius(Synthetic(truth, TemperaturesC.Select(c => c + 273.15), noise: 0.05, seed: 7));
        Assert.True(fit.ActivationEnergyStdErrEv > 0);
        Assert.InRange(fit.Model.ActivationEnergyEv, 0.25 - 3 * fit.ActivationEnergyStdErrEv, 0.25 + 3 * fit.ActivationEnergyStdErrEv);
        var (sigma, rel) = fit.Predict(298.15);
        Assert.InRange(Math.Log(sigma / 1e-3), -3 * rel, 3 * rel);
    }

    [Fact]
    public void PlainSigmaFormGivesSmallerActivationEnergyByAboutKT()
    {
        // σ = (A/T)exp(−Ea/kT) seen through σ = σ0 exp(−E'/kT): E' ≈ Ea − k·T̄ over the fitted range.
        var truth = ArrheniusModel.Through(298.15, 1e-3, 0.30);
        var data = Synthetic(truth, TemperaturesC.Select(c => c + 273.15));
        var plain = ConductivityFit.Arrhenius(data, ArrheniusForm.Sigma);
        double kT = PhysicalConstants.BoltzmannEvPerK * data.Average(p => p.TemperatureK);
        Assert.InRange(0.30 - plain.Model.ActivationEnergyEv, 0.9 * kT, 1.1 * kT);
    }

    [Fact]
    public void ArrheniusRecoveryProperty()
    {
        Prop.ForAll(Gen.Choose(5, 120).ToArbitrary(), Gen.Choose(-80, -10).ToArbitrary(), (int ea100, int lnSigma10) =>
        {
            double ea = ea100 / 100.0;
            var truth = ArrheniusModel.Through(298.15, Math.Exp(lnSigma10 / 10.0), ea);
            var fit = ConductivityFit.Arrhenius(Synthetic(truth, TemperaturesC.Select(c => c + 273.15)));
            return Math.Abs(fit.Model.ActivationEnergyEv - ea) < 1e-8 && Math.Abs(fit.Model.Prefactor / truth.Prefactor - 1) < 1e-6;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void VtfRecoversKnownParameters()
    {
        var truth = new VtfModel(Sigma0: 5.0, BK: 1200, T0K: 210);   // PEO-like polymer electrolyte
        var data = Synthetic(truth, Enumerable.Range(0, 12).Select(i => 260.0 + 10 * i));
        var fit = ConductivityFit.Vtf(data);
        Assert.Equal(210, fit.Model.T0K, 3);
        Assert.Equal(1200, fit.Model.BK, 2);
        Assert.Equal(1.0, fit.Model.Sigma0 / 5.0, 5);
        Assert.Equal(1200 * PhysicalConstants.BoltzmannEvPerK, fit.Model.PseudoActivationEnergyEv, 6);
    }

    [Fact]
    public void VtfWithNoiseIsWithinItsUncertainty()
    {
        var truth = new VtfModel(5.0, 1200, 210);
        var fit = ConductivityFit.Vtf(Synthetic(truth, Enumerable.Range(0, 15).Select(i => 255.0 + 8 * i), noise: 0.03, seed: 3));
        Assert.True(fit.T0StdErrK > 0 && fit.BStdErrK > 0);
        Assert.InRange(fit.Model.T0K, 210 - 3 * fit.T0StdErrK, 210 + 3 * fit.T0StdErrK);
        Assert.InRange(fit.Model.BK, 1200 - 3 * fit.BStdErrK, 1200 + 3 * fit.BStdErrK);
    }

    [Fact]
    public void TooFewPointsAreRejected()
    {
        var p = new[] { new ConductivityPoint(300, 1e-3), new ConductivityPoint(350, 3e-3), new ConductivityPoint(400, 6e-3) };
        Assert.Throws<InterphaseException>(() => ConductivityFit.Vtf(p));
        Assert.Throws<InterphaseException>(() => ConductivityFit.Arrhenius(p.Take(1).ToList()));
        Assert.Throws<InterphaseException>(() => ConductivityFit.Arrhenius(new[] { p[0], p[0] }));
    }

    [Fact]
    public void CsvUnitsFromHeader()
    {
        var pts = ConductivityData.ParseCsv("T_C,sigma_ms_per_cm\n25,0.4\n# comment\n100,4\n", "t.csv");
        Assert.Equal(298.15, pts[0].TemperatureK, 9);
        Assert.Equal(4e-4, pts[0].ConductivitySPerCm, 12);
        var k = ConductivityData.ParseCsv("T (K),sigma (S/cm)\n300,1e-3\n", "t.csv");
        Assert.Equal(300, k[0].TemperatureK);
        Assert.Equal(1e-3, k[0].ConductivitySPerCm);
        var ex = Assert.Throws<InterphaseException>(() => ConductivityData.ParseCsv("temp,sigma\n25,1\n", "t.csv"));
        Assert.Contains("temp", ex.Message);
        var over = ConductivityData.ParseCsv("temp,sigma\n25,1\n", "t.csv", "C", "mS/cm");
        Assert.Equal(1e-3, over[0].ConductivitySPerCm, 12);
        Assert.Throws<InterphaseException>(() => ConductivityData.ParseCsv("T_C,sigma_s_per_cm\n25,-1\n", "t.csv"));
        Assert.Throws<InterphaseException>(() => ConductivityData.ParseCsv("T_K,sigma_s_per_cm\n-5,1\n", "t.csv"));
    }

    [Theory]
    [InlineData("25", 298.15)]
    [InlineData("25C", 298.15)]
    [InlineData("25°C", 298.15)]
    [InlineData("300K", 300)]
    public void TemperatureParsing(string text, double kelvin) => Assert.Equal(kelvin, Units.ParseTemperatureK(text), 9);
}
