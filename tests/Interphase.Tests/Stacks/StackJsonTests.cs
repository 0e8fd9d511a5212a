using System.Text.Json;
using System.Text.RegularExpressions;
using Interphase.Knowledge;
using Interphase.Reporting;
using Interphase.Stacks;
using Interphase.Tests.Thermodynamics;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Stacks;

/// <summary>The document of <c>analyze --json</c> (and <c>POST /api/analyze</c>) follows the JSON conventions of the
/// README and carries the analysis' own numbers.</summary>
public sealed partial class StackJsonTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    [Theory]
    [MemberData(nameof(StackReaderTests.Examples), MemberType = typeof(StackReaderTests))]
    public void AnalyzeJsonFollowsTheConventionsAndCarriesTheAnalysis(string example)
    {
        var a = new StackAnalyzer(data.Engine, KnowledgeBase.Load()).Analyze(StackReader.ReadFile(Path.Combine(StackReaderTests.ExamplesDir, example)));
        // What the CLI's --json writes (CliOutput.WriteJson) and the web API serialises with the same options.
        using var doc = JsonDocument.Parse(JsonOutput.Serialize(StackJson.From(a)));
        var root = doc.RootElement;
        AssertFollowsConventions(root);

        Assert.Equal(a.Stack.Name, root.GetProperty("stack").GetString());
        Assert.Equal(Snake(a.Overall), root.GetProperty("overall").GetString());
        Assert.Equal(a.Summary.Select(c => (c.Check, c.Subject, Snake(c.Verdict))),
            root.GetProperty("summary").EnumerateArray().Select(c => (c.GetProperty("check").GetString()!, c.GetProperty("subject").GetString()!, c.GetProperty("verdict").GetString()!)));

        var windows = root.GetProperty("windows").EnumerateArray().ToList();
        Assert.Equal(a.Windows.Count, windows.Count);
        foreach (var (w, j) in a.Windows.Zip(windows))
        {
            Assert.Equal(w.Layer, j.GetProperty("layer").GetString());
            Assert.Equal(w.ReductionVolts, Number(j, "reduction_v"));
            Assert.Equal(w.OxidationVolts, Number(j, "oxidation_v"));
            Assert.Equal(w.FacesMaxVolts, Number(j, "faces_max_v"));
            Assert.Equal(w.Basis?.StatusName, j.TryGetProperty("data_status", out var s) ? s.GetString() : null);
        }

        var interfaces = root.GetProperty("interfaces").EnumerateArray().ToList();
        Assert.Equal(a.Interfaces.Count, interfaces.Count);
        foreach (var (i, j) in a.Interfaces.Zip(interfaces))
        {
            Assert.Equal(i.Interface.Label, j.GetProperty("interface").GetString());
            Assert.Equal(Snake(i.Interface.Side), j.GetProperty("side").GetString());
            Assert.Equal(Snake(i.Verdict), j.GetProperty("verdict").GetString());
            var reactions = j.GetProperty("reactions").EnumerateArray().ToList();
            Assert.Equal(i.Reactions.Count, reactions.Count);
            foreach (var (r, rj) in i.Reactions.Zip(reactions))
            {
                Assert.Equal(r.EnergyEvPerAtom, rj.GetProperty("e_rxn_ev_per_atom").GetDouble());
                Assert.Equal(r.MixingEnergyEvPerAtom, Number(rj, "e_mixing_ev_per_atom"));
                Assert.Equal(r.Volts, Number(rj, "potential_v")); // absent for a chemical reaction
                Assert.Equal(r.MixingFraction, rj.GetProperty("x").GetDouble());
            }
            Assert.Equal(i.Interphase.Products.Select(p => (p.Formula, Snake(p.Electronic))),
                j.GetProperty("products").EnumerateArray().Select(p => (p.GetProperty("formula").GetString()!, p.GetProperty("electronic").GetString()!)));
        }

        var mechanics = root.GetProperty("mechanics");
        Assert.Equal(a.Mechanics.CurrentDensityMaPerCm2, mechanics.GetProperty("current_density_ma_per_cm2").GetDouble());
        Assert.Equal(a.Mechanics.Stripping?.CriticalMaPerCm2, Number(mechanics, "critical_stripping_ma_per_cm2"));

        var resistance = root.GetProperty("resistance").EnumerateArray().ToList();
        Assert.Equal(a.Resistance.Select(r => r.AsrOhmCm2), resistance.Select(r => Number(r, "asr_ohm_cm2")));

        // JSON has no infinity: a blocking space-charge layer is "blocking": true with no resistance.
        var spaceCharge = root.GetProperty("space_charge").EnumerateArray().ToList();
        Assert.Equal(a.SpaceCharge.Count, spaceCharge.Count);
        foreach (var (x, j) in a.SpaceCharge.Zip(spaceCharge))
        {
            bool blocking = x.ResistanceOhmCm2 is { } r && double.IsPositiveInfinity(r);
            Assert.Equal(blocking, j.GetProperty("blocking").GetBoolean());
            Assert.Equal(blocking ? null : x.ResistanceOhmCm2, Number(j, "resistance_ohm_cm2"));
        }

        var energy = root.GetProperty("energy");
        Assert.Equal(a.Energy.SpecificEnergyWhPerKg, Number(energy, "specific_energy_wh_per_kg"));
        if (a.Energy.Layers is { } layers)
            foreach (var (l, j) in layers.Zip(energy.GetProperty("layers").EnumerateArray()))
                Assert.Equal(l.SolidMassMgPerCm2 + l.LiquidMassMgPerCm2,
                    j.GetProperty("composition_mg_per_cm2").EnumerateObject().Sum(c => c.Value.GetDouble()), 1e-9);
    }

    [Fact]
    public void TheConventionCheckCatchesABadKeyAnEnumNumberAndANumberWithoutAUnit()
    {
        Assert.ThrowsAny<Exception>(() => AssertFollowsConventions(JsonDocument.Parse("""{"reductionVolts": 1.7}""").RootElement));
        Assert.ThrowsAny<Exception>(() => AssertFollowsConventions(JsonDocument.Parse("""{"windows": [{"verdict": 2}]}""").RootElement));
        Assert.ThrowsAny<Exception>(() => AssertFollowsConventions(JsonDocument.Parse("""{"side": "Cathode"}""").RootElement));
        Assert.ThrowsAny<Exception>(() => AssertFollowsConventions(JsonDocument.Parse("""{"e_rxn_per_atom": -0.4}""").RootElement));
        AssertFollowsConventions(JsonDocument.Parse("""{"e_rxn_ev_per_atom": -0.4, "side": "cathode", "x": 0.5}""").RootElement);
    }

    /// <summary>
    /// Walks a whole analysis document: every key snake_case; every enumeration a snake_case string of its enum
    /// (never a number); every number under a key that ends in its unit (README "Conventions") or is a documented
    /// dimensionless quantity. Map keys that name things (layer constituents) are data, not keys.
    /// </summary>
    internal static void AssertFollowsConventions(JsonElement root) => Walk(root, "$", null);

    private static void Walk(JsonElement e, string path, string? key)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    bool dataKeyed = key is not null && DataKeyedMaps.Contains(key);
                    if (!dataKeyed) Assert.True(SnakeCaseKey().IsMatch(p.Name), $"{path}.{p.Name}: key is not snake_case");
                    Walk(p.Value, $"{path}.{p.Name}", dataKeyed ? key : p.Name);
                }
                break;
            case JsonValueKind.Array:
                int n = 0;
                foreach (var x in e.EnumerateArray()) Walk(x, $"{path}[{n++}]", key);
                break;
            case JsonValueKind.Number:
                Assert.False(key is not null && EnumFields.ContainsKey(key), $"{path}: enumeration written as a number");
                Assert.True(key is not null && (Dimensionless.Contains(key) || UnitSuffixes.Any(u => key.EndsWith(u, StringComparison.Ordinal))),
                    $"{path}: a number under a key without its unit");
                break;
            default:
                if (key is not null && EnumFields.TryGetValue(key, out var allowed))
                {
                    Assert.True(e.ValueKind == JsonValueKind.String, $"{path}: enumeration is not a string");
                    Assert.True(allowed.Length == 0 || allowed.Contains(e.GetString()), $"{path}: '{e.GetString()}' is not one of {string.Join(", ", allowed)}");
                }
                break;
        }
    }

    // Enumerations by key, with their values where the key always means one C# enum (empty: free text such as a
    // reaction's "electrochemical at 4.3 V" or the interphase kind as reports write it).
    private static readonly Dictionary<string, string[]> EnumFields = new()
    {
        ["verdict"] = Names<Verdict>(), ["overall"] = Names<Verdict>(), ["side"] = Names<InterfaceSide>(),
        ["electronic"] = Names<ElectronicCharacter>(), ["data_status"] = Names<WindowDataStatus>(),
        ["kind"] = [], ["check"] = [], ["interphase"] = [], ["role"] = [],
    };

    private static readonly string[] UnitSuffixes =
    [
        "_v", "_mv", "_ev", "_ev_per_atom", "_nm", "_um", "_mpa", "_gpa", "_hz", "_ohm_cm2", "_uf_per_cm2", "_ma_per_cm2",
        "_mah_per_g", "_g_per_cm3", "_mg_per_cm2", "_wh_per_kg", "_wh_per_l",
    ];

    // Fractions and ratios (README: mixing fraction x; a screen score 0–1; Li⁺ at contact relative to bulk).
    private static readonly HashSet<string> Dimensionless = ["x", "score", "porosity", "excess", "weight_fraction", "electrolyte_li_at_contact"];

    private static readonly HashSet<string> DataKeyedMaps = ["composition_mg_per_cm2"];

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCaseKey();

    private static string[] Names<T>() where T : struct, Enum => [.. Enum.GetNames<T>().Select(JsonNamingPolicy.SnakeCaseLower.ConvertName)];

    private static string Snake<T>(T value) where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    private static double? Number(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v.GetDouble() : null;
}
