using System.Text.RegularExpressions;
using Interphase.Knowledge;

namespace Interphase.Tests.Knowledge;

public class KnowledgeDataTests
{
    private static readonly KnowledgeBase Kb = KnowledgeBase.Load();

    private static IEnumerable<(string Where, Citation Citation)> AllCitations()
    {
        foreach (var m in Kb.Materials)
            foreach (var p in m.Properties)
            {
                yield return ($"{m.Id}.{p.Property}", p.Citation);
                foreach (var f in p.Flags.Where(f => f.Citation is not null)) yield return ($"{m.Id}.{p.Property} flag", f.Citation!);
            }
        foreach (var r in Kb.Interfaces)
        {
            yield return (r.Id, r.Citation);
            foreach (var f in r.Flags.Where(f => f.Citation is not null)) yield return ($"{r.Id} flag", f.Citation!);
        }
        foreach (var c in Kb.Cells)
        {
            yield return (c.Id, c.Citation);
            foreach (var f in c.Flags.Where(f => f.Citation is not null)) yield return ($"{c.Id} flag", f.Citation!);
        }
        foreach (var r in Kb.Products.Rules) yield return (r.Name, r.Citation);
        foreach (var e in Kb.Products.Entries) yield return (e.Formula, FromPrinted(e.Citation));
    }

    [Fact]
    public void GarnetTable1IsCompleteInOrder()
    {
        var rows = Kb.Interfaces.Where(r => r.Id.StartsWith("garnet-t1-")).ToList();
        Assert.Equal(24, rows.Count);
        Assert.All(rows, r => Assert.Equal("Wang et al., Adv. Energy Mater. 10, 2001318 (2020), Table 1", r.Citation.ToString()));
        Assert.Equal(109, rows[0].Asr!.Value);
        Assert.Equal(0.046, rows[0].CurrentDensity!.Value);
        Assert.Equal(0.092, rows[0].Capacity!.Value);
        var al2o3 = rows.Single(r => r.Interlayer == "Al2O3");
        Assert.Equal(1, al2o3.Asr!.Value);
        Assert.Equal(0.26 * 6.894757e-3, al2o3.StackPressure!.NormalizedValue, 9);
        var press400 = rows.Single(r => r.Assembly == "400 MPa press");
        Assert.Equal("<", press400.Asr!.Qualifier);
        Assert.Equal(1.2, press400.Capacity!.Value);
        Assert.Equal(236, rows[^1].Asr!.Value);
        Assert.Equal("Cu6Sn5", rows[^1].Interlayer);
        Assert.Equal("≈", rows.Single(r => r.Interlayer == "Al").Asr!.Qualifier);
        Assert.Equal(2, rows.Count(r => r.Interlayer == "graphite"));
        Assert.Equal(2, rows.Count(r => r.Asr is not null && r.CurrentDensity is null)); // the two pressed rows with '–'
    }

    [Fact]
    public void TextVersusTableContradictionKeepsBothReadings()
    {
        var h3po3 = Kb.Interfaces.Single(r => r.Id == "garnet-t1-04");
        Assert.Equal(7.0, h3po3.Asr!.Value);
        var flag = Assert.Single(h3po3.Flags);
        Assert.Equal("contradiction", flag.Kind);
        Assert.Equal("70 Ω·cm²", flag.Alternative);
        Assert.Equal("Section 2.3.1", flag.Citation!.Locator);
    }

    [Fact]
    public void ProtectionLayerTableIsComplete()
    {
        var rows = Kb.Interfaces.Where(r => r.Id.StartsWith("protect-t1-")).ToList();
        Assert.Equal(17, rows.Count);
        Assert.Equal(8, rows.Count(r => r.Electrolyte == "Li10GeP2S12"));
        Assert.Equal(2, rows.Count(r => r.ElectrolyteFamily == "NASICON"));
        Assert.Equal("specific_current", rows[1].CurrentDensity!.Dimension);
        Assert.Equal(2000, rows.Single(r => r.Interlayer == "LixSiSx").Duration!.Value);
        Assert.Equal(0.55, rows[3].CurrentDensity!.Value, 12); // 0.1–1 mA/cm² range midpoint
        Assert.Equal(0.1, rows[3].CurrentDensity!.Low);
        Assert.Equal(1, rows[3].CurrentDensity!.High);
    }

