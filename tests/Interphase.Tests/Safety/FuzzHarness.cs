using System.Diagnostics;
using System.Text;
using Interphase.Tests.CliCommands;
using Xunit.Abstractions;

namespace Interphase.Tests.Safety;

/// <summary>
/// Runs seeded fuzz cases through the command line in-process, each within a time bound, and collects what a case must
/// never do: exit 70 (internal error), any exit code the README does not list, a stack trace, a hang, "Infinity" in
/// the output, the API key in any output. The seed is fixed (<see cref="DefaultSeed"/>, or <c>INTERPHASE_FUZZ_SEED</c>
/// to explore); every finding names the seed, the parser, the case number, the arguments and the input. Cases of one
/// run may go in parallel (the command line's console capture is per flow): the counts and findings are locked.
/// </summary>
internal sealed class FuzzRun(string parser)
{
    /// <summary>The seed every fuzz test uses unless INTERPHASE_FUZZ_SEED is set.</summary>
    public const int DefaultSeed = 20_261_127;

    public static int Seed { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("INTERPHASE_FUZZ_SEED"), out int s) ? s : DefaultSeed;

    /// <summary>
    /// Multiplies every fuzz test's number of cases (<c>INTERPHASE_FUZZ_SCALE</c>, default 1): the suite runs a bounded
    /// set on every build; a deeper search sets it to 10 or more, with or without another seed.
    /// </summary>
    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("INTERPHASE_FUZZ_SCALE"), out int k) && k > 0 ? k : 1;

    /// <summary>The number of cases to run for a test whose suite-sized count is <paramref name="cases"/>.</summary>
    public static int Cases(int cases) => cases * Scale;

    private readonly List<string> _findings = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Parser { get; } = parser;

    /// <summary>Cases run so far.</summary>
    public int CasesRun { get; private set; }

    /// <summary>Exit codes seen, for the test output.</summary>
    public Dictionary<int, int> Codes { get; } = [];

    /// <summary>A random source for this parser: the seed mixed with the parser's name (stable across runs).</summary>
    public Random Random() => new(Seed ^ StableHash(Parser));

    private static int StableHash(string text)
    {
        unchecked
        {
            int h = (int)2166136261;
            foreach (char c in text) h = (h ^ c) * 16777619;
            return h;
        }
    }

    /// <summary>
    /// Runs one case: the CLI in-process with <paramref name="args"/>, within <paramref name="bound"/>. Returns the
    /// result, or null when the case hung (then the test fails with every finding so far).
    /// </summary>
    public (int Code, string Out, string Err)? Cli(int caseNo, string input, string[] args, TimeSpan bound, string? secret = null, string? original = null)
    {
        lock (_findings) CasesRun++;
        if (original is not null) input = Diff(original, input);
        var sw = Stopwatch.StartNew();
        var task = Task.Run(() => CliRunner.Run(args));
        if (!task.Wait(bound))
        {
            Finding(caseNo, input, args, $"no answer within {bound.TotalSeconds:0.#} s");
            Assert.Fail(Report());
            return null;
        }
        var r = task.Result;
        lock (_findings) Codes[r.Code] = Codes.GetValueOrDefault(r.Code) + 1;
        string all = r.Out + r.Err;
        if (r.Code == 70 || all.Contains("internal error", StringComparison.Ordinal))
            Finding(caseNo, input, args, $"exit {r.Code}: {Cap(r.Err)}");
        else if (r.Code is not (0 or 1 or 2 or 3 or 130))
            Finding(caseNo, input, args, $"exit {r.Code} is not a documented exit code: {Cap(r.Err)}");
        // Notes (a pull saying what it waits for) may come before the error; the first other line must be it.
        else if (r.Code == 2 && !string.Join('\n', r.Err.Split('\n').SkipWhile(l => l.StartsWith("note: ", StringComparison.Ordinal))).StartsWith("error: ", StringComparison.Ordinal))
            Finding(caseNo, input, args, $"exit 2 without an 'error: ' message: {Cap(r.Err)}");
        if (all.Contains("   at Interphase", StringComparison.Ordinal) || all.Contains("   at System.", StringComparison.Ordinal))
            Finding(caseNo, input, args, "a stack trace in the output");
        // "∞" is allowed where it is the truth (the open end of a window profile); a computed Infinity is not.
        if (r.Code == 0 && r.Out.Contains("Infinity", StringComparison.Ordinal))
            Finding(caseNo, input, args, $"prints Infinity: {Cap(Around(r.Out, "Infinity"))}");
        if (secret is not null && all.Contains(secret, StringComparison.Ordinal))
            Finding(caseNo, input, args, "the API key appears in the output");
        if (sw.Elapsed > bound)
            Finding(caseNo, input, args, $"took {sw.Elapsed.TotalSeconds:0.0} s, more than {bound.TotalSeconds:0.#} s");
        return r;
    }

    /// <summary>Cases, exit codes and time, for the test log.</summary>
    public string Summary =>
        $"{Parser}: {CasesRun} cases in {_clock.Elapsed.TotalSeconds:0.0} s (seed {Seed}); exit codes " +
        string.Join(", ", Codes.OrderBy(c => c.Key).Select(c => $"{c.Key}: {c.Value}"));

    /// <summary>Counts a case run without the command line (a library call).</summary>
    public void Library(int code)
    {
        lock (_findings)
        {
            CasesRun++;
            Codes[code] = Codes.GetValueOrDefault(code) + 1;
        }
    }

    /// <summary>Records a finding for a case.</summary>
    public void Finding(int caseNo, string input, string[] args, string what)
    {
        lock (_findings) _findings.Add($"seed {Seed}, {Parser} case {caseNo}: {what}\n    args: {string.Join(' ', args)}\n    input: {Cap(input, 600)}");
    }

    /// <summary>Fails the test with every finding (seed, case, input) when there is any.</summary>
    public void AssertClean(ITestOutputHelper? log = null)
    {
        log?.WriteLine(Summary);
        if (_findings.Count > 0) Assert.Fail(Report());
    }

    private string Report() =>
        $"{_findings.Count} finding(s) in {CasesRun} {Parser} cases (seed {Seed}; set INTERPHASE_FUZZ_SEED to change it):\n" +
        string.Join("\n", _findings.Take(15));

    private static string Around(string text, string what)
    {
        int i = text.IndexOf(what, StringComparison.Ordinal);
        return text[Math.Max(0, i - 200)..Math.Min(text.Length, i + 60)];
    }

    /// <summary>The lines of <paramref name="mutated"/> that are not in <paramref name="original"/> (+) and those gone (-).</summary>
    public static string Diff(string original, string mutated)
    {
        var a = original.Split('\n');
        var b = mutated.Split('\n');
        var added = b.Where(l => !a.Contains(l)).Select(l => "+ " + l);
        var removed = a.Where(l => !b.Contains(l)).Select(l => "- " + l);
        var d = string.Join("\n", removed.Concat(added));
        return d.Length == 0 ? "(lines reordered or duplicated)\n" + mutated : "mutation:\n" + d;
    }

    public static string Cap(string text, int max = 400) =>
        (text.Length <= max ? text : text[..max] + $"… ({text.Length - max} more)").Replace("\r", "\\r");
}

