using Interphase.Cell;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Stacks;
using Interphase.Tests.Cell;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Data;

namespace Interphase.Tests.Safety;

/// <summary>Edge inputs that used to crash or be silently wrong: each is now a clear error naming the problem.</summary>
public sealed class EdgeInputTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Stack => File.ReadAllText(Path.Combine(ExamplePaths.Examples, "stacks", "ncm811-lpscl-li.yaml"));

    private static string Replace(string text, string old, string replacement)
    {
        Assert.Contains(old, text);
        return text.Replace(old, replacement);
    }

    [Theory]
    [InlineData("Li1000000000000000000000000000000O", "more than 1,000,000")]
    [InlineData("Li999999999999999999999", "more than 1,000,000")]
    [InlineData("Li6000000000PS5Cl", "more than 1,000,000")]
    [InlineData("(Li1001)1000O", "more than 1,000,000 atoms")]
    [InlineData("1000000Li2O-1O", "more than 1,000,000 atoms")]
    [InlineData("Li0.00000001O", "smaller than 0.000001")]
    public void FormulaAmountsBeyondAnyFormulaAreErrors(string formula, string fragment)
    {
        var ex = Assert.Throws<FormulaException>(() => FormulaParser.Parse(formula));
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void HullOfAnOverflowingFormulaIsAnErrorNotAWrongAnswer()
    {
        string csv = _tmp.Write("small.csv", EntryStoreTests.SmallCsv);
        var (code, stdout, err) = CliRunner.Run("hull", "Li1000000000000000000000000000000O", "--data", csv);
        Assert.True(code == 2, $"exit {code}: {stdout}{err}");
        Assert.DoesNotContain("9223372036854775807", stdout + err);
        Assert.Contains("beyond any formula", err);
    }

    [Fact]
    public void AStackWithAHugeCompositionIsAnError()
    {
        var ex = Assert.Throws<InterphaseException>(() => StackReader.Read(Replace(Stack, "composition: Li6PS5Cl", "composition: Li6000000000PS5Cl")));
        Assert.Contains("electrolytes[0].composition", ex.Message);
        Assert.Contains("beyond any formula", ex.Message);
    }

    [Fact]
    public void ErrorMessagesQuoteOnlyTheStartOfAHugeInput()
    {
        string huge = "Li" + new string('(', 1) + new string('x', 100_000);
        var (code, _, err) = CliRunner.Run("kb", "products", huge);
        Assert.Equal(2, code);
        Assert.True(err.Length < 2_500, $"message of {err.Length} characters");
        var ex = Assert.Throws<FormulaException>(() => FormulaParser.Parse("Li2O" + new string('Q', 50_000)));
        Assert.True(ex.Message.Length < 300, ex.Message);
    }

    [Fact]
    public void ACsvRowWithMoreFieldsThanTheHeaderIsAnError()
    {
        string csv = _tmp.Write("extra.csv", "formula,e_form_per_atom\nLi2O,1,5\n");
        var ex = Assert.Throws<InterphaseException>(() => EntryCsvReader.Read(csv));
        Assert.Contains("line 2", ex.Message);
        Assert.Contains("3 fields but the header names 2 columns", ex.Message);
        var (code, _, err) = CliRunner.Run("data", "import", csv, "--store", _tmp.Store);
        Assert.Equal(2, code);
        Assert.Contains("3 fields", err);
        Assert.False(File.Exists(_tmp.Store) && new EntryStoreCount(_tmp.Store).Count > 0);
    }

    private sealed class EntryStoreCount(string path)
    {
        public int Count { get; } = Open(path);

        private static int Open(string path)
        {
            using var s = EntryStore.OpenReadOnly(path);
            return s.Count();
        }
    }

    [Fact]
    public void AnEmptyListItemIsAnErrorNotACrash()
    {
        var ex = Assert.Throws<InterphaseException>(() => StackReader.Read(Replace(Stack, "electrolytes:\n", "electrolytes:\n  -\n")));
        Assert.Contains("empty list item", ex.Message);
        string cell = File.ReadAllText(ExamplePaths.Cell("solid-llzo.yaml"));
        int k = cell.IndexOf("components:", StringComparison.Ordinal);
        Assert.True(k > 0);
        var ex2 = Assert.Throws<InterphaseException>(() => CellFile.Parse(cell.Insert(k + "components:".Length, "\n    - null"), "c.yaml"));
        Assert.Contains("empty list item", ex2.Message);
        var ex3 = Assert.Throws<InterphaseException>(() => StackReader.Read(Replace(Stack, "stack_pressure_mpa: 5", "stack_pressure_mpa:")));
        Assert.Contains("'stack_pressure_mpa' has no value", ex3.Message);
    }

    [Fact]
    public void AnAliasBombIsRefusedQuickly()
    {
        var layer = "  - &e {name: SE, composition: Li6PS5Cl, thickness_um: 50}\n";
        string yaml = Replace(Stack, Stack[Stack.IndexOf("electrolytes:", StringComparison.Ordinal)..Stack.IndexOf("anode:", StringComparison.Ordinal)],
            "electrolytes:\n" + layer + string.Concat(Enumerable.Repeat("  - *e\n", 200_000)));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var ex = Assert.Throws<InterphaseException>(() => StackReader.Read(yaml));
        Assert.Contains("aliases", ex.Message);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(10), $"took {sw.Elapsed}");

        // Nested aliases (a billion laughs) are caught by the expanded size, not only the alias count.
        var laughs = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) laughs.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var bomb = Assert.Throws<InterphaseException>(() => YamlInput.Parse<Dictionary<string, object>>(laughs.ToString(), "bomb.yaml"));
        Assert.Contains("aliases", bomb.Message);
    }

    [Fact]
    public void TooManyLayersIsAnError()
    {
        string many = string.Concat(Enumerable.Range(0, 11).Select(i => $"  - {{name: SE{i}, composition: Li6PS5Cl, thickness_um: 5}}\n"));
        string yaml = Replace(Stack, Stack[Stack.IndexOf("electrolytes:", StringComparison.Ordinal)..Stack.IndexOf("anode:", StringComparison.Ordinal)], "electrolytes:\n" + many);
        var ex = Assert.Throws<InterphaseException>(() => StackReader.Read(yaml));
        Assert.Contains("at most 10", ex.Message);
    }

    [Fact]
    public void DuplicateKeysAreErrors()
    {
        var ex = Assert.Throws<InterphaseException>(() => StackReader.Read(Replace(Stack, "stack_pressure_mpa: 5", "stack_pressure_mpa: 5\nstack_pressure_mpa: 50")));
        Assert.Contains("line", ex.Message);
        Assert.Contains("stack_pressure_mpa", ex.Message);
    }

    [Fact]
    public void AMappingWhereANumberBelongsIsAnError()
    {
        var ex = Assert.Throws<InterphaseException>(() => StackReader.Read(Replace(Stack, "temperature_c: 25", "temperature_c: {}")));
        Assert.Contains("expected a number here, found a mapping", ex.Message);
        var ex2 = Assert.Throws<InterphaseException>(() => StackReader.Read(Replace(Stack, "temperature_c: 25", "temperature_c: [1]")));
        Assert.Contains("expected a number here, found a list", ex2.Message);
    }
}

