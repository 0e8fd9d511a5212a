using Interphase.Cell;

namespace Interphase.Tests.Cell;

public class CellInputTests
{
    private static string Yaml => File.ReadAllText(ExamplePaths.Cell("solid-llzo.yaml"));

    [Fact]
    public void UnknownKeyIsNamedWithItsLine()
    {
        var ex = Assert.Throws<InterphaseException>(() => CellFile.Parse(Yaml.Replace("average_voltage_v", "average_voltage"), "x.yaml"));
        Assert.Contains("x.yaml", ex.Message);
        Assert.Contains("average_voltage", ex.Message);
        Assert.Contains("line", ex.Message);
    }

    [Theory]
    [InlineData("thickness_um: 20", "thickness_um: -20", "separator.thickness_um")]
    [InlineData("porosity: 0.0", "porosity: 1.0", "separator.porosity")]
    [InlineData("excess: 0.20", "excess: -0.2", "anode.excess")]
    [InlineData("loading_mg_per_cm2: 19.5", "loading_mg_per_cm2: 0", "cathode.loading_mg_per_cm2")]
    [InlineData("kind: solid", "kind: gel", "electrolyte.kind")]
    [InlineData("thickness_um: 60", "thickness_um: 20", "cathode.thickness_um")]
    // a typo, not a material: a density of 1e-300 g/cm³ made the separator limit "≤ Infinity µm"
    [InlineData("capacity_mah_per_g: 200, weight_fraction: 0.80, density_g_per_cm3: 4.7", "capacity_mah_per_g: 200, weight_fraction: 0.80, density_g_per_cm3: 1e-300", "NCA).density_g_per_cm3 must be a density between 0.01 and 30 g/cm³")]
    [InlineData("anode: { name: Cu, thickness_um: 5, density_g_per_cm3: 8.96 }", "anode: { name: Cu, thickness_um: 5, density_g_per_cm3: 896 }", "current_collectors.anode.density_g_per_cm3")]
    [InlineData("loading_mg_per_cm2: 19.5", "loading_mg_per_cm2: 1e308", "at most 10,000 mg/cm²")]
    public void ImpossibleValuesAreNamed(string from, string to, string key)
    {
        var ex = Assert.Throws<InterphaseException>(() => CellEnergyModel.Evaluate(CellFile.Parse(Yaml.Replace(from, to), "x.yaml")));
        Assert.Contains(key, ex.Message);
    }

    [Fact]
    public void LiquidCellNeedsElectrolyteDensity()
    {
        var yaml = File.ReadAllText(ExamplePaths.Cell("liquid-reference.yaml")).Replace("  density_g_per_cm3: 1.1\n", "");
        var ex = Assert.Throws<InterphaseException>(() => CellFile.Parse(yaml));
        Assert.Contains("electrolyte.density_g_per_cm3", ex.Message);
    }

    [Fact]
    public void WeightFractionsMustSumToOne()
    {
        var yaml = File.ReadAllText(ExamplePaths.Cell("liquid-reference.yaml")).Replace("weight_fraction: 0.02", "weight_fraction: 0.12");
        var ex = Assert.Throws<InterphaseException>(() => CellFile.Parse(yaml));
        Assert.Contains("cathode.components weight fractions", ex.Message);
    }

    [Fact]
    public void MissingFileIsAnInterphaseError()
    {
        Assert.Throws<InterphaseException>(() => CellFile.Load("/nonexistent/cell.yaml"));
    }
}
