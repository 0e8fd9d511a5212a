using Interphase.Knowledge;
using Interphase.Reporting;
using Interphase.Stacks;
using Interphase.Tests.Thermodynamics;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;

namespace Interphase.Tests.Verdicts;

/// <summary>
/// The benchmark of conclusions: every case of <c>literature_interfaces.yaml</c> (the knowledge base's interfaces with
/// an observed outcome against Li or Li–In, and the reviews' named cathode and anode cases) analysed as a stack; the
/// verdict of the interface named must agree with what the literature reports, for at least 90 % of at least 40 cases.
/// </summary>
public sealed class LiteratureBenchmarkTests(ThermoDataFixture data, ITestOutputHelper output) : IClassFixture<ThermoDataFixture>
{
    private static readonly string File = Path.Combine(AppContext.BaseDirectory, "Verdicts", "literature_interfaces.yaml");

    private static YamlMappingNode Root()
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(File);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Get(YamlMappingNode n, string key) =>
        n.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode s ? s.Value : null;

    private static string StackYaml(YamlMappingNode c, YamlMappingNode cathodes)
    {
        string cn = Get(c, "cathode") ?? "LCO";
        var k = (YamlMappingNode)cathodes[new YamlScalarNode(cn)];
        var range = (YamlSequenceNode)k[new YamlScalarNode("range")];
        string el = Get(c, "electrolyte")!;
        var y = new System.Text.StringBuilder();
        y.AppendLine($"name: {Get(c, "id")}").AppendLine("temperature_c: 25")
         .AppendLine($"stack_pressure_mpa: {Get(c, "pressure_mpa") ?? "1"}")
         .AppendLine($"current_density_ma_cm2: {Get(c, "current_ma_cm2") ?? "0.1"}")
         .AppendLine("cathode:").AppendLine($"  name: {cn}").AppendLine($"  composition: {Get(k, "composition")}")
         .AppendLine($"  charged_composition: {Get(k, "charged")}")
         .AppendLine($"  voltage_range_v: [{((YamlScalarNode)range[0]).Value}, {((YamlScalarNode)range[1]).Value}]");
        if (c.Children.TryGetValue(new YamlScalarNode("coating"), out var co) && co is YamlMappingNode coat)
            y.AppendLine("cathode_coating:").AppendLine($"  name: {Get(coat, "name")}").AppendLine($"  composition: {Get(coat, "composition")}")
             .AppendLine($"  thickness_nm: {Get(coat, "thickness_nm")}");
        y.AppendLine("electrolytes:").AppendLine($"  - name: {Get(c, "name") ?? el}").AppendLine($"    composition: {el}").AppendLine("    thickness_um: 100");
        if (Get(c, "interlayer") is { } il)
            y.AppendLine("anode_interlayer:").AppendLine($"  name: {il}").AppendLine($"  composition: {il}");
        y.AppendLine(Get(c, "anode") == "li-in"
            ? "anode:\n  name: Li–In\n  kind: li-in\n  composition: LiIn\n  potential_v: 0.62"
            : "anode:\n  kind: li-metal");
        return y.ToString();
    }

    private static Verdict Worst(IEnumerable<Verdict> v) => v.DefaultIfEmpty(Verdict.Info).Max();

    internal (Verdict Verdict, string Why) Judge(StackAnalysis a, string check)
    {
        switch (check)
        {
            case "mechanics": return (a.Mechanics.Verdict, a.Mechanics.Reasons.LastOrDefault() ?? "");
            case "resistance": return (a.ResistanceVerdict.Verdict, a.ResistanceVerdict.Reason);
            case "anode-side":
                var rows = a.Interfaces.Where(i => i.Interface.Side == InterfaceSide.Anode).ToList();
                var worst = rows.MaxBy(i => i.Verdict)!;
                return (worst.Verdict, $"{worst.Interface.Label}: {worst.Reasons[^1]}");
            default:
                var one = a.Interfaces.Single(i => i.Interface.Label == check);
                return (one.Verdict, one.Reasons[^1]);
        }
    }

    [Fact]
    public void TheAnalysisAgreesWithTheLiteratureOnAtLeastNinetyPercentOfFortyInterfaces()
    {
        var root = Root();
        var cathodes = (YamlMappingNode)root[new YamlScalarNode("cathodes")];
        var analyzer = new StackAnalyzer(data.Engine, KnowledgeBase.Load());
        int n = 0, agree = 0;
        var lines = new List<string>();
        foreach (YamlMappingNode c in (YamlSequenceNode)root[new YamlScalarNode("cases")])
        {
            string id = Get(c, "id")!;
            if (Get(c, "excluded") is { } why) { lines.Add($"excluded {id}: {why}"); continue; }
            Assert.NotNull(Get(c, "observed"));
            Assert.NotNull(Get(c, "cite"));
            var a = analyzer.Analyze(StackReader.Read(StackYaml(c, cathodes)));
            var (verdict, reason) = Judge(a, Get(c, "check")!);
            string expect = Get(c, "expect")!;
            bool ok = expect switch
            {
                "fail" => verdict == Verdict.Fail,
                "not-fail" => verdict != Verdict.Fail,
                _ => string.Equals(verdict.ToString(), expect, StringComparison.OrdinalIgnoreCase),
            };
            n++;
            if (ok) agree++;
            lines.Add($"{(ok ? "agree   " : "DISAGREE")} {id}: expected {expect}, got {verdict} — {reason}");
        }
        foreach (var l in lines) output.WriteLine(l);
        double share = agree / (double)n;
        output.WriteLine($"agreement: {agree} of {n} = {share:P1}");
        Assert.True(n >= 40, $"only {n} interfaces analysed");
        Assert.True(share >= 0.90, $"agreement {share:P1} ({agree}/{n}) is below 90 %:\n{string.Join("\n", lines.Where(l => l.StartsWith("DISAGREE", StringComparison.Ordinal)))}");
    }
}
