using Interphase.Tests.Thermodynamics;
using Interphase.Chemistry;
using Interphase.Screening;

namespace Interphase.Tests.Screening;

public class ScreeningRankingTests(ScreeningFixture fx) : IClassFixture<ScreeningFixture>
{
    // Cathode coatings in use (Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1.4, and the wider literature).
    private static readonly string[] KnownCoatings = ["LiNbO3", "LiTaO3", "Li3PO4", "Li2SiO3", "Li3BO3", "LiAlO2", "Li2ZrO3", "Li4Ti5O12"];

    // Compounds that react with an oxide cathode at top of charge or with the sulfide electrolyte.
    private static readonly string[] Reactive = ["Li2S", "LiI", "Li3N", "Li2O2", "LiCoO2", "Li3PS4", "LiH"];

    private ScreenedCandidate Get(string formula) => fx.Coating.Find(formula) ?? throw new Xunit.Sdk.XunitException($"{formula} not screened");

    [Fact]
    public void ScreensWellOverAThousandCandidatesAgainstThreePartners()
    {
        var r = fx.Coating;
        Assert.True(r.Candidates.Count > 1000, $"{r.Candidates.Count} candidates");
        Assert.Equal(3 * r.Candidates.Count, r.ReactionCount);
        Assert.Equal(["e_above_hull", "rxn_cathode", "rxn_charged_cathode", "rxn_electrolyte", "oxidation_limit", "electronic", "li_transport", "practicality"], r.CriterionKeys);
        Assert.All(r.Candidates, c => Assert.True(c.EnergyAboveHull <= 0.03 + 1e-8 && c.Entry.System.Contains(PeriodicTable.Get("Li"))));
        Assert.Equal(Enumerable.Range(1, r.Candidates.Count), r.Candidates.Select(c => c.Rank));
    }

    [Theory]
    [InlineData("NCM811 | Li6PS5Cl")]
    [InlineData("LCO | Li6PS5Cl")]
    [InlineData("NCM811 | LLZO")]
    public void LiteratureCoatingsHaveAMedianRankInTheTopFivePercentAndNoHazardousElementLeads(string screen)
    {
        var r = screen switch { "LCO | Li6PS5Cl" => fx.LcoCoating, "NCM811 | LLZO" => fx.LlzoCoating, _ => fx.Coating };
        int n = r.Candidates.Count;
        var ranks = KnownCoatings.Select(f => r.Find(f)?.Rank ?? r.Known!.Single(k => k.Layer.Formula == f).Rank!.Value).Order().ToList();
        double median = (ranks[3] + ranks[4]) / 2.0;
        Assert.True(median <= 0.05 * n, $"{screen}: median rank {median} of {n}; ranks {string.Join(", ", ranks)}");
        // No radioactive or highly toxic element anywhere in the top 50 (they are left out by default).
        var tables = fx.Screener.Tables;
        var hazardous = tables.Radioactive.Concat(tables.Toxic.Select(t => t.Symbol)).ToHashSet();
        Assert.All(r.Candidates.Take(50), c => Assert.DoesNotContain(c.Entry.Composition.Elements, e => hazardous.Contains(e.Symbol)));
        Assert.Contains(r.Excluded!, x => x.Reason.Contains("Be highly toxic"));
    }

