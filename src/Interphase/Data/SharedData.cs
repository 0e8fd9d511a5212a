namespace Interphase.Data;

/// <summary>
/// Locates the shared data directory and the default thermodynamic data source. The one place that decides where
/// entries come from when the user names none.
/// </summary>
public static class SharedData
{
    /// <summary>Environment variable that names the shared data directory explicitly.</summary>
    public const string EnvironmentVariable = "INTERPHASE_SHARED";

    /// <summary>The shared directory (one holding README.md and data/), or null when none is found: the
    /// <see cref="EnvironmentVariable"/> when set, else a <c>shared</c> directory beside any parent of the working or
    /// application directory.</summary>
    /// <exception cref="InterphaseException"><see cref="EnvironmentVariable"/> names a folder that does not exist or
    /// holds no shared data.</exception>
    public static string? FindDirectory() => FindDirectory(Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>As <see cref="FindDirectory()"/>, with <paramref name="env"/> standing for the value of
    /// <see cref="EnvironmentVariable"/> (null or empty: unset).</summary>
    /// <exception cref="InterphaseException"><paramref name="env"/> names a folder that does not exist or holds no shared data.</exception>
    public static string? FindDirectory(string? env)
    {
        static bool IsShared(string? d) => d is not null && System.IO.File.Exists(Path.Combine(d, "README.md")) && Directory.Exists(Path.Combine(d, "data"));
        if (!string.IsNullOrEmpty(env))
        {
            if (IsShared(env)) return Path.GetFullPath(env);
            throw new InterphaseException(Directory.Exists(env)
                ? $"{EnvironmentVariable} is set to {env}, which holds no shared data (README.md and data/); point it at the shared folder or unset it"
                : $"{EnvironmentVariable} is set to {env}, which does not exist; point it at the shared folder or unset it");
        }
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (IsShared(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>A file inside the shared directory, or null when the directory or the file is missing.</summary>
    public static string? FilePath(string relativePath)
    {
        var dir = FindDirectory();
        if (dir is null) return null;
        var path = Path.Combine(dir, relativePath);
        return System.IO.File.Exists(path) ? path : null;
    }

    /// <summary>The shared directory only when <see cref="EnvironmentVariable"/> names it: the user's explicit choice of
    /// data (a shared folder found beside the working directory is for reference files, not the default data).</summary>
    /// <exception cref="InterphaseException">The variable names a folder that does not exist or holds no shared data.</exception>
    public static string? ExplicitDirectory() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env ? FindDirectory(env) : null;

    /// <summary>A table of the shipped data set (<see cref="DefaultData.Tables"/>) inside a shared directory, where the
    /// shared layout keeps it (<c>data/thermo/</c> for formation energies, <c>data/properties/</c> for the rest), or null.</summary>
    public static string? FindTable(string sharedDirectory, string table)
    {
        string sub = table == DefaultData.ThermoTable ? "thermo" : "properties";
        var path = Path.Combine(sharedDirectory, "data", sub, table);
        return System.IO.File.Exists(path) ? path : null;
    }
}
