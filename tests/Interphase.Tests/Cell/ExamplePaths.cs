namespace Interphase.Tests.Cell;

/// <summary>Finds the repository's examples/ folder from the test binary directory.</summary>
internal static class ExamplePaths
{
    public static string Examples { get; } = Find();

    public static string Cell(string name) => Path.Combine(Examples, "cells", name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "examples");
            if (Directory.Exists(Path.Combine(candidate, "cells"))) return candidate;
        }
        throw new DirectoryNotFoundException("examples/ not found above " + AppContext.BaseDirectory);
    }
}
