namespace Interphase.Tests.Knowledge;

/// <summary>The review texts of shared/seeds; null when there is no shared folder.</summary>
internal static class SeedFolder
{
    /// <summary>The folder relative to the shared folder.</summary>
    public const string Folder = "seeds";

    public static string? Find() => SharedFiles.Directory is { } dir && Directory.Exists(Path.Combine(dir, Folder)) ? Path.Combine(dir, Folder) : null;
}