/// <summary>Seeded mutations of text inputs: lines deleted, duplicated, swapped; scalars replaced by hostile values.</summary>
internal static class Mutate
{
    /// <summary>The structural edits every line fuzzer makes: 0 drops line i, 1 repeats it, 2 swaps it with another.</summary>
    public static void Structure(List<string> lines, int i, int op, Random r)
    {
        switch (op)
        {
            case 0: lines.RemoveAt(i); break;
            case 1: lines.Insert(i, lines[i]); break;
            default:
                int j = r.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
        }
    }

    /// <summary>Values a careless parser trips on: huge, tiny, not numbers, YAML specials, unicode, long text.</summary>
    public static readonly string[] HostileScalars =
    [
        "0", "-0", "-1", "1e308", "-1e308", "1e309", "1e-320", "5e-324", "1e-300", "9999999999999999999999", "-9223372036854775809",
        ".nan", ".inf", "-.inf", "NaN", "Infinity", "-Infinity", "~", "null", "", "[]", "{}", "[1, 2]", "{a: 1}", "true", "\"\"", "'x'",
        "Li₆PS₅Cl", "Ω·cm²", "😀", "ß", "\u200b", "0x10", "1_000", "1,5", "3.4.5", "*nope", "!!binary AAAA", "!!str 5", "!custom x",
        "Li6000000000PS5Cl", "Li0.0000001O", "Xx2O", "(Li2O", "Li2O)", "li2o", "Li-In", "2.5e-3", "1e5", "-273.15", "-274", "4.3", "100000",
        new string('L', 300), "\"\\u0000\"", "\"a\\tb\"", "[1e308, 1e308]", "[-5, 5]", "[5, -5]", "[2.5]", "[2.5, 4.3, 5]",
    ];

