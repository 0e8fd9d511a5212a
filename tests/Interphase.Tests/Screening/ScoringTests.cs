using FsCheck;
using FsCheck.Fluent;
using Interphase.Chemistry;
using Interphase.Knowledge;
using Interphase.Screening;
using Interphase.Tests.CliCommands;

namespace Interphase.Tests.Screening;

public class SoftMarginTests
{
    [Fact]
    public void SatisfactionIsNinetyFivePercentAtGoodFivePercentAtBadAndHalfAtTheMidpoint()
    {
        var m = new SoftMargin(0, -0.2, "eV/atom");
        Assert.Equal(0.95, m.Satisfaction(0), 12);
        Assert.Equal(0.05, m.Satisfaction(-0.2), 12);
        Assert.Equal(0.5, m.Satisfaction(-0.1), 12);
        Assert.Equal(1, m.Satisfaction(double.PositiveInfinity));
        var lower = ScoringModel.EnergyAboveHullMargin; // lower is better
        Assert.Equal(0.95, lower.Satisfaction(0), 12);
        Assert.Equal(0.5, lower.Satisfaction(0.025), 12);
        Assert.True(lower.Satisfaction(0.01) > lower.Satisfaction(0.02));
    }

    [Fact]
    public void SatisfactionIsStrictlyMonotonicAndBounded()
    {
        var margins = new[] { ScoringModel.ReactionMargin(0.1), ScoringModel.VoltageMargin, ScoringModel.EnergyAboveHullMargin, ScoringModel.AsrMargin, ScoringModel.CostMargin };
        var prop = Prop.ForAll(Gen.Choose(0, margins.Length - 1).ToArbitrary(), Gen.Choose(-3000, 3000).Two().ToArbitrary(), (k, t) =>
        {
            var m = margins[k];
            double scale = Math.Abs(m.Bad - m.Good);
            double a = t.Item1 / 1000.0 * scale + m.Good, b = t.Item2 / 1000.0 * scale + m.Good;
            double sa = m.Satisfaction(a), sb = m.Satisfaction(b);
            bool aBetter = m.Good > m.Bad ? a > b : a < b;
            return sa is >= 0 and <= 1 && (a == b ? sa == sb : aBetter == (sa > sb));
        });
        Check.One(PropertyChecks.Quiet.WithMaxTest(300), prop);
    }

    [Fact]
    public void MalformedWeightsAreClearErrors()
    {
        var m = ScoringModel.Default;
        Assert.Contains("unknown criterion 'foo'", Assert.Throws<ScreeningException>(() => m.WithWeights("foo=1")).Message);
        Assert.Contains("'abc' for practicality is not a number", Assert.Throws<ScreeningException>(() => m.WithWeights("practicality=abc")).Message);
        Assert.Contains("'-1' for rxn_anode is not a number ≥ 0", Assert.Throws<ScreeningException>(() => m.WithWeights("rxn_anode=-1")).Message);
        Assert.Contains("'rxn_cathode' is not criterion=weight", Assert.Throws<ScreeningException>(() => m.WithWeights("rxn_cathode")).Message);
        Assert.Contains("'NaN' for electronic", Assert.Throws<ScreeningException>(() => m.WithWeights("electronic=NaN")).Message);
        Assert.Contains("weights file 'nope.yaml' not found", Assert.Throws<ScreeningException>(() => m.WithWeights("nope.yaml")).Message);
        var zero = string.Join(",", Criteria.All.Select(k => k + "=0"));
        Assert.Contains("every weight is 0", Assert.Throws<ScreeningException>(() => m.WithWeights(zero)).Message);

        var w = m.WithWeights("rxn_electrolyte=2, practicality=0");
        Assert.Equal(2, w.Weight("rxn_electrolyte"));
        Assert.Equal(0, w.Weight("practicality"));
        Assert.Equal(1, w.Weight("e_above_hull"));
        Assert.Equal(0.5, ScoringModel.Default.Weight("practicality")); // the default is untouched

        var yaml = Path.Combine(Path.GetTempPath(), $"weights-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(yaml, "rxn_cathode: 3\nli_transport: 0\n");
        Assert.Equal(3, m.WithWeights(yaml).Weight("rxn_cathode"));
        File.WriteAllText(yaml, "rxn_cathode: [1, 2]\n");
        Assert.Contains($"weights file '{yaml}'", Assert.Throws<ScreeningException>(() => m.WithWeights(yaml)).Message);
        File.Delete(yaml);
    }

    [Fact]
    public void TheScoreIsTheWeightedMeanAndContributionsAddUp()
    {
        var model = ScoringModel.Default.WithWeights("rxn_cathode=3");
        var (score, parts) = model.Score(new Dictionary<string, double> { ["rxn_cathode"] = 0.5, ["e_above_hull"] = 1 });
        Assert.Equal((3 * 0.5 + 1 * 1) / 4, score, 12);
        Assert.Equal(0.375, parts["rxn_cathode"].Contribution, 12);
        Assert.Equal(0.375, parts["rxn_cathode"].Cost, 12);
        Assert.Equal(0, parts["e_above_hull"].Cost, 12);
    }
}

public class ScreeningTablesTests
{
    private static readonly ScreeningTables Tables = ScreeningTables.Default;

