using System.CommandLine;
using System.Text;
using Interphase.Cli;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Interphase.Tests.CliCommands;

/// <summary>
/// Runs the <c>interphase</c> command line in-process as Program does (every <see cref="ICliModule"/>), capturing
/// stdout (including Spectre tables) and stderr. Captures may run in parallel: <see cref="Console.Out"/>,
/// <see cref="Console.Error"/> and <see cref="AnsiConsole.Console"/> are routed, once for the whole test run, to the
/// writers of the capture in whose asynchronous flow they are called (tasks and parallel loops the command starts
/// inherit it), and to the real console outside any capture. Tests that change process-wide state (environment
/// variables) still belong to the <see cref="ProcessEnvironmentCollection"/>.
/// </summary>
internal static class CliRunner
{
    private sealed record Streams(TextWriter Out, TextWriter Err, IAnsiConsole Ansi);

    private static readonly AsyncLocal<Streams?> Current = new();

    static CliRunner()
    {
        var (realOut, realErr) = (Console.Out, Console.Error);
        var realAnsi = AnsiConsole.Console;
        Console.SetOut(new RoutedWriter(() => Current.Value?.Out ?? realOut));
        Console.SetError(new RoutedWriter(() => Current.Value?.Err ?? realErr));
        AnsiConsole.Console = new RoutedAnsiConsole(() => Current.Value?.Ansi ?? realAnsi);
    }

    public static RootCommand Root() => CliApp.BuildRoot();

    public static (int Code, string Out, string Err) Run(params string[] args) => Capture(() => Root().Parse(args).Invoke());

    /// <summary>Runs a command that must succeed (else the test fails with its stderr); returns what it printed.</summary>
    public static string Output(params string[] args)
    {
        var (code, output, err) = Run(args);
        Assert.True(code == 0, err);
        return output;
    }

    /// <summary>Runs a command with <c>--json</c> that must succeed; returns the document it printed.</summary>
    public static System.Text.Json.JsonElement Json(params string[] args)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(Output([.. args, "--json"]));
        return doc.RootElement.Clone();
    }

    public static (int Code, string Out, string Err) Capture(Func<int> action)
    {
        // One writer per stream, synchronised: a command's parallel work may write from several threads.
        using var o = new StringWriter();
        using var e = new StringWriter();
        var syncOut = TextWriter.Synchronized(o);
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(syncOut),
        });
        // As Program sets it when the output is piped: tables whole, never wrapped to a terminal's width.
        CliOutput.ApplyWidth(ansi, outputRedirected: true, columns: null);
        var previous = Current.Value;
        Current.Value = new Streams(syncOut, TextWriter.Synchronized(e), ansi);
        try
        {
            int code = action();
            return (code, o.ToString(), e.ToString());
        }
        finally
        {
            Current.Value = previous;
        }
    }

    /// <summary>A writer that forwards every call to the writer of the current flow.</summary>
    private sealed class RoutedWriter(Func<TextWriter> target) : TextWriter
    {
        public override Encoding Encoding => target().Encoding;
        public override IFormatProvider FormatProvider => target().FormatProvider;
        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine { get => target().NewLine; set { } }
        public override void Write(char value) => target().Write(value);
        public override void Write(string? value) => target().Write(value);
        public override void Write(char[] buffer, int index, int count) => target().Write(buffer, index, count);
        public override void Write(ReadOnlySpan<char> buffer) => target().Write(buffer);
        public override void WriteLine() => target().WriteLine();
        public override void WriteLine(string? value) => target().WriteLine(value);
        public override void WriteLine(ReadOnlySpan<char> buffer) => target().WriteLine(buffer);
        public override void Flush() => target().Flush();
    }

    /// <summary>A Spectre console that forwards every call to the console of the current flow.</summary>
    private sealed class RoutedAnsiConsole(Func<IAnsiConsole> target) : IAnsiConsole
    {
        public Profile Profile => target().Profile;
        public IAnsiConsoleCursor Cursor => target().Cursor;
        public IAnsiConsoleInput Input => target().Input;
        public IExclusivityMode ExclusivityMode => target().ExclusivityMode;
        public RenderPipeline Pipeline => target().Pipeline;
        public void Clear(bool home) => target().Clear(home);
        public void Write(IRenderable renderable) => target().Write(renderable);
    }
}

/// <summary>
/// Tests that set environment variables (store location, API keys, pull limits, time-outs) or read the ones the
/// others set: run one at a time, in parallel with every other test.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
