using Interphase.Cell;
using Interphase.Reporting;

namespace Interphase.Tests.Cell;

public class CellEnergyTests
{
    private static CellSpec Load(string name) => CellFile.Load(ExamplePaths.Cell(name));

    [Fact]
    public void LiquidReferenceMatchesTheReview()
    {
        // Wu et al. 2016 §3: ~264 Wh/kg and ~640 Wh/L.
        var e = CellEnergyModel.Evaluate(Load("liquid-reference.yaml"));
        Assert.InRange(e.SpecificEnergyWhPerKg, 264 * 0.98, 264 * 1.02);
        Assert.InRange(e.EnergyDensityWhPerL, 640 * 0.98, 640 * 1.02);
        // "cathode thickness is ~60 µm" at 15 mg/cm² and 40 % porosity.
        Assert.InRange(e.Layers.Single(l => l.Layer == "cathode").ThicknessUm, 59, 61);
        Assert.Equal(3.0, e.CapacityMahPerCm2, 9);
    }

    [Fact]
    public void LiquidFillsEveryPore()
    {
        var e = CellEnergyModel.Evaluate(Load("liquid-reference.yaml"));
        var sep = e.Layers.Single(l => l.Layer == "separator");
        Assert.Equal(0.5 * 25 * 1.1 / 10, sep.LiquidMassMgPerCm2, 9);
        Assert.Equal(0.5 * 25 * 0.95 / 10, sep.SolidMassMgPerCm2, 9);
    }

    [Theory]
    [InlineData("solid-llzo.yaml", 41.0)]
    [InlineData("solid-latp.yaml", 74.0)]
    [InlineData("solid-lgps.yaml", 115.0)]
    public void BreakEvenThicknessesMatchFigure3b(string file, double reviewUm)
    {
        var r = BreakEven.Solve(Load(file), Load("liquid-reference.yaml"));
        Assert.InRange(r.GravimetricUm, reviewUm * 0.95, reviewUm * 1.05);
        Assert.InRange(r.VolumetricUm, 100, 120);    // "a SSE separator less than 120 µm is necessary"
    }

    [Fact]
    public void VolumetricBreakEvenDoesNotDependOnSseDensity()
    {
        var reference = Load("liquid-reference.yaml");
        var v = new[] { "solid-llzo.yaml", "solid-latp.yaml", "solid-lgps.yaml" }
            .Select(f => BreakEven.Solve(Load(f), reference).VolumetricUm).ToArray();
        Assert.Equal(v[0], v[1], 9);
        Assert.Equal(v[0], v[2], 9);
    }

    [Theory]
    [InlineData("solid-llzo.yaml", 5.0, 0.6)]
    [InlineData("solid-lgps.yaml", 24.0, 1.5)]
    public void FiftyPercentGainThickness(string file, double reviewUm, double tolUm)
    {
        var r = BreakEven.Solve(Load(file), Load("liquid-reference.yaml"), 1.5);
        Assert.InRange(r.GravimetricUm, reviewUm - tolUm, reviewUm + tolUm);
    }

    [Fact]
    public void AtTheBreakEvenThicknessTheEnergiesAreEqual()
    {
        var reference = CellEnergyModel.Evaluate(Load("liquid-reference.yaml"));
        var solid = Load("solid-latp.yaml");
        var r = BreakEven.Solve(solid, reference);
        var atGrav = CellEnergyModel.Evaluate(BreakEven.WithSeparator(solid, r.GravimetricUm));
        var atVol = CellEnergyModel.Evaluate(BreakEven.WithSeparator(solid, r.VolumetricUm));
        Assert.Equal(reference.SpecificEnergyWhPerKg, atGrav.SpecificEnergyWhPerKg, 6);
        Assert.Equal(reference.EnergyDensityWhPerL, atVol.EnergyDensityWhPerL, 6);
    }

