using System.Globalization;
using CsvHelper;
using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>
/// Reads formation-energy tables in the Matbench <c>mp_e_form</c> layout: a header naming a formula column
/// (<c>formula</c> or <c>composition</c>) and an energy column (<c>e_form_per_atom</c> or <c>target</c>, eV/atom),
/// one entry per row, formulas per cell (e.g. <c>Li12P4S16</c>). Energies are formation energies
/// (<see cref="EnergyBasis.Formation"/>, elemental references at 0 eV/atom).
/// </summary>
/// <remarks>
/// Optional columns (any order, case-insensitive) carry provenance, as <c>interphase data export</c> writes them:
/// <c>source_id</c> (or <c>material_id</c>, <c>entry_id</c>, <c>id</c>; without one the line number is the id),
/// <c>functional</c>, <c>correction_scheme</c> and <c>basis</c> (<c>formation</c>/<c>raw_total</c>). Raw total
/// energies may be given instead as <c>energy_per_atom</c> (eV/atom). Fields may be quoted (RFC 4180, within one
/// line; read by CsvHelper). Every error names the file, the line and the problem.
/// </remarks>
public static class EntryCsvReader
{
    private static readonly string[] FormulaColumns = ["formula", "composition", "pretty_formula", "reduced_formula"];
    private static readonly string[] EnergyColumns = ["e_form_per_atom", "target", "formation_energy_per_atom", "e_form", "delta_e"];
    private static readonly string[] IdColumns = ["source_id", "material_id", "entry_id", "id"];

