using System.CommandLine;
using System.Globalization;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Thermodynamics;
using Spectre.Console;
using static Interphase.Cli.CliOutput;

namespace Interphase.Cli.Commands;

/// <summary>Thermodynamics commands: <c>window</c>, <c>hull</c>, <c>react</c> and <c>batch</c>.</summary>
public sealed class ThermoCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands() => [Window(), Hull(), React(), Batch()];

    // Entries of the queried system only: from --data files, else the entry store, else the shared default CSV.
    private static ThermoEngine Engine(ParseResult pr, string[]? data, EntrySourceCliOptions source, IEnumerable<Element> system) =>
        new(new EntrySet(EntrySourceResolver.Resolve(system.Distinct().ToList(), source.Resolve(pr, data))));


    private static Command Window()
    {
        var formula = new Argument<string>("formula") { Description = "Compound, e.g. Li6PS5Cl" };
        var open = new Option<string>("--open") { Description = "Open element (default Li)", DefaultValueFactory = _ => "Li" };
        var data = CliData.DataOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("window", "Electrochemical stability window and full profile against an open element (V vs Li/Li+)") { formula, open, data, json };
        var source = new EntrySourceCliOptions();
        source.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var composition = Interphase.Knowledge.CompositionResolver.Resolve(pr.GetValue(formula)!);
            var openElement = PeriodicTable.Get(pr.GetValue(open)!);
            var engine = Engine(pr, pr.GetValue(data), source, composition.Elements.Append(openElement));
            var w = engine.Window(composition, openElement);
            var basis = WindowBasis.Of(engine, composition, w);
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(ThermoJson.Window(w, basis));
                return 0;
            }
            var t = new Table().Title($"{Markup.Escape(w.Composition.ReducedFormula)} open to {w.OpenElement.Symbol} ({w.EntryCount} entries)");
            t.AddColumns("from V", "to V", $"{w.OpenElement.Symbol} uptake /f.u.", "products", "reaction");
            foreach (var s in w.Profile)
            {
                bool stable = ReferenceEquals(s, w.StableSegment);
                string Mark(string x) => stable ? $"[bold green]{Markup.Escape(x)}[/]" : Markup.Escape(x);
                t.AddRow(Mark(F(s.StartVolts, 3)), Mark(s.EndVolts is { } e ? F(e, 3) : "∞"), Mark(F(s.UptakePerFormulaUnit, 4)),
                    Mark(string.Join(", ", s.ProductFormulas)), Markup.Escape(s.Reaction.ToString()));
            }
            CliOutput.Terminal.Write(t);
            CliOutput.Terminal.MarkupLine(w.StableSegment is null
                ? "no voltage range without uptake"
                : $"window: [bold]{F(w.ReductionVolts!.Value, 3)} – {(w.OxidationVolts is { } o ? F(o, 3) : "∞")} V[/] vs {w.OpenElement.Symbol}/{w.OpenElement.Symbol}+");
            CliOutput.Terminal.MarkupLine($"data: {basis.StatusName.Replace('_', ' ')} — {Markup.Escape(basis.Explanation)}");
            return 0;
        }));
        return cmd;
    }

    private static Command Hull()
    {
        var formula = new Argument<string>("formula") { Description = "Composition, e.g. Li7La3Zr2O12 or Li0.5CoO2" };
        var data = CliData.DataOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("hull", "Formation energy, energy above hull and decomposition into hull phases") { formula, data, json };
        var source = new EntrySourceCliOptions();
        source.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var composition = Interphase.Knowledge.CompositionResolver.Resolve(pr.GetValue(formula)!);
            var engine = Engine(pr, pr.GetValue(data), source, composition.Elements);
            var r = engine.Stability(composition);
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(ThermoJson.Hull(r));
                return 0;
            }
            var t = new Table().Title($"{Markup.Escape(r.Composition.ReducedFormula)} ({r.EntryCount} entries)");
            t.AddColumns("quantity", "value");
            t.AddRow("formation energy (eV/atom)", r.FormationEnergyPerAtom is { } ef ? F(ef, 4) : "no entry");
            t.AddRow("energy above hull (eV/atom)", r.EnergyAboveHull is { } eh ? F(eh, 4) : "–");
            t.AddRow("hull energy (eV/atom)", F(r.Hull.EnergyPerAtom, 4));
            t.AddRow("decomposition (atom fractions)", Markup.Escape(string.Join(" + ",
                (r.Decomposition ?? r.Hull.Decomposition).Select(p => $"{F(p.Fraction, 4)} {p.Formula}"))));
            CliOutput.Terminal.Write(t);
            return 0;
        }));
        return cmd;
    }

    private static Command React()
    {
        var a = new Argument<string>("a") { Description = "Reactant a, e.g. LiCoO2" };
        var b = new Argument<string>("b") { Description = "Reactant b, e.g. Li3PS4" };
        var volts = new Option<double?>("--volts") { Description = "Open the system to the open element at this voltage (V vs Li/Li+)" };
        var open = new Option<string>("--open") { Description = "Open element when --volts is given (default Li)", DefaultValueFactory = _ => "Li" };
        var own = new Option<bool>("--entry-energy") { Description = "Take reactants at their own lowest entry instead of the hull energy of their composition" };
        var data = CliData.DataOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("react", "Pseudo-binary interface reaction: every kink of the reaction-energy curve") { a, b, volts, open, own, data, json };
        var source = new EntrySourceCliOptions();
        source.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var ca = Interphase.Knowledge.CompositionResolver.Resolve(pr.GetValue(a)!);
            var cb = Interphase.Knowledge.CompositionResolver.Resolve(pr.GetValue(b)!);
            var opts = new ReactionOptions(pr.GetValue(volts), PeriodicTable.Get(pr.GetValue(open)!), !pr.GetValue(own));
            var engine = Engine(pr, pr.GetValue(data), source, ca.Elements.Concat(cb.Elements).Append(opts.OpenElement!));
            var r = engine.React(ca, cb, opts);
            var min = r.MostExothermic;
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(ThermoJson.Reaction(pr.GetValue(a)!, pr.GetValue(b)!, r));
                return 0;
            }
            string title = $"{pr.GetValue(a)} | {pr.GetValue(b)}" + (opts.Volts is { } v ? $" open to {r.OpenElement!.Symbol} at {F(v, 2)} V" : "")
                           + $" ({r.ElementCount} elements, {r.EntryCount} entries)";
            var t = new Table().Title(Markup.Escape(title));
            t.AddColumns("x (a)", opts.Volts is null ? "E_rxn (eV/atom)" : "ΔΦ (eV/atom)");
            if (opts.Volts is not null) t.AddColumn("ΔΦ from meeting (eV/atom)");
            t.AddColumn("reaction");
            foreach (var k in r.Kinks)
            {
                bool m = ReferenceEquals(k, min);
                string Mark(string x) => m ? $"[bold red]{Markup.Escape(x)}[/]" : Markup.Escape(x);
                var cells = new List<string> { Mark(F(k.X, 4)), Mark(F(k.EnergyPerAtom, 4)) };
                if (opts.Volts is not null) cells.Add(Mark(F(k.MixingEnergyPerAtom ?? 0, 4)));
                cells.Add(Mark(k.Reaction.ToString()));
                t.AddRow(cells.ToArray());
            }
            CliOutput.Terminal.Write(t);
            return 0;
        }));
        return cmd;
    }

    private static Command Batch()
    {
        var cases = new Argument<string>("cases") { Description = "Cases file in the input format of pmg_reference.py" };
        var data = CliData.DataOption();
        var json = CliOutput.JsonOption();
        var output = new Option<string?>("--output", "-o") { Description = "Write the JSON results to this file" };
        var cmd = new Command("batch", "Run windows, stability and reaction cases; results in the schema of thermo_public.json") { cases, data, json, output };
        var source = new EntrySourceCliOptions();
        source.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var c = ThermoCases.Read(pr.GetValue(cases)!);
            var entries = EntrySourceResolver.ResolveAll(source.Resolve(pr, pr.GetValue(data)));
            var engine = new ThermoEngine(new EntrySet(entries));
            var result = ThermoBatch.Run(engine, c, string.Join(",", entries.Select(e => e.Provenance.Source).Distinct()));
            string text = result.ToJsonString(JsonOutput.Options);
            if (pr.GetValue(output) is { } o) Interphase.Reporting.OutputFile.Write(o, text);
            if (pr.GetValue(json) || pr.GetValue(output) is null)
            {
                Console.Out.WriteLine(text);
                return 0;
            }
            var t = new Table().AddColumns("kind", "case", "result", "seconds");
            foreach (var w in result["windows"]!.AsArray())
                t.AddRow("window", Markup.Escape((string)w!["formula"]!), Markup.Escape(w["window_volts"]?.ToJsonString() ?? "none"), w["seconds"]!.ToString());
            foreach (var e in result["ehull"]!.AsArray())
                t.AddRow("ehull", Markup.Escape((string)e!["formula"]!), e["e_above_hull"]?.ToString() ?? e["hull_energy_per_atom"]!.ToString(), e["seconds"]!.ToString());
            foreach (var r in result["reactions"]!.AsArray())
                t.AddRow("react", Markup.Escape($"{r!["a"]} | {r["b"]}" + (r["volts"] is { } v ? $" @ {v} V" : "")), r["min_e_rxn_per_atom"]!.ToString(), r["seconds"]!.ToString());
            CliOutput.Terminal.Write(t);
            return 0;
        }));
        return cmd;
    }
}
