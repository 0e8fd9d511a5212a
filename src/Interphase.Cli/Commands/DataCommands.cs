using Interphase.Chemistry;
using System.CommandLine;
using System.Globalization;
using Interphase.Data;
using Interphase.Properties;
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
        data.Add(ImportProperties());
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
                    CliOutput.WriteJson(ImportReport.Of(s.Path, summary));
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

    private static Command ImportProperties()
    {
        var file = new Argument<string>("file") { Description = "CSV with a formula column and a value column (target, value or the property's name), e.g. ../shared/data/properties/mp_gap.csv" };
        var property = new Option<string>("--property")
        {
            Description = $"What the value column holds: {string.Join(", ", MaterialProperties.All.Select(MaterialProperties.Name))}", Required = true,
        };
        var source = new Option<string?>("--source") { Description = "Source name (default: the file name); importing the same property of a source again replaces it" };
        var scale = new Option<string?>("--value-scale") { Description = "linear or log10 (values are log10 of the unit, e.g. Matbench's log10 GPa moduli); default: log10 when the file name contains 'log10'" };
        var method = new Option<string?>("--method") { Description = "How the values were obtained, recorded with them (default: PBE for band gaps, VRH for moduli)" };
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("import-properties", "Import material property values (band gaps, moduli, refractive indices, …) into the store in one transaction (all or nothing)")
            { file, property, source, scale, method, store, json };
        cmd.SetAction(p => CliOutput.Run(() =>
        {
            string path = p.GetValue(file)!;
            var prop = MaterialProperties.Parse(p.GetValue(property));
            if (!File.Exists(path)) throw new InterphaseException($"property file not found: {path}");
            var valueScale = p.GetValue(scale) is { } sc ? MaterialProperties.ParseScale(sc) : PropertyCsvReader.DefaultScale(path);
            string name = p.GetValue(source) ?? Path.GetFileName(path);
            string? how = p.GetValue(method) ?? prop switch
            {
                MaterialProperty.BandGap => "PBE",
                MaterialProperty.ShearModulus or MaterialProperty.BulkModulus => "VRH",
                _ => null,
            };
            // Read and validate the whole file before the store is opened: a bad row leaves the store untouched (and uncreated).
            var values = PropertyCsvReader.Read(path, prop, name, valueScale, how);
            using var s = EntryStore.Open(StoreLocation.Resolve(p.GetValue(store)));
            var summary = s.ImportProperties(values, name, [prop], Path.GetFullPath(path));
            string unit = MaterialProperties.Unit(prop);
            if (p.GetValue(json))
                CliOutput.WriteJson(new PropertyImportReport(s.Path, summary.Source, MaterialProperties.Name(prop), unit, valueScale,
                    summary.Added, summary.Replaced, summary.Elapsed.TotalSeconds));
            else
                CliOutput.Terminal.MarkupLine(
                    $"Imported [bold]{summary.Added}[/] {MaterialProperties.Name(prop)} values{(unit.Length > 0 ? $" ({Markup.Escape(unit)})" : "")} as source [bold]{Markup.Escape(summary.Source)}[/]" +
                    (valueScale == ValueScale.Log10 ? $", converted from log10 {Markup.Escape(unit)}" : "") +
                    (summary.Replaced > 0 ? $" (replacing {summary.Replaced})" : "") +
                    $" in {summary.Elapsed.TotalSeconds:F2} s into {Markup.Escape(s.Path)}");
            return 0;
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
            string path = StoreLocation.Resolve(p.GetValue(store));
            if (p.GetValue(chemsys) is null)
            {
                // Listing sources never needs the store to exist: it says which data the analyses use either way.
                IReadOnlyList<SourceSummary> sources = [];
                string shown = Path.GetFullPath(path);
                if (File.Exists(path))
                {
                    using var existing = EntryStore.OpenReadOnly(path);
                    (sources, shown) = (existing.Sources(), existing.Path);
                }
                var inUse = DataInUse.For(path);
                if (p.GetValue(json)) CliOutput.WriteJson(new SourceListing(shown, sources, inUse));
                else
                {
                    WriteSources(shown, sources);
                    WriteDataInUse(inUse);
                }
                return 0;
            }
            using var s = EntryStore.OpenReadOnly(path);
            string sys = p.GetValue(chemsys)!;
            var system = ChemicalSystem.Parse(sys).Elements;
            var entries = s.Query(system, p.GetValue(source));
            if (p.GetValue(json))
            {
                CliOutput.WriteJson(new EntryListing(ChemicalSystem.Of(system).ToString(), entries.Select(EntryRow.Of).ToList()));
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
        if (sources.Count == 0) CliOutput.Terminal.MarkupLine("The store is empty: [bold]interphase data import FILE[/] or [bold]interphase data pull[/] fill it.");
    }

    private static void WriteDataInUse(DataInUse inUse) =>
        CliOutput.Terminal.MarkupLine(inUse.Kind == DataKind.Store
            ? $"The analyses use [bold]{Markup.Escape(inUse.Description)}[/] ({inUse.Entries.ToString("N0", CultureInfo.InvariantCulture)} entries)."
            : $"The analyses use [bold]{Markup.Escape(inUse.Description)}[/]: {inUse.Entries.ToString("N0", CultureInfo.InvariantCulture)} formation energies and the band gaps, moduli and refractive indices of the same set ({Markup.Escape(inUse.Attribution ?? "")}).");

    private static Command Stats()
    {
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("stats", "Entry counts by source and by number of elements") { store, json };
        cmd.SetAction(p => CliOutput.Run(() =>
        {
            string path = StoreLocation.Resolve(p.GetValue(store));
            StoreStats st;
            if (File.Exists(path))
            {
                using var s = EntryStore.OpenReadOnly(path);
                st = s.Stats();
            }
            else st = StoreStats.Missing(Path.GetFullPath(path));
            st = st with { AnalysesUse = DataInUse.For(path) };
            if (p.GetValue(json))
            {
                CliOutput.WriteJson(st);
                return 0;
            }
            CliOutput.Terminal.MarkupLine(File.Exists(path)
                ? $"[bold]{st.Entries}[/] entries in [bold]{st.ChemicalSystems}[/] chemical systems, {st.FileBytes / 1048576.0:F1} MB ({Markup.Escape(st.Path)})"
                : $"The entry store {Markup.Escape(st.Path)} does not exist yet.");
            if (st.Entries > 0)
            {
                var t = new Table().AddColumns("Elements", "Entries");
                foreach (var (n, c) in st.ByElementCount) t.AddRow(n.ToString(CultureInfo.InvariantCulture), c.ToString(CultureInfo.InvariantCulture));
                CliOutput.Terminal.Write(t);
            }
            if (File.Exists(path)) WriteSources(st.Path, st.Sources);
            WriteDataInUse(st.AnalysesUse!);
            return 0;
        }));
        return cmd;
    }

    private static Command Export()
    {
        var format = CliOptions.Choice("--format", "csv (formula,e_form_per_atom,…) or json (pymatgen ComputedEntry list)", EntryFileFormat.Csv,
            ("csv", EntryFileFormat.Csv), ("json", EntryFileFormat.PymatgenJson));
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
            var fileFormat = p.GetValue(format);
            int Write(TextWriter w) => EntryFileWriter.Write(entries, w, fileFormat);
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
            if (p.GetValue(json)) CliOutput.WriteJson(new RemoveReport(s.Path, name, removed));
            else CliOutput.Terminal.MarkupLine($"Removed source [bold]{Markup.Escape(name)}[/] ({removed} entries)");
            return 0;
        }));
        return cmd;
    }
}
