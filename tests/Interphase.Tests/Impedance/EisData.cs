namespace Interphase.Tests.Impedance;

/// <summary>Locates ../shared/data/eis (INTERPHASE_SHARED, then parents of the test binary, then /work/shared).</summary>
internal static class EisData
{
    static readonly Lazy<string> Dir = new(() =>
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("INTERPHASE_SHARED") is { Length: > 0 } env) candidates.Add(env);
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            candidates.Add(Path.Combine(d.FullName, "shared"));
        candidates.Add("/work/shared");
        var root = candidates.FirstOrDefault(c => System.IO.File.Exists(Path.Combine(c, "README.md")) && Directory.Exists(Path.Combine(c, "data")))
                   ?? throw new DirectoryNotFoundException("shared/ with data/ not found; set INTERPHASE_SHARED");
        return Path.Combine(root, "data", "eis");
    });

    public static string File(string name) => Path.Combine(Dir.Value, name);
}
