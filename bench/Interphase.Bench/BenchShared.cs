using Interphase.Data;

namespace Interphase.Bench;

/// <summary>Locates ../shared for the suites that read its data in place.</summary>
internal static class BenchShared
{
    /// <summary>The shared folder, or null after telling the user how to point at it.</summary>
    public static string? Find()
    {
        var shared = SharedData.FindDirectory();
        if (shared is null) Console.Error.WriteLine("shared data not found (set INTERPHASE_SHARED)");
        return shared;
    }

    /// <summary>A file of the shared folder (e.g. <c>data/thermo/mp_e_form.csv</c>), or null after telling the user how
    /// to point at it.</summary>
    public static string? File(string relativePath)
    {
        var path = SharedData.FilePath(relativePath);
        if (path is null) Console.Error.WriteLine($"shared {Path.GetFileName(relativePath)} not found (set INTERPHASE_SHARED)");
        return path;
    }
}
