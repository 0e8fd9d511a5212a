using Interphase.Stacks;
using Interphase.Tests.Cell;

namespace Interphase.Tests.Stacks;

public class StackReaderTests
{
    internal static string ExamplesDir => Path.Combine(ExamplePaths.Examples, "stacks");

    /// <summary>The file name of every example stack, for theories over all of them.</summary>
    public static TheoryData<string> Examples =>
        new(Directory.GetFiles(ExamplesDir, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));

    [Fact]
    public void EveryExampleStackReads()
    {
        var files = Directory.GetFiles(ExamplesDir, "*.yaml");
        Assert.True(files.Length >= 5);
        foreach (var f in files)
        {
            var stack = StackReader.ReadFile(f);
            Assert.NotEmpty(stack.Electrolytes);
            Assert.True(stack.Interfaces().Count >= 2, f);
        }
    }

    [Fact]
    public void CoatedStackHasFourInterfacesWithTheRightPotentials()
    {
        var stack = StackReader.ReadFile(Path.Combine(ExamplesDir, "ncm811-linbo3-lpscl-liin.yaml"));
        var interfaces = stack.Interfaces();
        Assert.Equal(["NCM811 | LiNbO3", "LiNbO3 | Li6PS5Cl", "Li6PS5Cl | Li–In"], interfaces.Select(i => i.Label));
        Assert.Equal(4.3, interfaces[1].MaxVolts);
        Assert.Equal(InterfaceSide.Cathode, interfaces[1].Side);
        Assert.Equal(InterfaceSide.Anode, interfaces[2].Side);
        Assert.Equal(0.62, interfaces[2].MinVolts);
        Assert.Equal("Li0.25Mn0.1Co0.1Ni0.8O2", stack.Cathode.ChargedComposition.FullFormula);
        Assert.Equal(AnodeKind.LithiumIndium, stack.Anode.Kind);
    }

    [Fact]
    public void InterfaceBetweenTwoElectrolytesIsInternal()
    {
        var stack = StackReader.ReadFile(Path.Combine(ExamplesDir, "ncm811-li3incl6-lpscl-li.yaml"));
        Assert.Equal([InterfaceSide.Cathode, InterfaceSide.Internal, InterfaceSide.Anode], stack.Interfaces().Select(i => i.Side));
    }

    [Fact]
    public void DelithiationFractionGivesTheChargedComposition()
    {
        var stack = StackReader.Read("""
            cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2], delithiation_fraction: 0.5 }
            electrolytes: [ { composition: Li3PS4, thickness_um: 50 } ]
            anode: { kind: li-metal }
            """);
        Assert.Equal(0.5, stack.Cathode.ChargedComposition["Li"], 12);
        Assert.Equal(0.0, stack.Anode.PotentialVolts);
    }

    [Theory]
    [InlineData("cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2] }\nanode: { kind: li-metal }", "electrolytes")]
    [InlineData("electrolytes: [ { composition: Li3PS4, thickness_um: 50 } ]\nanode: { kind: li-metal }", "'cathode' layer is missing")]
    [InlineData("cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2] }\nelectrolytes: [ { composition: Li3PS4, thickness_um: -5 } ]\nanode: { kind: li-metal }", "thickness_um' must be a positive number")]
    [InlineData("cathode: { composition: LiCoO2, voltage_range_v: [4.2, 3.0] }\nelectrolytes: [ { composition: Li3PS4, thickness_um: 5 } ]\nanode: { kind: li-metal }", "voltage_range_v")]
    [InlineData("cathode: { composition: LiCoQ2, voltage_range_v: [3.0, 4.2] }\nelectrolytes: [ { composition: Li3PS4, thickness_um: 5 } ]\nanode: { kind: li-metal }", "unknown element 'Q'")]
    [InlineData("cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2] }\nelectrolytes: [ { composition: Li3PS4, thickness_um: 5 } ]\nanode: { kind: li-metal }\nstack_presure_mpa: 3", "line 4")]
    [InlineData("cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2] }\nelectrolytes: [ { composition: Li3PS4, thickness_um: 5 } ]\nanode: { kind: sodium }", "'anode.kind' 'sodium'")]
    [InlineData("cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2] }\nelectrolytes: [ { composition: Li3PS4, thickness_um: 5 } ]\nanode: { kind: li-metal }\nstack_pressure_mpa: -1", "stack_pressure_mpa")]
    [InlineData("cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2], density_g_cm3: 5e-324 }\nelectrolytes: [ { composition: Li3PS4, thickness_um: 5 } ]\nanode: { kind: li-metal }", "'cathode.density_g_cm3' must be a density between 0.01 and 30 g/cm³")]
    [InlineData("cathode: { composition: LiCoO2, voltage_range_v: [3.0, 4.2], loading_mg_cm2: 1e308 }\nelectrolytes: [ { composition: Li3PS4, thickness_um: 5 } ]\nanode: { kind: li-metal }", "'cathode.loading_mg_cm2' must be a loading above 0 and at most 10,000 mg/cm²")]
    public void BadStacksGetClearErrors(string yaml, string expected)
    {
        var ex = Assert.Throws<InterphaseException>(() => StackReader.Read(yaml, "test.yaml"));
        Assert.Contains(expected, ex.Message);
        Assert.StartsWith("test.yaml", ex.Message);
    }

    [Fact]
    public void MissingFileIsAnError() =>
        Assert.Contains("not found", Assert.Throws<InterphaseException>(() => StackReader.ReadFile("/nonexistent/stack.yaml")).Message);
}
