using Interphase.Data;
using Interphase.Chemistry;
using Interphase.Data.Online;

namespace Interphase.Web.Services;

/// <summary>
/// The entry store as the web app uses it: statistics, imports of uploaded files and online pulls. Writes are
/// serialised in this process (SQLite makes each one a transaction, so a failed import leaves the store unchanged),
/// and the shared <see cref="EngineProvider"/> reloads afterwards.
/// </summary>
public sealed class StoreService(WebServerOptions options, EngineProvider engines)
{
    private readonly SemaphoreSlim _writes = new(1, 1);

    /// <summary>The store path the CLI would use with the same <c>--store</c>.</summary>
    public string Path => StoreLocation.Resolve(options.StorePath);

    /// <summary>Statistics, or null when no store exists yet.</summary>
    public StoreStats? Stats()
    {
        if (!File.Exists(Path)) return null;
        using var s = EntryStore.OpenExisting(Path);
        return s.Stats();
    }

    /// <summary>
    /// Imports an uploaded entry file (CSV, pymatgen JSON or a Materials Project response) as one source, all or
    /// nothing. The upload is written to a private temporary file that is deleted afterwards; no user path is touched.
    /// </summary>
    public async Task<ImportSummary> ImportAsync(Stream content, string fileName, string? sourceName, string field, CancellationToken cancel)
    {
        MaterialsProjectJson.BasisOf(field);
        string name = string.IsNullOrWhiteSpace(sourceName) ? System.IO.Path.GetFileName(fileName) : sourceName.Trim();
        if (name.Length == 0) throw new InterphaseException("the source needs a name");
        string dir = Directory.CreateTempSubdirectory("interphase-upload-").FullName;
        try
        {
            // Keep the extension (the reader picks the format from it); the name itself is never used as a path.
            string ext = System.IO.Path.GetExtension(fileName) is { Length: > 0 and <= 10 } e && e.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') ? e : "";
            string temp = System.IO.Path.Combine(dir, "upload" + ext);
            IReadOnlyList<Entry> entries;
            try
            {
                await using (var file = File.Create(temp)) await content.CopyToAsync(file, cancel);
                entries = EntryFileReader.Read(temp, name, field);
            }
            catch (Exception ex) when (ex is InterphaseException or IOException && ex.Message.Contains(dir, StringComparison.Ordinal))
            {
                // The reader names the file it read: the user's upload, not this server's temporary path.
                string upload = Interphase.Quoted.Cap(System.IO.Path.GetFileName(fileName) is { Length: > 0 } n ? n : "the upload", 100);
                throw new InterphaseException(ex.Message.Replace(temp, upload, StringComparison.Ordinal).Replace(dir, "(temporary folder)", StringComparison.Ordinal), ex);
            }
            await _writes.WaitAsync(cancel);
            try
            {
                using var store = EntryStore.Open(Path);
                var summary = store.ImportSource(entries, name, "upload:" + System.IO.Path.GetFileName(fileName));
                engines.Invalidate();
                return summary;
            }
            finally { _writes.Release(); }
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { /* temp folder, cleaned by the OS */ }
        }
    }

    /// <summary>Pulls a chemical system from an online source into the store. The API key lives only in this call.</summary>
    public async Task<ImportSummary> PullAsync(string source, string chemsys, string? apiKey, IProgress<PullProgress>? progress, CancellationToken cancel)
    {
        var system = ChemicalSystem.Parse(chemsys).Elements;
        IEntryProvider provider = source.Trim().ToLowerInvariant() switch
        {
            "mp" => new MaterialsProjectClient(apiKey: string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim()),
            "oqmd" => new OqmdClient(),
            var s when s.StartsWith("optimade:", StringComparison.Ordinal) => new OptimadeClient(source.Trim()["optimade:".Length..]),
            _ => throw new InterphaseException($"unknown source '{source}' (use mp, oqmd or optimade:BASE_URL)"),
        };
        await _writes.WaitAsync(cancel);
        try
        {
            using var store = EntryStore.Open(Path);
            var summary = await EntryPuller.PullAsync(provider, store, system, progress, cancel);
            engines.Invalidate();
            return summary;
        }
        finally { _writes.Release(); }
    }
}
