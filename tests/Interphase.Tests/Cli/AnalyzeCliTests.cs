using System.Text.Json;
using Interphase.Tests.Stacks;
using Interphase.Data;

namespace Interphase.Tests.CliCommands;

/// <summary>The main job through the command line: a stack analysed end to end, as a table, as JSON and as HTML.</summary>
public sealed class AnalyzeCliTests
{
    [Fact]
    public void AnalyzeStackPrintsVerdictsWritesJsonAndAReportWithInlineCharts()
    {
        string dir = Directory.CreateTempSubdirectory("interphase-analyze-").FullName;
        try
        {
            string stack = Path.Combine(StackReaderTests.ExamplesDir, "lco-llzo-li.yaml");
            string csv = DefaultData.ThermoPath();
            string html = Path.Combine(dir, "report.html");

            var (code, table, err) = CliRunner.Run("analyze", stack, "--no-recommendations", "--data", csv, "--html", html);
            Assert.True(code == 0, err);
            Assert.Contains("LLZO | Li", table);   // the interface that reaches Li
            Assert.Contains("overall", table);
            Assert.Contains("Resistance budget", table);
            string page = File.ReadAllText(html);
            Assert.True(System.Text.RegularExpressions.Regex.Matches(page, "<svg").Count >= 2, "window and reaction charts inline");
            Assert.Contains("Electrochemical stability windows", page);

            var (jcode, json, jerr) = CliRunner.Run("analyze", stack, "--no-recommendations", "--data", csv, "--json");
            Assert.True(jcode == 0, jerr);
            using var doc = JsonDocument.Parse(json);
            StackJsonTests.AssertFollowsConventions(doc.RootElement);
            var llzoLi = doc.RootElement.GetProperty("interfaces").EnumerateArray()
                .Single(i => i.GetProperty("interface").GetString() == "LLZO | Li");
            // LLZO against Li is kinetically stabilised (−11 meV/atom): a small, negative reaction energy, not a failure.
            double worst = llzoLi.GetProperty("reactions").EnumerateArray().Min(r => r.GetProperty("e_rxn_ev_per_atom").GetDouble());
            Assert.InRange(worst, -0.05, 0);
            Assert.NotEqual("fail", llzoLi.GetProperty("verdict").GetString());
            Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("overall").ValueKind);
        }
        finally { Directory.Delete(dir, true); }
    }
}
