using System.CommandLine;

namespace Interphase.Cli;

/// <summary>
/// The <c>interphase</c> command tree: every <see cref="ICliModule"/> in this assembly, its commands listed in help
/// as a researcher works (the whole stack first, then thermodynamics, cell-level models, impedance, data).
/// </summary>
public static class CliApp
{
    /// <summary>The name the tool is run by, shown in usage lines.</summary>
    public const string ToolName = "interphase";

    // Help order by concept; a command not listed here comes after these, in name order.
    private static readonly string[] ConceptOrder =
    [
        "analyze", "screen",                                   // the whole stack, coatings and interlayers
        "window", "hull", "react", "batch", "props", "scl",     // thermodynamics and interface physics
        "cell", "transport", "anode",                          // cell-level and interface models
        "eis",                                                 // impedance
        "data", "kb",                                          // data and knowledge
        "serve",
    ];

    /// <summary>Builds the root command (used by Program and by in-process tests).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Interphase: interface engineering for all-solid-state lithium batteries") { HelpName = ToolName };
        var commands = typeof(ICliModule).Assembly.GetTypes()
            .Where(t => typeof(ICliModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .SelectMany(t => ((ICliModule)Activator.CreateInstance(t)!).Commands())
            .OrderBy(c => Array.IndexOf(ConceptOrder, c.Name) is var i and >= 0 ? i : ConceptOrder.Length)
            .ThenBy(c => c.Name, StringComparer.Ordinal);
        foreach (var command in commands)
            root.Add(command);
        foreach (var version in root.Options.OfType<VersionOption>())
            version.Action = new VersionAction();
        OutputGuard.Install(root);
        return root;
    }

    /// <summary>The tool's version and the data it ships, with the data's attribution and licence.</summary>
    internal static string VersionText()
    {
        var assembly = typeof(CliApp).Assembly;
        string version = assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        return string.Join(Environment.NewLine,
            $"{ToolName} {version}",
            $"built-in data: {Interphase.Data.DefaultData.Name}, tables {string.Join(", ", Interphase.Data.DefaultData.Tables)}",
            $"  {Interphase.Data.DefaultData.Attribution}",
            "  licence: https://creativecommons.org/licenses/by/4.0/ (data unchanged, gzip-compressed)");
    }

    private sealed class VersionAction : System.CommandLine.Invocation.SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            Console.Out.WriteLine(VersionText());
            return 0;
        }
    }
}