    [Fact]
    public void CurrentCollectorGainFallsWithLoading()
    {
        // Figure 3f: removing Cu and halving Al gains ~46 % -> 7 % (E_S) and 34 % -> 4 % (E_V) from 1 to 50 mg/cm².
        var normal = Load("solid-llzo.yaml");
        var thin = normal with
        {
            CurrentCollectors = new CollectorsSpec { Cathode = normal.CurrentCollectors.Cathode! with { ThicknessUm = 5 } },
        };
        double[] loadings = { 1, 50 };
        var a = CellSweep.Run(normal, CellSweepParameter.Loading, loadings);
        var b = CellSweep.Run(thin, CellSweepParameter.Loading, loadings);
        double Gain(int i, bool grav) => grav
            ? b[i].SpecificEnergyWhPerKg / a[i].SpecificEnergyWhPerKg - 1
            : b[i].EnergyDensityWhPerL / a[i].EnergyDensityWhPerL - 1;
        Assert.InRange(Gain(0, true), 0.44, 0.48);
        Assert.InRange(Gain(1, true), 0.06, 0.085);
        Assert.InRange(Gain(0, false), 0.32, 0.36);
        Assert.InRange(Gain(1, false), 0.03, 0.05);
    }

    [Fact]
    public void SseFillFractionFollowsDensity()
    {
        var llzo = CellEnergyModel.Evaluate(Load("solid-llzo.yaml")).Layers[0];
        var lgps = CellEnergyModel.Evaluate(Load("solid-lgps.yaml")).Layers[0];
        Assert.Equal(60, llzo.ThicknessUm, 9);
        Assert.Equal(60, lgps.ThicknessUm, 9);
        Assert.Equal(llzo.CompositionMgPerCm2["LLZO"] / 5.0, lgps.CompositionMgPerCm2["LGPS"] / 2.0, 9);   // same SSE volume
        double wt = llzo.CompositionMgPerCm2["LLZO"] / llzo.SolidMassMgPerCm2;
        Assert.InRange(wt, 0.14, 0.15);   // Table 1: 15 wt.% for garnet
    }

    [Fact]
    public void BreakEvenGrowsLinearlyWithLoading()
    {
        var reference = Load("liquid-reference.yaml");
        var pts = CellSweep.Run(Load("solid-llzo.yaml"), CellSweepParameter.Loading, new double[] { 10, 30, 50 }, reference);
        double d1 = pts[1].BreakEven!.GravimetricUm - pts[0].BreakEven!.GravimetricUm;
        double d2 = pts[2].BreakEven!.GravimetricUm - pts[1].BreakEven!.GravimetricUm;
        Assert.Equal(d1, d2, 6);
        Assert.True(d1 > 0);
    }

    [Fact]
    public void SpecificEnergyFallsWithSeparatorThickness()
    {
        var pts = CellSweep.Run(Load("solid-lgps.yaml"), CellSweepParameter.SeparatorThickness, SweepTable.Linspace(0, 200, 11));
        for (int i = 1; i < pts.Count; i++)
        {
            Assert.True(pts[i].SpecificEnergyWhPerKg < pts[i - 1].SpecificEnergyWhPerKg);
            Assert.True(pts[i].EnergyDensityWhPerL < pts[i - 1].EnergyDensityWhPerL);
        }
    }

    [Fact]
    public void OhmicLossMatchesTheReview()
    {
        Assert.Equal(16.7, OhmicLoss.MaxThicknessUm(50, 3, 1e-4), 1);
        Assert.Equal(50, OhmicLoss.VoltageDropMv(3, 50.0 / 3, 1e-4), 9);
        Assert.Equal(250, OhmicLoss.AreaSpecificResistance(25, 1e-5), 9);   // 25 µm at 0.01 mS/cm
    }

    [Fact]
    public void TheoreticalCapacities()
    {
        Assert.InRange(Capacity.TheoreticalMahPerG("Li", 1), 3860.5, 3862.5);
        Assert.InRange(Capacity.TheoreticalMahPerG("S", 2), 1671, 1673);
        Assert.InRange(Capacity.TheoreticalMahPerG("LiCoO2", 1), 273, 275);
        Assert.InRange(Capacity.TheoreticalMahPerG("LiFePO4", 1), 169, 171);
        Assert.InRange(Capacity.TheoreticalMahPerG("LiC6", 1), 338, 340);   // per LiC6; 372 mAh/g is per C6
        Assert.InRange(Capacity.TheoreticalMahPerG("C6", 1), 371, 373);
        Assert.InRange(MolarMass.Of("Li1.3Al0.3Ti1.7(PO4)3"), 383, 384);
    }

    [Fact]
    public void RetentionFromCoulombicEfficiency()
    {
        Assert.InRange(Capacity.Retention(0.9998, 1000), 0.818, 0.820);
        Assert.Equal(1000, Capacity.CyclesTo(0.9998, Capacity.Retention(0.9998, 1000)), 6);
        Assert.Throws<InterphaseException>(() => Capacity.Retention(99.98, 1000));
    }
}
