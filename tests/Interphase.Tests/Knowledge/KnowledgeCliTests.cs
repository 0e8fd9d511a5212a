using System.CommandLine;
using System.Text.Json;
using Interphase.Tests.CliCommands;

namespace Interphase.Tests.Knowledge;

public class KnowledgeCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void UnknownMaterialExitsWithCode2AndSuggestsCloseNames()
    {
        var (code, _, err) = Run("kb", "show", "LLOZ");
        Assert.Equal(2, code);
        Assert.Contains("unknown material 'LLOZ'", err);
        Assert.Contains("LLZO", err);
    }

    [Fact]
    public void ShowJsonCarriesNormalisedValuesAndCitations()
    {
        var (code, json, _) = Run("kb", "show", "Li10GeP2S12", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("LGPS", doc.RootElement.GetProperty("id").GetString());
        var ms = doc.RootElement.GetProperty("properties").EnumerateArray()
            .First(p => p.TryGetProperty("unit", out var u) && u.GetString() == "mS/cm");
        Assert.Equal(0.012, ms.GetProperty("normalized_value").GetDouble(), 12);
        Assert.StartsWith("Wu et al., J. Mater. Chem. A 4, 15266 (2016)", ms.GetProperty("citation").GetString());
    }

    [Fact]
    public void InterfacesForGarnetFamilyIncludeTheWholeTable1()
    {
        var (code, json, _) = Run("kb", "interfaces", "--electrolyte", "garnet", "--category", "li-garnet", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        var rows = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(24, rows.Count);
        Assert.Equal(109, rows[0].GetProperty("asr_ohm_cm2").GetDouble());
    }

    [Fact]
    public void SearchFindsTheAldRecords()
    {
        var (code, json, _) = Run("kb", "search", "ALD", "Al2O3", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(json);
        Assert.Contains(doc.RootElement.EnumerateArray(), h => h.GetProperty("id").GetString() == "ba-ald-al2o3-llczn");
    }

    [Fact]
    public void UnknownFamilyIsAnError() => Assert.Equal(2, Run("kb", "materials", "--family", "unobtainium").Code);
}
