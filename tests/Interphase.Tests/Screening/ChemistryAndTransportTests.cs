using Interphase.Chemistry;
using Interphase.Knowledge;
using Interphase.Screening;

namespace Interphase.Tests.Screening;

/// <summary>Oxidation states, the anion-class rules, the processing check and the measured Li⁺ conductivity table.</summary>
public sealed class ChemistryRulesTests
{
    private static readonly ChemistryRules Rules = new(ScreeningTables.Default);

    private static IReadOnlyDictionary<string, double>? States(string f) => Rules.OxidationStates(Composition.Parse(f));

    [Theory]
    // Textbook oxidation states (Greenwood & Earnshaw): the anion classes the rules are built on.
    [InlineData("LiClO4", "Cl", 7)]
    [InlineData("LiClO3", "Cl", 5)]
    [InlineData("LiCl", "Cl", -1)]
    [InlineData("LiNO3", "N", 5)]
    [InlineData("LiNO2", "N", 3)]
    [InlineData("Li3N", "N", -3)]
    [InlineData("Li2CrO4", "Cr", 6)]
    [InlineData("KLiCrO4", "Cr", 6)]
    [InlineData("LiCrO2", "Cr", 3)]
    [InlineData("Li2CO3", "C", 4)]
    [InlineData("Li2SO3", "S", 4)]
    [InlineData("Li2SO4", "S", 6)]
    [InlineData("Li3PS4", "S", -2)]
    [InlineData("Li3PS4", "P", 5)]
    [InlineData("Li2O2", "O", -1)]
    [InlineData("LiOH", "H", 1)]
    [InlineData("LiH", "H", -1)]
    [InlineData("LiCoO2", "Co", 3)]
    [InlineData("LiMn2O4", "Mn", 3.5)]
    [InlineData("LiN3", "N", -1.0 / 3)]
    [InlineData("Li2SeO4", "Se", 6)]
    public void OxidationStatesAreTheChargeBalancedCommonOnes(string formula, string element, double expected)
    {
        var s = States(formula);
        Assert.NotNull(s);
        Assert.Equal(expected, s![element], 6);
        Assert.Equal(0, Composition.Parse(formula).Amounts.Sum(kv => kv.Value * s[kv.Key.Symbol]), 9);
    }

    [Fact]
    public void AnIntermetallicHasNoOxidationStatesAndMatchesNoRule()
    {
        Assert.Null(States("LiAl"));
        Assert.Empty(Rules.Assess(Composition.Parse("LiAl")).Matches);
    }

    [Theory]
    [InlineData("LiClO4", "perchlorate")]
    [InlineData("LiNO3", "nitrate")]
    [InlineData("NaLi2NO3", "nitrite")] // N(+3) with O, whatever the cations
    [InlineData("LiNO2", "nitrite")]
    [InlineData("Li2O2", "peroxide")]
    [InlineData("Li2CrO4", "chromium6")]
    [InlineData("KLiCrO4", "chromium6")]
    [InlineData("Li2SeO4", "selenium")]
    [InlineData("LiIO3", "iodate")]
    [InlineData("LiMnO4", "permanganate")]
    public void OxidisersAndToxicOxidationStatesFailByClass(string formula, string? cls)
    {
        var a = Rules.Assess(Composition.Parse(formula));
        if (cls is null) { Assert.Empty(a.Hazards); return; }
        Assert.Contains(a.Hazards, m => m.Class.Id == cls);
    }

    [Theory]
    // The same elements in a benign state match no hazard: Cr(III), sulfate, phosphate, carbonate (flag only).
    [InlineData("LiCrO2")]
    [InlineData("Li2SO4")]
    [InlineData("Li3PO4")]
    [InlineData("Li2CO3")]
    [InlineData("LiNbO3")]
    [InlineData("Li3N")]
    public void BenignStatesAreNotHazards(string formula) => Assert.Empty(Rules.Assess(Composition.Parse(formula)).Hazards);

    [Fact]
    public void GasFormingAndMoistureSensitiveClassesAreFlags()
    {
        Assert.True(Rules.Assess(Composition.Parse("Li2CO3")).GasForming);
        Assert.True(Rules.Assess(Composition.Parse("NaLiCO3")).GasForming);
        Assert.True(Rules.Assess(Composition.Parse("LiOH")).MoistureSensitive);
        Assert.True(Rules.Assess(Composition.Parse("Li3N")).MoistureSensitive);
        Assert.True(Rules.Assess(Composition.Parse("Li2S")).MoistureSensitive);
        Assert.True(Rules.Assess(Composition.Parse("LiI")).MoistureSensitive);
        Assert.False(Rules.Assess(Composition.Parse("LiF")).MoistureSensitive);
        Assert.False(Rules.Assess(Composition.Parse("LiNbO3")).GasForming);
    }

