using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>
/// Maps pymatgen <c>ComputedEntry</c> / <c>ComputedStructureEntry</c> / <c>PDEntry</c> dicts (as written by
/// <c>entry.as_dict()</c> and <c>monty.serialization.dumpfn</c>) to entries and back. The energy read is pymatgen's
/// corrected energy: <c>energy</c> (uncorrected) plus the energy adjustments, or plus <c>correction</c> when there are none.
/// </summary>
public static class PymatgenEntryJson
{
    /// <summary>Key in an entry's <c>data</c> dict recording whether the energy is a formation energy.</summary>
    public const string BasisKey = "energy_basis";

    /// <summary>Reads one entry dict; throws <see cref="FormatException"/> naming the problem.</summary>
    /// <param name="d">The dict.</param>
    /// <param name="source">Source name recorded in the provenance.</param>
    public static Entry Read(JsonElement d, string source)
    {
        if (d.ValueKind != JsonValueKind.Object) throw new FormatException("expected an entry object");
        if (!d.TryGetProperty("composition", out var compEl) || compEl.ValueKind != JsonValueKind.Object)
            throw new FormatException("no 'composition' object");
        var comp = ReadComposition(compEl);
        double energy = Number(d, "energy") ?? throw new FormatException("no numeric 'energy'");
        energy += Correction(d);

        string? id = d.TryGetProperty("entry_id", out var idEl) ? Text(idEl) : null;
        var basis = EnergyBasis.RawTotal;
        string? functional = null, scheme = null;
        if (d.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            if (data.TryGetProperty(BasisKey, out var b) && b.ValueKind == JsonValueKind.String)
                basis = ParseBasis(b.GetString()!);
            if (data.TryGetProperty("functional", out var f) && f.ValueKind == JsonValueKind.String) functional = f.GetString();
            if (data.TryGetProperty("correction_scheme", out var c) && c.ValueKind == JsonValueKind.String) scheme = c.GetString();
            if (id is null && data.TryGetProperty("source_id", out var sid)) id = Text(sid);
        }
        if (functional is null && d.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            if (p.TryGetProperty("run_type", out var rt) && rt.ValueKind == JsonValueKind.String) functional = rt.GetString();
            else if (p.TryGetProperty("is_hubbard", out var hu) && hu.ValueKind is JsonValueKind.True or JsonValueKind.False)
                functional = hu.GetBoolean() ? "GGA+U" : "GGA";
        }
        scheme ??= SchemeFromAdjustments(d);
        return new Entry(comp, energy, new Provenance(source, id, basis, functional, scheme));
    }

    /// <summary>Writes an entry as a pymatgen <c>ComputedEntry</c> dict that <c>ComputedEntry.from_dict</c> reads.</summary>
    public static JsonObject Write(Entry e)
    {
        var comp = new JsonObject();
        foreach (var (el, n) in e.Composition.Amounts) comp[el.Symbol] = n;
        var data = new JsonObject
        {
            [BasisKey] = BasisName(e.Provenance.Basis),
            ["source"] = e.Provenance.Source,
        };
        if (e.Provenance.SourceId is { } sid) data["source_id"] = sid;
        if (e.Provenance.Functional is { } f) data["functional"] = f;
        if (e.Provenance.CorrectionScheme is { } c) data["correction_scheme"] = c;
        var parameters = new JsonObject();
        if (e.Provenance.Functional is { } rt) parameters["run_type"] = rt;
        return new JsonObject
        {
            ["@module"] = "pymatgen.entries.computed_entries",
            ["@class"] = "ComputedEntry",
            ["energy"] = e.Energy,
            ["composition"] = comp,
            ["entry_id"] = e.Provenance.SourceId,
            ["correction"] = 0.0,
            ["energy_adjustments"] = new JsonArray(),
            ["parameters"] = parameters,
            ["data"] = data,
        };
    }

    /// <summary>The name used for a basis in files: <c>formation</c> or <c>raw_total</c>.</summary>
    public static string BasisName(EnergyBasis basis) => basis == EnergyBasis.Formation ? "formation" : "raw_total";

    /// <summary>Parses <c>formation</c> / <c>raw_total</c> (also <c>raw</c>, <c>total</c>).</summary>
    public static EnergyBasis ParseBasis(string text) => text.Trim().ToLowerInvariant() switch
    {
        "formation" or "e_form" or "formation_energy" => EnergyBasis.Formation,
        "raw_total" or "raw" or "total" or "rawtotal" => EnergyBasis.RawTotal,
        _ => throw new FormatException($"unknown energy basis '{text}' (expected formation or raw_total)"),
    };

    internal static Composition ReadComposition(JsonElement compEl)
    {
        var amounts = new List<KeyValuePair<Element, double>>();
        foreach (var prop in compEl.EnumerateObject())
        {
            // Species keys such as "Fe2+" or "O2-" carry an oxidation state after the symbol.
            string symbol = new(prop.Name.TakeWhile(char.IsAsciiLetter).ToArray());
            var el = PeriodicTable.TryGet(symbol) ?? throw new FormatException($"unknown element '{prop.Name}' in composition");
            if (prop.Value.ValueKind != JsonValueKind.Number) throw new FormatException($"amount of {prop.Name} is not a number");
            amounts.Add(new(el, prop.Value.GetDouble()));
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

    private static double Correction(JsonElement d)
    {
        if (d.TryGetProperty("energy_adjustments", out var adj) && adj.ValueKind == JsonValueKind.Array && adj.GetArrayLength() > 0)
        {
            double sum = 0;
            foreach (var a in adj.EnumerateArray())
            {
                if (Number(a, "value") is { } v) sum += v;
                else if (Number(a, "adj_per_atom") is { } perAtom && Number(a, "n_atoms") is { } n) sum += perAtom * n;
                else if (Number(a, "adj_per_deg") is { } perDeg && Number(a, "temp") is { } t && Number(a, "n_atoms") is { } nt) sum += perDeg * t * nt;
                else throw new FormatException("an energy adjustment without a value");
            }
            return sum;
        }
        return Number(d, "correction") ?? 0;
    }

    private static string? SchemeFromAdjustments(JsonElement d)
    {
        if (!d.TryGetProperty("energy_adjustments", out var adj) || adj.ValueKind != JsonValueKind.Array) return null;
        foreach (var a in adj.EnumerateArray())
            if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("cls", out var cls) && cls.ValueKind == JsonValueKind.Object
                && cls.TryGetProperty("@class", out var name) && name.ValueKind == JsonValueKind.String)
                return name.GetString();
        return null;
    }

    internal static double? Number(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number
            ? v.GetDouble()
            : null;

    internal static string? Text(JsonElement el) => el.ValueKind switch
    {
        JsonValueKind.String => el.GetString(),
        JsonValueKind.Number => el.GetRawText(),
        _ => null,
    };

    internal static string Invariant(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
