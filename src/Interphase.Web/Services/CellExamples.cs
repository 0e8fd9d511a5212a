using Interphase.Cell;

namespace Interphase.Web.Services;

/// <summary>The example cells (examples/cells) the library embeds, including the review's liquid reference cell.</summary>
public static class CellExamples
{
    private const string Prefix = "Interphase.Cells.";

    private static readonly System.Reflection.Assembly Library = typeof(CellSpec).Assembly;

    /// <summary>Example names, e.g. <c>solid-llzo</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = Library.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length]).Order(StringComparer.Ordinal).ToList();

    /// <summary>The cell of an example.</summary>
    public static CellSpec Load(string name)
    {
        using var stream = Library.GetManifestResourceStream(Prefix + name + ".yaml") ?? throw new InterphaseException($"no example cell '{name}'");
        return CellFile.Parse(new StreamReader(stream).ReadToEnd(), name + ".yaml");
    }
}
