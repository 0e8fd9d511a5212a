using FsCheck;
using FsCheck.Fluent;
using Interphase.Knowledge;
using Interphase.Stacks;
using Interphase.Tests.Thermodynamics;

namespace Interphase.Tests.Stacks;

/// <summary>The stack file model a form edits: YAML → model → YAML reads back to the same stack; cancellation of an analysis.</summary>
public sealed class StackFileModelTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    private static void AssertSameStack(CellStack expected, CellStack actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Cathode.ToString(), actual.Cathode.ToString());
        Assert.Equal(expected.CathodeCoating?.ToString(), actual.CathodeCoating?.ToString());
        Assert.Equal(expected.Electrolytes.Select(e => e.ToString()), actual.Electrolytes.Select(e => e.ToString()));
        Assert.Equal(expected.AnodeInterlayer?.ToString(), actual.AnodeInterlayer?.ToString());
        Assert.Equal(expected.Anode.ToString(), actual.Anode.ToString());
        Assert.Equal((expected.TemperatureC, expected.StackPressureMpa, expected.CurrentDensityMaPerCm2),
            (actual.TemperatureC, actual.StackPressureMpa, actual.CurrentDensityMaPerCm2));
    }

    [Fact]
    public void Every_example_round_trips_through_the_model_and_back_to_yaml()
    {
        foreach (var file in Directory.GetFiles(StackReaderTests.ExamplesDir, "*.yaml"))
        {
            string text = File.ReadAllText(file);
            string written = StackReader.ToYaml(StackReader.Parse(text, file));
            AssertSameStack(StackReader.Read(text, file), StackReader.Read(written, "written"));
            Assert.Equal(written, StackReader.ToYaml(StackReader.Parse(written))); // a fixed point: the form does not drift
            Assert.DoesNotContain("null", written);
        }
    }

    [Fact]
    public void A_layer_added_in_the_model_appears_in_the_yaml_and_a_bad_value_names_its_key()
    {
        var model = StackReader.Parse(File.ReadAllText(Path.Combine(StackReaderTests.ExamplesDir, "ncm811-lpscl-li.yaml")));
        int before = model.Electrolytes!.Count;
        model.Electrolytes.Add(new StackReader.ElectrolyteDto { Name = "LLZO", Composition = "Li7La3Zr2O12", ThicknessUm = 20 });
        model.AnodeInterlayer = new StackReader.CoatingDto { Name = "Li3N", Composition = "Li3N", ThicknessNm = 50 };
        var stack = StackReader.Read(StackReader.ToYaml(model));
        Assert.Equal(before + 1, stack.Electrolytes.Count);
        Assert.Equal("Li7La3Zr2O12", stack.Electrolytes[^1].Composition.ReducedFormula);
        Assert.Equal(50, stack.AnodeInterlayer!.ThicknessNm);

        model.Electrolytes[^1].ThicknessUm = -3;
        var error = Assert.Throws<InterphaseException>(() => StackReader.Build(model, "form"));
        Assert.Contains($"electrolytes[{before}].thickness_um", error.Message);
    }

    [Fact]
    public void Numbers_survive_the_yaml_exactly()
    {
        var gen = Gen.Choose(1, 1_000_000).Select(n => n / 997.0).Three();
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var model = StackReader.Parse(File.ReadAllText(Path.Combine(StackReaderTests.ExamplesDir, "ncm811-lpscl-li.yaml")));
            model.Electrolytes![0].ThicknessUm = t.Item1;
            model.TemperatureC = t.Item2 % 500;
            model.StackPressureMpa = t.Item3;
            var stack = StackReader.Read(StackReader.ToYaml(model));
            return stack.Electrolytes[0].ThicknessUm == t.Item1 && stack.TemperatureC == t.Item2 % 500 && stack.StackPressureMpa == t.Item3;
        }).QuickCheckQuietly();
    }

    [Fact]
    public void A_cancelled_analysis_stops_with_OperationCanceledException()
    {
        var stack = StackReader.ReadFile(Path.Combine(StackReaderTests.ExamplesDir, "ncm811-lpscl-li.yaml"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var analyzer = new StackAnalyzer(data.Engine, KnowledgeBase.Load(), new ScreeningRemedyFinder(ThermoDataFixture.SharedScreener));
        Assert.ThrowsAny<OperationCanceledException>(() => analyzer.Analyze(stack, null, cancel.Token));
        // The same analyzer still answers when not cancelled.
        Assert.NotEmpty(new StackAnalyzer(data.Engine, KnowledgeBase.Load()).Analyze(stack, null, CancellationToken.None).Interfaces);
    }
}
