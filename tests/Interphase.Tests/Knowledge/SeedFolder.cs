namespace Interphase.Tests.Knowledge;

/// <summary>Finds ../shared/seeds (INTERPHASE_SHARED, walking up from the test binaries, or /work/shared); null when absent.</summary>
internal static class SeedFolder
{
    public static string? Find()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("INTERPHASE_SHARED") is { Length: > 0 } env) candidates.Add(env);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            candidates.Add(Path.Combine(dir.FullName, "shared"));
        candidates.Add("/work/shared");
        return candidates.Select(c => Path.Combine(c, "seeds")).FirstOrDefault(d => Directory.Exists(d) && File.Exists(Path.Combine(d, "..", "README.md")));
    }
}
