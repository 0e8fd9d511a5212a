using System.CommandLine;
using Interphase.Knowledge;
using Spectre.Console;

namespace Interphase.Cli.Commands;

/// <summary>
/// <c>interphase kb ...</c>: the curated knowledge base from the seed reviews (materials, interfaces, cells,
/// interphase-product characters, full-text search).
/// </summary>
public sealed class KnowledgeCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var kb = new Command("kb", "Curated knowledge base from the review articles (every value cited)");
        kb.Add(MaterialsCommand());
        kb.Add(ShowCommand());
        kb.Add(InterfacesCommand());
        kb.Add(CellsCommand());
        kb.Add(ProductsCommand());
        kb.Add(SearchCommand());
        yield return kb;
    }

    private static Command MaterialsCommand()
    {
        var family = new Option<string?>("--family") { Description = "Only this family (garnet, sulfide, halide, NASICON, perovskite, polymer, ...)" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("materials", "List materials (electrolytes, electrodes, coatings)") { family, json };
        cmd.SetAction(parse => CliOutput.Run(() =>
        {
            var db = KnowledgeBase.Load();
            var f = parse.GetValue(family);
            var list = db.MaterialsInFamily(f).ToList();
            if (list.Count == 0)
            {
                var families = db.Materials.Select(m => m.Family).Distinct(StringComparer.OrdinalIgnoreCase).Order();
                throw new InterphaseException($"no materials in family '{f}'; families: {string.Join(", ", families)}");
            }
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(list.Select(MaterialSummaryJson.Of).ToList());
                return 0;
            }
            var table = new Table().AddColumns("id", "name", "family", "role", "σ_Li (S/cm)", "values");
            foreach (var m in list)
            {
                var sigma = m.Values("ionic_conductivity").Select(v => v.Quantity!.In("S/cm")).ToList();
                var (lo, hi) = sigma.Count == 0 ? (0, 0) : (sigma.Min(q => q.Low ?? q.Value), sigma.Max(q => q.High ?? q.Value));
                var range = sigma.Count == 0 ? "" : lo == hi ? $"{lo:0.##E+0}" : $"{lo:0.##E+0} – {hi:0.##E+0}";
                table.AddRow(Markup.Escape(m.Id), Markup.Escape(m.Name), Markup.Escape(m.Family), m.Role, range, m.Properties.Count.ToString());
            }
            CliOutput.Terminal.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static Command ShowCommand()
    {
        var name = new Argument<string>("name") { Description = "Material id, name, formula or alias (LLZO, Li10GeP2S12, argyrodite, ...)" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("show", "Show every cited value of one material") { name, json };
        cmd.SetAction(parse => CliOutput.Run(() =>
        {
            var m = KnowledgeBase.Load().GetMaterial(parse.GetValue(name)!);
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(MaterialJson.Of(m));
                return 0;
            }
            CliOutput.Terminal.MarkupLine($"[bold]{Markup.Escape(m.Name)}[/] ({Markup.Escape(m.Id)}; {Markup.Escape(m.Family)} {m.Role})");
            if (m.Aliases.Count > 0) CliOutput.Terminal.MarkupLine($"aliases: {Markup.Escape(string.Join(", ", m.Aliases))}");
            var table = new Table().AddColumns("property", "value", "conditions", "citation", "notes");
            var notes = new List<string>();
            foreach (var p in m.Properties)
            {
                var q = p.Quantity;
                var value = q is null ? "" : q.Display();
                if (q is not null && Normalised(p.Property, q) is var n && n != value) value += $" = {n}";
                var lines = new[] { p.Text, p.Products.Count > 0 ? "products: " + string.Join(", ", p.Products) : null }
                    .Concat(p.Flags.Select(FlagText)).Where(s => !string.IsNullOrEmpty(s)).ToList();
                var refs = new List<string>();
                foreach (var line in lines)
                {
                    notes.Add(line!);
                    refs.Add(notes.Count.ToString());
                }
                table.AddRow(p.Property, Markup.Escape(value), Markup.Escape(p.Conditions.Display()), Markup.Escape(p.Citation.ToString()), string.Join(",", refs));
            }
            CliOutput.Terminal.Write(table);
            for (var i = 0; i < notes.Count; i++)
                CliOutput.Terminal.MarkupLine($"{i + 1}. {Markup.Escape(notes[i])}");
            return 0;
        }));
        return cmd;
    }

    private static Command InterfacesCommand()
    {
        var electrolyte = new Option<string?>("--electrolyte") { Description = "Electrolyte family (garnet, sulfide, NASICON) or material (LLZO, LGPS)" };
        var category = new Option<string?>("--category") { Description = "li-garnet, protection-layer, before-after, ccd, stack-pressure, cathode-coating" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("interfaces", "Interface records: table rows, before/after ASR, CCDs, stack pressure") { electrolyte, category, json };
        cmd.SetAction(parse => CliOutput.Run(() =>
        {
            var db = KnowledgeBase.Load();
            var rows = db.InterfacesFor(parse.GetValue(electrolyte)).ToList();
            if (parse.GetValue(category) is { } c)
            {
                var cats = db.Interfaces.Select(r => r.Category).Distinct().ToList();
                if (!cats.Contains(c, StringComparer.OrdinalIgnoreCase))
                    throw new InterphaseException($"unknown category '{c}'; categories: {string.Join(", ", cats)}");
                rows = rows.Where(r => string.Equals(r.Category, c, StringComparison.OrdinalIgnoreCase)).ToList();
            }
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(rows.Select(InterfaceRecordJson.Of).ToList());
                return 0;
            }
            var table = new Table().AddColumns("id", "electrolyte", "electrode", "treatment / interlayer", "ASR (Ω·cm²)", "j (mA/cm²)", "Q (mAh/cm²)", "CCD (mA/cm²)", "P (MPa)", "flags");
            foreach (var r in rows)
            {
                var asr = r.Asr is null ? "" : (r.AsrBefore is null ? "" : r.AsrBefore.Display() + " → ") + r.Asr.Display();
                table.AddRow(Markup.Escape(r.Id), Markup.Escape(r.Electrolyte), Markup.Escape(r.Electrode),
                    Markup.Escape(r.Interlayer ?? r.Treatment ?? ""), Markup.Escape(asr),
                    Markup.Escape(r.CurrentDensity?.Display() ?? ""), Markup.Escape(r.Capacity?.Display() ?? ""),
                    Markup.Escape(r.CriticalCurrentDensity is null ? "" : Normal(r.CriticalCurrentDensity)),
                    Markup.Escape(r.StackPressure is null ? "" : Normal(r.StackPressure)), Markup.Escape(string.Join("; ", r.Flags.Select(f => f.Kind))));
            }
            CliOutput.Terminal.Write(table);
            CliOutput.Terminal.MarkupLine($"{rows.Count} records");
            return 0;
        }));
        return cmd;
    }

    private static Command CellsCommand()
    {
        var json = CliOutput.JsonOption();
        var cmd = new Command("cells", "Full-cell results (Li-metal review Table 1, garnet review Table 2)") { json };
        cmd.SetAction(parse => CliOutput.Run(() =>
        {
            var cells = KnowledgeBase.Load().Cells;
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(cells.Select(CellResultJson.Of).ToList());
                return 0;
            }
            var table = new Table().AddColumns("id", "anode | electrolyte | cathode", "T", "rate", "V", "capacity (mAh/g)", "retention", "cycles", "flags");
            foreach (var c in cells)
                table.AddRow(Markup.Escape(c.Id), Markup.Escape($"{c.Anode} | {c.Electrolyte} | {c.Cathode}"), Markup.Escape(c.Conditions.Temperature ?? ""),
                    Markup.Escape(c.Rate?.Display() ?? c.RateText ?? ""), Markup.Escape(c.VoltageRange?.Display() ?? ""),
                    Markup.Escape(c.Capacity?.Display() ?? ""), Markup.Escape(c.Retention?.Display() ?? ""), c.Cycles?.ToString() ?? "",
                    Markup.Escape(string.Join("; ", c.Flags.Select(f => f.Kind))));
            CliOutput.Terminal.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static Command ProductsCommand()
    {
        var formulas = new Argument<string[]>("formula") { Description = "Reduced formulas to classify (e.g. Li2S Li15Ge4); none lists the table", Arity = ArgumentArity.ZeroOrMore };
        var json = CliOutput.JsonOption();
        var cmd = new Command("products", "Electronic/ionic character of interphase products (explicit entries and class rules)") { formulas, json };
        cmd.SetAction(parse => CliOutput.Run(() =>
        {
            var table = KnowledgeBase.Load().Products;
            var asked = parse.GetValue(formulas) ?? [];
            // A typo would otherwise come back as a product of unknown character.
            foreach (var f in asked) Interphase.Chemistry.Composition.Parse(f);
            var rows = asked.Length == 0 ? table.Entries.ToList() : asked.Select(table.Classify).ToList();
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(new ProductListing(rows, asked.Length == 0 ? table.Rules.Select(ProductRuleJson.Of).ToList() : null));
                return 0;
            }
            var t = new Table().AddColumns("formula", "electronic", "Li+ conductor", "reason", "citation");
            foreach (var p in rows)
                t.AddRow(Markup.Escape(p.Formula), p.Electronic.ToString().ToLowerInvariant(), p.IonicConductor switch { true => "yes", false => "no", null => "?" },
                    Markup.Escape(p.Reason), Markup.Escape(p.Citation));
            CliOutput.Terminal.Write(t);
            if (asked.Length == 0)
            {
                var r = new Table().AddColumns("rule", "electronic", "reason", "citation");
                foreach (var rule in table.Rules)
                    r.AddRow(Markup.Escape(rule.Name), rule.Electronic.ToString().ToLowerInvariant(), Markup.Escape(rule.Reason), Markup.Escape(rule.Citation.ToString()));
                CliOutput.Terminal.Write(r);
            }
            return 0;
        }));
        return cmd;
    }

    private static Command SearchCommand()
    {
        var text = new Argument<string[]>("text") { Description = "Words that must all occur (case-insensitive)", Arity = ArgumentArity.OneOrMore };
        var json = CliOutput.JsonOption();
        var cmd = new Command("search", "Full-text search over materials, interfaces, cells and products") { text, json };
        cmd.SetAction(parse => CliOutput.Run(() =>
        {
            var hits = KnowledgeBase.Load().Search(string.Join(' ', parse.GetValue(text) ?? []));
            if (parse.GetValue(json))
            {
                CliOutput.WriteJson(hits);
                return 0;
            }
            var t = new Table().AddColumns("kind", "id", "title", "source");
            foreach (var h in hits) t.AddRow(h.Kind, Markup.Escape(h.Id), Markup.Escape(h.Title), Markup.Escape(h.Citation));
            CliOutput.Terminal.Write(t);
            CliOutput.Terminal.MarkupLine($"{hits.Count} hits");
            return 0;
        }));
        return cmd;
    }

    private static string Normal(Quantity q) => q.In(q.NormalizedUnit).Display();

    private static string Normalised(string property, Quantity q) => q.In(PropertyKinds.DisplayUnit(property, q.Dimension)).Display();

    private static string FlagText(DataFlag f) =>
        $"[{f.Kind}] {f.Note}" + (f.Alternative is null ? "" : $" (other reading: {f.Alternative}") + (f.Citation is null ? "" : $", {f.Citation}") + (f.Alternative is null ? "" : ")");

}
