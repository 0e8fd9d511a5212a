using System.Text.Json;
using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>
/// Maps Materials Project API documents (the <c>/materials/thermo/</c> and <c>/materials/summary/</c> endpoints of
/// api.materialsproject.org: <c>{"data": [...], "meta": {...}}</c>) to entries.
/// </summary>
public static class MaterialsProjectJson
{
    /// <summary>MP's corrected formation energy, eV/atom (default).</summary>
    public const string FormationField = "formation_energy_per_atom";

    /// <summary>The fields requested from the API (<c>_fields</c>).</summary>
    public static readonly string[] RequestedFields =
        ["material_id", "formula_pretty", "composition", "formation_energy_per_atom", "energy_per_atom",
         "uncorrected_energy_per_atom", "thermo_type"];

    /// <summary>The energy fields an entry can be built from, and what they are.</summary>
    public static EnergyBasis BasisOf(string field) => field switch
    {
        FormationField => EnergyBasis.Formation,
        "energy_per_atom" or "uncorrected_energy_per_atom" => EnergyBasis.RawTotal,
        _ => throw new InterphaseException(
            $"unknown Materials Project energy field '{field}' (use formation_energy_per_atom, energy_per_atom or uncorrected_energy_per_atom)"),
    };

    /// <summary>Reads one document; throws <see cref="FormatException"/> naming the problem.</summary>
    /// <param name="doc">A thermo or summary document.</param>
    /// <param name="source">Source name recorded in the provenance.</param>
    /// <param name="field">The energy field to use (see <see cref="BasisOf"/>).</param>
    public static Entry Read(JsonElement doc, string source, string field = FormationField)
    {
        var basis = BasisOf(field);
        if (doc.ValueKind != JsonValueKind.Object) throw new FormatException("expected a document object");
        string? id = doc.TryGetProperty("material_id", out var idEl) ? PymatgenEntryReader.Text(idEl) : null;
        Composition comp;
        if (doc.TryGetProperty("composition", out var c) && c.ValueKind == JsonValueKind.Object)
            comp = PymatgenEntryReader.ReadComposition(c);
        else if (doc.TryGetProperty("formula_pretty", out var f) && f.ValueKind == JsonValueKind.String)
            comp = ParseFormula(f.GetString()!);
        else
            throw new FormatException($"document {id ?? "?"} has neither 'composition' nor 'formula_pretty'");
        double perAtom = PymatgenEntryReader.Number(doc, field)
            ?? throw new FormatException($"document {id ?? "?"} has no numeric '{field}'");
        string? thermoType = doc.TryGetProperty("thermo_type", out var tt) && tt.ValueKind == JsonValueKind.String ? tt.GetString() : null;
        string? functional = thermoType switch
        {
            null => null,
            "GGA_GGA+U" => "GGA/GGA+U",
            "GGA_GGA+U_R2SCAN" => "GGA/GGA+U/r2SCAN",
            "R2SCAN" => "r2SCAN",
            _ => thermoType,
        };
        string? scheme = field == "uncorrected_energy_per_atom" ? null : thermoType switch
        {
            "GGA_GGA+U" => "MaterialsProject2020Compatibility",
            "GGA_GGA+U_R2SCAN" => "MaterialsProjectDFTMixingScheme",
            _ => null,
        };
        return Entry.FromEnergyPerAtom(comp, perAtom, new Provenance(source, id, basis, functional, scheme));
    }

    /// <summary>Reads a saved API response file (<c>{"data": [...]}</c>); errors name the file and the document.</summary>
    public static List<Entry> ReadFile(string path, string source, string field = FormationField)
    {
        BasisOf(field);
        using var doc = PymatgenEntryReader.ParseFile(path);
        if (!IsApiResponse(doc.RootElement)) throw EntryFileErrors.At(path, "top level", "expected a Materials Project response {\"data\": [...]}");
        var list = new List<Entry>();
        int i = 0;
        foreach (var d in doc.RootElement.GetProperty("data").EnumerateArray())
        {
            i++;
            try
            {
                list.Add(Read(d, source, field));
            }
            catch (FormatException ex)
            {
                throw EntryFileErrors.At(path, $"document {i}", ex.Message, ex);
            }
        }
        return list;
    }

    /// <summary>True when a parsed JSON document looks like an MP API response (an object with a <c>data</c> array).</summary>
    public static bool IsApiResponse(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Array;

    private static Composition ParseFormula(string formula)
    {
        try
        {
            return FormulaParser.Parse(formula);
        }
        catch (FormulaException ex)
        {
            throw new FormatException(ex.Message);
        }
    }
}
