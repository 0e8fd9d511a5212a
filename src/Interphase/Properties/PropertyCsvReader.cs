using System.Globalization;
using CsvHelper;
using Interphase.Chemistry;

namespace Interphase.Properties;

/// <summary>
/// Reads property tables in the Matbench layout: a header naming a formula column (<c>formula</c> or
/// <c>composition</c>) and a value column (<c>target</c>, <c>value</c> or the property's name), one compound per row,
/// formulas per cell (e.g. <c>Li12P4S16</c>). An optional <c>material_id</c> (or <c>source_id</c>, <c>id</c>) column
/// is kept as the source's id. Every row is validated; an error names the file, the line and the problem.
/// </summary>
public static class PropertyCsvReader
{
    private static readonly string[] FormulaColumns = ["formula", "composition", "pretty_formula", "reduced_formula", "formula_pretty"];
    private static readonly string[] IdColumns = ["material_id", "source_id", "entry_id", "id"];

    /// <summary>The scale of a file's values when none is given: log10 when the file name says so (Matbench's
    /// <c>mp_log10_shear_modulus.csv</c>), else linear.</summary>
    public static ValueScale DefaultScale(string path) =>
        Path.GetFileName(path).Contains("log10", StringComparison.OrdinalIgnoreCase) ? ValueScale.Log10 : ValueScale.Linear;

    /// <summary>Reads a property file.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="property">The property its value column holds.</param>
    /// <param name="source">Source name recorded with every value.</param>
    /// <param name="scale">How the values are written (log10 values are converted: 10^x in the property's unit).</param>
    /// <param name="method">How the values were obtained (e.g. <c>PBE</c>), recorded with every value.</param>
    /// <exception cref="InterphaseException">Missing file or columns, a malformed formula, a non-numeric or impossible
    /// value (file and line named).</exception>
    public static List<PropertyRecord> Read(string path, MaterialProperty property, string source, ValueScale scale, string? method = null)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
        return Read(reader, path, property, source, scale, method);
    }

    /// <summary>Reads CSV text; <paramref name="name"/> names the input in errors.</summary>
    public static List<PropertyRecord> Read(TextReader text, string name, MaterialProperty property, string source, ValueScale scale, string? method = null)
    {
        try
        {
            using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true }, leaveOpen: true);
            var header = csv.Headers.Select(h => h.TrimStart('\uFEFF').Trim().ToLowerInvariant()).ToArray();
            if (header.Length == 0) throw At(name, 1, "empty file (expected a header such as formula,target)");
            int fi = Array.FindIndex(header, h => FormulaColumns.Contains(h));
            string[] valueNames = ["target", "value", MaterialProperties.Name(property), MaterialProperties.JsonKey(property)];
            int vi = Array.FindIndex(header, h => valueNames.Contains(h));
            if (fi < 0 || vi < 0)
                throw At(name, 1, $"expected columns 'formula' and 'target' (or '{MaterialProperties.Name(property)}'), found '{string.Join(",", csv.Headers)}'");
            int ii = IdColumns.Select(n => Array.IndexOf(header, n)).FirstOrDefault(i => i >= 0, -1);
            string unit = MaterialProperties.Unit(property);

            var list = new List<PropertyRecord>(1 << 12);
            var parsed = new Dictionary<string, string>(StringComparer.Ordinal);
            while (csv.Read())
            {
                int line = (int)csv.LineNumber;
                if (csv.FieldCount <= Math.Max(fi, vi)) throw At(name, line, $"expected {header.Length} fields, found {csv.FieldCount}");
                string formula = csv.GetString(fi);
                if (!parsed.TryGetValue(formula, out var reduced))
                {
                    if (!FormulaParser.TryParse(formula, out var comp, out var error))
                        throw At(name, line, error!.Message, error);
                    parsed[formula] = reduced = comp!.ReducedFormula;
                }
                string text0 = csv.GetString(vi);
                if (!double.TryParse(text0, NumberStyles.Float, CultureInfo.InvariantCulture, out double raw) || !double.IsFinite(raw))
                    throw At(name, line, $"{MaterialProperties.Name(property)} '{text0}' in column '{header[vi]}' is not a number" +
                                         (scale == ValueScale.Log10 ? $" (log10 {unit})" : unit.Length > 0 ? $" ({unit})" : ""));
                double value = scale == ValueScale.Log10 ? Math.Pow(10, raw) : raw;
                if (MaterialProperties.Problem(property, value) is { } problem)
                    throw At(name, line, problem + (scale == ValueScale.Log10 ? $" (from log10 value {text0})" : ""));
                string? id = ii >= 0 && ii < csv.FieldCount && csv.GetString(ii) is { Length: > 0 } sid ? sid : null;
                list.Add(new PropertyRecord(formula, reduced, property, value, source, id, line, method));
            }
            return list;
        }
        catch (CsvFormatException ex)
        {
            throw new InterphaseException($"{name}: malformed CSV ({ex.Message})", ex);
        }
    }

    private static InterphaseException At(string file, int line, string problem, Exception? inner = null) =>
        inner is null ? new InterphaseException($"{file}, line {line}: {problem}") : new InterphaseException($"{file}, line {line}: {problem}", inner);
}
