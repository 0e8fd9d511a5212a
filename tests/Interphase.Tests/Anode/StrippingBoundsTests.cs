using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Interphase.Anode;
using Interphase.Chemistry;

namespace Interphase.Tests.Anode;

/// <summary>The stripping model is only used where it holds: up to its calibrated pressure and below the pressure where
/// Li creeps into the electrolyte (Doux et al., Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3).</summary>
public class StrippingBoundsTests
{
    private const double Rt = 298.15;
    private static readonly Composition Argyrodite = Composition.Parse("Li6PS5Cl");
    private static readonly Composition Garnet = Composition.Parse("Li7La3Zr2O12");

    [Fact]
    public void SulfideAbove5MPaIsAShortCircuitRiskWithoutACriticalCurrent()
    {
        foreach (double p in new[] { 10.0, 25.0, 50.0, 75.0 })
        {
            var a = StrippingVoids.Assess(p, Rt, 0.5, Argyrodite);
            Assert.True(a.ShortCircuitRisk);
            Assert.Null(a.CriticalMaPerCm2);
            Assert.Contains(a.Reasons, r => r.Contains("Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3") && r.Contains("Doux"));
        }
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3: "If 5 MPa is used, the symmetric cell did not exhibit any shorting".
        Assert.False(StrippingVoids.Assess(5, Rt, 0.1, Argyrodite).ShortCircuitRisk);
        Assert.Equal(5.0, CreepPenetration.For(Composition.Parse("Li3PS4"))!.MaxPressureMPa);
        Assert.Equal("halide", CreepPenetration.For(Composition.Parse("Li3InCl6"))!.Family);
        Assert.Null(CreepPenetration.For(Garnet)); // the reviews press garnets against Li at up to 400 MPa (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), Table 1)
        Assert.Null(CreepPenetration.For(Composition.Parse("Li3OCl")));
    }

    [Fact]
    public void NoCriticalCurrentBeyondTheCalibratedPressure()
    {
        var garnet = StrippingVoids.Assess(50, Rt, 0.5, Garnet);
        Assert.False(garnet.ShortCircuitRisk);
        Assert.Null(garnet.CriticalMaPerCm2);
        Assert.Null(garnet.VoidFree);
        Assert.Contains(garnet.Reasons, r => r.Contains("calibrated range"));
        Prop.ForAll(Gen.Choose(71, 100_000).ToArbitrary(), (int p10) =>
            StrippingVoids.Assess(p10 / 10.0, Rt, 1.0, null).CriticalMaPerCm2 is null).QuickCheckQuietly();
        // Within range the number is the flux balance: 1 mA/cm² at 7 MPa (Kasemchainan, Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3).
        Assert.Equal(1.0, StrippingVoids.Assess(7, Rt, 1.0, Garnet).CriticalMaPerCm2!.Value, 9);
    }

    [Fact]
    public void TheAdviceNeverAsksForThePressureAlreadyApplied()
    {
        // At 5 MPa an argyrodite cell at 0.5 mA/cm² would need ~6.2 MPa, which Li creep forbids: no safe pressure.
        var a = StrippingVoids.Assess(5, Rt, 0.5, Argyrodite);
        Assert.False(a.VoidFree);
        string advice = a.Reasons.Single(r => r.StartsWith("voids", StringComparison.Ordinal));
        Assert.Contains("no safe pressure", advice);
        Assert.Contains("0.199 mA/cm²", advice);
        Prop.ForAll(Gen.Choose(0, 70).ToArbitrary(), Gen.Choose(1, 300).ToArbitrary(), (int p10, int j100) =>
        {
            double p = p10 / 10.0, j = j100 / 100.0;
            var r = StrippingVoids.Assess(p, Rt, j, Garnet);
            if (r.VoidFree != false) return true;
            var m = System.Text.RegularExpressions.Regex.Match(string.Join(" ", r.Reasons), @"about ([0-9.]+) MPa");
            return !m.Success || double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) > p;
        }).QuickCheckQuietly();
    }
}
