using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Runtime.CompilerServices;
using Interphase.Data;
using Interphase.Reporting;

namespace Interphase.Cli;

/// <summary>
/// Checks every command's output files before the command does any work: an output (<c>--html</c>, <c>--csv</c>,
/// <c>--plot</c>, <c>--output</c>/<c>-o</c>, <c>--out</c>, and the names a command derives from them) must not be any
/// file the command reads — named on the command line, found in a folder it reads, or read by default (the shared
/// data files) — nor the entry store or its <c>-wal</c>/<c>-shm</c>/<c>-journal</c> files, nor another output, after
/// following symbolic and hard links.
/// </summary>
public static class OutputGuard
{
    /// <summary>The options that name files a command writes.</summary>
    public static readonly IReadOnlySet<string> OutputOptions = new HashSet<string>(StringComparer.Ordinal)
    {
        "--html", "--csv", "--plot", "--output", "--out",
    };

    // What a command reads beyond the files named on its command line, and the files it writes when these are not
    // simply the values of its output options; both are declared next to the command.
    private static readonly ConditionalWeakTable<Command, Func<ParseResult, IEnumerable<string>>> Reads = new();
    private static readonly ConditionalWeakTable<Command, Func<ParseResult, IEnumerable<(string Option, string Path)>>> Writes = new();

    /// <summary>Declares files <paramref name="command"/> reads that its command line does not name (e.g. a folder's files).</summary>
    public static void ReadsAlso(Command command, Func<ParseResult, IEnumerable<string>> files) => Reads.AddOrUpdate(command, files);

    /// <summary>Declares every file <paramref name="command"/> writes (e.g. names derived from an option, a default beside the input).</summary>
    public static void WritesTo(Command command, Func<ParseResult, IEnumerable<(string Option, string Path)>> files) => Writes.AddOrUpdate(command, files);

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
        var command = parse.CommandResult.Command;
        if (Writes.TryGetValue(command, out var writes)) outputs = writes(parse).ToList();
        if (outputs.Count == 0) return;
        var others = new List<(string Path, string What)>();
        if (Reads.TryGetValue(command, out var reads)) others.AddRange(reads(parse).Select(f => (f, "a file this command reads")));
        others.AddRange(DefaultInputs().Select(f => (f, "a data file commands read by default")));
        // Only values that name existing files can be destroyed; other values (numbers, formulas) are not paths.
        var files = inputs.Where(v => v.Length > 0 && v.IndexOfAny(['\0']) < 0 && SafeExists(v)).ToList();
        OutputFile.EnsureDistinct(outputs, files, [StoreLocation.Resolve(store)], others);
    }

    /// <summary>
    /// The files commands read when the user names none: the built-in Materials Project tables as unpacked (or the
    /// copies of <c>INTERPHASE_SHARED</c>), and those of a shared folder found beside the working folder. An unusable
    /// <c>INTERPHASE_SHARED</c> protects nothing here; the command that reads it reports it.
    /// </summary>
    internal static IEnumerable<string> DefaultInputs()
    {
        var paths = new List<string>();
        try
        {
            paths.AddRange(DefaultData.Tables.Select(DefaultData.TablePath));
            if (SharedData.FindDirectory() is { } dir)
                paths.AddRange(DefaultData.Tables.Select(t => SharedData.FindTable(dir, t)).OfType<string>());
        }
        catch (InterphaseException) { }
        return paths.Distinct(StringComparer.Ordinal);
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
