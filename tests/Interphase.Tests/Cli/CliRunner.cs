using System.CommandLine;
using Interphase.Cli;
using Spectre.Console;

namespace Interphase.Tests.CliCommands;

/// <summary>
/// Runs the <c>interphase</c> command line in-process as Program does (every <see cref="ICliModule"/>), capturing
/// stdout (including Spectre tables) and stderr. Tests using it belong to the "Console" collection.
/// </summary>
internal static class CliRunner
{
    public static RootCommand Root() => CliApp.BuildRoot();

    public static (int Code, string Out, string Err) Run(params string[] args) => Capture(() => Root().Parse(args).Invoke());

    public static (int Code, string Out, string Err) Capture(Func<int> action)
    {
        var (oldOut, oldErr, oldConsole) = (Console.Out, Console.Error, AnsiConsole.Console);
        using var o = new StringWriter();
        using var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(o),
        });
        try
        {
            return (action(), o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldErr);
            AnsiConsole.Console = oldConsole;
        }
    }
}
