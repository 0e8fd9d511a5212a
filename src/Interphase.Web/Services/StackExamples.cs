using System.Reflection;

namespace Interphase.Web.Services;

/// <summary>The example stacks of the repository (examples/stacks), embedded in the app.</summary>
public static class StackExamples
{
    private const string Prefix = "Interphase.Web.Stacks.";

    /// <summary>Example names, e.g. <c>ncm811-linbo3-lpscl-liin</c> (the main example first).</summary>
    public static IReadOnlyList<string> Names { get; } = Assembly.GetExecutingAssembly().GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .OrderBy(n => n == "ncm811-linbo3-lpscl-liin" ? 0 : 1).ThenBy(n => n, StringComparer.Ordinal).ToList();

    /// <summary>The YAML text of an example.</summary>
    public static string Text(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name + ".yaml")
            ?? throw new InterphaseException($"no example stack '{name}'");
        return new StreamReader(stream).ReadToEnd();
    }
}
