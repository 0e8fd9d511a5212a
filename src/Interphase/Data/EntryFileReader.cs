using System.Text.Json;

namespace Interphase.Data;

/// <summary>The entry file formats Interphase reads.</summary>
public enum EntryFileFormat
{
    /// <summary>CSV with a formula and an energy column (<c>formula,e_form_per_atom</c>, see <see cref="EntryCsvReader"/>).</summary>
    Csv,
    /// <summary>A JSON list of pymatgen entry dicts, or <c>{"entries": [...]}</c> (see <see cref="PymatgenEntryReader"/>).</summary>
    PymatgenJson,
    /// <summary>A Materials Project API response, <c>{"data": [...]}</c> (see <see cref="MaterialsProjectJson"/>).</summary>
    MaterialsProjectJson,
}

/// <summary>Reads an entry file of any supported kind, chosen by content: a JSON list of pymatgen entry dicts,
/// a Materials Project API response, or a <c>formula,e_form_per_atom</c> CSV table.</summary>
public static class EntryFileReader
{
    /// <summary>Reads the file, detecting its format from its content; the source is the file name (CSV rows share
    /// one provenance, for loading speed).</summary>
    /// <exception cref="InterphaseException">Missing or unreadable file (see the format readers for details).</exception>
    public static List<Entry> Read(string path) =>
        Cached(path, "", () => Detect(path) == EntryFileFormat.Csv ? EntryCsvReader.Read(path) : ReadUncached(path, Path.GetFileName(path), MaterialsProjectJson.FormationField));

    /// <summary>Reads the file with <paramref name="sourceName"/> as the entries' source (CSV rows without an id column
    /// get their line number as id).</summary>
    /// <param name="path">The file.</param>
    /// <param name="sourceName">Source recorded in the provenance.</param>
    /// <param name="mpField">For Materials Project responses, the energy field (see <see cref="MaterialsProjectJson.BasisOf"/>).</param>
    public static List<Entry> Read(string path, string sourceName, string mpField = MaterialsProjectJson.FormationField) =>
        Cached(path, sourceName + "|" + mpField, () => ReadUncached(path, sourceName, mpField));

    private static List<Entry> ReadUncached(string path, string sourceName, string mpField) =>
        Detect(path) switch
        {
            EntryFileFormat.Csv => EntryCsvReader.Read(path, sourceName),
            EntryFileFormat.PymatgenJson => PymatgenEntryReader.Read(path, sourceName),
            _ => MaterialsProjectJson.ReadFile(path, sourceName, mpField),
        };

    // A long-lived process (the web app, a test run) reads the same large data file again and again, at about a second
    // of parsing for the 132,752-row Materials Project CSV: the entries of the last large file read are kept, keyed by
    // its full path, length and time of last change (entries are immutable; each caller gets its own list).
    private const long CacheMinBytes = 1 << 20;
    private static readonly object CacheLock = new();
    private static (string Key, List<Entry> Entries)? _lastLarge;

    private static List<Entry> Cached(string path, string variant, Func<List<Entry>> read)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length < CacheMinBytes) return read();
        string key = $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}|{variant}";
        lock (CacheLock)
        {
            if (_lastLarge is { } hit && hit.Key == key) return [.. hit.Entries];
        }
        var entries = read();
        lock (CacheLock) _lastLarge = (key, entries);
        return [.. entries];
    }

    /// <summary>The format of a file: JSON when its first non-blank character opens an array or object (an object
    /// with a <c>data</c> list is a Materials Project response), CSV otherwise.</summary>
    /// <exception cref="InterphaseException">Missing file or malformed JSON.</exception>
    public static EntryFileFormat Detect(string path)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        int first;
        using (var r = new StreamReader(path))
        {
            do first = r.Read(); while (first >= 0 && (char.IsWhiteSpace((char)first) || first == '\uFEFF'));
        }
        if (first == '[') return EntryFileFormat.PymatgenJson;
        if (first != '{') return EntryFileFormat.Csv;
        using var doc = PymatgenEntryReader.ParseFile(path);
        return MaterialsProjectJson.IsApiResponse(doc.RootElement) ? EntryFileFormat.MaterialsProjectJson : EntryFileFormat.PymatgenJson;
    }
}
