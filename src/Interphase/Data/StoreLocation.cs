namespace Interphase.Data;

/// <summary>
/// Where the entry store lives: an explicit path (<c>--store</c>), else <c>INTERPHASE_STORE</c>, else the per-user
/// data directory — <c>$XDG_DATA_HOME/interphase/entries.db</c> or <c>~/.local/share/interphase/entries.db</c>, and
/// <c>%LOCALAPPDATA%\interphase\entries.db</c> on Windows.
/// </summary>
public static class StoreLocation
{
    /// <summary>Environment variable that overrides the default store path.</summary>
    public const string EnvironmentVariable = "INTERPHASE_STORE";

    /// <summary>The store path to use given an optional explicit path.</summary>
    /// <exception cref="InterphaseException">An explicit path that is empty or blank.</exception>
    public static string Resolve(string? explicitPath = null)
    {
        if (explicitPath is not null && string.IsNullOrWhiteSpace(explicitPath))
            throw new InterphaseException($"--store is empty: give the store's file path, or leave --store out for the default (${EnvironmentVariable} or {DefaultPath()})");
        if (explicitPath is not null) return Path.GetFullPath(explicitPath);
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
        return DefaultPath();
    }

    /// <summary>The conventional per-user path (ignores overrides).</summary>
    public static string DefaultPath()
    {
        string dir;
        if (OperatingSystem.IsWindows())
        {
            dir = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }
        else
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
            dir = !string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)
                ? xdg
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        return Path.Combine(dir, "interphase", "entries.db");
    }
}