    [Fact]
    public void KnownCoatingsRankAheadOfEveryReactiveControl()
    {
        int n = fx.Coating.Candidates.Count;
        var known = KnownCoatings.Select(Get).ToList();
        var reactive = Reactive.Select(Get).ToList();
        // Every known coating in the top 15 % (Li2ZrO3, whose Li⁺ conductivity is not in the table and which falls 0.9 V
        // short of 4.3 V, is at 13.8 %).
        Assert.All(known, c => Assert.True(c.Rank <= 0.15 * n, $"{c.Formula} rank {c.Rank} of {n}"));
        // The controls rank behind every known coating with a measured Li⁺ conductivity, and outside the top 5 % (Li3PS4,
        // a measured conductor, is the nearest at 5.8 %; the unknown-σ Li2ZrO3 and Li4Ti5O12 have no transport credit).
        int worstMeasured = known.Where(c => c.Transport!.Basis == TransportBasis.Measured).Max(c => c.Rank);
        Assert.All(reactive, c => Assert.True(c.Rank > worstMeasured, $"{c.Formula} rank {c.Rank} ahead of a measured known coating (#{worstMeasured})"));
        Assert.All(reactive, c => Assert.True(c.Rank > 0.05 * n, $"{c.Formula} rank {c.Rank} of {n}"));
        // The controls react strongly with someone; the known coatings at most mildly.
        Assert.All(reactive, c => Assert.True(c.WorstReactionEnergy < -0.25, $"{c.Formula} {c.WorstReactionEnergy}"));
        Assert.All(known, c => Assert.True(c.WorstReactionEnergy > -0.11, $"{c.Formula} {c.WorstReactionEnergy}"));
    }

    [Fact]
    public void ScoresAreContinuousAndTiesOnlyWhereTheCriteriaAreEqual()
    {
        var r = fx.Coating;
        Assert.All(r.Candidates, c => Assert.InRange(c.Score, 0, 1));
        // Candidates failing a rule come last; within each group, highest score first.
        Assert.All(r.Candidates.Zip(r.Candidates.Skip(1)), p => Assert.True(
            (!p.First.Vetoed && p.Second.Vetoed) || (p.First.Vetoed == p.Second.Vetoed && p.First.Score >= p.Second.Score)));
        // Candidates with the same score have the same satisfaction on every criterion.
        foreach (var g in r.Candidates.GroupBy(c => c.Score).Where(g => g.Count() > 1))
        {
            var first = g.First().Criteria.Select(k => Math.Round(k.Satisfaction, 12)).ToList();
            Assert.All(g, c => Assert.Equal(first, c.Criteria.Select(k => Math.Round(k.Satisfaction, 12))));
        }
        // Far more distinct scores than the old pass/fail counts.
        Assert.True(r.Candidates.Select(c => c.Score).Distinct().Count() > 0.8 * r.Candidates.Count);
        // Each row names what cost it: LiNbO3 loses on its reaction with Li6PS5Cl and its oxidation limit.
        Assert.Equal(["oxidation_limit", "rxn_electrolyte"], Get("LiNbO3").Costs.Take(2).Select(k => k.Key).Order());
    }

    [Fact]
    public void ReactivityWithLpsclFollowsTheReviewOrder()
    {
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1.4 (Figure 13a, with LPSCl): LiAlO2 and Li2SiO3 are the most stable, LNO, LTO and LLZO less so.
        double Rxn(string f) => Get(f).Reactions["rxn_electrolyte"].EnergyPerAtom;
        foreach (var stable in new[] { "LiAlO2", "Li2SiO3" })
            foreach (var less in new[] { "LiNbO3", "Li4Ti5O12", "Li7La3Zr2O12" })
                Assert.True(Rxn(stable) > Rxn(less), $"{stable} {Rxn(stable):F4} vs {less} {Rxn(less):F4}");
    }

    [SharedFact(ThermoDataFixture.ReferenceFile)]
    public void ValuesMatchThePymatgenReference()
    {
        // shared/reference/thermo_public.json (pymatgen 2022.11.7): LiNbO3 | Li6PS5Cl min −0.10868 eV/atom,
        // LiNbO3 window oxidation limit, and Li3PO4 / LiAlO2 windows.
        var lno = Get("LiNbO3");
        Assert.Equal(-0.10868, lno.Reactions["rxn_electrolyte"].EnergyPerAtom, 4);
        var reference = Reference.Load();
        foreach (var f in new[] { "LiNbO3", "Li3PO4", "LiAlO2", "Li2SiO3", "LiTaO3", "Li4Ti5O12" })
        {
            var (red, ox) = reference.Window(f);
            var c = Get(f);
            Assert.Equal(red, c.ReductionVolts!.Value, 3);
            Assert.Equal(ox!.Value, c.OxidationVolts!.Value, 3);
        }
    }

