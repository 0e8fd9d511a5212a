using Interphase.Knowledge;

namespace Interphase.Tests.Knowledge;

public class ProductCharacterTests
{
    private static readonly IProductCharacterSource Source = ProductCharacterTable.Default;

    [Theory]
    [InlineData("Li2S", true)]
    [InlineData("Li3P", true)]
    [InlineData("LiCl", true)]
    [InlineData("LiBr", true)]
    [InlineData("LiI", true)]
    [InlineData("Li3N", true)]
    [InlineData("Li2O", true)]
    [InlineData("LiF", true)]
    [InlineData("Li2Se", true)]
    [InlineData("Li3PO4", true)]
    [InlineData("Li2SO4", false)]
    public void ListedSaltsAreInsulating(string formula, bool ionic)
    {
        var c = Source.Classify(formula);
        Assert.Equal(ElectronicCharacter.Insulating, c.Electronic);
        Assert.Equal(ionic, c.IonicConductor);
        Assert.Contains(Reviews.All, r => c.Citation.StartsWith(r.Short + ", ", StringComparison.Ordinal));
        Assert.Equal(formula, c.Formula);
    }

    [Theory]
    [InlineData("Li15Ge4")]
    [InlineData("LiGe")]
    [InlineData("Li15Si4")]
    [InlineData("Li22Sn5")]
    [InlineData("LiIn")]
    [InlineData("LiAl")]
    [InlineData("Li3Sb")]
    [InlineData("Li3Bi")]
    [InlineData("LiZn")]
    [InlineData("Li3Mg7")]
    [InlineData("LiAg")]
    [InlineData("Li3Au")]
    [InlineData("Co9S8")]
    [InlineData("Ti3P")]
    [InlineData("TiAl")]
    [InlineData("Ni3S2")]
    [InlineData("CoS2")]
    [InlineData("NiS")]
    [InlineData("Ge")]
    [InlineData("Co")]
    [InlineData("Li")]
    [InlineData("Ti2O3")]
    [InlineData("LiTiO2")]
    [InlineData("TaO2")]
    [InlineData("NbO2")]
    [InlineData("Li3Ti2P3O12")]
    public void AlloysMetalsSulfidesAndReducedOxidesConduct(string formula)
    {
        var c = Source.Classify(formula);
        Assert.Equal(ElectronicCharacter.Conducting, c.Electronic);
        Assert.False(string.IsNullOrEmpty(c.Citation));
    }

    [Theory]
    [InlineData("LiNbO3")]
    [InlineData("LiTaO3")]
    [InlineData("La2O3")]
    [InlineData("ZrO2")]
    [InlineData("Al2O3")]
    [InlineData("Li2ZrO3")]
    [InlineData("TiO2")]
    [InlineData("Li7La3Zr2O12")]
    [InlineData("Li3BO3")]
    [InlineData("Li2CO3")]
    public void FullyOxidisedOxidesInsulate(string formula) =>
        Assert.Equal(ElectronicCharacter.Insulating, Source.Classify(formula).Electronic);

    [Fact]
    public void ElementOrderDoesNotMatterForExplicitEntries()
    {
        var c = Source.Classify("SLi2");
        Assert.Equal(ElectronicCharacter.Insulating, c.Electronic);
        Assert.Equal("SLi2", c.Formula);
    }

    [Theory]
    [InlineData("Li3InCl6")]
    [InlineData("Li2O2Xx")]
    [InlineData("not a formula")]
    [InlineData("")]
    public void UnknownsAreUnknown(string formula) =>
        Assert.Equal(ElectronicCharacter.Unknown, Source.Classify(formula).Electronic);

    [Fact]
    public void LgpsReductionProductsMakeAMixedConductor()
    {
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.1: LGPS + Li -> Li2S (insulator) + Li3P (ionic) + Li-Ge alloy (electronic) = MIEC
        var products = new[] { "Li2S", "Li3P", "Li15Ge4" }.Select(Source.Classify).ToList();
        Assert.Contains(products, p => p.Electronic == ElectronicCharacter.Conducting);
        Assert.Contains(products, p => p.IonicConductor == true);
        // Li6PS5Cl + Li -> Li2S + Li3P + LiCl: all insulating, so the interphase passivates
        Assert.All(new[] { "Li2S", "Li3P", "LiCl" }.Select(Source.Classify), p => Assert.Equal(ElectronicCharacter.Insulating, p.Electronic));
    }

    [Fact]
    public void EveryRuleAndEntryCitesAReview()
    {
        var table = KnowledgeBase.Load().Products;
        Assert.True(table.Entries.Count >= 15);
        Assert.True(table.Rules.Count >= 6);
        Assert.All(table.Entries, e => Assert.Contains(Reviews.All, r => e.Citation.StartsWith(r.Short + ", ", StringComparison.Ordinal)));
        Assert.All(table.Rules, r => Assert.Contains(r.Citation.ReviewKey, Reviews.All.Select(x => x.Key)));
    }
}
