using FsCheck;
using FsCheck.Fluent;
using Interphase.SpaceCharge;

namespace Interphase.Tests.SpaceCharge;

public class SpaceChargeLayerTests
{
    private const double E0 = 8.8541878128e-12, Q = 1.602176634e-19, KbEv = 8.617333262e-5;
    private const double T = 298.15;

    // Boltzmann limit: NS ≫ C0 (θ0 = 1e-6).
    private static readonly SpaceChargePhase Dilute = new("dilute", 30, 1e18, 1e24);

    private static double GouyChapmanUcCm2(double epsR, double c0Cm3, double y)
    {
        double kt = KbEv * T * Q;
        double q = Math.Sqrt(2 * epsR * E0 * c0Cm3 * 1e6 * kt * (Math.Exp(-y) + y - 1));
        return -Math.Sign(y) * q * 100; // C/m² → µC/cm²
    }

    [Theory]
    [InlineData(-3)]
    [InlineData(-1)]
    [InlineData(-0.01)]
    [InlineData(0.01)]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(20)]
    [InlineData(30)]
    public void ChargeEqualsGouyChapmanInTheBoltzmannLimit(double y)
    {
        double phi = y * KbEv * T;
        var p = SpaceChargeProfile.Solve(Dilute, phi, T);
        double exact = GouyChapmanUcCm2(30, 1e18, y);
        Assert.Equal(exact, p.SpaceChargeUcPerCm2, Math.Abs(exact) * 0.01);
        // far tighter than the 1 % asked: the charge is analytic
        Assert.Equal(1.0, p.SpaceChargeUcPerCm2 / exact, 4);
    }

    // g(y) = θ0·y + ln(1 + θ0(e^(−y) − 1)), the first integral per NS·kT, evaluated with 50 digits by mpmath 1.3
    // (/usr/bin/python3: th*y + log(1 + th*(exp(-y) - 1)) with th = C0/NS as a double). Both sides of the Taylor switch at
    // |y| = 1e-3, depletion and accumulation, dilute (θ0 = 1e-6), half-filled and nearly full lattices.
    [Theory]
    [InlineData(1e18, 1e24, 0.00099, 4.8988783395177923e-13)]
    [InlineData(1e18, 1e24, 0.0011, 6.0477762332248765e-13)]
    [InlineData(1e18, 1e24, 0.03, 4.4553311177492466e-10)]
    [InlineData(1e18, 1e24, 1, 3.6787924138315766e-7)]
    [InlineData(1e18, 1e24, 30, 2.8999999499999759e-5)]
    [InlineData(1e18, 1e24, -0.002, 2.0013319962620876e-12)]
    [InlineData(1e18, 1e24, -1, 7.1828035221451527e-7)]
    [InlineData(1e18, 1e24, -30, 16.184459535611858)]
    [InlineData(1e18, 1e24, 600, 0.00059899999949999964)]
    [InlineData(1e18, 1e24, -600, 586.18388944203573)]
    [InlineData(1e22, 2e22, 0.00099, 1.2251249499689611e-7)]
    [InlineData(1e22, 2e22, 0.0011, 1.512499923744798e-7)]
    [InlineData(1e22, 2e22, 0.03, 0.0001124957815031077)]
    [InlineData(1e22, 2e22, 1, 0.12011450695827752)]
    [InlineData(1e22, 2e22, 30, 14.306852819440148)]
    [InlineData(1e22, 2e22, -0.002, 4.9999991666668891e-7)]
    [InlineData(1e22, 2e22, -1, 0.12011450695827752)]
    [InlineData(1e22, 2e22, -30, 14.306852819440148)]
    [InlineData(1e22, 2e22, 600, 299.30685281944005)]
    [InlineData(1e22, 2e22, -600, 299.30685281944005)]
    [InlineData(9.9e21, 1e22, 0.00099, 4.8530643462595638e-9)]
    [InlineData(9.9e21, 1e22, 0.0011, 5.9916527951818381e-9)]
    [InlineData(9.9e21, 1e22, 0.03, 4.498975016412091e-6)]
    [InlineData(9.9e21, 1e22, 1, 0.0070368632361764794)]
    [InlineData(9.9e21, 1e22, 30, 25.094829814021166)]
    [InlineData(9.9e21, 1e22, -0.002, 1.9787070205680589e-8)]
    [InlineData(9.9e21, 1e22, -1, 0.0036587309970013122)]
    [InlineData(9.9e21, 1e22, -30, 0.28994966414649654)]
    [InlineData(9.9e21, 1e22, 600, 589.39482981401196)]
    [InlineData(9.9e21, 1e22, -600, 5.9899496641464374)]
    public void FirstIntegralMatchesAFiftyDigitEvaluation(double c0, double ns, double y, double exact)
    {
        var layer = new SpaceChargeLayer(new SpaceChargePhase("p", 20, c0, ns), T);
        Assert.Equal(1.0, layer.G(y) / exact, 10);
    }

    [Fact]
    public void DebyeLengthIsTheTextbookValue()
    {
        var p = SpaceChargeProfile.Solve(Dilute, 0.05, T);
        double lambda = Math.Sqrt(30 * E0 * KbEv * T * Q / (Q * Q * 1e18 * 1e6));
        Assert.Equal(lambda * 1e9, p.DebyeLengthNm, 9);
        Assert.Equal(6.527, p.DebyeLengthNm, 3); // 30 ε0, 1e18 cm⁻³, 25 °C
        // small potentials: linear screening, capacitance ε/λ_D
        var small = SpaceChargeProfile.Solve(Dilute, 1e-5, T);
        Assert.Equal(30 * E0 / lambda * 100, small.CapacitanceUfPerCm2, 30 * E0 / lambda * 100 * 1e-3);
    }

    [Fact]
    public void DeepDepletionWidthApproachesMottSchottky()
    {
        double ratioPrev = double.MaxValue;
        foreach (var y in new[] { 30.0, 100, 300, 600 })
        {
            double phi = y * KbEv * T;
            var p = SpaceChargeProfile.Solve(Dilute, phi, T);
            double ms = Math.Sqrt(2 * 30 * E0 * (phi - KbEv * T) / (Q * 1e18 * 1e6)) * 1e9;
            double ratio = p.WidthNm / ms;
            Assert.True(ratio > 1, $"y={y}: width {p.WidthNm} nm must exceed the Mott–Schottky depletion width {ms} nm (Debye tail beyond it)");
            Assert.True(ratio < ratioPrev, "width/MS must fall toward 1 as the depletion deepens");
            // the tail beyond the depletion edge stays a few Debye lengths
            Assert.InRange((p.WidthNm - ms) / p.DebyeLengthNm, 1, 5);
            ratioPrev = ratio;
        }
        Assert.True(ratioPrev < 1.15, $"width/MS = {ratioPrev} at y = 600");
        // the charge-equivalent depletion width |Q|/(eC0) is Mott–Schottky itself
        var deep = SpaceChargeProfile.Solve(Dilute, 100 * KbEv * T, T);
        double msDeep = Math.Sqrt(2 * 30 * E0 * (100 * KbEv * T - KbEv * T) / (Q * 1e18 * 1e6)) * 1e9;
        double wq = Math.Abs(deep.SpaceChargeUcPerCm2) * 1e-2 / (Q * 1e24) * 1e9;
        Assert.Equal(msDeep, wq, msDeep * 1e-6);
    }

    [Fact]
    public void AccumulationSaturatesAtTheSiteDensity()
    {
        var half = new SpaceChargePhase("half", 20, 1e22, 2e22);
        double kt = KbEv * T;
        var p = SpaceChargeProfile.Solve(half, -40 * kt, T);
        Assert.InRange(p.SurfaceConcentrationPerCm3, 0.99 * 2e22, 2e22);
        Assert.Contains(p.Notes, n => n.Contains("saturates"));
        Assert.All(p.Profile, pt => Assert.True(pt.ConcentrationPerCm3 <= 2e22 * (1 + 1e-12)));
        // saturated accumulation: Q² grows linearly in |ψ| (a filled box), not exponentially as in Boltzmann
        double q40 = SpaceChargeProfile.Solve(half, -40 * kt, T).SpaceChargeUcPerCm2;
        double q80 = SpaceChargeProfile.Solve(half, -80 * kt, T).SpaceChargeUcPerCm2;
        double slope = (q80 * q80 - q40 * q40) / (40 * kt) * 1e-4; // (C/m²)²/V
        double box = 2 * 20 * E0 * (2e22 - 1e22) * 1e6 * Q;
        Assert.Equal(1.0, slope / box, 3);
        // depletion is bounded by C0 instead: Q² → 2εeC0ψ
        double d = SpaceChargeProfile.Solve(half, 80 * kt, T).SpaceChargeUcPerCm2 * 1e-2;
        Assert.Equal(1.0, d * d / (2 * 20 * E0 * 1e22 * 1e6 * Q * (80 * kt - kt)), 2);
    }

    [Fact]
    public void ProfileSatisfiesPoissonAndIntegratesToTheCharge()
    {
        double errPrev = double.MaxValue;
        foreach (var points in new[] { 25, 50, 100, 200, 400 })
        {
            var p = SpaceChargeProfile.Solve(Dilute, 0.3, T, points);
            // charge from the profile: ∫ρ dx (trapezoid on the profile mesh) against the analytic first integral
            double sum = 0;
            for (int i = 1; i < p.Profile.Count; i++)
            {
                var a = p.Profile[i - 1]; var b = p.Profile[i];
                double ra = Q * (a.ConcentrationPerCm3 - 1e18) * 1e6, rb = Q * (b.ConcentrationPerCm3 - 1e18) * 1e6;
                sum += 0.5 * (ra + rb) * (b.XNm - a.XNm) * 1e-9;
            }
            // beyond the last point the charge is exactly −ε·E there (Gauss; the field vanishes in the bulk)
            var layer = new SpaceChargeLayer(Dilute, T);
            sum += -layer.Permittivity * layer.FieldVPerM(p.Profile[^1].PotentialV);
            double err = Math.Abs(sum * 100 / p.SpaceChargeUcPerCm2 - 1);
            Assert.True(err < errPrev * 1.01, $"error must not grow with refinement ({points} points: {err})");
            errPrev = err;
        }
        Assert.True(errPrev < 1e-3, $"∫ρdx differs from Q by {errPrev:P3} at 400 points");
    }

    [Fact]
    public void ProfilePotentialFallsMonotonicallyAndConcentrationRecovers()
    {
        var p = SpaceChargeProfile.Solve(Dilute, 0.2, T);
        for (int i = 1; i < p.Profile.Count; i++)
        {
            Assert.True(p.Profile[i].XNm > p.Profile[i - 1].XNm);
            Assert.True(p.Profile[i].PotentialV < p.Profile[i - 1].PotentialV);
            Assert.True(p.Profile[i].ConcentrationPerCm3 > p.Profile[i - 1].ConcentrationPerCm3);
        }
        Assert.Equal(1e18, p.Profile[^1].ConcentrationPerCm3, 1e18 * 0.01);
        Assert.True(p.Profile[^1].XNm > p.WidthNm);
        // the 1 % point: concentration at the width is 0.99 C0 (interpolated on the profile)
        int k = p.Profile.ToList().FindIndex(pt => pt.XNm >= p.WidthNm);
        Assert.InRange(p.Profile[k].ConcentrationPerCm3 / 1e18, 0.985, 0.995);
    }

    [Fact]
    public void ResistanceMatchesTheBoltzmannClosedForm()
    {
        // Boltzmann depletion: R = (1/σ)∫(e^y − 1)dx; with dx = (kT/e)dy/E, E = (kT/e)/λ·√(2(e^(−y)+y−1)).
        double y = 4, sigma = 1e-3; // S/cm
        var phase = Dilute with { IonicConductivitySPerCm = sigma };
        var p = SpaceChargeProfile.Solve(phase, y * KbEv * T, T);
        double lambda = p.DebyeLengthNm * 1e-9;
        double integral = MathNet.Numerics.Integration.GaussKronrodRule.Integrate(
            t => (Math.Exp(t) - 1) * lambda / Math.Sqrt(2 * (t < 1e-3 ? t * t / 2 - t * t * t / 6 : Math.Exp(-t) + t - 1)), 0, y, out _, out _, 1e-10, 12);
        double r = integral / (sigma * 100) * 1e4;
        Assert.Equal(r, p.SpaceChargeResistanceOhmCm2!.Value, r * 1e-5);
        // accumulation lowers the resistance
        var acc = SpaceChargeProfile.Solve(phase, -y * KbEv * T, T);
        Assert.True(acc.SpaceChargeResistanceOhmCm2 < 0);
    }

    [Fact]
    public void ChargeIsOddAndMonotonicInThePotential()
    {
        Prop.ForAll(Gen.Choose(-2000, 2000).Select(i => i / 1000.0).ToArbitrary(), Gen.Choose(1, 99).Select(i => i / 100.0).ToArbitrary(), (phi, theta) =>
        {
            var phase = new SpaceChargePhase("p", 15, theta * 1e22, 1e22);
            var layer = new SpaceChargeLayer(phase, T);
            double q = layer.ChargeCPerM2(phi), q2 = layer.ChargeCPerM2(phi + 0.01);
            // at φ = 0 the charge is zero up to rounding, not exactly 0.0
            bool sign = phi == 0 ? Math.Abs(q) < 1e-12 : Math.Sign(q) == -Math.Sign(phi);
            return (q2 < q && sign && layer.CapacitanceFPerM2(phi) > 0).Label($"φ = {phi} V, θ = {theta}: q = {q}, q(φ+0.01) = {q2}");
        }).QuickCheckQuietly();
    }

    [Theory]
    [InlineData(-1, 1e20, 1e21, "permittivity")]
    [InlineData(0, 1e20, 1e21, "permittivity")]
    [InlineData(10, -1e20, 1e21, "mobile")]
    [InlineData(10, 1e20, -1e21, "site density")]
    [InlineData(10, 1e21, 1e20, "must exceed")]
    [InlineData(10, 1e21, 1e21, "must exceed")]
    [InlineData(double.NaN, 1e20, 1e21, "finite")]
    public void BadParametersGiveClearErrors(double eps, double c0, double ns, string expected)
    {
        var ex = Assert.Throws<InterphaseException>(() => SpaceChargeProfile.Solve(new SpaceChargePhase("x", eps, c0, ns), 0.1, T));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void PotentialBeyondTheSolverRangeIsRefused()
    {
        var ex = Assert.Throws<InterphaseException>(() => SpaceChargeProfile.Solve(Dilute, 50, T));
        Assert.Contains("cannot converge", ex.Message);
        Assert.Throws<InterphaseException>(() => SpaceChargeProfile.Solve(Dilute, double.PositiveInfinity, T));
        Assert.Throws<InterphaseException>(() => SpaceChargeProfile.Solve(Dilute, 0.1, -5));
    }
}
