using Interphase.Tests.Cell;
using Interphase.Tests.Data;

using Xunit.Abstractions;

namespace Interphase.Tests.Safety;

/// <summary>
/// Seeded fuzz of the YAML inputs, mutated from the examples (lines deleted, duplicated, swapped; values replaced by
/// huge, tiny, non-numeric, null, aliased and unicode ones; truncation): <c>analyze</c> on stacks, <c>cell energy</c>
/// and <c>cell break-even</c> on cells, in-process. Never exit 70, never a hang, never "Infinity".
/// </summary>
public sealed class FuzzYamlTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    /// <summary>A handful of entries covering the example stacks' main chemical systems, so that analyses are fast.</summary>
    internal const string StackEntries = """
        formula,e_form_per_atom
        Li,0.0
        O2,0.0
        S,0.0
        P,0.0
        Cl2,0.0
        Ni,0.0
        Co,0.0
        Mn,0.0
        In,0.0
        Nb,0.0
        Li2O,-2.07
        Li2O2,-1.65
        Li2S,-1.56
        Li3PS4,-1.27
        Li3P,-0.7
        LiCl,-1.9
        P2S5,-0.4
        Li6PS5Cl,-1.4
        NiO,-1.2
        LiNiO2,-1.5
        Li3PO4,-2.6
        LiNbO3,-2.7
        Nb2O5,-2.8
        InCl3,-1.0
        Li3InCl6,-1.5
        LiIn,-0.2
        """;

    // Comments are not what a parser trips on, and without them a finding's input is short enough to read.
    private static string WithoutComments(string yaml) =>
        string.Join('\n', yaml.Split('\n').Where(l => !l.TrimStart().StartsWith('#')));

    private static readonly string[] StackNames = ["ncm811-lpscl-li.yaml", "ncm811-linbo3-lpscl-liin.yaml", "ncm811-li3incl6-lpscl-li.yaml"];

    private static readonly string[] StackScalars =
    [
        .. Mutate.HostileScalars, "li-metal", "li-in", "graphite", "alloy", "Li", "LiNbO3", "LiIn", "[2.5, 4.3]", "[4.3, 2.5]", "[0, 0]",
        "Li6PS5Cl-argyrodite-electrolyte-layer-with-a-45", "Li6PS5Cl · argyrodite · ünïcödé · layer · name · x45",
        "{name: X, composition: Li2O, thickness_um: 1}", "[{name: X, composition: Li2O, thickness_um: 1}]",
    ];

    [Fact]
    public void AnalyzeOnMutatedStacksNeverEndsInAnInternalError()
    {
        string data = _tmp.Write("entries.csv", StackEntries);
        string html = _tmp.File("report.html");
        var run = new FuzzRun("stack yaml");
        var r = run.Random();
        var stacks = StackNames.Select(n => WithoutComments(File.ReadAllText(Path.Combine(ExamplePaths.Examples, "stacks", n)))).ToArray();
        for (int c = 0; c < FuzzRun.Cases(60); c++)
        {
            string original = r.Pick(stacks);
            string yaml = Mutate.Text(original, r, StackScalars);
            string file = _tmp.Write("stack.yaml", yaml);
            string[] args = ["analyze", file, "--no-recommendations", "--data", data,
                .. r.Next(4) == 0 ? ["--json"] : Array.Empty<string>(), .. r.Next(5) == 0 ? ["--html", html] : Array.Empty<string>()];
            run.Cli(c, yaml, args, TimeSpan.FromSeconds(30), original: original);
        }
        run.AssertClean(log);
    }

    private static readonly string[] CellNames = ["solid-llzo.yaml", "solid-lgps.yaml", "solid-latp.yaml", "liquid-reference.yaml"];

    [Fact]
    public void CellCommandsOnMutatedCellsNeverEndInAnInternalError()
    {
        var run = new FuzzRun("cell yaml");
        var r = run.Random();
        var cells = CellNames.Select(n => WithoutComments(File.ReadAllText(ExamplePaths.Cell(n)))).ToArray();
        string reference = ExamplePaths.Cell("liquid-reference.yaml");
        for (int c = 0; c < FuzzRun.Cases(125); c++)
        {
            string original = r.Pick(cells);
            string yaml = Mutate.Text(original, r);
            string file = _tmp.Write("cell.yaml", yaml);
            string[] args = r.Next(4) == 0
                ? ["cell", "break-even", file, "--against", reference]
                : ["cell", "energy", file, .. r.Next(3) == 0 ? ["--json"] : Array.Empty<string>()];
            run.Cli(c, yaml, args, TimeSpan.FromSeconds(20), original: original);
        }
        run.AssertClean(log);
    }
}