    [Theory]
    [InlineData("ba-ald-al2o3-llczn", 1710, 1)]
    [InlineData("ba-nb-llzo-lco", 2600, 150)]
    [InlineData("ba-si-llczn", 925, 127)]
    [InlineData("ba-gel-llzo", 1400, 214)]
    [InlineData("ba-lto-lco-sulfide", 900, 20)]
    [InlineData("ba-zro2-nmc-cycling", 600, 1550)]
    public void BeforeAfterResistances(string id, double before, double after)
    {
        var r = Kb.Interfaces.Single(x => x.Id == id);
        Assert.Equal(before, r.AsrBefore!.Value);
        Assert.Equal(after, r.Asr!.Value);
    }

    [Fact]
    public void UnitMisprintsAreFlaggedNotSilentlyFixed()
    {
        Assert.Contains(Kb.Interfaces.Single(r => r.Id == "ba-si-llczn").Flags, f => f.Kind == "misprint" && f.Alternative!.Contains("Ω/cm²"));
        var ccd = Kb.Interfaces.Single(r => r.Id == "ccd-llzta");
        Assert.Equal(0.05, ccd.CriticalCurrentDensity!.NormalizedValue, 12);
        Assert.Contains(ccd.Flags, f => f.Kind == "misprint");
        Assert.Equal(14, Kb.Interfaces.Single(r => r.Id == "ccd-llzo-160c").CriticalCurrentDensity!.NormalizedValue);
    }

    [Fact]
    public void LiMetalTable1IsComplete()
    {
        var rows = Kb.Cells.Where(c => c.Id.StartsWith("limetal-t1-")).ToList();
        Assert.Equal(13, rows.Count);
        Assert.Equal(new[] { 2015, 2015, 2016, 2016, 2016, 2017, 2017, 2017, 2017, 2017, 2018, 2018, 2018 }, rows.Select(r => r.Year!.Value));
        Assert.Equal(903.2, rows[7].Capacity!.Value);
        Assert.Equal(750, rows[7].Cycles);
        Assert.Equal(">", rows[8].Capacity!.Qualifier);
        Assert.Equal(400, rows[1].Rate!.Value);
        Assert.Equal(373.15, rows[10].Conditions.TemperatureK!.Value, 6);
        Assert.Equal(0.463 + 0.002, rows[10].Retention!.Value / 100, 3);
        Assert.Contains(rows[11].Flags, f => f.Kind == "misprint");
        Assert.Equal(5000, rows[11].Rate!.NormalizedValue); // 5 A/cm² kept as printed, in mA/cm²
    }

    [Fact]
    public void GarnetTable2IsComplete()
    {
        var rows = Kb.Cells.Where(c => c.Id.StartsWith("garnet-t2-")).ToList();
        Assert.Equal(11, rows.Count);
        Assert.Equal(new[] { 17, 0.274, 35, 135, 3.8, 85, 67, 78, 101, 94, 0.3 }, rows.Select(r => r.Capacity!.Value));
        Assert.Equal(0.6, rows[4].Capacity!.Low);
        Assert.Equal(7, rows[4].Capacity!.High);
        Assert.Equal(100, rows[9].Cycles);
        Assert.Equal("0.05", rows[9].RateText);
        Assert.Equal(6.4e-3, rows[0].Rate!.NormalizedValue, 12);
        Assert.Equal(3.0, rows[5].VoltageRange!.Low);
        Assert.Equal(4.05, rows[5].VoltageRange!.High);
        Assert.Contains(rows[6].Flags, f => f.Kind == "contradiction" && f.Alternative == "672 mAh/g");
    }