    [Theory]
    [InlineData("LiCoO2", "Li0.5CoO2", 4.2)]
    [InlineData("LiNi0.8Co0.1Mn0.1O2", "Li0.25Ni0.8Co0.1Mn0.1O2", 4.3)]
    [InlineData("LiNi0.8Mn0.1Co0.1O2", "Li0.25Ni0.8Mn0.1Co0.1O2", 4.3)] // NCM811 written in the other order
    [InlineData("LiNi0.6Co0.2Mn0.2O2", "Li0.3Ni0.6Co0.2Mn0.2O2", 4.3)]
    [InlineData("LiNi0.8Co0.15Al0.05O2", "Li0.25Ni0.8Co0.15Al0.05O2", 4.3)]
    [InlineData("LiNi0.5Mn1.5O4", "Ni0.5Mn1.5O4", 4.9)]
    [InlineData("LiFePO4", "FePO4", 3.6)]
    [InlineData("LiMn2O4", "Li0.1Mn2O4", 4.3)]
    [InlineData("Li2Co2O4", "LiCo2O4", 4.2)] // same cathode in other formula units
    public void CommonCathodesTakeTheirPracticalTopOfCharge(string cathode, string charged, double volts)
    {
        var o = new ScreeningOptions { Cathode = Composition.Parse(cathode), Electrolyte = Composition.Parse("Li6PS5Cl") };
        var top = o.ResolveTopOfCharge(Tables)!;
        Assert.True(top.Charged.Equals(Composition.Parse(charged)), $"{top.Charged} vs {charged}");
        Assert.Equal(volts, top.Volts, 12);
        Assert.StartsWith("charged-state table", top.Basis);
        Assert.NotNull(top.TableEntry);
        Assert.False(top.TableEntry!.Source.Verified);
        Assert.Contains("not verified", top.TableEntry.Source.Display());
    }

    [Fact]
    public void NcmOneOneOneIsFoundFromTwoDecimalFormulas()
    {
        var top = new ScreeningOptions { Cathode = Composition.Parse("LiNi0.333Co0.333Mn0.333O2"), Electrolyte = Composition.Parse("Li3PS4") }
            .ResolveTopOfCharge(Tables)!;
        Assert.Equal("NCM111", top.TableEntry!.Id);
        Assert.Equal(0.35, top.Charged["Li"], 9);
    }

