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

    /// <summary>The default thermodynamic entries: the Materials Project formation energies (mp_e_form.csv).</summary>
    /// <exception cref="InterphaseException">No default data can be found.</exception>
    public static string DefaultThermoData() =>
        FilePath("data/thermo/mp_e_form.csv") ?? throw new InterphaseException(
            $"no thermodynamic data given and the default (shared/data/thermo/mp_e_form.csv) was not found; pass --data FILE or set {EnvironmentVariable}");
}
