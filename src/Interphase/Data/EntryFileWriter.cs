using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interphase.Data;

/// <summary>Writes entries in the formats <see cref="EntryFileReader"/> reads back.</summary>
public static class EntryFileWriter
{
    /// <summary>
    /// Writes CSV. When every entry is a formation energy the header is the shared format
    /// <c>formula,e_form_per_atom</c> followed by the provenance columns; otherwise <c>energy_per_atom</c> and a
    /// <c>basis</c> column. Formulas are written per cell with every amount (<c>Li12P4S16</c>), energies in eV/atom
    /// with round-trip precision.
    /// </summary>
    public static int WriteCsv(IEnumerable<Entry> entries, TextWriter writer)
    {
        var list = entries as IReadOnlyList<Entry> ?? entries.ToList();
        bool allFormation = list.All(e => e.Provenance.Basis == EnergyBasis.Formation);
        writer.WriteLine(allFormation
            ? "formula,e_form_per_atom,source_id,functional,correction_scheme,source"
            : "formula,energy_per_atom,basis,source_id,functional,correction_scheme,source");
        foreach (var e in list)
        {
            var p = e.Provenance;
            writer.Write(e.Composition.FullFormula);
            writer.Write(',');
            writer.Write(e.EnergyPerAtom.ToString("R", CultureInfo.InvariantCulture));
            if (!allFormation)
            {
                writer.Write(',');
                writer.Write(EntryCsvReader.BasisName(p.Basis));
            }
            writer.Write(',');
            writer.Write(Quote(p.SourceId));
            writer.Write(',');
            writer.Write(Quote(p.Functional));
            writer.Write(',');
            writer.Write(Quote(p.CorrectionScheme));
            writer.Write(',');
            writer.WriteLine(Quote(p.Source));
        }
        return list.Count;
    }

    /// <summary>Writes a JSON list of pymatgen <c>ComputedEntry</c> dicts (load with <c>monty.serialization.loadfn</c>).</summary>
    public static int WriteJson(IEnumerable<Entry> entries, TextWriter writer)
    {
        var array = new JsonArray();
        foreach (var e in entries) array.Add(ToPymatgenDict(e));
        writer.Write(array.ToJsonString(JsonOutput.Options));
        writer.WriteLine();
        return array.Count;
    }

    private static string Quote(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || s != s.Trim() ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    /// <summary>An entry as a pymatgen <c>ComputedEntry</c> dict that <c>ComputedEntry.from_dict</c> reads; the basis,
    /// source and provenance go in <c>data</c>.</summary>
    public static JsonObject ToPymatgenDict(Entry e)
    {
        var comp = new JsonObject();
        foreach (var (el, n) in e.Composition.Amounts) comp[el.Symbol] = n;
        var p = e.Provenance;
        var data = new JsonObject { [PymatgenEntryReader.BasisKey] = EntryCsvReader.BasisName(p.Basis), ["source"] = p.Source };
        if (p.Functional is { } f) data["functional"] = f;
        if (p.CorrectionScheme is { } c) data["correction_scheme"] = c;
        var parameters = new JsonObject();
        if (p.Functional is { } rt) parameters["run_type"] = rt;
        return new JsonObject
        {
            ["@module"] = "pymatgen.entries.computed_entries",
            ["@class"] = "ComputedEntry",
            ["energy"] = e.Energy,
            ["composition"] = comp,
            ["entry_id"] = p.SourceId,
            ["correction"] = 0.0,
            ["energy_adjustments"] = new JsonArray(),
            ["parameters"] = parameters,
            ["data"] = data,
        };
    }
}
