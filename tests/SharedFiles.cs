using Interphase.Data;

namespace Interphase.Tests;

/// <summary>
/// The reference files of the shared folder (<c>../shared</c> beside the repository, or <c>INTERPHASE_SHARED</c>):
/// pymatgen results, impedance.py and its instrument files, the review texts. Tests that compare against them are
/// reported as skipped, naming what is missing, when the folder is absent (a bare clone); with
/// <see cref="RequireVariable"/> set (CI, which has the folder) a missing file fails the test instead.
/// </summary>
internal static class SharedFiles
{
    /// <summary>Set to 1 to make a missing shared file a failure rather than a skip.</summary>
    public const string RequireVariable = "INTERPHASE_REQUIRE_SHARED";

    /// <summary>The shared folder, or null when there is none.</summary>
    public static string? Directory
    {
        get
        {
            try { return SharedData.FindDirectory(); }
            catch (InterphaseException) { return null; }
        }
    }

    /// <summary>Whether missing shared files fail tests (CI) rather than skip them.</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The reason to skip when one of <paramref name="relativePaths"/> is missing (null: all present, or required).</summary>
    public static string? SkipReason(string[] relativePaths)
    {
        if (Required) return null;
        var dir = Directory;
        var missing = relativePaths.Where(p => dir is null || !(File.Exists(System.IO.Path.Combine(dir, p)) || System.IO.Directory.Exists(System.IO.Path.Combine(dir, p)))).ToList();
        return missing.Count == 0 ? null
            : $"needs the shared reference {string.Join(", ", missing.Select(m => "shared/" + m))} ({(dir is null ? "no shared folder beside the repository; set INTERPHASE_SHARED" : "not in " + dir)})";
    }

    /// <summary>A file or folder of the shared folder; throws naming it when missing (for tests marked as needing it).</summary>
    public static string Path(string relative)
    {
        var dir = Directory ?? throw new InvalidOperationException($"shared/{relative} is needed but no shared folder was found (set INTERPHASE_SHARED)");
        var path = System.IO.Path.Combine(dir, relative);
        if (!File.Exists(path) && !System.IO.Directory.Exists(path)) throw new InvalidOperationException($"shared/{relative} is needed but not in {dir}");
        return path;
    }
}

/// <summary>A [Fact] that needs files of the shared folder: skipped (naming them) when they are missing.</summary>
internal sealed class SharedFactAttribute : FactAttribute
{
    public SharedFactAttribute(params string[] relativePaths) => Skip = SharedFiles.SkipReason(relativePaths);
}

/// <summary>A [Theory] that needs files of the shared folder: skipped (naming them) when they are missing.</summary>
internal sealed class SharedTheoryAttribute : TheoryAttribute
{
    public SharedTheoryAttribute(params string[] relativePaths) => Skip = SharedFiles.SkipReason(relativePaths);
}
