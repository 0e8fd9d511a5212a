using Interphase.Cli;
using Spectre.Console;

// Plain text when piped or redirected: no colour codes in files and other programs' input.
if (Console.IsOutputRedirected)
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(Console.Out) });

return CliApp.BuildRoot().Parse(args).Invoke();
