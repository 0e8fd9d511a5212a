using System.CommandLine;
using System.Text.Json;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Tests.CliCommands;
using Interphase.Reporting;
using Interphase.Screening;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Screening;

public class ScreeningInputTests(ScreeningFixture fx) : IClassFixture<ScreeningFixture>
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
    public void CsvJsonAndReportSectionCarryEveryCriterionAndItsContribution()
    {
        var r = fx.Coating;
        var csv = ScreeningExport.ToCsv(r).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(r.Candidates.Count + 1, csv.Length);
        Assert.StartsWith("rank,formula,score,failed,costs,worst_rxn_ev_per_atom,e_above_hull_ev_per_atom,rxn_cathode_ev_per_atom", csv[0]);
        var head = csv[0].Split(',');
        foreach (var k in r.CriterionKeys) Assert.Contains(k + "_contribution", head);
        // First the best candidate with a measured conductivity; LiF (σ ≤ 1e-9 S/cm) fails its transport rule and is named so.
        Assert.StartsWith($"1,{r.Candidates[0].Formula},", csv[1]);
        Assert.Equal("measured", csv[1].Split(',')[Array.IndexOf(head, "transport_basis")]);
        var lif = csv.Single(l => l.Split(',')[1] == "LiF");
        Assert.Contains("li_transport: measured σ gives ≥ 1000 Ω·cm² at 10 nm", lif);
        var lno = csv.Single(l => l.Split(',')[1] == "LiNbO3").Split(',');
        double Col(string[] row, string name) => double.Parse(row[Array.IndexOf(head, name)], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(-0.10868, Col(lno, "rxn_electrolyte_ev_per_atom"), 4);
        // The contributions add up to the score; the pymatgen reaction energy −0.109 eV/atom sits just past the pass line.
        Assert.Equal(Col(lno, "score"), r.CriterionKeys.Sum(k => Col(lno, k + "_contribution")), 4);
        Assert.InRange(Col(lno, "rxn_electrolyte_satisfaction"), 0.4, 0.5);

        var json = JsonOutput.Serialize(ScreeningExport.JsonModel(r, 10));
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(r.Candidates.Count, root.GetProperty("candidate_count").GetInt32());
        Assert.Equal(4.3, root.GetProperty("top_of_charge_v").GetDouble());
        Assert.Equal(0.5, root.GetProperty("weights").GetProperty("practicality").GetDouble());
        Assert.Equal(2, root.GetProperty("weights").GetProperty("li_transport").GetDouble());
        var first = root.GetProperty("candidates")[0];
        Assert.Equal(r.Candidates[0].Formula, first.GetProperty("formula").GetString());
        Assert.Equal("measured", first.GetProperty("transport_basis").GetString());
        Assert.Equal(0, first.GetProperty("fails").GetArrayLength());
        Assert.Equal(25, root.GetProperty("processing_c").GetDouble());
        Assert.Equal(r.CriterionKeys.Count * 2, root.GetProperty("sensitivity").GetArrayLength());
        Assert.Equal(10, root.GetProperty("candidates").GetArrayLength());
        var criteria = first.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal(8, criteria.Count);
        Assert.Equal(first.GetProperty("score").GetDouble(), criteria.Sum(c => c.GetProperty("contribution").GetDouble()), 4);
        Assert.Equal(1 - first.GetProperty("score").GetDouble(), criteria.Sum(c => c.GetProperty("cost").GetDouble()), 4); // each rounded to 6 decimals
        Assert.Equal(8, root.GetProperty("known").GetArrayLength());
        Assert.True(root.GetProperty("excluded_count").GetInt32() > 100);

        var html = new HtmlReport("stack").AddScreeningSection(r, 10, ["Li2S"]).Render();
        Assert.Contains("Coating and interlayer screening", html);
        Assert.Contains($"LiNbO3 (known coating): rank {r.Find("LiNbO3")!.Rank} of {r.Candidates.Count}", html);
        Assert.Contains("rxn charged (eV/atom)", html);
        Assert.Contains("practicality=0.5", html);
    }
}

