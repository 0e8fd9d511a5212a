using System.CommandLine;
using System.Reflection;
using Interphase.Cli;
using Spectre.Console;

// Plain text when piped or redirected: no colour codes in files and other programs' input.
if (Console.IsOutputRedirected)
    AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(Console.Out) });

var root = new RootCommand("Interphase: interface engineering for all-solid-state lithium batteries");
var modules = typeof(ICliModule).Assembly.GetTypes()
    .Where(t => typeof(ICliModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .OrderBy(t => t.Name, StringComparer.Ordinal)
    .Select(t => (ICliModule)Activator.CreateInstance(t)!);
foreach (var module in modules)
    foreach (var command in module.Commands())
        root.Add(command);

return root.Parse(args).Invoke();
