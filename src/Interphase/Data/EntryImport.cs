using System.Globalization;
using System.Text.Json;
using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>The entry file formats Interphase reads.</summary>
public enum EntryFileFormat
{
    /// <summary>CSV with a formula column and an energy column (<c>formula,e_form_per_atom</c>, the shared format).</summary>
    Csv,
    /// <summary>A JSON list of pymatgen <c>ComputedEntry</c> dicts (or <c>{"entries": [...]}</c>).</summary>
    PymatgenJson,
    /// <summary>A Materials Project API response (<c>{"data": [...]}</c>, thermo or summary documents).</summary>
    MaterialsProjectJson,
}

/// <summary>
/// Reads entry files into entries for import. Every problem is an <see cref="EntryFileException"/> naming the file,
/// the line (CSV) or record (JSON) and the problem.
/// </summary>
/// <remarks>
/// CSV columns (case-insensitive, any order): <c>formula</c> (required); the energy, one of <c>e_form_per_atom</c> /
/// <c>formation_energy_per_atom</c> / <c>delta_e</c> (formation, eV/atom), <c>energy_per_atom</c> (raw total,
/// eV/atom) or <c>energy</c> (raw total, eV for the formula as written); optional <c>basis</c>
/// (<c>formation</c>/<c>raw_total</c>, overrides the column's meaning), <c>source_id</c> (or <c>material_id</c>,
/// <c>entry_id</c>, <c>id</c>), <c>functional</c>, <c>correction_scheme</c>. Without an id column the line number is the id.
/// </remarks>
public static class EntryImport
{
    private static readonly string[] FormationColumns = ["e_form_per_atom", "formation_energy_per_atom", "delta_e", "e_form"];
    private static readonly string[] IdColumns = ["source_id", "material_id", "entry_id", "id"];

