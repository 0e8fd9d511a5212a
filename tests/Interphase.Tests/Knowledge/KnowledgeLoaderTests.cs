using FsCheck;
using FsCheck.Fluent;
using Interphase.Knowledge;
using Interphase.Quantities;

namespace Interphase.Tests.Knowledge;

public class KnowledgeLoaderTests
{
    private const string Cite = "\"Wang et al., Adv. Energy Mater. 10, 2001318 (2020), Table 1\"";

    private static KnowledgeBase LoadOne(string yaml) => KnowledgeLoader.Load([("test.yaml", yaml)]);

    [Fact]
    public void MalformedValueNamesFileAndEntry()
    {
        var ex = Assert.Throws<KnowledgeDataException>(() => LoadOne($$"""
            interfaces:
              - {id: bad-row, category: li-garnet, family: garnet, electrolyte: LLZO, electrode: Li, asr: "12 furlongs", cite: {{Cite}}}
            """));
        Assert.Equal("test.yaml", ex.File);
        Assert.Equal("bad-row", ex.Entry);
        Assert.Contains("furlongs", ex.Message);
    }

    [Fact]
    public void WrongDimensionIsRejected()
    {
        var ex = Assert.Throws<KnowledgeDataException>(() => LoadOne($$"""
            interfaces:
              - {id: wrong-dim, category: li-garnet, family: garnet, electrolyte: LLZO, electrode: Li, asr: "12 mA/cm²", cite: {{Cite}}}
            """));
        Assert.Contains("area_resistance", ex.Message);
    }

    [Theory]
    [InlineData("\"Smith1999, Table 1\"", "unknown review 'Smith1999'")]
    [InlineData("\"Wang2020\"", "is not")]
    [InlineData("\"Wang2020, page 3\"", "is not")]
    public void CitationsMustNameAReviewAndALocator(string cite, string message)
    {
        var ex = Assert.Throws<KnowledgeDataException>(() => LoadOne($$"""
            materials:
              - id: X
                name: X
                family: garnet
                role: electrolyte
                properties:
                  - {property: density, value: "5 g/cm³", cite: {{cite}}}
            """));
        Assert.Contains(message, ex.Message);
        Assert.Equal("X", ex.Entry);
    }

    [Fact]
    public void YamlSyntaxErrorsNameTheLine()
    {
        var ex = Assert.Throws<KnowledgeDataException>(() => LoadOne("materials:\n  - id: [unclosed\n"));
        Assert.Contains("test.yaml", ex.Message);
        Assert.Contains("line", ex.Message);
    }

    [Fact]
    public void DuplicateIdsAreRejected()
    {
        var row = $$"""  - {id: dup, category: ccd, family: garnet, electrolyte: LLZO, electrode: Li, cite: {{Cite}}}""";
        var ex = Assert.Throws<KnowledgeDataException>(() => LoadOne("interfaces:\n" + row + "\n" + row + "\n"));
        Assert.Equal("dup", ex.Entry);
    }

    [Theory]
    [InlineData("12 mS/cm", 0.012, "S/cm")]
    [InlineData("12 mS cm-1", 0.012, "S/cm")]
    [InlineData("1.2e-2 S/cm", 0.012, "S/cm")]
    [InlineData("0.5 S/m", 0.005, "S/cm")]
    [InlineData("50 µA/cm²", 0.05, "mA/cm²")]
    [InlineData("50 uA cm-2", 0.05, "mA/cm²")]
    [InlineData("5 A/cm²", 5000, "mA/cm²")]
    [InlineData("1710 Ohm cm2", 1710, "Ω·cm²")]
    [InlineData("1.71 kΩ·cm²", 1710, "Ω·cm²")]
    [InlineData("60 GPa", 60000, "MPa")]
    [InlineData("3980 Pa", 0.00398, "MPa")]
    [InlineData("5 g/cm³", 5, "g/cm³")]
    [InlineData("5000 kg/m3", 5, "g/cm³")]
    [InlineData("25 °C", 298.15, "K")]
    [InlineData("300 K", 300, "K")]
    [InlineData("-20 meV", -0.02, "eV")]
    [InlineData("10 nm", 0.01, "µm")]
    [InlineData("1e-12 m²/s", 1e-8, "cm²/s")]
    public void UnitsNormalise(string text, double expected, string unit)
    {
        var q = Quantity.Parse(text);
        Assert.Equal(unit, q.NormalizedUnit);
        Assert.Equal(expected, q.NormalizedValue, 9);
    }