    [Fact]
    public void ConductivityUnitsNormaliseToSPerCm()
    {
        var lgps = Kb.GetMaterial("LGPS").Values("ionic_conductivity").ToList();
        var fromMs = lgps.Single(v => v.Quantity!.Unit == "mS/cm" && v.Quantity.Value == 12);
        Assert.Equal(0.012, fromMs.Quantity!.NormalizedValue, 12);
        Assert.Equal("S/cm", fromMs.Quantity.NormalizedUnit);
        Assert.Equal(0.012, lgps.Single(v => v.Citation.Locator == "Table 2").Quantity!.NormalizedValue, 12);
        Assert.Equal(300, lgps.Single(v => v.Citation.Locator == "Table 2").Conditions.TemperatureK);
    }

    [Fact]
    public void Table2OfTheEnergyDensityReviewIsComplete()
    {
        var t2 = Kb.Materials.SelectMany(m => m.Properties.Select(p => (m, p)))
            .Where(x => x.p.Citation.ReviewKey == "Wu2016" && x.p.Citation.Locator == "Table 2" && x.p.Property == "ionic_conductivity").ToList();
        Assert.Equal(4, t2.Count);
        Assert.Equal(new[] { "LiPON", "LLZO", "LGPS", "Li3ClO" }.Order(), t2.Select(x => x.m.Id).Order());
        Assert.Equal(8.5e-4, t2.Single(x => x.m.Id == "Li3ClO").p.Quantity!.Value);
    }

    // A printed citation ("Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 27") back to the review and locator.
    private static Citation FromPrinted(string printed)
    {
        var review = Assert.Single(Reviews.All, r => printed.StartsWith(r.Short + ", ", StringComparison.Ordinal));
        string loc = printed[(review.Short.Length + 2)..];
        loc = loc.StartsWith("Fig. ") ? "Figure " + loc[5..] : loc.StartsWith("Eq. ") ? "Equation " + loc[4..]
            : loc.StartsWith('§') ? "Section " + loc[1..] : loc.StartsWith("section \"") ? "Section " + loc[9..^1] : loc;
        return new Citation(review.Key, loc);
    }

    [Fact]
    public void EveryCitationNamesAReview()
    {
        foreach (var (where, c) in AllCitations())
        {
            Assert.Contains(c.ReviewKey, Reviews.All.Select(r => r.Key));
            Assert.Matches(@"^[A-Z][\w-]+ et al\., [A-Z].* \d+, \d+ \(\d{4}\), (Fig\. |Table |Eq\. |§|section )", c.ToString());
            Assert.StartsWith("10.", c.Doi);
        }
    }

    // The review texts the knowledge base was written from, by key (shared/seeds/NNN_*.txt).
    private static readonly Dictionary<string, string> ReviewTexts = new()
    {
        ["Wu2016"] = "000", ["Banerjee2020"] = "001", ["Wang2018"] = "002",
        ["Xia2019"] = "003", ["Wang2020"] = "004",
    };

    [SharedFact(SeedFolder.Folder)]
    public void EveryCitedLocatorExistsInItsReview()
    {
        var seeds = SeedFolder.Find()!;
        var texts = new Dictionary<string, string>();
        foreach (var (where, c) in AllCitations())
        {
            var path = Assert.Single(Directory.GetFiles(seeds, ReviewTexts[c.ReviewKey] + "_*.txt"));
            if (!texts.TryGetValue(c.ReviewKey, out var text))
                texts[c.ReviewKey] = text = Regex.Replace(File.ReadAllText(path), @"\s+", " ");
            var needle = c.LocatorKind is "Table" or "Figure" ? c.Locator : c.LocatorTarget;
            Assert.True(text.Contains(needle, StringComparison.OrdinalIgnoreCase), $"{where}: '{needle}' not found in {c.Review.Short}");
            // The review's own DOI is in its text: the table names the right paper.
            Assert.Contains(c.Doi, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void EveryNumericValueHasARecognisedUnitOfTheRightDimension()
    {
        foreach (var m in Kb.Materials)
            foreach (var p in m.Properties.Where(p => p.Quantity is not null))
            {
                Assert.Equal(PropertyKinds.Dimensions[p.Property], p.Quantity!.Dimension);
                Assert.True(double.IsFinite(p.Quantity.NormalizedValue), $"{m.Id}.{p.Property}");
            }
        Assert.True(Kb.Materials.Count >= 25);
        Assert.True(Kb.Materials.Count(m => m.Role == "electrolyte") >= 15);
    }
}
