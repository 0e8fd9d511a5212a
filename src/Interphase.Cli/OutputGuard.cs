using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Interphase.Data;
using Interphase.Reporting;

namespace Interphase.Cli;

/// <summary>
/// Checks every command's output files before the command does any work: an output (<c>--html</c>, <c>--csv</c>,
/// <c>--plot</c>, <c>--output</c>/<c>-o</c>, <c>--out</c>) must not be any file named on the command line, nor the entry
/// store or its <c>-wal</c>/<c>-shm</c> files, nor another output, after following symbolic and hard links.
/// </summary>
public static class OutputGuard
{
    /// <summary>The options that name files a command writes.</summary>
    public static readonly IReadOnlySet<string> OutputOptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "--html", "--csv", "--plot", "--output", "--out",
    };

    /// <summary>Refuses an output that would overwrite an input, the store or another output.</summary>
    /// <exception cref="InterphaseException">An output path is unusable or names an input.</exception>
    public static void Check(ParseResult parse)
    {
        var outputs = new List<(string Option, string Path)>();
        var inputs = new List<string>();
        string? store = null;
        foreach (var child in parse.CommandResult.Children)
        {
            switch (child)
            {
                case OptionResult o when OutputOptions.Contains(o.Option.Name):
                    outputs.AddRange(o.Tokens.Select(t => (o.Option.Name, t.Value)));
                    break;
                case OptionResult o when o.Option.Name == "--store":
                    store = o.Tokens.Select(t => t.Value).LastOrDefault();
                    break;
                case OptionResult o:
                    inputs.AddRange(o.Tokens.Select(t => t.Value));
                    break;
                case ArgumentResult a:
                    inputs.AddRange(a.Tokens.Select(t => t.Value));
                    break;
            }
        }
        if (outputs.Count == 0) return;
        // Only values that name existing files can be destroyed; other values (numbers, formulas) are not paths.
        var files = inputs.Where(v => v.Length > 0 && v.IndexOfAny(['\0']) < 0 && SafeExists(v)).ToList();
        OutputFile.EnsureDistinct(outputs, files, [StoreLocation.Resolve(store)]);
    }

    private static bool SafeExists(string path)
    {
        try { return File.Exists(path); }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException) { return false; }
    }

    /// <summary>Wraps the action of <paramref name="command"/> and of every sub-command so <see cref="Check"/> runs first.</summary>
    public static void Install(Command command)
    {
        foreach (var sub in command.Subcommands) Install(sub);
        if (command.Action is SynchronousCommandLineAction action)
            command.SetAction((ParseResult parse) =>
            {
                int code = CliOutput.Run(() => { Check(parse); return 0; });
                return code != 0 ? code : action.Invoke(parse);
            });
    }
}
