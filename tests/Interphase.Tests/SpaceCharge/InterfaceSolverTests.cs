using Interphase.SpaceCharge;

namespace Interphase.Tests.SpaceCharge;

public class InterfaceSolverTests
{
    private const double T = 298.15;

    private static InterfacePhase P(string role, string name, double? v = null, InterfacePhase? cathode = null) =>
        SpaceChargeSetup.Resolve(role, name, new PhaseOverrides(LiPotentialV: v), cathode is null ? null : SpaceChargeSetup.CoatingPotential(cathode)).Phase;

    [Theory]
    [InlineData("LCO", "LPSCl")]
    [InlineData("LCO", "LPS")]
    [InlineData("NCM811", "LPSCl")]
    [InlineData("LCO", "LLZO")]
    [InlineData("LCO", "LATP")]
    public void BareContactIsNeutralAndTheDropsAddUp(string cathode, string electrolyte)
    {
        var a = P("cathode", cathode); var b = P("electrolyte", electrolyte);
        var r = InterfaceSolver.Solve(a, b, T);
        Assert.True(r.NeutralityError < 1e-6, $"charge balance {r.NeutralityError}");
        Assert.Equal(r.CathodeSide.SpaceChargeUcPerCm2, -r.ElectrolyteSide.SpaceChargeUcPerCm2, Math.Abs(r.CathodeSide.SpaceChargeUcPerCm2) * 1e-6);
        Assert.Equal(a.LiPotentialV - b.LiPotentialV, r.ElectrolyteSide.PotentialDropV - r.CathodeSide.PotentialDropV, 1e-9);
        // Li⁺ leaves the electrolyte for the charged cathode: depleted electrolyte, accumulated cathode
        Assert.True(r.ElectrolyteSide.LiDepletion > 0 && r.CathodeSide.LiDepletion < 0);
        Assert.True(r.ElectrolyteSide.WidthNm > 0 && r.ElectrolyteSide.WidthNm < 5);
    }

    [Theory]
    [InlineData("LiNbO3")]
    [InlineData("LTO")]
    public void CoatedInterfacesAreNeutralAndConvergeUnderMeshRefinement(string coating)
    {
        var a = P("cathode", "LCO"); var b = P("electrolyte", "LPS"); var c = P("coating", coating, cathode: a);
        double? prev = null, prevDiff = null;
        foreach (var refine in new[] { 1.0, 2, 4 })
        {
            var r = InterfaceSolver.Solve(a, b, T, c, 5, meshRefinement: refine);
            Assert.True(r.NeutralityError < 1e-6, $"charge balance {r.NeutralityError}");
            Assert.True(r.Iterations < InterfaceSolver.MaxIterations);
            double drop = r.ElectrolyteSide.PotentialDropV;
            if (prev is { } p)
            {
                double diff = Math.Abs(drop - p);
                Assert.True(diff < 1e-3, $"{coating}: electrolyte drop changes by {diff} V on refinement");
                if (prevDiff is { } pd) Assert.True(diff <= pd * 1.5 + 1e-9, "refinement must not diverge");
                prevDiff = diff;
            }
            prev = drop;
        }
    }

    [Fact]
    public void ThickCoatingDecouplesIntoTwoContacts()
    {
        // A coating much thicker than its screening length has a bulk: each contact behaves as a bare contact.
        var a = P("cathode", "LCO"); var b = P("electrolyte", "LPSCl"); var c = P("coating", "LiNbO3", 2.0);
        var coated = InterfaceSolver.Solve(a, b, T, c, 20);
        var first = InterfaceSolver.Solve(a, c, T);
        var second = InterfaceSolver.Solve(c, b, T);
        Assert.Equal(first.CathodeSide.PotentialDropV, coated.CathodeSide.PotentialDropV, 2e-3);
        Assert.Equal(second.ElectrolyteSide.PotentialDropV, coated.ElectrolyteSide.PotentialDropV, 2e-3);
        Assert.Equal(first.ElectrolyteSide.PotentialDropV, coated.CoatingLayer!.PotentialAtCathodeV, 2e-3);
        Assert.Equal(second.CathodeSide.PotentialDropV, coated.CoatingLayer.PotentialAtElectrolyteV, 2e-3);
    }

    [Fact]
    public void SweepRunsForTheReviewedCombinationsAndReportsItsOptimum()
    {
        foreach (var (cat, ele) in new[] { ("LCO", "LPSCl"), ("LCO", "LPS"), ("NCM811", "LPSCl"), ("LCO", "LLZO") })
            foreach (var coat in new[] { "LiNbO3", "LTO" })
            {
                var a = P("cathode", cat); var b = P("electrolyte", ele); var c = P("coating", coat, cathode: a);
                var sweep = CoatingSweep.Run(a, c, b, T, [0, 1, 2, 5, 10, 20, 50]);
                Assert.Equal(7, sweep.Rows.Count);
                // every bare oxide-cathode contact fully depletes the electrolyte in this model: blocking
                Assert.True(double.IsPositiveInfinity(sweep.Rows[0].TotalResistanceOhmCm2), $"{cat}|{ele} bare");
                // thicker coatings add their L/σ: beyond the screening lengths the total grows with L
                var finite = sweep.Rows.Where(r => double.IsFinite(r.TotalResistanceOhmCm2) && r.ThicknessNm >= 5).ToList();
                for (int i = 1; i < finite.Count; i++) Assert.True(finite[i].TotalResistanceOhmCm2 > finite[i - 1].TotalResistanceOhmCm2);
                if (sweep.Optimum is { } o) Assert.True(o.ThicknessNm > 0);
            }
    }

