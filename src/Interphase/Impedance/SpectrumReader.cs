using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Interphase.Impedance;

/// <summary>What a column of an instrument table holds.</summary>
public enum ColumnRole
{
    /// <summary>Frequency in Hz.</summary>
    Frequency,
    /// <summary>Real part Z' (Ω).</summary>
    Real,
    /// <summary>Imaginary part Z'' (Ω).</summary>
    Imaginary,
    /// <summary>Negated imaginary part −Z'' (Ω), as BioLogic writes it.</summary>
    NegativeImaginary,
}

/// <summary>
/// Reads impedance spectra from instrument exports: plain CSV/TSV (<c>f, Z', Z''</c>, header optional, either sign of
/// Z''), Gamry <c>.DTA</c> (aborted runs too), BioLogic <c>.mpt</c>, ZPlot/ZView <c>.z</c>, Autolab, CH Instruments,
/// Parstat, PowerSuite and VersaStudio <c>.par</c>.
/// </summary>
/// <remarks>
/// All formats are tables of numbers under a header line, so one reader serves them all: a vocabulary of header names
/// (<see cref="ColumnNames"/>) finds the frequency, Z' and Z'' columns, and the format name comes from signatures in
/// the text. Rows with f = 0 (the DC log Parstat writes before a sweep) are not part of the spectrum and are skipped.
/// </remarks>
public static class SpectrumReader
{
    /// <summary>Header names recognised for each column role, matched against the lower-cased name without spaces or quotes.</summary>
    public static readonly IReadOnlyList<(Regex Pattern, ColumnRole Role)> ColumnNames = new (string, ColumnRole)[]
    {
        (@"^(freq|frequency|f)(\(hz\)|/hz|_hz|\[hz\])?$", ColumnRole.Frequency),
        (@"^-(im\(z\)|z''|z""|zimag|zim|zi)", ColumnRole.NegativeImaginary),
        (@"^(z''|z""|zimag|zim|zimg|im\(z\)|zi|z_imag|z_im|imz|imag)", ColumnRole.Imaginary),
        (@"^(z'(?!')|zreal|zre|re\(z\)|zr|z_real|z_re|rez|real)", ColumnRole.Real),
    }.Select(t => (new Regex(t.Item1, RegexOptions.CultureInvariant), t.Item2)).ToArray();

    /// <summary>Format names recognised by a signature in the first lines (checked in order) or by the file extension.</summary>
    static readonly (string Format, Func<string, string, bool> Matches)[] Signatures =
    {
        ("Gamry DTA", (ext, head) => ext == ".dta" || head.Contains("ZCURVE\tTABLE")),
        ("BioLogic MPT", (ext, head) => ext == ".mpt" || head.StartsWith("EC-Lab ASCII FILE")),
        ("VersaStudio PAR", (ext, head) => ext == ".par" || head.Contains("<Application>") && head.Contains("VersaStudio")),
        ("ZPlot", (ext, head) => head.StartsWith("ZPLOT2 ASCII") || head.Contains("ZPlotW Data File")),
        ("Autolab", (ext, head) => head.Contains("Z60W Data File")),
        ("CH Instruments", (ext, head) => head.Contains("A.C. Impedance") || head.Contains("Freq/Hz, Z'/ohm")),
        ("Parstat", (ext, head) => head.StartsWith("Potential (V)\tCurrent (A)")),
        ("PowerSuite", (ext, head) => head.StartsWith("Frequency\t Zre")),
        ("ZPlot", (ext, head) => ext == ".z"),
    };

    /// <summary>Reads a spectrum file, detecting its format from extension and content.</summary>
    /// <exception cref="ImpedanceException">The file is missing or cannot be read; the message names file, line and problem.</exception>
    public static ImpedanceSpectrum Read(string path)
    {
        if (!File.Exists(path)) throw new ImpedanceException($"{path}: file not found");
        // Instrument exports are Latin-1 or UTF-8 with stray degree/micro signs; Latin-1 never fails to decode.
        var bytes = File.ReadAllBytes(path);
        var text = LooksUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        return Parse(text, path);
    }