    /// <summary>Guesses the format from the extension and, for JSON, the top-level shape.</summary>
    public static EntryFileFormat Detect(string path)
    {
        if (!File.Exists(path)) throw new InterphaseException($"entry file not found: {path}");
        using var stream = File.OpenRead(path);
        int c;
        do c = stream.ReadByte(); while (c is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        if (c == '[') return EntryFileFormat.PymatgenJson;
        if (c == '{')
        {
            stream.Position = 0;
            try
            {
                using var doc = JsonDocument.Parse(stream);
                return MaterialsProjectJson.IsApiResponse(doc.RootElement) ? EntryFileFormat.MaterialsProjectJson : EntryFileFormat.PymatgenJson;
            }
            catch (JsonException ex)
            {
                throw new EntryFileException(path, (int)(ex.LineNumber ?? 0) + 1, $"malformed JSON: {ex.Message}", ex);
            }
        }
        return EntryFileFormat.Csv;
    }

    /// <summary>Reads every entry of a file (format detected) with <paramref name="source"/> as their source.</summary>
    /// <param name="path">The file.</param>
    /// <param name="source">Source name for the provenance.</param>
    /// <param name="mpField">For MP API responses, the energy field (see <see cref="MaterialsProjectJson.BasisOf"/>).</param>
    public static IEnumerable<Entry> Read(string path, string source, string mpField = MaterialsProjectJson.FormationField) =>
        Detect(path) switch
        {
            EntryFileFormat.Csv => ReadCsv(path, source),
            EntryFileFormat.PymatgenJson => ReadJson(path, source, (el, s) => PymatgenEntryJson.Read(el, s)),
            _ => ReadJson(path, source, (el, s) => MaterialsProjectJson.Read(el, s, mpField)),
        };

    /// <summary>Reads a CSV entry file lazily (see the class remarks for the columns).</summary>
    /// <param name="path">The file.</param>
    /// <param name="source">Source name for the provenance.</param>
    /// <param name="onlyWithin">When given, rows whose formula names an element outside this set are skipped unparsed
    /// (a fast path for system queries; such rows are not validated).</param>
    public static IEnumerable<Entry> ReadCsv(string path, string source, IReadOnlySet<string>? onlyWithin = null)
    {
        if (!File.Exists(path)) throw new InterphaseException($"entry file not found: {path}");
        using var reader = new StreamReader(path);
        int line = 1;
        string? headerLine = reader.ReadLine();
        while (headerLine is not null && headerLine.Trim().Length == 0) { headerLine = reader.ReadLine(); line++; }
        if (headerLine is null) throw new EntryFileException(path, 1, "empty file (expected a header such as formula,e_form_per_atom)");
        var header = SplitCsvLine(headerLine, path, line).Select(h => h.ToLowerInvariant()).ToArray();
        int formulaCol = Array.IndexOf(header, "formula");
        if (formulaCol < 0) throw new EntryFileException(path, 1, $"no 'formula' column in header '{string.Join(',', header)}'");
        int energyCol = -1;
        var basis = EnergyBasis.Formation;
        bool perAtom = true;
        foreach (var name in FormationColumns)
            if ((energyCol = Array.IndexOf(header, name)) >= 0) break;
        if (energyCol < 0 && (energyCol = Array.IndexOf(header, "energy_per_atom")) >= 0) basis = EnergyBasis.RawTotal;
        if (energyCol < 0 && (energyCol = Array.IndexOf(header, "energy")) >= 0) (basis, perAtom) = (EnergyBasis.RawTotal, false);
        if (energyCol < 0)
            throw new EntryFileException(path, 1, $"no energy column in header '{string.Join(',', header)}' (expected e_form_per_atom, energy_per_atom or energy)");
        int idCol = IdColumns.Select(n => Array.IndexOf(header, n)).FirstOrDefault(i => i >= 0, -1);
        int basisCol = Array.IndexOf(header, "basis");
        int functionalCol = Array.IndexOf(header, "functional");
        int schemeCol = Array.IndexOf(header, "correction_scheme");

        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Trim().Length == 0) continue;
            var row = SplitCsvLine(text, path, line);
            if (row.Length <= Math.Max(formulaCol, energyCol))
                throw new EntryFileException(path, line, $"expected {header.Length} columns, found {row.Length}");
            if (onlyWithin is not null && !SymbolsWithin(row[formulaCol], onlyWithin)) continue;
            Composition comp;
            try
            {
                comp = FormulaParser.Parse(row[formulaCol]);
            }
            catch (FormulaException ex)
            {
                throw new EntryFileException(path, line, ex.Message, ex);
            }
            string number = row[energyCol];
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double energy) || !double.IsFinite(energy))
                throw new EntryFileException(path, line, $"energy '{number}' in column '{header[energyCol]}' is not a finite number");
            var rowBasis = basis;
            if (basisCol >= 0 && basisCol < row.Length && row[basisCol].Length > 0)
            {
                try
                {
                    rowBasis = PymatgenEntryJson.ParseBasis(row[basisCol]);
                }
                catch (FormatException ex)
                {
                    throw new EntryFileException(path, line, ex.Message, ex);
                }
            }
            var prov = new Provenance(source,
                idCol >= 0 && idCol < row.Length && row[idCol].Length > 0 ? row[idCol] : line.ToString(CultureInfo.InvariantCulture),
                rowBasis,
                Optional(row, functionalCol),
                Optional(row, schemeCol));
            yield return perAtom ? Entry.FromEnergyPerAtom(comp, energy, prov) : new Entry(comp, energy, prov);
        }
    }

    /// <summary>Splits one CSV line (RFC 4180 quoting within the line); fields are trimmed.</summary>
    internal static string[] SplitCsvLine(string text, string path, int line)
    {
        if (!text.Contains('"')) return text.Split(',', StringSplitOptions.TrimEntries);
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        int i = 0;
        while (true)
        {
            while (i < text.Length && text[i] == ' ') i++;
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length) throw new EntryFileException(path, line, "unterminated quoted field");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    sb.Append(text[i++]);
                }
                while (i < text.Length && text[i] != ',') i++;
            }
            else
            {
                while (i < text.Length && text[i] != ',') sb.Append(text[i++]);
            }
            fields.Add(sb.ToString().Trim());
            sb.Clear();
            if (i >= text.Length) return fields.ToArray();
            i++; // the comma
        }
    }

    // Scans element-symbol-shaped tokens (capital + optional lower-case letter) without parsing the formula.
    private static bool SymbolsWithin(string formula, IReadOnlySet<string> symbols)
    {
        var span = formula.AsSpan();
        for (int i = 0; i < span.Length; i++)
        {
            if (!char.IsAsciiLetterUpper(span[i])) continue;
            int len = i + 1 < span.Length && char.IsAsciiLetterLower(span[i + 1]) ? 2 : 1;
            if (!symbols.Contains(span.Slice(i, len).ToString())) return false;
        }
        return true;
    }

    private static string? Optional(string[] row, int col) => col >= 0 && col < row.Length && row[col].Length > 0 ? row[col] : null;

    private static IEnumerable<Entry> ReadJson(string path, string source, Func<JsonElement, string, Entry> map)
    {
        JsonDocument doc;
        try
        {
            using var stream = File.OpenRead(path);
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new EntryFileException(path, (int)(ex.LineNumber ?? 0) + 1, $"malformed JSON: {ex.Message}", ex);
        }
        using (doc)
        {
            var root = doc.RootElement;
            JsonElement list = root;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array) list = d;
                else if (root.TryGetProperty("entries", out var e) && e.ValueKind == JsonValueKind.Array) list = e;
                else throw new EntryFileException(path, "top level", "expected a list of entries, {\"entries\": [...]} or {\"data\": [...]}");
            }
            if (list.ValueKind != JsonValueKind.Array)
                throw new EntryFileException(path, "top level", "expected a list of entries");
            int i = 0;
            foreach (var el in list.EnumerateArray())
            {
                i++;
                Entry entry;
                try
                {
                    entry = map(el, source);
                }
                catch (Exception ex) when (ex is FormatException or InterphaseException or InvalidOperationException)
                {
                    throw new EntryFileException(path, $"entry {i}", ex.Message, ex);
                }
                yield return entry;
            }
        }
    }
}
