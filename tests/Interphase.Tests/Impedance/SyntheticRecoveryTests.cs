using Interphase.Impedance;

namespace Interphase.Tests.Impedance;

public class SyntheticRecoveryTests
{
    const string Garnet = "R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)";

    // A garnet pellet at low temperature: bulk (2e4 Ω, 5 pF), grain boundary (8e3 Ω, 2 nF), Li|garnet interface (3e4 Ω, 2 µF).
    internal static double[] GarnetParameters() =>
    [
        50,
        2e4, Synthetic.QFor(5e-12, 2e4, 0.95), 0.95,
        8e3, Synthetic.QFor(2e-9, 8e3, 0.85), 0.85,
        3e4, Synthetic.QFor(2e-6, 3e4, 0.8), 0.8,
    ];

    internal static ImpedanceSpectrum GarnetSpectrum(int seed = 1) =>
        Synthetic.Spectrum(Garnet, GarnetParameters(), Synthetic.Frequencies(1e7, 1e-2, 8), 0.005, seed);

    static void AssertRecovered(FitResult fit, double[] truth, double sigmas = 3)
    {
        for (int i = 0; i < truth.Length; i++)
        {
            double err = fit.Errors[i];
            Assert.True(double.IsFinite(err) && err > 0, $"{fit.Names[i]}: error {err}");
            Assert.True(Math.Abs(fit.Parameters[i] - truth[i]) <= sigmas * err,
                $"{fit.Names[i]} = {fit.Parameters[i]:G5} ± {err:G3}, true {truth[i]:G5}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ThreeArcGarnetCellIsRecoveredFromAutomaticGuesses(int seed)
    {
        var truth = GarnetParameters();
        var fit = CircuitFitter.Fit(Circuit.Parse(Garnet), GarnetSpectrum(seed), new FitOptions { Weighting = Weighting.Modulus });
        AssertRecovered(fit, truth);
        // resistances to within a few percent: what users report
        Assert.InRange(fit["R1"] / 2e4, 0.97, 1.03);
        Assert.InRange(fit["R2"] / 8e3, 0.95, 1.05);
        Assert.InRange(fit["R3"] / 3e4, 0.97, 1.03);
    }

    [Theory]
    [InlineData("R0-p(R1,CPE1)-Wo1", new[] { 20, 100, 1e-5, 0.9, 200, 10 })]
    [InlineData("R0-p(R1-Ws1,C1)", new[] { 15, 80, 150, 2, 2e-5 })]
    [InlineData("R0-p(R1,C1)-p(R2-Wo1,C2)", new[] { 10, 40, 1e-6, 60, 300, 30, 1e-3 })]
    public void FiniteWarburgCircuitsAreRecovered(string circuit, double[] truth)
    {
        var s = Synthetic.Spectrum(circuit, truth, Synthetic.Frequencies(1e5, 1e-3, 10), 0.005, 7);
        var fit = CircuitFitter.Fit(Circuit.Parse(circuit), s, new FitOptions { Weighting = Weighting.Modulus });
        AssertRecovered(fit, truth);
    }

    [Fact]
    public void ConstantsAreHeldAndExcludedFromTheInitialGuess()
    {
        var truth = new double[] { 20, 100, 1e-5, 0.9, 200, 10 };
        var s = Synthetic.Spectrum("R0-p(R1,CPE1)-Wo1", truth, Synthetic.Frequencies(1e5, 1e-3, 10), 0.005, 3);
        var fit = CircuitFitter.Fit(Circuit.Parse("R0-p(R1,CPE1)-Wo1"), s, new FitOptions
        {
            Constants = new Dictionary<string, double> { ["R0"] = 20, ["CPE1_1"] = 0.9 },
            Initial = [90, 2e-5, 150, 5],
        });
        Assert.Equal(20, fit["R0"]);
        Assert.Equal(0.9, fit["CPE1_1"]);
        Assert.Equal(0, fit.Errors[0]);
        Assert.InRange(fit["R1"], 97, 103);
        Assert.InRange(fit["Wo1_1"], 9, 11);
    }

    [Fact]
    public void AlphaStaysWithinItsBoundAndWeightingsAgreeOnCleanData()
    {
        var truth = new double[] { 5, 50, 2e-6, 1.0 };
        var s = Synthetic.Spectrum("R0-p(R1,CPE1)", truth, Synthetic.Frequencies(1e6, 1e-1, 10), 0, 1);
        foreach (var weighting in Enum.GetValues<Weighting>())
        {
            var fit = CircuitFitter.Fit(Circuit.Parse("R0-p(R1,CPE1)"), s, new FitOptions { Weighting = weighting, Initial = [4, 40, 1e-6, 0.8] });
            Assert.InRange(fit["CPE1_1"], 0.999, 1.0);
            Assert.InRange(fit["R1"], 49.9, 50.1);
        }
    }
}
