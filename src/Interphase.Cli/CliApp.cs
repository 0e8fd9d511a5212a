using System.CommandLine;

namespace Interphase.Cli;

/// <summary>The <c>interphase</c> command tree: every <see cref="ICliModule"/> in this assembly, in name order.</summary>
public static class CliApp
{
    /// <summary>Builds the root command (used by Program and by in-process tests).</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Interphase: interface engineering for all-solid-state lithium batteries");
        var modules = typeof(ICliModule).Assembly.GetTypes()
            .Where(t => typeof(ICliModule).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (ICliModule)Activator.CreateInstance(t)!);
        foreach (var module in modules)
            foreach (var command in module.Commands())
                root.Add(command);
        OutputGuard.Install(root);
        return root;
    }
}
