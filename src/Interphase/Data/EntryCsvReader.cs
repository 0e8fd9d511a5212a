using System.Globalization;
using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>
/// Reads formation-energy tables in the Matbench <c>mp_e_form</c> layout: a header naming a formula column
/// (<c>formula</c> or <c>composition</c>) and an energy column (<c>e_form_per_atom</c> or <c>target</c>, eV/atom),
/// one entry per row, formulas per cell (e.g. <c>Li12P4S16</c>). Energies are formation energies
/// (<see cref="EnergyBasis.Formation"/>, elemental references at 0 eV/atom).
/// </summary>
public static class EntryCsvReader
{
    private static readonly string[] FormulaColumns = ["formula", "composition", "pretty_formula", "reduced_formula"];
    private static readonly string[] EnergyColumns = ["e_form_per_atom", "target", "formation_energy_per_atom", "e_form"];

    /// <summary>Reads a CSV file.</summary>
    /// <exception cref="InterphaseException">Missing file, missing columns, or a malformed row (file and line named).</exception>
    public static List<Entry> Read(string path)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, true, 1 << 16);
        return Read(reader, path);
    }

    /// <summary>Reads CSV text; <paramref name="source"/> names the input in errors and provenance.</summary>
    public static List<Entry> Read(TextReader reader, string source)
    {
        string name = Path.GetFileName(source);
        string? header = reader.ReadLine();
        if (header is null) throw new InterphaseException($"{source}: empty file");
        var columns = header.TrimStart('\uFEFF').Split(',').Select(c => c.Trim().ToLowerInvariant()).ToArray();
        int fi = Array.FindIndex(columns, c => FormulaColumns.Contains(c));
        int ei = Array.FindIndex(columns, c => EnergyColumns.Contains(c));
        if (fi < 0 || ei < 0)
            throw new InterphaseException($"{source}, line 1: expected columns 'formula' and 'e_form_per_atom' (eV/atom), found '{header}'");
        var entries = new List<Entry>(1 << 17);
        // Formulas repeat across polymorphs and rows; parse each distinct formula once.
        var parsed = new Dictionary<string, Composition>(StringComparer.Ordinal);
        int line = 1;
        var provenance = new Provenance(name, null, EnergyBasis.Formation);
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            if (text.Length == 0) continue;
            var fields = text.Split(',');
            if (fields.Length <= Math.Max(fi, ei))
                throw new InterphaseException($"{source}, line {line}: expected {columns.Length} fields, found {fields.Length}");
            string formula = fields[fi].Trim().Trim('"');
            if (!parsed.TryGetValue(formula, out var comp))
            {
                if (!FormulaParser.TryParse(formula, out comp, out var error))
                    throw new InterphaseException($"{source}, line {line}: {error!.Message}");
                parsed[formula] = comp!;
            }
            if (!double.TryParse(fields[ei], NumberStyles.Float, CultureInfo.InvariantCulture, out double e) || !double.IsFinite(e))
                throw new InterphaseException($"{source}, line {line}: energy '{fields[ei]}' is not a number (eV/atom)");
            entries.Add(Entry.FromEnergyPerAtom(comp!, e, provenance with { SourceId = line.ToString(CultureInfo.InvariantCulture) }));
        }
        return entries;
    }
}