    [Fact]
    public void GivenValuesWinAndUnknownCathodesFallBackToTheStatedDefault()
    {
        var lco = Composition.Parse("LiCoO2");
        var se = Composition.Parse("Li6PS5Cl");
        var given = new ScreeningOptions { Cathode = lco, Electrolyte = se, ChargedCathode = Composition.Parse("Li0.4CoO2") }.ResolveTopOfCharge(Tables)!;
        Assert.Equal(0.4, given.Charged["Li"], 12);
        Assert.Equal(4.2, given.Volts, 12); // the table's voltage for LCO
        var delith = new ScreeningOptions { Cathode = lco, Electrolyte = se, Delithiation = 0.6, MaxVolts = 4.4 }.ResolveTopOfCharge(Tables)!;
        Assert.Equal(0.4, delith.Charged["Li"], 12);
        Assert.Equal(4.4, delith.Volts, 12);
        var unknown = new ScreeningOptions { Cathode = Composition.Parse("LiVPO4F"), Electrolyte = se }.ResolveTopOfCharge(Tables)!;
        Assert.Equal(0.25, unknown.Charged["Li"], 12);
        Assert.Equal(ScreeningOptions.DefaultMaxVolts, unknown.Volts);
        Assert.Contains("not in the charged-state table", unknown.Basis);
        Assert.Null(new ScreeningOptions { Anode = Composition.Parse("Li"), Electrolyte = se }.ResolveTopOfCharge(Tables));
        var both = new ScreeningOptions { Cathode = lco, Electrolyte = se, Delithiation = 0.5, ChargedCathode = Composition.Parse("Li0.5CoO2") };
        Assert.Contains("either a charged cathode composition or a delithiation", Assert.Throws<ScreeningException>(both.Validate).Message);
    }

    [Fact]
    public void ElementTableCarriesCitedSupplyRiskPricesAndHazardLists()
    {
        // Gaultois et al. 2013 (via pymatgen's copy of the table): Li 2900/4200, rare earths 9500 production.
        Assert.Equal(2900, Tables.Element("Li")!.HhiProduction);
        Assert.Equal(4200, Tables.Element("Li")!.HhiReserve);
        Assert.Equal(9500, Tables.Element("Tm")!.HhiProduction);
        Assert.Equal(8500, Tables.Element("Nb")!.HhiProduction);
        Assert.Contains("Chem. Mater. 2013, 25, 2911", Tables.HhiSource!.Reference);
        Assert.False(Tables.HhiSource.Verified);
        // Prices quoted for the pure element (F2 gas, K metal) are kept but not used.
        Assert.False(Tables.Element("F")!.PriceUsed);
        Assert.True(Tables.Element("Nb")!.PriceUsed);
        Assert.All(Tables.Toxic, t => Assert.False(string.IsNullOrWhiteSpace(t.Source.Reference)));
        Assert.Equal(["As", "Be", "Cd", "Hg", "Pb", "Tl"], Tables.Toxic.Select(t => t.Symbol).Order());
        Assert.Contains("U", Tables.Radioactive);
        Assert.Contains("Tc", Tables.Radioactive);
        Assert.DoesNotContain("Bi", Tables.Radioactive);
    }

    [Fact]
    public void MalformedTablesNameTheFileAndEntry()
    {
        var e = Assert.Throws<KnowledgeDataException>(() => ScreeningTables.Load([("x.yaml", "sources: []\nelements:\n  - {symbol: Qq}\n")]));
        Assert.Contains("'Qq' is not an element", e.Message);
        e = Assert.Throws<KnowledgeDataException>(() => ScreeningTables.Load([("x.yaml",
            "sources: [{id: s, reference: r}]\nradioactive: {elements: [U], source: s}\nstates:\n  - {id: X, discharged: LiCoO2, charged: Li2CoO2, top_of_charge_v: 4.2, source: s}\n")]));
        Assert.Contains("entry 'X'", e.Message);
        Assert.Contains("less Li", e.Message);
    }
}

public class PracticalityTests(ScreeningFixture fx) : IClassFixture<ScreeningFixture>
{
    private static readonly Element Be = PeriodicTable.Get("Be");

