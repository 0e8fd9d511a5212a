using System.Text.Json;
using Interphase.Anode.Interphases;
using Interphase.Knowledge;
using Interphase.Reporting;
using Interphase.Stacks;
using Interphase.Tests.Thermodynamics;

namespace Interphase.Tests.Stacks;

/// <summary>The stack-level conclusions a researcher acts on: verdicts within the models' validity, a summary that
/// agrees with itself.</summary>
public sealed class StackConclusionsTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    private static string Example(string name) => File.ReadAllText(Path.Combine(StackReaderTests.ExamplesDir, name));

    private StackAnalysis AnalyzeYaml(string yaml) => new StackAnalyzer(data.Engine, KnowledgeBase.Load()).Analyze(StackReader.Read(yaml));

    [Fact]
    public void ArgyroditeAgainstLithiumAt75MPaFailsForShortCircuitWithTheCitation()
    {
        var a = AnalyzeYaml(Example("ncm811-lpscl-li.yaml").Replace("stack_pressure_mpa: 5", "stack_pressure_mpa: 75"));
        Assert.Equal(Verdict.Fail, a.Mechanics.Verdict);
        Assert.True(a.Mechanics.Stripping!.ShortCircuitRisk);
        Assert.Null(a.Mechanics.Stripping.CriticalMaPerCm2);
        Assert.Contains(a.Mechanics.Reasons, r => r.StartsWith("fail: short-circuit", StringComparison.Ordinal) && r.Contains("Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3"));
        using var doc = JsonDocument.Parse(JsonOutput.Serialize(StackJson.From(a)));
        var mech = doc.RootElement.GetProperty("mechanics");
        Assert.Equal("fail", mech.GetProperty("verdict").GetString());
        Assert.False(mech.TryGetProperty("critical_stripping_ma_per_cm2", out _)); // no number the model cannot support
        Assert.True(mech.GetProperty("short_circuit_risk").GetBoolean());

        // 50 MPa likewise; nothing reports the millions of mA/cm² the bare power law gives there.
        var at50 = AnalyzeYaml(Example("ncm811-lpscl-li.yaml").Replace("stack_pressure_mpa: 5", "stack_pressure_mpa: 50"));
        Assert.Equal(Verdict.Fail, at50.Mechanics.Verdict);
        Assert.DoesNotContain(at50.Mechanics.Reasons, r => r.Contains("359"));
    }

    [Fact]
    public void AtFiveMPaTheAdviceDoesNotAskForFiveMPa()
    {
        var a = AnalyzeYaml(Example("ncm811-lpscl-li.yaml"));
        Assert.Equal(Verdict.Fail, a.Mechanics.Verdict);
        Assert.DoesNotContain(a.Mechanics.Reasons, r => r.Contains("about 5 MPa"));
        Assert.Contains(a.Mechanics.Reasons, r => r.Contains("no safe pressure"));
    }

    [Fact]
    public void InterfaceReasonsNameTheEnergyAndTheProductsBehindTheVerdict()
    {
        var a = AnalyzeYaml(Example("ncm811-linbo3-lpscl-liin.yaml"));
        var byLabel = a.Summary.Where(c => c.Check == "interface").ToDictionary(c => c.Subject);
        // LiNbO3 | Li6PS5Cl reacts to conducting Nb sulfides, but no electrode touches it: a warning that says so.
        var inner = byLabel["LiNbO3 | Li6PS5Cl"];
        Assert.Equal(Verdict.Warning, inner.Verdict);
        Assert.Matches(@"^reacts \(-1\d\d meV/atom\) to products that conduct electrons \(.*NbS.*\), but no electrode touches this interface", inner.Reason);
        // The anode side states the energy of its reaction, not "no driving force".
        var anode = byLabel["Li6PS5Cl | Li–In"];
        Assert.Matches(@"^reacts \(-\d+ meV/atom\), but the products passivate", anode.Reason);
        // The coating's own interface: kinetically stable with its small energy shown.
        Assert.Matches(@"^kinetically stable \(negligible driving force, -\d+ meV/atom\)", byLabel["NCM811 | LiNbO3"].Reason);
        // A conducting interphase at the electrode names the conductors.
        var bare = AnalyzeYaml(Example("ncm811-lpscl-li.yaml")).Summary.Single(c => c.Check == "interface" && c.Subject == "NCM811 | Li6PS5Cl");
        Assert.Equal(Verdict.Fail, bare.Verdict);
        Assert.Matches(@"^a mixed-conducting interphase keeps growing \(.+ conduct electrons; -\d+ meV/atom\)", bare.Reason);
    }

    [Fact]
    public void GarnetBeyondTheModelRangeIsAWarningWithoutANumber()
    {
        var a = AnalyzeYaml(Example("lco-llzo-li.yaml").Replace("stack_pressure_mpa: 1", "stack_pressure_mpa: 20"));
        Assert.Equal(Verdict.Warning, a.Mechanics.Verdict);
        Assert.Null(a.Mechanics.Stripping!.CriticalMaPerCm2);
    }

    [Theory]
    [MemberData(nameof(StackReaderTests.Examples), MemberType = typeof(StackReaderTests))]
    public void OverallIsTheWorstCheckListedAndEveryCheckIsListed(string example)
    {
        var a = AnalyzeYaml(Example(example));
        var summary = a.Summary;
        Assert.Equal(summary.Max(c => c.Verdict), a.Overall);
        Assert.Equal(a.Windows.Select(w => w.Layer), summary.Where(c => c.Check == "window").Select(c => c.Subject));
        Assert.Equal(a.Interfaces.Select(i => i.Interface.Label), summary.Where(c => c.Check == "interface").Select(c => c.Subject));
        Assert.Equal(a.Mechanics.Verdict, summary.Single(c => c.Check == "mechanics").Verdict);
        Assert.Equal(a.ResistanceVerdict.Verdict, summary.Single(c => c.Check == "resistance").Verdict);
        Assert.All(summary, c => Assert.False(string.IsNullOrWhiteSpace(c.Reason), $"{c.Check} {c.Subject} has no reason"));
        // The verdict has its own column: the reason does not repeat it.
        Assert.All(summary, c => Assert.DoesNotMatch("^(ok|warning|fail|info): ", c.Reason));

        // The JSON and the report carry the same list and the same overall.
        using var doc = JsonDocument.Parse(JsonOutput.Serialize(StackJson.From(a)));
        var rows = doc.RootElement.GetProperty("summary").EnumerateArray().ToList();
        Assert.Equal(summary.Count, rows.Count);
        string worst = rows.Select(r => r.GetProperty("verdict").GetString()!).MaxBy(v => Enum.Parse<Verdict>(v, true))!;
        Assert.Equal(worst, doc.RootElement.GetProperty("overall").GetString());
        string html = StackReport.Build(a).Render();
        Assert.Contains("mechanics", html);
        Assert.Contains("resistance", html);
    }

    [Fact]
    public void AMechanicsFailureShowsInTheSummary()
    {
        // The bare NCM811 | Li6PS5Cl | Li cell fails on stripping at 0.5 mA/cm² and 5 MPa: the summary must show it.
        var a = AnalyzeYaml(Example("ncm811-lpscl-li.yaml"));
        Assert.Equal(Verdict.Fail, a.Summary.Single(c => c.Check == "mechanics").Verdict);
        // A stack whose only failure is mechanical: every interface and window better than fail, overall still fail.
        var garnet = AnalyzeYaml(Example("lco-llzo-li.yaml").Replace("current_density_ma_cm2: 0.1", "current_density_ma_cm2: 2"));
        Assert.All(garnet.Summary.Where(c => c.Check is "window" or "interface"), c => Assert.True(c.Verdict < Verdict.Fail));
        Assert.Equal(Verdict.Fail, garnet.Mechanics.Verdict);
        Assert.Equal(Verdict.Fail, garnet.Overall);
    }

    [Fact]
    public void ResistanceAboveTheAllowedDropIsAWarning()
    {
        // 100 µm of LLZO at 2.5e-4 S/cm carries 2 mA/cm² with an 80 mV drop, more than the 50 mV of Wu et al., J. Mater. Chem. A 4, 15266 (2016), §1.
        var a = AnalyzeYaml(Example("lco-llzo-li.yaml").Replace("current_density_ma_cm2: 0.1", "current_density_ma_cm2: 2"));
        Assert.Equal(Verdict.Warning, a.ResistanceVerdict.Verdict);
        Assert.Contains("50 mV", a.ResistanceVerdict.Reason);
    }

    private InterfaceAnalysis AgainstLithium(string formula) => AnalyzeYaml($$"""
            cathode: { name: LCO, composition: LiCoO2, charged_composition: Li0.5CoO2, voltage_range_v: [3.0, 4.2] }
            electrolytes: [ { name: {{formula}}, composition: {{formula}}, thickness_um: 50 } ]
            anode: { kind: li-metal }
            """).Interfaces.Single(i => i.Interface.NegativeRole == "anode");

    [Fact]
    public void LiAlO2IsKineticallyStableWithLithiumLikeLlzo()
    {
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.1: "oxides such as LLZO and LiAlO2 decompose close to 0 V ... kinetically stable"; on the shared data
        // LiAlO2 is reduced from 0.17 V (to Li9Al4 + Li2O at 0 V, −61 meV/atom).
        var a = AgainstLithium("LiAlO2");
        Assert.Equal(InterphaseKind.KineticallyStabilised, a.Interphase.Kind);
        Assert.Contains("0.17 V", a.Interphase.Reason);
        Assert.Contains("Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26", a.Interphase.Reason);
        Assert.Equal(Verdict.Ok, a.Verdict);
        Assert.Equal(InterphaseKind.KineticallyStabilised, AgainstLithium("Li7La3Zr2O12").Interphase.Kind);
    }

    [Fact]
    public void TaDopedLlzoIsKineticallyStabilisedByItsLowDecompositionEnergy()
    {
        // Ta5+ is reduced from 0.54 V, beyond the 0.5 V of Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26, to Ta metal, but the whole decomposition
        // releases only about −43 meV/atom: the low-energy, kinetically stable group (§5.1), as the Ta-doped garnets
        // that cycle against Li in Wang et al. 2020 Table 1 show (the benchmark in Verdicts/).
        var a = AgainstLithium("Li6.4La3Zr1.4Ta0.6O12");
        Assert.Equal(InterphaseKind.KineticallyStabilised, a.Interphase.Kind);
        Assert.Contains(a.Interphase.Products, p => p.Formula == "Ta");
        Assert.Contains("0.54 V", a.Interphase.Reason);
        Assert.Contains(a.Interphase.Notes, n => n.Contains("Ta") && n.Contains("conduct"));
    }

    [Fact]
    public void Li3OClAgainstLithiumIsNotCalledStableAtZeroEnergy()
    {
        // Li3ClO lies 30 meV/atom above the hull: its window is that of Li2O + LiCl, which the layer itself tends to.
        var a = AgainstLithium("Li3OCl");
        Assert.NotEqual(InterphaseKind.Stable, a.Interphase.Kind);
        Assert.Equal(["Li2O", "LiCl"], a.Interphase.Products.Select(p => p.Formula).Order(StringComparer.Ordinal));
        Assert.Contains(a.Reasons, r => r.Contains("30 meV/atom above the hull"));
        Assert.Contains("-30 meV/atom", a.Interphase.Reason);
    }

    [Theory]
    [InlineData("LiAlO2")]
    [InlineData("Li7La3Zr2O12")]
    [InlineData("Li6.4La3Zr1.4Ta0.6O12")]
    [InlineData("Li3OCl")]
    [InlineData("Li6PS5Cl")]
    [InlineData("Li10GeP2S12")]
    public void AnodeClassifyAgreesWithTheStackAnalysisAgainstLithium(string formula)
    {
        // `anode classify FORMULA` and `analyze` judge the same Li|electrolyte interface: one answer.
        var stack = AgainstLithium(formula).Interphase;
        var alone = InterphaseClassifier.Classify(Interphase.Anode.Interphases.LithiumReduction.Input(data.Engine, formula),
            new Interphase.Properties.ElectronicCharacterService(KnowledgeBase.Load().Products, Interphase.Properties.PropertySources.Default()));
        Assert.Equal(stack.Kind, alone.Kind);
        Assert.Equal(stack.Products.Select(p => p.Formula).Order(StringComparer.Ordinal), alone.Products.Select(p => p.Formula).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReportTextHasNoMinusZeroAndMarksSuppressedReactions()
    {
        Assert.Equal("0", StackReport.Mev(-0.0004));
        Assert.Equal("-1", StackReport.Mev(-0.0009));
        var a = AnalyzeYaml(Example("ncm811-linbo3-lpscl-liin.yaml"));
        // LiNbO3 | Li6PS5Cl: the coating blocks the cathode's electrons, so its electrochemical bar is marked suppressed.
        var chart = StackReport.ReactionChart(a);
        var labels = chart.Series.SelectMany(s => s.Labels ?? []).ToList();
        Assert.Contains(labels, l => l.StartsWith("LiNbO3 | Li6PS5Cl: electrochemical", StringComparison.Ordinal) && l.Contains("suppressed"));
        Assert.DoesNotContain(labels, l => l.StartsWith("NCM811 | LiNbO3", StringComparison.Ordinal) && l.Contains("suppressed"));
        // The argyrodite's faces: the coated cathode on one side, the Li–In anode on the other, each said.
        var w = a.Windows.Single(x => x.Layer == "Li6PS5Cl");
        Assert.Contains("behind the LiNbO3 coating", w.Sides);
        Assert.Contains("anode side 0.62 V from Li–In", w.Sides);
        var halide = AnalyzeYaml(Example("ncm811-li3incl6-lpscl-li.yaml")).Windows.Single(x => x.Layer == "Li6PS5Cl");
        Assert.Equal("0 V", halide.FacesText);
        Assert.Contains("against Li3InCl6: no electrode sets its potential", halide.Sides);
        string html = StackReport.Build(a).Render();
        Assert.DoesNotContain(">-0<", html);
    }
}
