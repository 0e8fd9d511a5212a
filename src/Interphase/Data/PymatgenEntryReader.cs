using System.Globalization;
using System.Text;
using System.Text.Json;
using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>
/// Reads lists of pymatgen <c>ComputedEntry</c>, <c>ComputedStructureEntry</c> and <c>PDEntry</c> dicts (the JSON
/// Materials Project dumps and pymatgen's <c>dumpfn</c> write). The energy of an entry is its raw energy plus its
/// correction: the sum of <c>energy_adjustments</c> (constant <c>value</c>, composition <c>adj_per_atom × n_atoms</c>,
/// temperature <c>adj_per_deg × temp × n_atoms</c>) when present, otherwise <c>correction</c>, as pymatgen's
/// <c>ComputedEntry.energy</c>. Energies are raw totals (<see cref="EnergyBasis.RawTotal"/>) unless the dicts say
/// they are formation energies (<c>data.energy_basis = "formation"</c>, as <c>interphase data export</c> writes, or
/// a PDEntry with <c>attribute = "formation"</c>); formation energies follow from the lowest elemental entries of the
/// same source. Python's bare <c>NaN</c>/<c>Infinity</c> (e.g. adjustment uncertainties) are read as null.
/// </summary>
internal static class PymatgenEntryReader
{
    /// <summary>Key in an entry's <c>data</c> dict recording whether the energy is a formation energy.</summary>
    public const string BasisKey = "energy_basis";

    /// <summary>Reads a JSON file holding a list of entry dicts (or a dict with an <c>entries</c> list).</summary>
    /// <exception cref="InterphaseException">Missing file, malformed JSON, or an entry without composition or energy.</exception>
    public static List<Entry> Read(string path) => Read(path, Path.GetFileName(path));