    [Fact]
    public void RadioactiveAndToxicElementsAreLeftOutUnlessAllowed()
    {
        var r = fx.Coating;
        var hazardous = fx.Screener.Tables.Radioactive.Concat(fx.Screener.Tables.Toxic.Select(t => t.Symbol)).ToHashSet();
        Assert.DoesNotContain(r.Candidates, c => c.Entry.Composition.Elements.Any(e => hazardous.Contains(e.Symbol)));
        Assert.Contains(r.Excluded!, x => x.Reason.Contains("U radioactive"));
        Assert.Contains(r.Excluded!, x => x.Reason.Contains("Pb highly toxic"));

        var baseOptions = r.Options;
        var allowed = fx.Screener.Candidates(baseOptions with { AllowElements = [Be] });
        var be = allowed.Where(c => c.Entry.System.Contains(Be)).ToList();
        Assert.NotEmpty(be);
        Assert.Equal(r.Candidates.Count + be.Count, allowed.Count);
        Assert.DoesNotContain(allowed, c => c.Entry.System.Contains(PeriodicTable.Get("Pb")));
        // --no-practicality: nothing left out and no practicality criterion.
        var all = fx.Screener.Candidates(baseOptions with { NoPracticality = true });
        Assert.Equal(r.Candidates.Count + r.Excluded!.Count, all.Count);
        var listed = fx.Screener.Run(baseOptions with { NoPracticality = true, Formulas = [Composition.Parse("LiNbO3"), Composition.Parse("Li2BeSiO4")] });
        Assert.DoesNotContain("practicality", listed.CriterionKeys);
        Assert.Contains("toxic Be", listed.Find("Li2BeSiO4")!.Practicality!.Flags);
    }

    [Fact]
    public void CostSupplyRiskAndHydrogenLowerPracticality()
    {
        var assess = new PracticalityAssessor(fx.Screener.Tables);
        var lpo = assess.Assess(Composition.Parse("Li3PO4"));
        var cs = assess.Assess(Composition.Parse("CsLi(B3O5)2"));
        var tm = assess.Assess(Composition.Parse("KLiTmF5"));
        // Mass-weighted production HHI of Li3PO4 from Gaultois et al.: Li 2900, P 2000, O 500.
        double m = Composition.Parse("Li3PO4").Weight;
        double expected = (3 * 6.94 * 2900 + 30.974 * 2000 + 4 * 15.999 * 500) / m;
        Assert.Equal(expected, lpo.HhiProduction!.Value, 0);
        Assert.True(lpo.Satisfaction > 0.9, $"{lpo.Satisfaction}");
        Assert.True(cs.PriceUsdPerKg > 1e4 && cs.Satisfaction < 0.6, $"{cs.PriceUsdPerKg} {cs.Satisfaction}");
        Assert.True(tm.HhiProduction > 4000 && tm.Satisfaction < lpo.Satisfaction);
        var hydrate = assess.Assess(Composition.Parse("LiB5H2O9"));
        var hydride = assess.Assess(Composition.Parse("LiBH4"));
        Assert.Equal("hydrate or hydroxide", hydrate.HydrogenKind);
        Assert.Equal("hydride", hydride.HydrogenKind);
        Assert.True(hydrate.Satisfaction <= ScoringModel.HydrogenFactor);
        Assert.Contains(hydride.Flags, f => f.Contains("H2S against sulfides"));
        // In the screen the hydrate is flagged and ranks far behind LiF.
        var h = fx.Coating.Candidates.First(c => c.Practicality!.HydrogenKind is not null);
        Assert.True(h.Rank > 50, $"{h.Formula} #{h.Rank}");
    }