    public static T Pick<T>(this Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    /// <summary>One to three line-level or scalar mutations of YAML/CSV-like text.</summary>
    public static string Text(string text, Random r, IReadOnlyList<string>? scalars = null)
    {
        scalars ??= HostileScalars;
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        int n = r.Next(3) == 0 ? 2 + r.Next(2) : 1;
        for (int k = 0; k < n && lines.Count > 0; k++)
        {
            int i = r.Next(lines.Count);
            int op = r.Next(11);
            switch (op)
            {
                case 0 or 1 or 2: Mutate.Structure(lines, i, op, r); break;
                case 3 or 4: lines[i] = ReplaceValue(lines[i], r.Pick(scalars)); break;
                case 5: lines[i] = ReplaceValue(lines[i], Number(r)); break;
                case 6: // an anchor on one value, an alias to it elsewhere
                    lines[i] = ReplaceValue(lines[i], "&a " + r.Pick(scalars));
                    int t = r.Next(lines.Count);
                    lines[t] = ReplaceValue(lines[t], "*a");
                    break;
                case 7: lines[i] = new string(' ', r.Next(6)) + lines[i].TrimStart(); break;
                case 8: lines[i] = lines[i].Insert(r.Next(lines[i].Length + 1), r.Pick(["\t", ":", "- ", "#", "\"", "'", "{", "[", "&", "*", "|", ">", "%", "@", "`", "é", "\u0085", "\ufeff"])); break;
                case 9: // a key the reader does not know, or a known key where it does not belong
                    lines.Insert(i, new string(' ', 2 * r.Next(3)) + r.Pick(["unknown_key", "name", "thickness_um", "composition", "kind", "components"]) + ": " + r.Pick(scalars));
                    break;
                default: // truncated
                    string joined = string.Join('\n', lines);
                    return joined[..r.Next(joined.Length + 1)];
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>A number of any sign and magnitude from 1e-15 to 1e15 (extreme but readable values).</summary>
    public static string Number(Random r) =>
        ((r.Next(4) == 0 ? -1 : 1) * Math.Round(1 + 9 * r.NextDouble(), 2) * Math.Pow(10, r.Next(-15, 16))).ToString("G4", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Replaces the value after "key:" (or a list item's content, or a CSV field) by <paramref name="value"/>.</summary>
    public static string ReplaceValue(string line, string value)
    {
        int colon = line.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0 && line.TrimEnd().EndsWith(':')) colon = line.TrimEnd().Length - 1;
        if (colon >= 0) return line[..(colon + 1)] + " " + value;
        int dash = line.IndexOf("- ", StringComparison.Ordinal);
        if (dash >= 0) return line[..(dash + 2)] + value;
        int comma = line.LastIndexOf(',');
        if (comma >= 0) return line[..(comma + 1)] + value;
        return value;
    }

    /// <summary>Replaces numbers in a line of a numeric table (fields split by tabs, commas or spaces) by hostile ones.</summary>
    public static string NumericLine(string line, Random r)
    {
        string[] numbers = ["1e308", "-1e308", "1e-300", "1e-320", "0", "-0", "NaN", "nan", "inf", "-inf", "1,5", "", "x", "1e400", "5", "5", "1.0E+03"];
        var sb = new StringBuilder();
        int start = 0;
        var fields = new List<(int Start, int End)>();
        for (int i = 0; i <= line.Length; i++)
        {
            bool sep = i == line.Length || line[i] is '\t' or ',' or ' ' or ';';
            if (sep)
            {
                if (i > start) fields.Add((start, i));
                start = i + 1;
            }
        }
        if (fields.Count == 0) return line;
        var (s, e) = fields[r.Next(fields.Count)];
        return line[..s] + r.Pick(numbers) + line[e..];
    }
}