    [Fact]
    public void ThermalLimitsComeFromTheSaltThenItsClass()
    {
        // CRC Handbook melting points; the class limit for a salt the table does not list.
        Assert.Equal(236, Rules.Assess(Composition.Parse("LiClO4")).Limit!.Value.TemperatureC);
        Assert.Equal(723, Rules.Assess(Composition.Parse("Li2CO3")).Limit!.Value.TemperatureC);
        Assert.Equal(500, Rules.Assess(Composition.Parse("NaLiCO3")).Limit!.Value.TemperatureC);
        Assert.Equal(700, Rules.Assess(Composition.Parse("Li3BO3")).Limit!.Value.TemperatureC); // Wang et al. 2020, §3.3.2
        Assert.Null(Rules.Assess(Composition.Parse("LiTiPO5")).Limit);
    }

    [Theory]
    [InlineData("Li6PS5Cl", "cold-press", 25, true)]
    [InlineData("Li3PS4", "cold-press", 25, true)]
    [InlineData("Li3InCl6", "cold-press", 25, true)]
    [InlineData("Li7La3Zr2O12", "co-sinter", 700, false)]
    [InlineData("Li1.3Al0.3Ti1.7P3O12", "co-sinter", 700, false)]
    [InlineData("Li3.3PO3.9N0.17", "sputter", 25, false)]
    public void ProcessingDefaultsByElectrolyteFamily(string electrolyte, string route, double celsius, bool dry)
    {
        var p = ProcessingChoice.Resolve(null, Composition.Parse(electrolyte), ScreeningTables.Default);
        Assert.Equal(route, p.Route!.Id);
        Assert.Equal(celsius, p.TemperatureC);
        Assert.Equal(dry, p.DryRoom);
    }

    [Fact]
    public void ProcessingCanBeGivenAsARouteOrATemperature()
    {
        var llzo = Composition.Parse("Li7La3Zr2O12");
        Assert.Equal(25, ProcessingChoice.Resolve("cold-press", llzo, ScreeningTables.Default).TemperatureC);
        Assert.Equal(950, ProcessingChoice.Resolve("950", llzo, ScreeningTables.Default).TemperatureC);
        var e = Assert.Throws<ScreeningException>(() => ProcessingChoice.Resolve("bake", llzo, ScreeningTables.Default));
        Assert.Contains("processing 'bake'", e.Message);
        Assert.Contains("cold-press", e.Message);
    }

    [Fact]
    public void ConductivityTableKeepsFormsApartAndUsesTheDepositedOne()
    {
        var t = ScreeningTables.Default.Conductivities;
        // Banerjee et al., Chem. Rev. 2020, §4.1.4: amorphous LiNbO3 1e-5 S/cm, crystalline 1e-11 S/cm.
        var lno = t.Where(c => c.Formula == "LiNbO3").ToList();
        Assert.Equal(1e-5, lno.Single(c => c.Deposited).SigmaSPerCm);
        Assert.Equal(1e-11, lno.Single(c => !c.Deposited).SigmaSPerCm);
        // Every value names its source; at most one deposited form per formula... or several, the highest used.
        Assert.All(t, c => Assert.False(string.IsNullOrWhiteSpace(c.SourceText)));
        Assert.All(t.GroupBy(c => c.Formula), g => Assert.Contains(g, c => c.Deposited));
    }
}

/// <summary>The screens of the issue's pairs and further ones: what a chemist would reject never reaches the top.</summary>
public sealed class ChemistScreenTests(ScreeningFixture fx) : IClassFixture<ScreeningFixture>
{
    public static TheoryData<string> Screens => new() { "LcoLlzo", "LcoLps", "NcmLlzo", "LcoLpscl", "NcmLpscl", "NcmLps" };

