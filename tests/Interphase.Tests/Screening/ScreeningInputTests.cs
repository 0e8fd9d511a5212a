using System.CommandLine;
using System.Text.Json;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Tests.CliCommands;
using Interphase.Reporting;
using Interphase.Screening;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Screening;

[Collection("Screening")]
public class ScreeningInputTests(ScreeningFixture fx)
{
    private static readonly ScreeningOptions Base = new()
    {
        Cathode = Composition.Parse(ScreeningFixture.Ncm811), Electrolyte = Composition.Parse(ScreeningFixture.Lpscl),
        Formulas = [Composition.Parse("LiNbO3"), Composition.Parse("Li2S")],
    };

    private ScreeningException Fails(ScreeningOptions o) => Assert.Throws<ScreeningException>(() => fx.Screener.Run(o));

    [Fact]
    public void MissingElectrodeImpossibleNumbersAndConflictsAreClearErrors()
    {
        Assert.Contains("give a cathode", Fails(Base with { Cathode = null }).Message);
        Assert.Contains("delithiation 1.5", Fails(Base with { Delithiation = 1.5 }).Message);
        Assert.Contains("top of charge -1 V", Fails(Base with { MaxVolts = -1 }).Message);
        Assert.Contains("energy above hull -0.1", Fails(Base with { MaxEnergyAboveHull = -0.1 }).Message);
        var o = PeriodicTable.Get("O");
        Assert.Contains("O both required and excluded", Fails(Base with { Exclude = [o], Require = [o] }).Message);
        Assert.Contains("Li cannot be excluded", Fails(Base with { Exclude = [PeriodicTable.Get("Li")] }).Message);
    }

    [Fact]
    public void UnknownElementsAndMissingDataAreNamed()
    {
        Assert.Contains("unknown element 'Xx'", Assert.ThrowsAny<InterphaseException>(() => PeriodicTable.Get("Xx")).Message);
        Assert.Contains("LiXqO2", Assert.ThrowsAny<InterphaseException>(() => Composition.Parse("LiXqO2")).Message);
        // Fermium has no data: the reactant is named with the problem.
        var e = Fails(Base with { Electrolyte = Composition.Parse("Li3FmCl6") });
        Assert.Contains("electrolyte Li3FmCl6", e.Message);
        Assert.Contains("Fm", e.Message);
        Assert.Contains("candidate LiFmO2", Fails(Base with { Formulas = [Composition.Parse("LiFmO2")] }).Message);
        Assert.Contains("no entry with this formula", Fails(Base with { Formulas = [Composition.Parse("Li17NbO3")] }).Message);
    }

    [Fact]
    public void NoCandidateIsAClearError()
    {
        var e = Fails(Base with { Formulas = null, Require = [PeriodicTable.Get("Fm")] });
        Assert.Contains("no candidate", e.Message);
        Assert.Contains("containing Fm", e.Message);
    }

    [Fact]
    public void CsvJsonAndReportSectionCarryEveryCriterion()
    {
        var r = fx.Coating;
        var csv = ScreeningExport.ToCsv(r).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(r.Candidates.Count + 1, csv.Length);
        Assert.StartsWith("rank,formula,failed,worst_rxn_ev_per_atom,e_above_hull_ev_per_atom,rxn_cathode_ev_per_atom", csv[0]);
        Assert.Contains("oxidation_limit_pass", csv[0]);
        Assert.StartsWith("1,LiF,0,0,0,", csv[1]);
        var lno = csv.Single(l => l.Split(',')[1] == "LiNbO3").Split(',');
        var head = csv[0].Split(',');
        Assert.Equal(-0.10868, double.Parse(lno[Array.IndexOf(head, "rxn_electrolyte_ev_per_atom")], System.Globalization.CultureInfo.InvariantCulture), 4);
        Assert.Equal("fail", lno[Array.IndexOf(head, "oxidation_limit_pass")]);

        var json = JsonOutput.Serialize(ScreeningExport.JsonModel(r, 10));
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(r.Candidates.Count, doc.RootElement.GetProperty("candidate_count").GetInt32());
        var first = doc.RootElement.GetProperty("candidates")[0];
        Assert.Equal("LiF", first.GetProperty("formula").GetString());
        Assert.Equal(10, doc.RootElement.GetProperty("candidates").GetArrayLength());
        Assert.Equal(6, first.GetProperty("criteria").GetArrayLength());

        var html = new HtmlReport("stack").AddScreeningSection(r, 10, ["LiNbO3", "Li2S"]).Render();
        Assert.Contains("Coating and interlayer screening", html);
        Assert.Contains($"LiNbO3: rank {r.Find("LiNbO3")!.Rank} of {r.Candidates.Count}", html);
        Assert.Contains("rxn charged (eV/atom)", html);
    }
}

[Collection("Console")]
public class ScreeningCliTests
{
    // A small entry file (every entry of the Li-Co-Nb-O-P-S system of the shared data) written to a temporary folder.
    private static string SmallData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"screen-data-{Guid.NewGuid():N}.csv");
        var allowed = ChemicalSystem.Parse("Li-Co-Nb-O-P-S");
        var lines = File.ReadLines(SharedData.DefaultThermoData()).Take(1)
            .Concat(File.ReadLines(SharedData.DefaultThermoData()).Skip(1)
                .Where(l => ChemicalSystem.Of(Composition.Parse(l.Split(',')[0])).IsSubsetOf(allowed)));
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void CliScreensListedCandidatesToJsonAndCsv()
    {
        var csvPath = Path.Combine(Path.GetTempPath(), $"screen-{Guid.NewGuid():N}.csv");
        var data = SmallData();
        var (code, output, _) = CliRunner.Run("screen", "--cathode", "LiCoO2", "--electrolyte", "Li3PS4", "--data", data, "--json", "--csv", csvPath);
        var (bad, _, badErr) = CliRunner.Run("screen", "--electrolyte", "Li3PS4", "--cathode", "LiCoO2", "--exclude", "Qq");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var rows = doc.RootElement.GetProperty("candidates").EnumerateArray().Select(r => r.GetProperty("formula").GetString()).ToList();
        int n = doc.RootElement.GetProperty("candidate_count").GetInt32();
        Assert.True(n > 20, $"{n} candidates");
        Assert.Equal("Li0.25CoO2", doc.RootElement.GetProperty("charged_cathode").GetString());
        // Li3PO4 ahead of LiNbO3 ahead of Li2S (which the charged LiCoO2 oxidises).
        var csv = File.ReadAllLines(csvPath).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(n, csv.Count);
        Assert.True(csv.IndexOf("Li3PO4") < csv.IndexOf("LiNbO3") && csv.IndexOf("LiNbO3") < csv.IndexOf("Li2S"), string.Join(" ", csv));
        Assert.Equal(csv.Take(rows.Count), rows);
        File.Delete(csvPath);
        File.Delete(data);
        Assert.Equal(2, bad);
        Assert.Contains("unknown element 'Qq'", badErr);
    }
}
