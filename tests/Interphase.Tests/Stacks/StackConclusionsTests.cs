using System.Text.Json;
using Interphase.Knowledge;
using Interphase.Reporting;
using Interphase.Stacks;
using Interphase.Tests.Thermodynamics;

namespace Interphase.Tests.Stacks;

/// <summary>The stack-level conclusions a researcher acts on: verdicts within the models' validity, a summary that
/// agrees with itself.</summary>
[Collection(ThermoDataCollection.Name)]
public sealed class StackConclusionsTests(ThermoDataFixture data)
{
    public static IEnumerable<object[]> Examples =>
        Directory.GetFiles(StackReaderTests.ExamplesDir, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).Select(f => new object[] { f });

    private static string Example(string name) => File.ReadAllText(Path.Combine(StackReaderTests.ExamplesDir, name));

    private StackAnalysis AnalyzeYaml(string yaml) => new StackAnalyzer(data.Engine, KnowledgeBase.Load()).Analyze(StackReader.Read(yaml));

    [Fact]
    public void ArgyroditeAgainstLithiumAt75MPaFailsForShortCircuitWithTheCitation()
    {
        var a = AnalyzeYaml(Example("ncm811-lpscl-li.yaml").Replace("stack_pressure_mpa: 5", "stack_pressure_mpa: 75"));
        Assert.Equal(Verdict.Fail, a.Mechanics.Verdict);
        Assert.True(a.Mechanics.Stripping!.ShortCircuitRisk);
        Assert.Null(a.Mechanics.Stripping.CriticalMaPerCm2);
        Assert.Contains(a.Mechanics.Reasons, r => r.StartsWith("fail: short-circuit", StringComparison.Ordinal) && r.Contains("001_9ddcaf3869a721a2.txt §5.3"));
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(StackJson.From(a)));
        var mech = doc.RootElement.GetProperty("mechanics");
        Assert.Equal("fail", mech.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, mech.GetProperty("critical_stripping_ma_cm2").ValueKind);
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
    public void GarnetBeyondTheModelRangeIsAWarningWithoutANumber()
    {
        var a = AnalyzeYaml(Example("lco-llzo-li.yaml").Replace("stack_pressure_mpa: 1", "stack_pressure_mpa: 20"));
        Assert.Equal(Verdict.Warning, a.Mechanics.Verdict);
        Assert.Null(a.Mechanics.Stripping!.CriticalMaPerCm2);
    }

    [Theory]
    [MemberData(nameof(Examples))]
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

        // The JSON and the report carry the same list and the same overall.
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(StackJson.From(a)));
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
        // 100 µm of LLZO at 2.5e-4 S/cm carries 2 mA/cm² with an 80 mV drop, more than the 50 mV of 000 §1.
        var a = AnalyzeYaml(Example("lco-llzo-li.yaml").Replace("current_density_ma_cm2: 0.1", "current_density_ma_cm2: 2"));
        Assert.Equal(Verdict.Warning, a.ResistanceVerdict.Verdict);
        Assert.Contains("50 mV", a.ResistanceVerdict.Reason);
    }
}