    [Fact]
    public void RangesAndQualifiersParse()
    {
        var r = Quantity.Parse("0.6–7 mAh/g");
        Assert.Equal((0.6, 7.0), (r.Low!.Value, r.High!.Value));
        Assert.Equal(3.8, r.Value, 12);
        var b = Quantity.Parse("<1 Ω·cm²");
        Assert.Equal("<", b.Qualifier);
        Assert.Equal("<1 Ω·cm²", b.Display());
        Assert.Equal("≈", Quantity.Parse("~75 Ω cm^2").Qualifier);
        Assert.Throws<FormatException>(() => Quantity.Parse("7–3 V"));
        Assert.Throws<FormatException>(() => Quantity.Parse("fast"));
    }

    [Fact]
    public void ConversionRoundTripsWithinADimension()
    {
        var units = Units.All.Where(u => u.Dimension == "conductivity").Select(u => u.Symbol).ToArray();
        Prop.ForAll(Gen.Choose(-1000, 1000).ToArbitrary(), Gen.Elements(units).ToArbitrary(), Gen.Elements(units).ToArbitrary(),
            (n, a, b) =>
            {
                var v = n / 7.0;
                var back = Units.Convert(Units.Convert(v, a, b), b, a);
                return Math.Abs(back - v) <= 1e-12 * Math.Max(1, Math.Abs(v));
            }).QuickCheckQuietly();
    }

    [Fact]
    public void LookupsByAliasFormulaAndFamily()
    {
        var kb = KnowledgeBase.Load();
        Assert.Equal("LLZO", kb.GetMaterial("Li7La3Zr2O12").Id);
        Assert.Equal("LLZO", kb.GetMaterial("garnet").Id);
        Assert.Equal("LLZO", kb.GetMaterial("llzo").Id);
        Assert.Equal("LGPS", kb.GetMaterial("Li10GeP2S12").Id);
        Assert.Equal("LGPS", kb.GetMaterial("Li₁₀GeP₂S₁₂").Id);
        Assert.Equal("LPS", kb.GetMaterial("Li3PS4").Id);
        Assert.Equal("LPSCl", kb.GetMaterial("Li6PS5Cl argyrodite").Id);
        Assert.Equal("LPSCl", kb.GetMaterial("argyrodite").Id);
        Assert.Equal("LATP", kb.GetMaterial("Li1.3Al0.3Ti1.7(PO4)3").Id);
        Assert.Equal("LiPON", kb.GetMaterial("lipon").Id);
        Assert.Equal("Li3InCl6", kb.GetMaterial("Li3InCl6").Id);
        Assert.Null(kb.FindMaterial("unobtainium"));
        Assert.Throws<InterphaseException>(() => kb.GetMaterial("unobtainium"));
        Assert.Contains(kb.MaterialsInFamily("sulfide"), m => m.Id == "LGPS");
        Assert.All(kb.MaterialsInFamily("NASICON"), m => Assert.Equal("NASICON", m.Family));
        var llzo = kb.InterfacesFor("LLZO").ToList();
        Assert.Equal(24, llzo.Count(r => r.Id.StartsWith("garnet-t1-")));
        Assert.Contains(llzo, r => r.Id == "ba-si-llczn");
        Assert.DoesNotContain(llzo, r => r.Id.StartsWith("protect-"));
        Assert.Equal(8, kb.InterfacesFor("LGPS").Count());
        Assert.Throws<InterphaseException>(() => kb.InterfacesFor("LLOZ").ToList());
    }

    [Fact]
    public void SearchMatchesAllTerms()
    {
        var kb = KnowledgeBase.Load();
        var hits = kb.Search("Al2O3 coating");
        Assert.Contains(hits, h => h.Id == "garnet-t1-16");
        Assert.DoesNotContain(hits, h => h.Id == "garnet-t1-01");
        Assert.Contains(kb.Search("mixed conducting"), h => h.Kind == "material" && h.Id == "LGPS");
        Assert.Throws<InterphaseException>(() => kb.Search("   "));
    }
}