    [Fact]
    public void OxideCoatingsLoseOnlyOnTheirOxidationLimitAtFourPointThreeVolts()
    {
        // Section 4.1.4 (3): oxide coatings are not stable above ~4 V; the fluorides are (LiF ≈ 6.4 V). The soft margin
        // costs them by how far short they fall instead of failing them all.
        var oxides = new[] { "Li3PO4", "LiTaO3", "LiAlO2", "Li2SiO3" }.Select(Get).ToList();
        foreach (var c in oxides)
        {
            Assert.InRange(c.OxidationVolts!.Value, 3.5, 4.3);
            var ox = c.Criterion("oxidation_limit")!;
            Assert.Equal(ScoringModel.VoltageMargin.Satisfaction(c.OxidationVolts!.Value - 4.3), ox.Satisfaction, 12);
            Assert.InRange(ox.Satisfaction, 0.3, 0.95);
            Assert.All(c.Criteria.Where(k => k.Key.StartsWith("rxn_")), k => Assert.True(k.Satisfaction > 0.85, $"{c.Formula} {k.Key} {k.Satisfaction}"));
        }
        // The farther short, the less satisfied: ordered as the oxidation limits.
        var byLimit = oxides.OrderByDescending(c => c.OxidationVolts).Select(c => c.Criterion("oxidation_limit")!.Satisfaction).ToList();
        Assert.Equal(byLimit.OrderDescending(), byLimit);
        // LiF passes every criterion but Li⁺ transport: σ ≤ 1e-9 S/cm gives ≥ 1,000 Ω·cm² at 10 nm, so it fails outright.
        var lif = Get("LiF");
        Assert.Equal(["li_transport"], lif.Criteria.Where(k => k.Passed == false).Select(k => k.Key));
        Assert.InRange(lif.OxidationVolts!.Value, 6.0, 6.6);
        Assert.Equal(1000, lif.AsrOhmCm2!.Value, 6);
        Assert.True(lif.Vetoed);
        Assert.True(lif.Rank > fx.Coating.Candidates.Count(c => !c.Vetoed));
    }

    [Fact]
    public void ChargedCathodeIsNcmWithThreeQuartersOfItsLithiumRemoved()
    {
        var charged = fx.Coating.ChargedCathode!;
        Assert.Equal(0.25, charged["Li"], 12);
        Assert.Equal(0.8, charged["Ni"], 12);
        Assert.Equal(2, charged["O"], 12);
        // The charged (Li-poor) cathode oxidises sulfides harder than the discharged one.
        var li2s = Get("Li2S");
        Assert.True(li2s.Reactions["rxn_charged_cathode"].EnergyPerAtom < li2s.Reactions["rxn_cathode"].EnergyPerAtom - 0.2);
    }