    /// <summary>Parses spectrum text; <paramref name="name"/> (a file name) is used for format detection and messages.</summary>
    public static ImpedanceSpectrum Parse(string text, string name)
    {
        text = text.TrimStart('\uFEFF');
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        string ext = Path.GetExtension(name).ToLowerInvariant();
        string head = string.Join("\n", lines.Take(40));
        string format = Signatures.FirstOrDefault(s => s.Matches(ext, head)).Format ?? "CSV";

        var (headerLine, columns) = FindHeader(lines, name);
        var (f, z) = headerLine >= 0
            ? ReadTable(lines, headerLine + 1, columns!, SplitFields(lines[headerLine], true).Length, name)
            : ReadHeaderless(lines, name);
        if (f.Count == 0)
            throw new ImpedanceException($"{name}: no impedance data rows found" +
                (headerLine >= 0 ? $" below the header on line {headerLine + 1}" : ""));
        return new ImpedanceSpectrum(f.ToArray(), z.ToArray(), name, format);
    }

    static bool LooksUtf8(byte[] bytes)
    {
        try { new UTF8Encoding(false, true).GetString(bytes); return true; }
        catch (DecoderFallbackException) { return false; }
    }

    /// <summary>
    /// Splits a line on tabs if it has any, else semicolons, else ", " (CH Instruments), else commas, else runs of
    /// spaces. With tabs, semicolons or ", " a field may use a decimal comma (European locales); see <see cref="IsNumber"/>.
    /// </summary>
    static string[] SplitFields(string line, bool mergeUnits)
    {
        var t = line.Trim().Trim('"').Trim();
        string[] parts = t.Contains('\t') ? t.Split('\t')
            : t.Contains(';') ? t.Split(';')
            : t.Contains(", ") ? Regex.Split(t, @",\s+")
            : t.Contains(',') ? t.Split(',')
            : Regex.Split(t, @"\s+");
        var fields = parts.Select(p => p.Trim().Trim('"').Trim()).ToList();
        if (mergeUnits)
            // "Freq (Hz)" split on spaces: glue a bare "(unit)" back onto its name.
            for (int i = fields.Count - 1; i > 0; i--)
                if (Regex.IsMatch(fields[i], @"^\(.*\)$")) { fields[i - 1] += fields[i]; fields.RemoveAt(i); }
        return fields.ToArray();
    }

    static ColumnRole? RoleOf(string header)
    {
        var key = header.ToLowerInvariant().Replace(" ", "").Replace("\"", "").Replace("definition=", "");
        key = key.Replace("’", "'").Replace("′", "'");
        foreach (var (pattern, role) in ColumnNames)
            if (pattern.IsMatch(key)) return role;
        return null;
    }