    /// <summary>Reads a JSON file with <paramref name="sourceName"/> as the entries' source.</summary>
    public static List<Entry> Read(string path, string sourceName)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        using var doc = ParseFile(path);
        return Read(doc.RootElement, path, sourceName);
    }

    /// <summary>Reads JSON from a stream; <paramref name="source"/> names the input in errors and provenance.</summary>
    public static List<Entry> Read(Stream stream, string source)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        using var doc = Parse(reader.ReadToEnd(), source);
        return Read(doc.RootElement, source, Path.GetFileName(source));
    }

    /// <summary>Parses a JSON file as Python writes it (bare NaN/Infinity become null); errors name file and line.</summary>
    internal static JsonDocument ParseFile(string path) => Parse(File.ReadAllText(path), path);

    private static JsonDocument Parse(string text, string source)
    {
        try
        {
            return JsonDocument.Parse(WithoutNonFiniteLiterals(text), new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw EntryFileErrors.At(source, (int)(ex.LineNumber ?? 0) + 1, $"malformed JSON ({ex.Message})", ex);
        }
    }

    private static List<Entry> Read(JsonElement root, string source, string sourceName)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("entries", out var list)) root = list;
        if (root.ValueKind != JsonValueKind.Array)
            throw EntryFileErrors.At(source, "top level", "expected a JSON list of pymatgen entry dicts");
        var entries = new List<Entry>(root.GetArrayLength());
        int index = 0; // 0-based, as the list index in Python
        foreach (var item in root.EnumerateArray())
        {
            try
            {
                entries.Add(ReadEntry(item, sourceName, index));
            }
            catch (FormatException ex)
            {
                throw EntryFileErrors.At(source, $"entry {index}", ex.Message, ex);
            }
            index++;
        }
        return entries;
    }

    /// <summary>Reads one entry dict; throws <see cref="FormatException"/> naming the problem.</summary>
    internal static Entry ReadEntry(JsonElement item, string sourceName, int index)
    {
        if (item.ValueKind != JsonValueKind.Object) throw new FormatException("not a JSON object");
        if (!item.TryGetProperty("composition", out var compJson)) throw new FormatException("no 'composition'");
        var composition = ReadComposition(compJson);
        double energy = Number(item, "energy") ?? throw new FormatException("no numeric 'energy' (eV)");
        energy += Correction(item);
        string id = item.TryGetProperty("entry_id", out var idJson) && Text(idJson) is { } t ? t : index.ToString(CultureInfo.InvariantCulture);
        string cls = item.TryGetProperty("@class", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
        // A PDEntry dict carries whatever energy its author chose; treat it like a computed total unless flagged.
        var basis = cls == "PDEntry" && item.TryGetProperty("attribute", out var attr) && attr.ValueKind == JsonValueKind.String &&
                    attr.GetString() == "formation" ? EnergyBasis.Formation : EnergyBasis.RawTotal;
        string? functional = null, scheme = null;
        if (item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty(BasisKey, out var b) && b.ValueKind == JsonValueKind.String)
                basis = EntryCsvReader.TryParseBasis(b.GetString()!, out var parsed) ? parsed
                    : throw new FormatException($"unknown energy basis '{b.GetString()}' (expected formation or raw_total)");
            functional = StringProperty(data, "functional");
            scheme = StringProperty(data, "correction_scheme");
        }
        if (functional is null && item.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            functional = StringProperty(p, "run_type");
            if (functional is null && p.TryGetProperty("is_hubbard", out var hu) && hu.ValueKind is JsonValueKind.True or JsonValueKind.False)
                functional = hu.GetBoolean() ? "GGA+U" : "GGA";
        }
        scheme ??= SchemeFromAdjustments(item);
        return new Entry(composition, energy, new Provenance(sourceName, id, basis, functional, scheme));
    }

    private static double Correction(JsonElement item)
    {
        if (item.TryGetProperty("energy_adjustments", out var adj) && adj.ValueKind == JsonValueKind.Array && adj.GetArrayLength() > 0)
        {
            double sum = 0;
            foreach (var a in adj.EnumerateArray())
            {
                if (Number(a, "value") is { } v) sum += v;
                else if (Number(a, "adj_per_atom") is { } perAtom && Number(a, "n_atoms") is { } n) sum += perAtom * n;
                else if (Number(a, "adj_per_deg") is { } perDeg && Number(a, "temp") is { } temp && Number(a, "n_atoms") is { } nt) sum += perDeg * temp * nt;
                else throw new FormatException("an energy adjustment has neither 'value', 'adj_per_atom' × 'n_atoms' nor 'adj_per_deg' × 'temp' × 'n_atoms'");
            }
            return sum;
        }
        return Number(item, "correction") ?? 0;
    }

    // The compatibility class that made the adjustments (e.g. MaterialsProject2020Compatibility), when recorded.
    private static string? SchemeFromAdjustments(JsonElement item)
    {
        if (!item.TryGetProperty("energy_adjustments", out var adj) || adj.ValueKind != JsonValueKind.Array) return null;
        foreach (var a in adj.EnumerateArray())
            if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("cls", out var cls) && cls.ValueKind == JsonValueKind.Object
                && StringProperty(cls, "@class") is { } name)
                return name;
        return null;
    }

    /// <summary>Reads a composition dict (species keys such as "Fe2+" allowed) or formula string.</summary>
    internal static Composition ReadComposition(JsonElement json)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            if (!FormulaParser.TryParse(json.GetString()!, out var parsed, out var err)) throw new FormatException(err!.Message);
            return parsed!;
        }
        if (json.ValueKind != JsonValueKind.Object) throw new FormatException("'composition' is neither a dict nor a formula");
        var amounts = new List<KeyValuePair<Element, double>>();
        foreach (var prop in json.EnumerateObject())
        {
            if (prop.Name.StartsWith('@')) continue;
            // Species keys such as "Fe2+" name their element first.
            string symbol = new(prop.Name.TakeWhile(char.IsLetter).ToArray());
            var el = PeriodicTable.TryGet(symbol) ?? throw new FormatException($"unknown element '{prop.Name}' in composition");
            if (prop.Value.ValueKind != JsonValueKind.Number) throw new FormatException($"amount of {prop.Name} is not a number");
            double n = prop.Value.GetDouble();
            // The bounds of a formula typed on the command line: an amount beyond them would poison every query of its elements.
            if (!double.IsFinite(n) || n > FormulaParser.MaxAmount)
                throw new FormatException($"amount of {prop.Name} ({n.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}) is more than {FormulaParser.MaxAmount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} atoms, beyond any formula");
            if (n < 0 || (n > 0 && n < FormulaParser.MinAmount))
                throw new FormatException($"amount of {prop.Name} ({n.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}) is {(n < 0 ? "negative" : $"smaller than {FormulaParser.MinAmount.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)}")}");
            amounts.Add(new(el, n));
        }
        try
        {
            var comp = new Composition(amounts);
            if (comp.NumAtoms <= 0) throw new FormatException("empty composition");
            return comp;
        }
        catch (InterphaseException ex)
        {
            throw new FormatException(ex.Message);
        }
    }

    internal static double? Number(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    internal static string? Text(JsonElement el) => el.ValueKind switch
    {
        JsonValueKind.String => el.GetString(),
        JsonValueKind.Number => el.GetRawText(),
        _ => null,
    };

    private static string? StringProperty(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // Python's json writes NaN, Infinity and -Infinity bare; JSON has no such tokens. Outside strings they become null.
    internal static string WithoutNonFiniteLiterals(string text)
    {
        if (!text.Contains("NaN", StringComparison.Ordinal) && !text.Contains("Infinity", StringComparison.Ordinal)) return text;
        var sb = new StringBuilder(text.Length);
        bool inString = false;
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (inString)
            {
                sb.Append(ch);
                if (ch == '\\' && i + 1 < text.Length) sb.Append(text[++i]);
                else if (ch == '"') inString = false;
                continue;
            }
            if (ch == '"') inString = true;
            else if (Matches(text, i, "NaN")) { sb.Append("null"); i += 2; continue; }
            else if (Matches(text, i, "-Infinity")) { sb.Append("null"); i += 8; continue; }
            else if (Matches(text, i, "Infinity")) { sb.Append("null"); i += 7; continue; }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static bool Matches(string text, int i, string token) => string.CompareOrdinal(text, i, token, 0, token.Length) == 0;
}