/// <summary>Layer names as long as researchers write them still give a report with charts.</summary>
public sealed class LongLayerNameTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void AnalyzeHtmlRendersWith45CharacterLayerNames()
    {
        string stack = File.ReadAllText(Path.Combine(ExamplePaths.Examples, "stacks", "ncm811-linbo3-lpscl-liin.yaml"));
        string[] names = ["NCM811 single-crystal cathode, batch 2026-11-A", "LiNbO3 coating (ALD, 5 nm) on NCM811, batch 7",
            "Li6PS5Cl argyrodite separator, cold pressed 1", "Li-In alloy anode foil, 100 um, 1:1 at. ratio"];
        Assert.All(names, n => Assert.InRange(n.Length, 45, 47));
        var lines = stack.Split('\n');
        int k = 0;
        for (int i = 0; i < lines.Length && k < names.Length; i++)
            if (lines[i].TrimStart().StartsWith("name:", StringComparison.Ordinal) || lines[i].TrimStart().StartsWith("- name:", StringComparison.Ordinal))
                if (lines[i].StartsWith(' ')) lines[i] = lines[i][..(lines[i].IndexOf("name:", StringComparison.Ordinal) + 5)] + $" \"{names[k++]}\"";
        Assert.True(k >= 3, "the example names its layers");
        string file = _tmp.Write("long.yaml", string.Join('\n', lines));
        string data = _tmp.Write("entries.csv", FuzzYamlTests.StackEntries);
        string html = _tmp.File("long.html");
        var (code, _, err) = CliRunner.Run("analyze", file, "--no-recommendations", "--data", data, "--html", html);
        Assert.True(code == 0, $"exit {code}: {err}");
        string report = File.ReadAllText(html);
        Assert.Contains("<svg", report);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(names[2]), report);
    }
}

/// <summary>Inputs the fuzz suite found ending in an internal error; each is now a clear error.</summary>
public sealed class FuzzFindingTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    // An unclosed '{' followed by a line indented less: YamlDotNet's scanner throws InvalidOperationException.
    private const string UnclosedFlow = "name: x\ncathode:\n  components:\n    - { name: 4.3\n  porosity: 1\n";

    [Fact]
    public void AnUnclosedBraceFollowedByALessIndentedLineIsAClearYamlError()
    {
        var ex = Assert.Throws<InterphaseException>(() => CellFile.Parse(UnclosedFlow, "c.yaml"));
        Assert.Contains("c.yaml: not valid YAML", ex.Message);
        var ex2 = Assert.Throws<InterphaseException>(() => StackReader.Read("name: x\nelectrolytes:\n  - { name: 4.3\n anode: 1\n", "s.yaml"));
        Assert.Contains("not valid YAML", ex2.Message);
        var (code, _, err) = CliRunner.Run("cell", "energy", _tmp.Write("c.yaml", UnclosedFlow));
        Assert.True(code == 2, $"exit {code}: {err}");
        Assert.Contains("not closed", err);
    }

    [Fact]
    public void ASmallAmountIsWrittenWithoutAnExponentAndReadsBack()
    {
        var c = Composition.Parse("Fe2O0.0000013");
        Assert.Equal("Fe2O0.0000013", c.ToString());
        Assert.Equal("Fe2O0.0000013", c.FullFormula);
        Assert.True(FormulaParser.Parse(c.FullFormula).AlmostEquals(c, 1e-12));
    }
}
