using System.Globalization;
using CsvHelper;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Interphase.Data;

/// <summary>Writes entries in the formats <see cref="EntryFileReader"/> reads back.</summary>
public static class EntryFileWriter
{
    /// <summary>Writes <paramref name="entries"/> as CSV or pymatgen JSON; returns the number written.</summary>
    public static int Write(IEnumerable<Entry> entries, TextWriter writer, EntryFileFormat format) => format switch
    {
        EntryFileFormat.Csv => WriteCsv(entries, writer),
        EntryFileFormat.PymatgenJson => WriteJson(entries, writer),
        _ => throw new InterphaseException($"entries cannot be written as {format}: use CSV or pymatgen JSON"),
    };

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
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = Environment.NewLine }, leaveOpen: true);
        foreach (var h in allFormation
                     ? new[] { "formula", "e_form_per_atom", "source_id", "functional", "correction_scheme", "source" }
                     : ["formula", "energy_per_atom", "basis", "source_id", "functional", "correction_scheme", "source"])
            csv.WriteField(h);
        csv.EndRecord();
        foreach (var e in list)
        {
            var p = e.Provenance;
            csv.WriteField(e.Composition.FullFormula);
            csv.WriteField(e.EnergyPerAtom.ToString("R", CultureInfo.InvariantCulture));
            if (!allFormation) csv.WriteField(EntryCsvReader.BasisName(p.Basis));
            csv.WriteField(p.SourceId ?? "");
            csv.WriteField(p.Functional ?? "");
            csv.WriteField(p.CorrectionScheme ?? "");
            csv.WriteField(p.Source ?? "");
            csv.EndRecord();
        }
        csv.Flush();
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