    [Fact]
    public void AnodeScreensShowTheLiteraturesInterlayersNotCathodeCoatings()
    {
        var r = fx.AnodeInterlayer;
        var known = r.Known!;
        Assert.All(known, k => Assert.Equal(LayerSide.Anode, k.Layer.Side));
        Assert.Equal(["Li3N", "LiF", "Li3PO4", "Li3PS4", "LiAlO2", "Li5AlO4", "LiAl", "Li2O"], known.Select(k => k.Layer.Formula));
        Assert.DoesNotContain(known, k => k.Layer.Formula == "LiNbO3");
        Assert.All(known.Where(k => k.Candidate is not null), k => Assert.InRange(k.Candidate!.Score, 0, 1));
        int Rank(string f) => known.Single(k => k.Layer.Formula == f).Rank!.Value;
        // Stable with Li at 0 V and a measured conductor: Li3N leads (Li2O, stable too, has no measured σ). LiF, stable
        // but a Li⁺ insulator at 10 nm (σ ≤ 1e-9 S/cm: ≥ 1,000 Ω·cm²), fails outright and ranks behind every candidate that does not.
        string all = string.Join(", ", known.Select(k => $"{k.Layer.Formula} #{k.Rank}"));
        Assert.True(Rank("Li3N") < Rank("Li3PO4") && Rank("Li3N") < Rank("Li2O"), all);
        Assert.True(known.Single(k => k.Layer.Formula == "LiF").Candidate!.Vetoed, all);
        Assert.True(Rank("LiF") > r.Candidates.Count(c => !c.Vetoed), all);
        // The Li–Al alloy conducts electrons: it pays for it.
        var lial = known.Single(k => k.Layer.Formula == "LiAl").Candidate!;
        Assert.Equal(0, lial.Criterion("electronic")!.Satisfaction);
        Assert.Contains(lial.Costs, c => c.Key == "electronic");
        // Cathode screens show the coatings.
        Assert.All(fx.Coating.Known!, k => Assert.Equal(LayerSide.Cathode, k.Layer.Side));
    }

    [Fact]
    public void ImprovingOneCriterionNeverLowersACandidatesRank()
    {
        var r = fx.Coating;
        var model = r.Options.Scoring;
        var candidates = r.Candidates.ToList();
        var keys = r.CriterionKeys;
        var gen = from ci in Gen.Choose(0, candidates.Count - 1)
                  from ki in Gen.Choose(0, keys.Count - 1)
                  from st in Gen.Choose(1, 1000)
                  select (ci, ki, st);
        var prop = Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (i, k, step) = t;
            var c = candidates[i];
            var key = keys[k];
            var sats = c.Criteria.ToDictionary(x => x.Key, x => x.Satisfaction);
            // A better value of the criterion through its own margin (or a higher satisfaction for categorical ones).
            var cr = c.Criterion(key)!;
            double delta = step / 1000.0;
            sats[key] = key switch
            {
                "e_above_hull" => ScoringModel.EnergyAboveHullMargin.Satisfaction(Math.Max(0, cr.Value!.Value - delta * 0.03)),
                _ when key.StartsWith("rxn_") => ScoringModel.ReactionMargin(r.Options.ReactionLimit).Satisfaction(Math.Min(0, cr.Value!.Value + delta * 0.2)),
                "oxidation_limit" when cr.Value is { } ox => ScoringModel.VoltageMargin.Satisfaction(ox + delta - r.MaxVolts!.Value),
                _ => Math.Min(1, cr.Satisfaction + delta * (1 - cr.Satisfaction)),
            };
            if (sats[key] < cr.Satisfaction - 1e-12) return false; // the margin itself must not make it worse
            var improved = c with { Score = model.Score(sats).Score };
            var reranked = Interphase.Screening.CoatingScreener.Rank(candidates.Select((x, j) => j == i ? improved : x));
            return reranked.Single(x => x.Formula == c.Formula).Rank <= c.Rank;
        });
        Check.One(PropertyChecks.Quiet.WithMaxTest(60), prop);
    }
}

public class ScreeningBadInputCliTests
{
    [Theory]
    [InlineData("--allow-elements", "Be,Xx", "--allow-elements: unknown element 'Xx'")]
    [InlineData("--weights", "practicality=lots", "weights: 'lots' for practicality is not a number")]
    [InlineData("--weights", "cost=1", "weights: unknown criterion 'cost'")]
    [InlineData("--delithiation", "0.5", "either a charged cathode composition or a delithiation")]
    public void BadScreenOptionsAreClearErrorsWithExitCodeTwo(string option, string value, string message)
    {
        string[] args = option == "--delithiation"
            ? ["screen", "--cathode", "LiCoO2", "--electrolyte", "Li3PS4", "--charged", "Li0.5CoO2", option, value, "--candidates", "LiNbO3"]
            : ["screen", "--cathode", "LiCoO2", "--electrolyte", "Li3PS4", option, value, "--candidates", "LiNbO3"];
        var (code, _, err) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Contains("error: ", err);
        Assert.Contains(message, err);
    }
}
