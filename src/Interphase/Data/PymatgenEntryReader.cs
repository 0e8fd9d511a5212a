using System.Globalization;
using System.Text.Json;
using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>
/// Reads lists of pymatgen <c>ComputedEntry</c>, <c>ComputedStructureEntry</c> and <c>PDEntry</c> dicts (the JSON
/// Materials Project dumps and pymatgen's <c>dumpfn</c> write). The energy of an entry is its raw energy plus its
/// correction: the sum of <c>energy_adjustments</c> values when present, otherwise <c>correction</c>, as pymatgen's
/// <c>ComputedEntry.energy</c>. Energies are raw totals (<see cref="EnergyBasis.RawTotal"/>) unless the dicts say
/// they are formation energies; formation energies follow from the lowest elemental entries of the same set.
/// </summary>
public static class PymatgenEntryReader
{
    /// <summary>Reads a JSON file holding a list of entry dicts (or a dict with an <c>entries</c> list).</summary>
    /// <exception cref="InterphaseException">Missing file, malformed JSON, or an entry without composition or energy.</exception>
    public static List<Entry> Read(string path)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>Reads JSON from a stream; <paramref name="source"/> names the input in errors and provenance.</summary>
    public static List<Entry> Read(Stream stream, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InterphaseException($"{source}, line {(ex.LineNumber ?? 0) + 1}: malformed JSON ({ex.Message})");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entries", out var list)) root = list;
            if (root.ValueKind != JsonValueKind.Array)
                throw new InterphaseException($"{source}: expected a JSON list of pymatgen entry dicts");
            var entries = new List<Entry>(root.GetArrayLength());
            string name = Path.GetFileName(source);
            int index = 0;
            foreach (var item in root.EnumerateArray())
            {
                entries.Add(ReadEntry(item, source, name, index));
                index++;
            }
            return entries;
        }
    }

    private static Entry ReadEntry(JsonElement item, string source, string name, int index)
    {
        string where = $"{source}, entry {index}";
        if (item.ValueKind != JsonValueKind.Object) throw new InterphaseException($"{where}: not a JSON object");
        if (!item.TryGetProperty("composition", out var compJson))
            throw new InterphaseException($"{where}: no 'composition'");
        var composition = ReadComposition(compJson, where);
        if (!item.TryGetProperty("energy", out var energyJson) || energyJson.ValueKind != JsonValueKind.Number)
            throw new InterphaseException($"{where}: no numeric 'energy' (eV)");
        double energy = energyJson.GetDouble() + Correction(item, where);
        string? id = item.TryGetProperty("entry_id", out var idJson) && idJson.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? idJson.ToString() : index.ToString(CultureInfo.InvariantCulture);
        string? functional = null;
        if (item.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object &&
            p.TryGetProperty("run_type", out var rt) && rt.ValueKind == JsonValueKind.String)
            functional = rt.GetString();
        string cls = item.TryGetProperty("@class", out var c) ? c.GetString() ?? "" : "";
        // A PDEntry dict carries whatever energy its author chose; treat it like a computed total unless flagged.
        var basis = cls == "PDEntry" && item.TryGetProperty("attribute", out var attr) && attr.ValueKind == JsonValueKind.String &&
                    attr.GetString() == "formation" ? EnergyBasis.Formation : EnergyBasis.RawTotal;
        return new Entry(composition, energy, new Provenance(name, id, basis, functional));
    }

    private static double Correction(JsonElement item, string where)
    {
        if (item.TryGetProperty("energy_adjustments", out var adj) && adj.ValueKind == JsonValueKind.Array)
        {
            double sum = 0;
            foreach (var a in adj.EnumerateArray())
            {
                if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number)
                    sum += v.GetDouble();
                else throw new InterphaseException($"{where}: an energy adjustment has no numeric 'value'");
            }
            return sum;
        }
        if (item.TryGetProperty("correction", out var corr) && corr.ValueKind == JsonValueKind.Number) return corr.GetDouble();
        return 0;
    }

    private static Composition ReadComposition(JsonElement json, string where)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            if (!FormulaParser.TryParse(json.GetString()!, out var parsed, out var err))
                throw new InterphaseException($"{where}: {err!.Message}");
            return parsed!;
        }
        if (json.ValueKind != JsonValueKind.Object) throw new InterphaseException($"{where}: 'composition' is neither a dict nor a formula");
        var amounts = new List<KeyValuePair<Element, double>>();
        foreach (var prop in json.EnumerateObject())
        {
            if (prop.Name.StartsWith('@')) continue;
            // Species keys such as "Fe2+" name their element first.
            string symbol = new string(prop.Name.TakeWhile(char.IsLetter).ToArray());
            var el = PeriodicTable.TryGet(symbol) ?? throw new InterphaseException($"{where}: unknown element '{prop.Name}' in composition");
            if (prop.Value.ValueKind != JsonValueKind.Number) throw new InterphaseException($"{where}: amount of {prop.Name} is not a number");
            amounts.Add(new(el, prop.Value.GetDouble()));
        }
        var comp = new Composition(amounts);
        if (comp.NumAtoms <= 0) throw new InterphaseException($"{where}: empty composition");
        return comp;
    }
}