    [Fact]
    public void ExcludeAndRequireFilterTheCandidates()
    {
        var options = new ScreeningOptions
        {
            Cathode = Composition.Parse(ScreeningFixture.Ncm811), Electrolyte = Composition.Parse(ScreeningFixture.Lpscl),
            Exclude = [PeriodicTable.Get("S"), PeriodicTable.Get("Nb")], Require = [PeriodicTable.Get("O"), PeriodicTable.Get("P")],
        };
        var list = fx.Screener.Candidates(options);
        Assert.NotEmpty(list);
        Assert.All(list, c =>
        {
            Assert.True(c.Entry.System.Contains(PeriodicTable.Get("O")) && c.Entry.System.Contains(PeriodicTable.Get("P")), c.Entry.ReducedFormula);
            Assert.False(c.Entry.System.Contains(PeriodicTable.Get("S")) || c.Entry.System.Contains(PeriodicTable.Get("Nb")), c.Entry.ReducedFormula);
        });
        Assert.Contains(list, c => c.Entry.ReducedFormula == "Li3PO4");
        // Same as filtering the full candidate list by hand.
        var expected = fx.Coating.Candidates.Where(c => c.Entry.System.Contains(PeriodicTable.Get("O"))
                && c.Entry.System.Contains(PeriodicTable.Get("P")) && !c.Entry.System.Contains(PeriodicTable.Get("S"))
                && !c.Entry.System.Contains(PeriodicTable.Get("Nb")))
            .Select(c => c.Formula).Order(StringComparer.Ordinal);
        Assert.Equal(expected, list.Select(c => c.Entry.ReducedFormula).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void InterlayerScreenJudgesTheReductionLimitAndTheReactionWithLithium()
    {
        var r = fx.Screener.Run(new ScreeningOptions
        {
            Anode = Composition.Parse("Li"), Electrolyte = Composition.Parse(ScreeningFixture.Lpscl),
            Formulas = new[] { "LiF", "Li3N", "Li2O", "Li3PO4", "LiNbO3", "Al2O3" }.Select(Composition.Parse).ToList(),
        });
        Assert.Equal(["e_above_hull", "rxn_electrolyte", "rxn_anode", "reduction_limit", "electronic", "li_transport", "practicality"], r.CriterionKeys);
        Assert.Equal(12, r.ReactionCount);
        // Li3N (σ 1e-3 S/cm) leads; LiF is stable but fails on Li⁺ transport and ranks last.
        Assert.Equal("Li3N", r.Candidates[0].Formula);
        Assert.Equal(["li_transport"], r.Find("LiF")!.Criteria.Where(k => k.Passed == false).Select(k => k.Key));
        Assert.Equal("LiF", r.Candidates[^1].Formula);
        // Li3N and Li2O are stable with Li (reduction limit 0 V) but react with the sulfide.
        Assert.Equal(0, r.Find("Li3N")!.ReductionVolts!.Value, 6);
        Assert.Equal(["rxn_electrolyte"], r.Find("Li3N")!.Criteria.Where(k => k.Passed == false).Select(k => k.Key));
        Assert.Equal("rxn_electrolyte", r.Find("Li3N")!.Costs[0].Key);
        // Li3PO4 is reduced below 0.69 V (pymatgen window) and reacts with Li.
        var lpo = r.Find("Li3PO4")!;
        Assert.Equal(0.689, lpo.ReductionVolts!.Value, 3);
        Assert.False(lpo.Criterion("reduction_limit")!.Passed);
        Assert.True(lpo.Reactions["rxn_anode"].EnergyPerAtom < -0.1);
        // A non-Li compound can be listed explicitly: Al2O3 is lithiated by Li.
        Assert.False(r.Find("Al2O3")!.Criterion("rxn_anode")!.Passed);
    }

    [Fact]
    public void ARepeatedScreenReusesItsWindowsAndReactionsAndRanksTheSame()
    {
        var first = fx.Coating;
        var again = fx.Screener.Run(first.Options);
        Assert.Equal(0, again.LpSolves); // every window and reaction came from the first run
        Assert.Equal(first.Candidates.Select(c => (c.Formula, c.Score)), again.Candidates.Select(c => (c.Formula, c.Score)));
        // Another cathode against the same electrolyte: the candidate–electrolyte reactions are the same numbers.
        var lco = fx.LcoCoating;
        var ncmSe = first.Candidates.ToDictionary(c => c.Formula, c => c.Criterion("rxn_electrolyte")!.Value);
        Assert.All(lco.Candidates.Where(c => ncmSe.ContainsKey(c.Formula)), c => Assert.Equal(ncmSe[c.Formula], c.Criterion("rxn_electrolyte")!.Value));
    }
}
