using System.Text.Json;
using System.Text.RegularExpressions;
using Interphase.Knowledge;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Stacks;

namespace Interphase.Tests.Knowledge;

/// <summary>
/// Every citation the tool prints can be looked up: it names the paper as researchers do (authors, journal, volume,
/// page, year and the section, table or figure), reports list the cited reviews with their DOIs, and no output shows
/// the name of a file the knowledge base was written from.
/// </summary>
public sealed partial class CitationOutputTests
{
    [Fact]
    public void ACitationPrintsAuthorsJournalYearAndLocator()
    {
        Assert.Equal("Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26", Citation.Parse("Banerjee2020, Figure 26").ToString());
        Assert.Equal("Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1", Citation.Parse("Wu2016, Table 1").ToString());
        Assert.Equal("Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.3.2", Citation.Parse("Wang2020, Section 2.3.2").ToString());
        Assert.Equal("Xia et al., Chem 5, 753 (2019), section \"Inorganic Solid Electrolytes\"", Citation.Parse("Xia2019, Section Inorganic Solid Electrolytes").ToString());
        Assert.Equal("10.1021/acs.chemrev.0c00101", Citation.Parse("Banerjee2020, Equation 1").Doi);
        var bad = Assert.Throws<FormatException>(() => Citation.Parse("Smith1999, Table 1"));
        Assert.Contains("unknown review 'Smith1999'", bad.Message);
        Assert.Throws<FormatException>(() => Citation.Parse("Banerjee2020 Table 1"));
    }

    [Fact]
    public void TheReviewTableHasOneEntryPerReviewWithItsDoi()
    {
        Assert.Equal(5, Reviews.All.Count);
        Assert.Equal(5, Reviews.All.Select(r => r.Doi).Distinct().Count());
        Assert.All(Reviews.All, r => Assert.Matches(@"^10\.\d{4,5}/\S+$", r.Doi));
        Assert.Equal([Reviews.Get("Banerjee2020"), Reviews.Get("Xia2019")],
            Reviews.CitedIn("as Banerjee et al., Chem. Rev. 120, 6878 (2020), §5 and Xia et al., Chem 5, 753 (2019), Table 1 report"));
    }

    public static TheoryData<string> Examples() =>
        [.. Directory.GetFiles(StackReaderTests.ExamplesDir, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheMainJobsOutputsCiteThePapersAndListTheirDois(string example)
    {
        string dir = Directory.CreateTempSubdirectory("interphase-cite-").FullName;
        try
        {
            string stack = Path.Combine(StackReaderTests.ExamplesDir, example);
            string html = Path.Combine(dir, "report.html");
            var (code, table, err) = CliRunner.Run("analyze", stack, "--no-recommendations", "--html", html);
            Assert.True(code == 0, err);
            var (jcode, json, jerr) = CliRunner.Run("analyze", stack, "--no-recommendations", "--json");
            Assert.True(jcode == 0, jerr);
            string page = File.ReadAllText(html);
            foreach (var output in new[] { table, json, page }) AssertNoFileNamesOrKeys(output);

            // Each review the report cites is in its reference list with a DOI link, and the JSON lists the same.
            var cited = Reviews.CitedIn(page);
            Assert.NotEmpty(cited);
            Assert.All(cited, r => Assert.Contains($"href=\"https://doi.org/{r.Doi}\"", page));
            using var doc = JsonDocument.Parse(json);
            var references = doc.RootElement.GetProperty("references").EnumerateArray().Select(r => r.GetProperty("doi").GetString()).ToList();
            Assert.Equal(Reviews.CitedIn(json).Select(r => r.Doi), references);
            Assert.NotEmpty(references);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(false, "kb", "materials")]
    [InlineData(true, "kb", "show", "LLZO")]
    [InlineData(true, "kb", "interfaces")]
    [InlineData(true, "kb", "cells")]
    [InlineData(true, "kb", "products")]
    [InlineData(false, "kb", "search", "garnet")]
    [InlineData(true, "scl", "materials")]
    [InlineData(true, "scl", "interface", "--cathode", "LCO", "--electrolyte", "LPSCl")]
    [InlineData(false, "anode", "monroe", "--electrolyte", "Li7La3Zr2O12")]
    public void KnowledgeAndModelCommandsCiteThePapers(bool cites, params string[] args)
    {
        var (code, table, err) = CliRunner.Run(args);
        Assert.True(code == 0, err);
        AssertNoFileNamesOrKeys(table);
        var (jcode, json, jerr) = CliRunner.Run([.. args, "--json"]);
        Assert.True(jcode == 0, jerr);
        AssertNoFileNamesOrKeys(json);
        if (cites) Assert.Contains(Reviews.All, r => json.Contains(r.Short, StringComparison.Ordinal)); // tables may leave the column out
    }

    private static void AssertNoFileNamesOrKeys(string output)
    {
        Assert.DoesNotMatch(SeedFileName(), output);
        // A review number standing for the paper (a bare "001 §4" or "000 Table 1") cannot be looked up either.
        Assert.DoesNotMatch(SeedNumber(), output);
        // Data-file keys are for the data, never the printed citation ("Banerjee2020, Section 3.1").
        Assert.DoesNotMatch(KeyCitation(), output);
    }

    [GeneratedRegex(@"\d{3}_[0-9a-f]{16}(\.txt)?")]
    private static partial Regex SeedFileName();

    [GeneratedRegex(@"(?<![\d.,])00[0-4],? (§|Fig|Table|Eq|Section)")]
    private static partial Regex SeedNumber();

    [GeneratedRegex(@"\b(Wu2016|Banerjee2020|Wang2018|Xia2019|Wang2020), ")]
    private static partial Regex KeyCitation();
}