    /// <summary>The first line naming both a real and an imaginary column, with the index of each role's first column.</summary>
    static (int Line, Dictionary<ColumnRole, int>? Columns) FindHeader(string[] lines, string name)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || IsNumber(SplitFields(lines[i], false)[0])) continue;
            var fields = SplitFields(lines[i], true);
            var roles = new Dictionary<ColumnRole, int>();
            for (int c = 0; c < fields.Length; c++)
                if (RoleOf(fields[c]) is { } role && !roles.ContainsKey(role)) roles[role] = c;
            bool hasImag = roles.ContainsKey(ColumnRole.Imaginary) || roles.ContainsKey(ColumnRole.NegativeImaginary);
            if (!roles.ContainsKey(ColumnRole.Real) || !hasImag) continue;
            if (!roles.ContainsKey(ColumnRole.Frequency))
                throw new ImpedanceException(
                    $"{name} line {i + 1}: the data table has no frequency column (columns: {string.Join(", ", fields.Where(f => f.Length > 0))})");
            return (i, roles);
        }
        return (-1, null);
    }

    static bool IsNumber(string s) => TryNumber(s, out _);

    /// <summary>A number with a decimal point, or a decimal comma (<c>9,961e+4</c>) when the field has exactly one comma.</summary>
    static bool TryNumber(string s, out double v)
    {
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v)) return true;
        return s.Count(c => c == ',') == 1 && !s.Contains('.')
               && double.TryParse(s.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out v);
    }

    static double Number(string[] fields, int col, int lineNo, string column, string name)
    {
        if (col >= fields.Length)
            throw new ImpedanceException($"{name} line {lineNo}: row has {fields.Length} fields, no {column} column (field {col + 1}); is the file truncated?");
        if (!TryNumber(fields[col], out var v))
            throw new ImpedanceException($"{name} line {lineNo}: cannot read '{Quote(fields[col])}' as a number ({column})");
        if (!double.IsFinite(v))
            throw new ImpedanceException($"{name} line {lineNo}: {column} is {fields[col]}; every value must be a finite number");
        return v;
    }

    static string Quote(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>
    /// Rows below the header: up to a few non-numeric lines (units, "End Comments") are skipped before the data; the
    /// table ends at a blank line or a line whose first field is not a number (Gamry's EXPERIMENTABORTED, a closing tag).
    /// </summary>
    static (List<double>, List<Complex>) ReadTable(string[] lines, int start, Dictionary<ColumnRole, int> cols, int headerFields, string name)
    {
        var f = new List<double>();
        var z = new List<Complex>();
        int fCol = cols[ColumnRole.Frequency], reCol = cols[ColumnRole.Real];
        bool negated = !cols.ContainsKey(ColumnRole.Imaginary);
        int imCol = negated ? cols[ColumnRole.NegativeImaginary] : cols[ColumnRole.Imaginary];
        bool started = false;
        int skipped = 0;
        for (int i = start; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) { if (started) break; continue; }
            var fields = SplitFields(lines[i], false);
            if (!IsNumber(fields[0]))
            {
                if (started || ++skipped > 3) break;
                continue;
            }
            started = true;
            // "9,961e+4,9,891e+1" (decimal commas in a comma-separated file) splits into twice the columns: never guess
            if (fields.Length > headerFields && !lines[i].Contains('\t') && !lines[i].Contains(';') && lines[i].Contains(','))
                throw new ImpedanceException($"{name} line {i + 1}: {fields.Length} comma-separated fields under a header of {headerFields} columns; " +
                    "decimal commas need another column separator (tab or ';')");
            double freq = Number(fields, fCol, i + 1, "frequency", name);
            double re = Number(fields, reCol, i + 1, "Z'", name);
            double im = Number(fields, imCol, i + 1, negated ? "-Z''" : "Z''", name);
            if (freq == 0) continue;
            if (freq < 0 || !double.IsFinite(freq))
                throw new ImpedanceException($"{name} line {i + 1}: frequency {fields[fCol]} Hz is not positive");
            f.Add(freq);
            z.Add(new Complex(re, negated ? -im : im));
        }
        return (f, z);
    }

    /// <summary>
    /// A table without header: the first three numeric columns are f, Z', Z''. Files that store −Z'' are recognised by
    /// most points having a positive imaginary part (capacitive spectra have Z'' &lt; 0) and flipped.
    /// </summary>
    static (List<double>, List<Complex>) ReadHeaderless(string[] lines, string name)
    {
        var f = new List<double>();
        var z = new List<Complex>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0 || lines[i].TrimStart().StartsWith('#')) continue;
            var fields = SplitFields(lines[i], false);
            if (f.Count == 0 && !IsNumber(fields[0])) continue; // a title line
            if (fields.Length < 3)
                throw new ImpedanceException($"{name} line {i + 1}: expected 3 columns (f, Z', Z''), found {fields.Length}");
            double freq = Number(fields, 0, i + 1, "frequency", name);
            if (freq == 0) continue;
            if (freq < 0) throw new ImpedanceException($"{name} line {i + 1}: frequency {fields[0]} Hz is not positive");
            f.Add(freq);
            z.Add(new Complex(Number(fields, 1, i + 1, "Z'", name), Number(fields, 2, i + 1, "Z''", name)));
        }
        if (z.Count(v => v.Imaginary > 0) > z.Count / 2)
            for (int i = 0; i < z.Count; i++) z[i] = Complex.Conjugate(z[i]);
        return (f, z);
    }
}