    [Fact]
    public void TheReadmesSweepLiNbO3IsLeastAtTwoNanometresAndLi4Ti5O12BlocksAtEveryThickness()
    {
        // README "Space-charge layers": LCO | coating | Li6PS5Cl swept 0–20 nm in 1 nm steps.
        var a = P("cathode", "LCO"); var b = P("electrolyte", "LPSCl");
        double[] nm = Enumerable.Range(0, 21).Select(i => (double)i).ToArray();
        var lno = CoatingSweep.Run(a, P("coating", "LiNbO3", cathode: a), b, T, nm);
        Assert.Equal(2, lno.Optimum!.ThicknessNm);
        Assert.Equal(0.26, lno.Optimum.TotalResistanceOhmCm2, 0.01);
        var lto = CoatingSweep.Run(a, P("coating", "LTO", cathode: a), b, T, nm);
        Assert.Null(lto.Optimum);
        Assert.All(lto.Rows, r => Assert.True(double.IsPositiveInfinity(r.TotalResistanceOhmCm2), $"{r.ThicknessNm} nm"));
    }

    [Fact]
    public void LithiumNiobateLowersTheInterfaceMoreThanTitanate()
    {
        // Wang et al., Trans. Nanjing Univ. Aeronaut. Astronaut. 35, 578 (2018), §1.2: LiNbO3 (more conductive) did better than Li4Ti5O12 on LiCoO2 with a sulfide (Ohta et al.).
        var a = P("cathode", "LCO"); var b = P("electrolyte", "LPS");
        var lno = InterfaceSolver.Solve(a, b, T, P("coating", "LiNbO3", cathode: a), 5);
        var lto = InterfaceSolver.Solve(a, b, T, P("coating", "LTO", cathode: a), 5);
        Assert.True(lno.ElectrolyteSide.PotentialDropV < lto.ElectrolyteSide.PotentialDropV);
        Assert.True(lno.TotalResistanceOhmCm2 < lto.TotalResistanceOhmCm2);
    }

    [Fact]
    public void BadInputsGiveClearErrors()
    {
        var a = P("cathode", "LCO"); var b = P("electrolyte", "LPSCl");
        Assert.Contains("cannot converge", Assert.Throws<InterphaseException>(() => InterfaceSolver.Solve(a with { LiPotentialV = 40 }, b, T)).Message);
        Assert.Throws<InterphaseException>(() => InterfaceSolver.Solve(a, b, T, P("coating", "LiNbO3"), -1));
        Assert.Throws<InterphaseException>(() => InterfaceSolver.Solve(a with { LiPotentialV = double.NaN }, b, T));
        Assert.Contains("no space-charge parameters", Assert.Throws<InterphaseException>(() => SpaceChargeSetup.Resolve("cathode", "Unobtainium")).Message);
        Assert.Contains("must exceed", Assert.Throws<InterphaseException>(() =>
            SpaceChargeSetup.Resolve("electrolyte", "LLZO", new PhaseOverrides(SiteDensityPerCm3: 1e20))).Message);
    }

    [Fact]
    public void ParameterTableLoadsWithSourcesAndAliases()
    {
        Assert.True(SpaceChargeMaterials.All.Count >= 8);
        Assert.All(SpaceChargeMaterials.All, m => Assert.False(string.IsNullOrWhiteSpace(m.EpsilonR.Source)));
        Assert.Equal("LPSCl", SpaceChargeMaterials.Get("argyrodite").Id);
        Assert.Equal("LCO", SpaceChargeMaterials.Get("LiCoO2").Id);
        // LLZO: 7 Li per 839.8 g/mol at 5.0 g/cm³ (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1)
        var llzo = SpaceChargeMaterials.Get("LLZO").ToPhase();
        Assert.Equal(7 * 5.0 * 6.02214076e23 / 839.8, llzo.MobileDensityPerCm3, 1e20);
        var (_, rows) = SpaceChargeSetup.Resolve("electrolyte", "LLZO");
        Assert.Contains(rows, r => r.Parameter == "li_potential_v" && r.Source.Contains("Banerjee et al., Chem. Rev. 120, 6878 (2020), §3.1"));
        Assert.Contains(rows, r => r.Parameter == "epsilon_r" && r.Source.StartsWith("assumed"));
    }
}