    /// <summary>Reads a CSV file (entries share one provenance without ids unless the file has an id column).</summary>
    /// <exception cref="InterphaseException">Missing file, missing columns, or a malformed row (file and line named).</exception>
    public static List<Entry> Read(string path)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        using var csv = CsvReader.FromFile(path, Options);
        return Read(csv, path, Path.GetFileName(path), null, lineIds: false);
    }

    /// <summary>Reads a CSV file with <paramref name="sourceName"/> as the entries' source; rows without an id column
    /// get their line number as id, so a stored entry can be traced back to its row.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sourceName">Source recorded in the provenance.</param>
    /// <param name="onlyWithin">When given, rows whose formula names an element outside this set of symbols are
    /// skipped unparsed (a fast path for system queries; such rows are not validated).</param>
    public static List<Entry> Read(string path, string sourceName, IReadOnlySet<string>? onlyWithin = null)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        using var csv = CsvReader.FromFile(path, Options);
        return Read(csv, path, sourceName, onlyWithin, lineIds: true);
    }

    /// <summary>Reads CSV text; <paramref name="source"/> names the input in errors and provenance.</summary>
    public static List<Entry> Read(TextReader reader, string source)
    {
        using var csv = CsvReader.Create(reader, Options, leaveOpen: true);
        return Read(csv, source, Path.GetFileName(source), null, lineIds: false);
    }

    // RFC 4180 with a comma; a quoted field ends on its own line, so a stray quote cannot swallow the rest of the
    // file, and bad quoting is an error (naming the line) rather than silently repaired.
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',', HasHeader = false, TrimWhitespace = true, TrackLineNumbers = true, AllowLineBreaksInQuotes = false,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    private static List<Entry> Read(CsvReader csv, string source, string sourceName, IReadOnlySet<string>? onlyWithin, bool lineIds)
    {
        try
        {
            return ReadRows(csv, source, sourceName, onlyWithin, lineIds);
        }
        catch (CsvFormatException ex)
        {
            throw EntryFileErrors.At(source, (int)Math.Max(1, ex.LineNumber), $"malformed CSV quoting ({ex.Message})", ex);
        }
    }

    private static List<Entry> ReadRows(CsvReader csv, string source, string sourceName, IReadOnlySet<string>? onlyWithin, bool lineIds)
    {
        if (!csv.Read()) throw EntryFileErrors.At(source, 1, "empty file (expected a header such as formula,e_form_per_atom)");
        var columns = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).TrimStart('\uFEFF').ToLowerInvariant()).ToArray();
        string header = string.Join(",", columns);
        int fi = Array.FindIndex(columns, c => FormulaColumns.Contains(c));
        int ei = Array.FindIndex(columns, c => EnergyColumns.Contains(c));
        var basis = EnergyBasis.Formation;
        if (ei < 0 && (ei = Array.IndexOf(columns, "energy_per_atom")) >= 0) basis = EnergyBasis.RawTotal;
        if (fi < 0 || ei < 0)
            throw EntryFileErrors.At(source, 1, $"expected columns 'formula' and 'e_form_per_atom' (eV/atom), found '{Quoted.Cap(header)}'");
        int idi = IdColumns.Select(n => Array.IndexOf(columns, n)).FirstOrDefault(i => i >= 0, -1);
        int bi = Array.IndexOf(columns, "basis");
        int fni = Array.IndexOf(columns, "functional");
        int csi = Array.IndexOf(columns, "correction_scheme");

        var entries = new List<Entry>(onlyWithin is null ? 1 << 17 : 256);
        // Formulas repeat across polymorphs and rows; parse each distinct formula once.
        var parsed = new Dictionary<string, Composition>(StringComparer.Ordinal);
        var scratch = new List<KeyValuePair<Element, double>>(12);
        var provenance = new Provenance(sourceName, null, basis);
        while (csv.Read())
        {
            int line = (int)csv.LineNumber;
            int count = csv.FieldCount;
            if (count > columns.Length || count <= Math.Max(fi, ei))
                throw EntryFileErrors.At(source, line, count > columns.Length
                    ? $"{count} fields but the header names {columns.Length} columns ({Quoted.Cap(header)}); name every column in the header"
                    : $"expected {columns.Length} fields, found {count}");
            string formula = csv.GetString(fi);
            if (onlyWithin is not null && !SymbolsWithin(formula, onlyWithin)) continue;
            if (!parsed.TryGetValue(formula, out var comp))
            {
                comp = TryParseSimple(formula, scratch);
                if (comp is null && !FormulaParser.TryParse(formula, out comp, out var error))
                    throw EntryFileErrors.At(source, line, error!.Message, error);
                parsed[formula] = comp!;
            }
            // The energy is parsed from the field's UTF-8 bytes: no string per row.
            if (!double.TryParse(csv.GetSpan(ei), NumberStyles.Float, CultureInfo.InvariantCulture, out double e) || !double.IsFinite(e))
                throw EntryFileErrors.At(source, line, $"energy '{Quoted.Cap(csv.GetString(ei))}' in column '{columns[ei]}' is not a number (eV/atom)");
            // One shared provenance unless rows carry their own: a per-row record would double the loading cost of large tables.
            var p = idi >= 0 || lineIds ? provenance with { SourceId = Field(csv, idi) ?? line.ToString(CultureInfo.InvariantCulture) } : provenance;
            if (bi >= 0 || fni >= 0 || csi >= 0)
            {
                var rowBasis = basis;
                if (Field(csv, bi) is { } b && !TryParseBasis(b, out rowBasis))
                    throw EntryFileErrors.At(source, line, $"unknown energy basis '{b}' (expected formation or raw_total)");
                p = p with { Basis = rowBasis, Functional = Field(csv, fni), CorrectionScheme = Field(csv, csi) };
            }
            entries.Add(Entry.FromEnergyPerAtom(comp!, e, p));
        }
        return entries;
    }

    /// <summary>The name of a basis in files: <c>formation</c> or <c>raw_total</c>.</summary>
    public static string BasisName(EnergyBasis basis) => basis == EnergyBasis.Formation ? "formation" : "raw_total";

    /// <summary>Parses <c>formation</c> or <c>raw_total</c> (also <c>raw</c>, <c>total</c>).</summary>
    public static bool TryParseBasis(string text, out EnergyBasis basis)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "formation" or "e_form" or "formation_energy":
                basis = EnergyBasis.Formation;
                return true;
            case "raw_total" or "raw" or "total" or "rawtotal":
                basis = EnergyBasis.RawTotal;
                return true;
            default:
                basis = default;
                return false;
        }
    }

    private static string? Field(CsvReader csv, int i) => i >= 0 && i < csv.FieldCount && csv.GetString(i) is { Length: > 0 } f ? f : null;

    // Fast path for the plain per-cell formulas of such tables (element symbols and integer counts, e.g. Li12P4S16);
    // anything else (brackets, decimals, repeated elements) goes to the full parser.
    private static Composition? TryParseSimple(string formula, List<KeyValuePair<Element, double>> scratch)
    {
        scratch.Clear();
        int i = 0, n = formula.Length;
        while (i < n)
        {
            char c = formula[i];
            if (c < 'A' || c > 'Z') return null;
            int start = i++;
            if (i < n && formula[i] >= 'a' && formula[i] <= 'z') i++;
            var el = PeriodicTable.TryGet(formula.Substring(start, i - start));
            if (el is null) return null;
            long count = 0;
            int digits = 0;
            while (i < n && formula[i] >= '0' && formula[i] <= '9' && digits < 6)
            {
                count = count * 10 + (formula[i] - '0');
                i++;
                digits++;
            }
            if (digits == 0) count = 1;
            if (count == 0) return null;
            foreach (var kv in scratch)
                if (ReferenceEquals(kv.Key, el)) return null;
            scratch.Add(new(el, count));
        }
        return scratch.Count == 0 ? null : new Composition(scratch);
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
}