public class ScreeningCliTests
{
    // A small entry file (every entry of the Li-Co-Nb-O-P-S system of the shared data) written to a temporary folder.
    private static string SmallData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"screen-data-{Guid.NewGuid():N}.csv");
        var allowed = ChemicalSystem.Parse("Li-Co-Nb-O-P-S");
        var lines = File.ReadLines(DefaultData.ThermoPath()).Take(1)
            .Concat(File.ReadLines(DefaultData.ThermoPath()).Skip(1)
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
        // LiCoO2 is in the charged-state table: Li0.5CoO2 at 4.2 V.
        Assert.Equal("Li0.5CoO2", doc.RootElement.GetProperty("charged_cathode").GetString());
        Assert.Equal(4.2, doc.RootElement.GetProperty("top_of_charge_v").GetDouble());
        // The measured Li⁺ conductors LiNbO3 (amorphous, 1e-5 S/cm) and Li3PO4 (ALD film, 6.6e-8 S/cm) lead; Li2S
        // (1e-13 S/cm: 10⁶ Ω·cm² at 10 nm, and oxidised by the charged LiCoO2) fails outright and ranks behind them all.
        var csv = File.ReadAllLines(csvPath).Skip(1).Select(l => l.Split(',')[1]).ToList();
        Assert.Equal(n, csv.Count);
        Assert.Equal(["LiNbO3", "Li3PO4"], csv.Take(2));
        Assert.True(csv.IndexOf("Li2S") > csv.Count / 2, string.Join(" ", csv));
        var bases = doc.RootElement.GetProperty("candidates").EnumerateArray().Select(r => r.GetProperty("transport_basis").GetString()).ToList();
        Assert.All(bases, b => Assert.Contains(b, new[] { "measured", "blocker", "unknown" }));
        Assert.Equal(csv.Take(rows.Count), rows);
        File.Delete(csvPath);
        File.Delete(data);
        Assert.Equal(2, bad);
        Assert.Contains("unknown element 'Qq'", badErr);
    }

    [Fact]
    public void CliTableShowsTheRankingTheTopOfChargeAndTheKnownCoatingsAsTheJsonDoes()
    {
        var data = SmallData();
        var html = Path.Combine(Path.GetTempPath(), $"screen-{Guid.NewGuid():N}.html");
        try
        {
            string[] args = ["screen", "--cathode", "LiCoO2", "--electrolyte", "Li3PS4", "--data", data, "--top", "5"];
            using var doc = JsonDocument.Parse(CliRunner.Run([.. args, "--json"]).Out);
            var ranked = doc.RootElement.GetProperty("candidates").EnumerateArray().Select(r => r.GetProperty("formula").GetString()!).ToList();
            var (code, table, err) = CliRunner.Run([.. args, "--html", html]);
            Assert.True(code == 0, err);
            var lines = table.Split('\n');
            Assert.Contains(lines, l => l.Contains("rank") && l.Contains("formula") && l.Contains("rxn charged") && l.Contains("ox. limit") && l.Contains("costs"));
            Assert.Contains(lines, l => l.Contains("eV/atom") && l.Contains("Ω·cm²"));
            // The five rows in the JSON's order, ranked 1 to 5.
            var rows = lines.Where(l => l.StartsWith("│ ") && int.TryParse(l.Split('│')[1].Trim(), out _)).ToList();
            Assert.Equal(5, rows.Count);
            Assert.Equal(ranked, rows.Select(r => r.Split('│')[2].Trim().TrimEnd('†').Trim()));
            Assert.Equal(["1", "2", "3", "4", "5"], rows.Select(r => r.Split('│')[1].Trim()));
            Assert.Contains("top of charge: Li0.5CoO2 at 4.20 V", table);
            Assert.Contains($"of {doc.RootElement.GetProperty("candidate_count").GetInt32()} past the midpoint of every criterion", table);
            // The literature's coatings with their rank, as the JSON has them (LiNbO3: Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1.4).
            var linbo3 = doc.RootElement.GetProperty("known").EnumerateArray().Single(k => k.GetProperty("formula").GetString() == "LiNbO3");
            Assert.Contains("known coatings:", table);
            Assert.Contains($"LiNbO3 #{linbo3.GetProperty("rank").GetInt32()} score {linbo3.GetProperty("score").GetDouble():0.000}", table);
            // A known coating outside the data is named with the reason.
            Assert.Contains("LiTaO3: candidate LiTaO3: chemical system Li-O-Ta: no elemental reference", table);
            string report = File.ReadAllText(html);
            Assert.Contains("Coating and interlayer screening", report);
            Assert.Contains(ranked[0], report);
        }
        finally
        {
            File.Delete(data);
            File.Delete(html);
        }
    }

    [Fact]
    public void CliAnodeScreenShowsTheReductionLimitAndTheKnownInterlayers()
    {
        var data = SmallData();
        try
        {
            var (code, table, err) = CliRunner.Run("screen", "--anode", "Li", "--electrolyte", "Li3PS4", "--data", data, "--top", "3");
            Assert.True(code == 0, err);
            Assert.Contains("red. limit", table);
            Assert.Contains("rxn anode", table);
            Assert.DoesNotContain("rxn cathode", table);
            Assert.Contains("known interlayers:", table);
            // Li2O is an interlayer the reviews name (in the Li-Co-Nb-O-P-S data); Li3N's system is not in it.
            Assert.Matches(@"Li2O #\d+ score 0\.\d{3}", table);
            Assert.Contains("Li3N: candidate Li3N: chemical system Li-N: no elemental reference", table);
            Assert.Contains("weights e_above_hull=1, rxn_electrolyte=1, rxn_anode=1, reduction_limit=1", table);
        }
        finally
        {
            File.Delete(data);
        }
    }
}
