using Interphase.Cli;
using Spectre.Console;

// Plain text when piped or redirected: no colour codes in files and other programs' input.
if (Console.IsOutputRedirected)
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(Console.Out) });
// Tables take COLUMNS when set, and are never wrapped or cut when they go to a file or another program.
CliOutput.ApplyWidth(AnsiConsole.Console, Console.IsOutputRedirected, Environment.GetEnvironmentVariable("COLUMNS"));

return CliApp.BuildRoot().Parse(args).Invoke();
