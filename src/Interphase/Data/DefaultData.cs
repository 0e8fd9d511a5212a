using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;

namespace Interphase.Data;

/// <summary>
/// The data Interphase ships (<c>data/matbench-v0.1/</c>, built into this assembly gzip-compressed): the Materials
/// Project sets of Matbench v0.1 (CC BY 4.0). They are what the analyses use when the user chose none. Each table is
/// unpacked once into the user's cache folder (written to a temporary file and renamed into place, keyed by the
/// table's content hash) so that the readers and their per-file cache see an ordinary CSV file.
/// </summary>
public static class DefaultData
{
    /// <summary>Name and version of the shipped data set, as <c>--version</c> and <c>data stats</c> print it.</summary>
    public const string Name = "Matbench v0.1 (Materials Project)";

    /// <summary>Attribution and licence of the shipped data, one line.</summary>
    public const string Attribution =
        "Materials Project data from Matbench v0.1 (Dunn et al., npj Comput. Mater. 6, 138 (2020); Jain et al., APL Mater. 1, 011002 (2013)), CC BY 4.0";

    /// <summary>The shipped formation-energy table.</summary>
    public const string ThermoTable = "mp_e_form.csv";

    /// <summary>The shipped experimental band gaps (Zhuo et al., J. Phys. Chem. Lett. 9, 1668 (2018)).</summary>
    public const string ExperimentalGapTable = "expt_gap.csv";

    /// <summary>Environment variable naming the folder the tables are unpacked into (default: the user cache folder).</summary>
    public const string CacheEnvironmentVariable = "INTERPHASE_CACHE";

    private const string ResourcePrefix = "Interphase.DefaultData.";
    private static readonly object Lock = new();
    private static readonly Dictionary<string, string> Unpacked = new(StringComparer.Ordinal);

    /// <summary>The names of the shipped tables (e.g. <c>mp_e_form.csv</c>, <c>mp_gap.csv</c>).</summary>
    public static IReadOnlyList<string> Tables { get; } = typeof(DefaultData).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".gz", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^3]).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The path of a shipped table as a plain CSV file, unpacked on first use. When <c>INTERPHASE_SHARED</c> names a
    /// shared folder, its copy is used instead (the user chose it).
    /// </summary>
    /// <param name="table">A name of <see cref="Tables"/>.</param>
    /// <exception cref="InterphaseException">The table is not shipped, or no folder can be written to unpack it.</exception>
    public static string TablePath(string table)
    {
        if (SharedData.ExplicitDirectory() is { } shared && SharedData.FindTable(shared, table) is { } chosen) return chosen;
        lock (Lock)
        {
            if (Unpacked.TryGetValue(table, out var known) && File.Exists(known)) return known;
            var path = Unpack(table);
            Unpacked[table] = path;
            return path;
        }
    }

    /// <summary>The built-in formation energies (<see cref="ThermoTable"/>) as a CSV file path.</summary>
    public static string ThermoPath() => TablePath(ThermoTable);

    /// <summary>Where the shipped tables are read from, for messages (<c>data stats</c>, <c>--version</c>).</summary>
    public static string Description =>
        SharedData.ExplicitDirectory() is { } shared
            ? $"the shared data in {shared} ({SharedData.EnvironmentVariable})"
            : $"the built-in {Name} data set";

    private static string Unpack(string table)
    {
        var assembly = typeof(DefaultData).Assembly;
        using var resource = assembly.GetManifestResourceStream(ResourcePrefix + table + ".gz")
            ?? throw new InterphaseException($"the built-in data has no table '{table}' (it has {string.Join(", ", Tables)})");
        var compressed = new MemoryStream();
        resource.CopyTo(compressed);
        string hash = Convert.ToHexStringLower(SHA256.HashData(compressed.GetBuffer().AsSpan(0, (int)compressed.Length)))[..16];
        Exception? last = null;
        foreach (var root in CacheRoots())
        {
            try
            {
                string dir = Path.Combine(root, "default-data", hash);
                string path = Path.Combine(dir, table);
                if (File.Exists(path)) return path;
                Directory.CreateDirectory(dir);
                // Unpacked beside its final name and renamed into place: a concurrent or interrupted first run never
                // leaves a partial table where a later run would read it.
                string temp = Path.Combine(dir, $".{table}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
                try
                {
                    compressed.Position = 0;
                    using (var gz = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true))
                    using (var output = File.Create(temp))
                        gz.CopyTo(output);
                    File.Move(temp, path, overwrite: true);
                }
                finally
                {
                    if (File.Exists(temp)) File.Delete(temp);
                }
                return path;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                last = ex;
            }
        }
        throw new InterphaseException($"cannot unpack the built-in data table {table}: no writable cache folder ({last?.Message}); set {CacheEnvironmentVariable} to a writable folder");
    }

    private static IEnumerable<string> CacheRoots()
    {
        if (Environment.GetEnvironmentVariable(CacheEnvironmentVariable) is { Length: > 0 } env) yield return env;
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg) yield return Path.Combine(xdg, "interphase");
        string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile, Environment.SpecialFolderOption.DoNotVerify);
        if (OperatingSystem.IsWindows() && local.Length > 0) yield return Path.Combine(local, "interphase", "cache");
        else if (home.Length > 0) yield return Path.Combine(home, ".cache", "interphase");
        yield return Path.Combine(Path.GetTempPath(), $"interphase-{Environment.UserName}");
    }
}
