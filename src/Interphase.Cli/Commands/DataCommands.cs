using Interphase.Chemistry;
using System.CommandLine;
using System.Globalization;
using Interphase.Data;
using Spectre.Console;

namespace Interphase.Cli.Commands;

/// <summary>
/// <c>interphase data</c>: the local entry store — import, list, stats, export, remove, and pull from online
/// databases (Materials Project, OQMD, OPTIMADE).
/// </summary>
public sealed class DataCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var data = new Command("data", "Manage the local entry store used by the thermodynamics commands when no --data file is given");
        data.Add(Import());
        data.Add(List());
        data.Add(Stats());
        data.Add(Export());
        data.Add(Remove());
        data.Add(DataPullCommand.Create());
        yield return data;
    }

    private static Command Import()
    {
        var file = new Argument<string>("file") { Description = "CSV (formula,e_form_per_atom), pymatgen ComputedEntry JSON, or a Materials Project API JSON response" };
        var source = new Option<string?>("--source") { Description = "Source name (default: the file name); importing a source again replaces it" };
        var field = new Option<string>("--field")
        {
            Description = "For Materials Project JSON: energy field (formation_energy_per_atom, energy_per_atom, uncorrected_energy_per_atom)",
            DefaultValueFactory = _ => MaterialsProjectJson.FormationField,
        };
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("import", "Import an entry file into the store in one transaction (all or nothing)") { file, source, field, store, json };
        cmd.SetAction(p => CliOutput.Run(() =>
        {
            string path = p.GetValue(file)!;
            if (!File.Exists(path)) throw new InterphaseException($"entry file not found: {path}");
            string name = p.GetValue(source) ?? Path.GetFileName(path);
            string fieldName = p.GetValue(field)!;
            MaterialsProjectJson.BasisOf(fieldName);
            return EntryStore.Write(StoreLocation.Resolve(p.GetValue(store)), s =>
            {
                var summary = s.ImportSource(EntryFileReader.Read(path, name, fieldName), name, Path.GetFullPath(path));
                if (p.GetValue(json))
                    CliOutput.WriteJson(new { store = s.Path, summary.Source, summary.Added, summary.Replaced, seconds = summary.Elapsed.TotalSeconds });
                else
                    CliOutput.Terminal.MarkupLine(
                        $"Imported [bold]{summary.Added}[/] entries as source [bold]{Markup.Escape(summary.Source)}[/]" +
                        (summary.Replaced > 0 ? $" (replacing {summary.Replaced})" : "") +
                        $" in {summary.Elapsed.TotalSeconds:F2} s into {Markup.Escape(s.Path)}");
                return 0;
            });
        }));
        return cmd;
    }

    private static Command List()
    {
        var chemsys = new Option<string?>("--chemsys") { Description = "List the entries of this system and its sub-systems, e.g. Li-P-S (default: list the sources)" };
        var source = new Option<string?>("--source") { Description = "Only entries of this source" };
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("list", "List the sources in the store, or the entries of a chemical system") { chemsys, source, store, json };
        cmd.SetAction(p => CliOutput.Run(() =>
        {
            using var s = EntryStore.OpenReadOnly(StoreLocation.Resolve(p.GetValue(store)));
            if (p.GetValue(chemsys) is not { } sys)
            {
                var sources = s.Sources();
                if (p.GetValue(json)) CliOutput.WriteJson(new { store = s.Path, sources });
                else WriteSources(s.Path, sources);
                return 0;
            }
            var system = ChemicalSystem.Parse(sys).Elements;
            var entries = s.Query(system, p.GetValue(source));
            if (p.GetValue(json))
            {
                CliOutput.WriteJson(new
                {
                    chemsys = ChemicalSystem.Of(system).ToString(),
                    entries = entries.Select(e => new
                    {
                        formula = e.Composition.FullFormula,
                        reduced_formula = e.ReducedFormula,
                        energy_per_atom = e.EnergyPerAtom,
                        basis = EntryCsvReader.BasisName(e.Provenance.Basis),
                        e.Provenance.Source,
                        e.Provenance.SourceId,
                        e.Provenance.Functional,
                        e.Provenance.CorrectionScheme,
                    }),
                });
                return 0;
            }
            var table = new Table().Title($"{entries.Count} entries in {Markup.Escape(ChemicalSystem.Of(system).ToString())} and its sub-systems");
            table.AddColumns("Reduced formula", "Formula", "E (eV/atom)", "Basis", "Source", "Id", "Functional");
            foreach (var e in entries.OrderBy(e => e.Composition.ElementCount).ThenBy(e => e.ReducedFormula, StringComparer.Ordinal).ThenBy(e => e.EnergyPerAtom))
                table.AddRow(Markup.Escape(e.ReducedFormula), Markup.Escape(e.Composition.FullFormula),
                    e.EnergyPerAtom.ToString("F4", CultureInfo.InvariantCulture), EntryCsvReader.BasisName(e.Provenance.Basis),
                    Markup.Escape(e.Provenance.Source), Markup.Escape(e.Provenance.SourceId ?? ""), Markup.Escape(e.Provenance.Functional ?? ""));
            CliOutput.Terminal.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static void WriteSources(string path, IReadOnlyList<SourceSummary> sources)
    {
        var table = new Table().Title($"Sources in {Markup.Escape(path)}");
        table.AddColumns("Source", "Entries", "Energies", "Functional", "Updated (UTC)", "Origin");
        foreach (var src in sources)
        {
            string basis = src.RawTotalEntries == 0 ? "formation" : src.FormationEntries == 0 ? "raw total"
                : $"{src.FormationEntries} formation, {src.RawTotalEntries} raw";
            // Files are shown by name (the full path is in --json); URLs in full.
            string origin = src.Origin is null ? "" : src.Origin.Contains("://", StringComparison.Ordinal) ? src.Origin : Path.GetFileName(src.Origin);
            table.AddRow(Markup.Escape(src.Name), src.Entries.ToString(CultureInfo.InvariantCulture), basis,
                Markup.Escape(string.Join(", ", src.Functionals)),
                src.UpdatedUtc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), Markup.Escape(origin));
        }
        CliOutput.Terminal.Write(table);
        if (sources.Count == 0) CliOutput.Terminal.MarkupLine("The store is empty: [bold]interphase data import FILE[/] or [bold]interphase data pull[/].");
    }

    private static Command Stats()
    {
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("stats", "Entry counts by source and by number of elements") { store, json };
        cmd.SetAction(p => CliOutput.Run(() =>
        {
            using var s = EntryStore.OpenReadOnly(StoreLocation.Resolve(p.GetValue(store)));
            var st = s.Stats();
            if (p.GetValue(json))
            {
                CliOutput.WriteJson(new
                {
                    st.Path, st.Entries, st.ChemicalSystems, st.FileBytes,
                    by_element_count = st.ByElementCount.ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value),
                    st.Sources,
                });
                return 0;
            }
            CliOutput.Terminal.MarkupLine($"[bold]{st.Entries}[/] entries in [bold]{st.ChemicalSystems}[/] chemical systems, {st.FileBytes / 1048576.0:F1} MB ({Markup.Escape(st.Path)})");
            var t = new Table().AddColumns("Elements", "Entries");
            foreach (var (n, c) in st.ByElementCount) t.AddRow(n.ToString(CultureInfo.InvariantCulture), c.ToString(CultureInfo.InvariantCulture));
            CliOutput.Terminal.Write(t);
            WriteSources(st.Path, st.Sources);
            return 0;
        }));
        return cmd;
    }

    private static Command Export()
    {
        var format = new Option<string>("--format") { Description = "csv (formula,e_form_per_atom,…) or json (pymatgen ComputedEntry list)", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string?>("--output", "-o") { Description = "Output file (default: stdout)" };
        var source = new Option<string?>("--source") { Description = "Only entries of this source" };
        var chemsys = new Option<string?>("--chemsys") { Description = "Only entries of this system and its sub-systems" };
        var store = EntrySourceCliOptions.StoreOption();
        var cmd = new Command("export", "Write the store's entries as CSV or pymatgen JSON") { format, output, source, chemsys, store };
        cmd.SetAction(p => CliOutput.Run(() =>
        {
            using var s = EntryStore.OpenReadOnly(StoreLocation.Resolve(p.GetValue(store)));
            string? src = p.GetValue(source);
            if (src is not null && s.Sources().All(x => x.Name != src))
                throw new InterphaseException($"no source '{src}' in the store {s.Path}");
            IEnumerable<Entry> entries = p.GetValue(chemsys) is { } sys ? s.Query(ChemicalSystem.Parse(sys).Elements, src) : s.All(src);
            string? outPath = p.GetValue(output);
            bool asJson = p.GetValue(format) == "json";
            int Write(TextWriter w) => asJson ? EntryFileWriter.WriteJson(entries, w) : EntryFileWriter.WriteCsv(entries, w);
            if (outPath is null)
            {
                Write(Console.Out);
                Console.Out.Flush();
            }
            else
            {
                Interphase.Reporting.OutputFile.EnsureDistinct([("--output", outPath)], [], [s.Path]);
                int n = 0;
                Interphase.Reporting.OutputFile.WriteText(outPath, w => n = Write(w));
                Console.Error.WriteLine($"wrote {n} entries to {outPath}");
            }
            return 0;
        }));
        return cmd;
    }

    private static Command Remove()
    {
        var source = new Option<string>("--source") { Description = "The source to remove", Required = true };
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("remove", "Remove a source and all its entries") { source, store, json };
        cmd.SetAction(p => CliOutput.Run(() =>
        {
            using var s = EntryStore.OpenExisting(StoreLocation.Resolve(p.GetValue(store)));
            string name = p.GetValue(source)!;
            int removed = s.RemoveSource(name);
            if (p.GetValue(json)) CliOutput.WriteJson(new { store = s.Path, source = name, removed });
            else CliOutput.Terminal.MarkupLine($"Removed source [bold]{Markup.Escape(name)}[/] ({removed} entries)");
            return 0;
        }));
        return cmd;
    }
}