    private ScreeningResult Get(string name) => name switch
    {
        "LcoLlzo" => fx.LcoLlzoCoating,
        "LcoLps" => fx.LcoLpsCoating,
        "NcmLlzo" => fx.LlzoCoating,
        "LcoLpscl" => fx.LcoCoating,
        "NcmLpscl" => fx.Coating,
        _ => fx.NcmLpsCoating,
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public void TopThirtyHoldsNoOxidiserNoToxicStateNothingThatDecomposesInProcessingAndNoKnownIonicInsulator(string name)
    {
        var r = Get(name);
        var rules = fx.Screener.Chemistry;
        double processC = r.Processing!.TemperatureC;
        foreach (var c in r.Candidates.Take(30))
        {
            var a = rules.Assess(c.Entry.Composition);
            Assert.False(c.Vetoed, $"{c.Formula}: {string.Join("; ", c.Fails)}");
            Assert.DoesNotContain(a.Matches, m => m.Class.Kinds.Any(ChemistryRules.IsHazard));
            Assert.DoesNotContain(c.Entry.Composition.Elements, e => e.Symbol is "Se" or "As");
            Assert.False(a.States is { } s && s.TryGetValue("Cr", out var cr) && cr > 5.5, $"{c.Formula} has Cr(VI)");
            if (a.Limit is { } lim) Assert.True(lim.TemperatureC >= processC, $"{c.Formula} {lim.Basis}");
            // Every row states its transport basis; a measured σ never gives more than 100 Ω·cm² at 10 nm.
            Assert.NotNull(c.Transport);
            if (c.AsrOhmCm2 is { } asr) Assert.True(asr <= 100, $"{c.Formula} {asr} Ω·cm²");
            Assert.StartsWith(c.Transport!.BasisName + ":", c.Criterion("li_transport")!.Detail);
        }
    }

    [Fact]
    public void TheIssuesExamplesFailTheirRulesInTheGarnetScreen()
    {
        var r = fx.LcoLlzoCoating;
        string Fails(string f) => string.Join("; ", r.Find(f)!.Fails);
        Assert.Contains("perchlorate", Fails("LiClO4"));
        Assert.Contains("nitrate", Fails("LiNO3"));
        Assert.Contains("chromium(VI)", Fails("Li2CrO4"));
        Assert.Contains("selenium", Fails("Li2SeO4"));
        Assert.Contains("li_transport", Fails("LiF"));
        // LiCl melts at 605 °C, below the 700 °C co-sintering, and is a Li⁺ insulator.
        Assert.Contains("processing: melts at 605 °C", Fails("LiCl"));
        Assert.Equal(700, r.Processing!.TemperatureC);
    }

    [Fact]
    public void UnknownConductivityGetsNoCreditAndRanksBelowAMeasuredConductorOfEqualStability()
    {
        var r = fx.Coating;
        var unknown = r.Candidates.First(c => c.Transport!.Basis == TransportBasis.Unknown);
        Assert.Equal(0, unknown.Criterion("li_transport")!.Satisfaction);
        Assert.Null(unknown.Criterion("li_transport")!.Passed);
        // LiAlO2: the crystalline form is not in the table and its deposited (ALD, amorphous) form has no measurement.
        Assert.Equal(TransportBasis.Unknown, r.Find("LiAlO2")!.Transport!.Basis);
        // Li3PO4's ALD film (6.6e-8 S/cm, Hämäläinen et al. 2012): ASR = 1e-6 cm / 6.6e-8 S/cm = 15.2 Ω·cm².
        Assert.Equal(1e-6 / 6.6e-8, r.Find("Li3PO4")!.AsrOhmCm2!.Value, 6);
        Assert.Equal(0.1, r.Find("LiNbO3")!.AsrOhmCm2!.Value, 9);
    }

    [Theory]
    [InlineData("NcmLpscl")]
    [InlineData("NcmLps")]
    public void SulfideCellCoatingsOfTheLiteratureRankInTheTopFivePercent(string name)
    {
        var r = Get(name);
        int n = r.Candidates.Count;
        int Rank(string f) => r.Known!.Single(k => k.Layer.Formula == f).Rank!.Value;
        foreach (var f in new[] { "LiNbO3", "Li3BO3", "Li2SiO3", "LiTaO3", "Li3PO4", "LiAlO2" })
            Assert.True(Rank(f) <= 0.05 * n, $"{f} #{Rank(f)} of {n}");
        // Li4Ti5O12 misses it (#202 and #241): no measured Li⁺ conductivity of the deposited form is in the table, and
        // its oxidation limit falls short of 4.3 V. It stays within the top 7 %.
        Assert.InRange(Rank("Li4Ti5O12"), 0.05 * n, 0.07 * n);
        Assert.Equal(TransportBasis.Unknown, r.Known!.Single(k => k.Layer.Formula == "Li4Ti5O12").Candidate!.Transport!.Basis);
    }

    [Fact]
    public void SensitivityRescoresWithEachWeightScaledAndReportsWhatMoves()
    {
        var r = fx.Coating;
        var cases = ScreeningAnalysis.Sensitivity(r);
        Assert.Equal(r.CriterionKeys.Count * 2, cases.Count);
        // Scaling a weight by 1 would change nothing; the ±50 % cases swap at most a few of the top 10.
        Assert.All(cases, c => Assert.Equal(c.Entered.Count, c.Left.Count));
        Assert.All(cases, c => Assert.InRange(c.Entered.Count, 0, 3));
        Assert.True(cases.Count(c => c.Entered.Count == 0) >= cases.Count / 2, string.Join("; ", cases.Select(c => $"{c.Key}×{c.Factor}: +{string.Join(",", c.Entered)}")));
        // Every row's gain over the best-ranked literature coating adds up to the score difference where it leads.
        var best = ScreeningAnalysis.BestKnown(r)!.Candidate!;
        var top = r.Candidates[0];
        double diff = top.Criteria.Sum(k => k.Contribution) - best.Criteria.Sum(k => k.Contribution);
        Assert.Equal(top.Score - best.Score, diff, 9);
        Assert.True(ScreeningAnalysis.Gains(top, best).Sum(g => g.Gain) >= diff - 1e-9);
    }
}
