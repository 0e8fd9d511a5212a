namespace Interphase.Data;

/// <summary>
/// Locates the shared data directory read in place (never copied): <c>INTERPHASE_SHARED</c>, else a directory
/// named <c>shared</c> holding <c>README.md</c> and <c>data/</c> beside the working directory or the program or any
/// of their parents, else <c>/work/shared</c>.
/// </summary>
public static class SharedDataDirectory
{
    /// <summary>Environment variable naming the shared directory.</summary>
    public const string EnvironmentVariable = "INTERPHASE_SHARED";

    /// <summary>The shared directory, or null when there is none.</summary>
    public static string? FindDirectory()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env && IsShared(env)) return Path.GetFullPath(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (IsShared(candidate)) return candidate;
            }
        return IsShared("/work/shared") ? "/work/shared" : null;
    }

    /// <summary>The shared Materials Project formation-energy CSV (<c>data/thermo/mp_e_form.csv</c>), or null.</summary>
    public static string? DefaultEntriesCsv() =>
        FindDirectory() is { } dir && Path.Combine(dir, "data", "thermo", "mp_e_form.csv") is var p && File.Exists(p) ? p : null;

    private static bool IsShared(string dir) => File.Exists(Path.Combine(dir, "README.md")) && Directory.Exists(Path.Combine(dir, "data"));
}
