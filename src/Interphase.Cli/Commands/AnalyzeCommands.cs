using System.CommandLine;
using Interphase.Knowledge;
using Interphase.Reporting;
using Interphase.Stacks;
using Spectre.Console;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase analyze STACK.yaml</c>: the whole-stack analysis.</summary>
public sealed class AnalyzeCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var file = new Argument<string>("stack") { Description = "Stack file (YAML); see examples/stacks/" };
        var html = new Option<string?>("--html") { Description = "Write a self-contained HTML report here" };
        var data = CliData.DataOption();
        var json = CliOutput.JsonOption();
        var noRemedies = new Option<bool>("--no-recommendations") { Description = "Skip ranking coatings/interlayers for failing interfaces" };
        var cmd = new Command("analyze", "Analyse a whole cell stack: windows, interface reactions, interphases, mechanics, resistance, verdicts")
            { file, html, data, json, noRemedies };
        var source = new EntrySourceCliOptions();
        source.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var stack = StackReader.ReadFile(pr.GetValue(file)!);
            OutputFile.Check(pr.GetValue(html));
            bool asJson = pr.GetValue(json);
            StackAnalysis? analysis = null;
            void Work(Action<string> status)
            {
                status("loading entries");
                Interphase.Thermodynamics.ThermoEngine engine;
                try { engine = CliData.Engine(pr.GetValue(data), source.Resolve(pr)); }
                catch (Interphase.Data.NoDataException ex)
                {
                    // Name the systems this stack needs, so the user can pull exactly those.
                    throw new InterphaseException(Interphase.Data.DataGuidance.NoData(ex.StorePath, stack.ChemicalSystems()), ex);
                }
                var kb = KnowledgeBase.Load();
                // Band gaps and moduli: the store's property values, else the shared Materials Project files in place.
                var properties = Interphase.Properties.PropertySources.Default(source.Resolve(pr).StorePath);
                using var closeStore = properties as IDisposable;
                var remedies = pr.GetValue(noRemedies) ? null : RemedyFinders.Default(engine, properties);
                analysis = new StackAnalyzer(engine, kb, remedies, properties: properties).Analyze(stack, new Progress<string>(status));
            }
            if (asJson || Console.IsOutputRedirected) Work(_ => { });
            else AnsiConsole.Status().Start("analysing", ctx => Work(s => ctx.Status(s)));

            if (pr.GetValue(html) is { } path)
            {
                StackReport.Build(analysis!).Save(path);
                if (!asJson) Console.Error.WriteLine($"report written to {path}");
            }
            if (asJson) CliOutput.WriteJson(StackJson.From(analysis!));
            else PrintSummary(analysis!);
            return 0;
        }));
        yield return cmd;
    }

    private static void PrintSummary(StackAnalysis a)
    {
        CliOutput.Terminal.MarkupLine($"[bold]{Markup.Escape(a.Stack.Name)}[/]  overall: {Badge(a.Overall)}");
        var windows = new Table().Title("Stability windows (V vs Li/Li+)");
        foreach (var h in new[] { "Layer", "Reduction", "Oxidation", "Faces", "Verdict", "Data" }) windows.AddColumn(h);
        foreach (var w in a.Windows)
            windows.AddRow(Markup.Escape(w.Layer), Fmt(w.ReductionVolts), Fmt(w.OxidationVolts),
                w.FacesText, Badge(w.Verdict),
                w.Basis is { } b ? b.StatusName.Replace('_', ' ') : "—");
        CliOutput.Terminal.Write(windows);
        foreach (var w in a.Windows.Where(w => w.Basis is { Status: not Interphase.Thermodynamics.WindowDataStatus.OnHull } || w.ReductionVolts is null))
            CliOutput.Terminal.MarkupLine($"  [dim]{Markup.Escape(w.Layer)}: {Markup.Escape(w.Basis?.Explanation ?? "")}[/]");

        var table = new Table().Title("Interfaces");
        foreach (var h in new[] { "Interface", "Reaction", "E (meV/atom)", "Products", "Interphase", "Verdict" }) table.AddColumn(h);
        foreach (var i in a.Interfaces)
        {
            bool first = true;
            foreach (var r in i.Reactions)
            {
                table.AddRow(first ? Markup.Escape(i.Interface.Label) : "", Markup.Escape(r.Kind), StackReport.Mev(r.EnergyEvPerAtom),
                    Markup.Escape(string.Join(", ", r.Products)), first ? StackAnalyzer.Describe(i.Interphase.Kind) : "", first ? Badge(i.Verdict) : "");
                first = false;
            }
        }
        CliOutput.Terminal.Write(table);
        foreach (var i in a.Interfaces.Where(i => i.Recommendations.Count > 0))
        {
            CliOutput.Terminal.MarkupLine($"Coatings/interlayers to try at {Markup.Escape(i.Interface.Label)} (ranked by the screen):");
            foreach (var (r, k) in i.Recommendations.Select((r, k) => (r, k)))
                CliOutput.Terminal.MarkupLine($"  {k + 1}. {Markup.Escape(r.Formula)}: {Markup.Escape(r.Summary)}");
        }
        CliOutput.Terminal.MarkupLine($"Li-metal mechanics: {Badge(a.Mechanics.Verdict)}");
        foreach (var reason in a.Mechanics.Reasons.Where(r => !r.StartsWith("caveat", StringComparison.Ordinal)))
            CliOutput.Terminal.MarkupLine("  " + Markup.Escape(reason));
        CliOutput.Terminal.MarkupLine($"Resistance budget: {Badge(a.ResistanceVerdict.Verdict)}");
        foreach (var r in a.Resistance)
            CliOutput.Terminal.MarkupLine($"  {Markup.Escape(r.Item)}: {(r.AsrOhmCm2 is { } asr ? $"{asr:0.##} Ω·cm², {r.DropMv:0.#} mV" : "—")} [dim]({Markup.Escape(r.Source)})[/]");
        // The space-charge lines are in the budget above; here: how they depend on the electrolyte's assumed Li potential.
        foreach (var x in a.SpaceCharge.Where(x => x.Dependence.Length > 0))
            CliOutput.Terminal.MarkupLine($"  space charge {Markup.Escape(x.Interface)}: [dim]{Markup.Escape(x.Dependence)}[/]");
        var summary = new Table().Title("Summary: every check that sets the overall verdict");
        foreach (var h in new[] { "Check", "Subject", "Verdict", "Why" }) summary.AddColumn(h);
        foreach (var c in a.Summary) summary.AddRow(c.Check, Markup.Escape(c.Subject), Badge(c.Verdict), Markup.Escape(c.Reason));
        CliOutput.Terminal.Write(summary);
        var e = a.Energy;
        if (e.SpecificEnergyWhPerKg is { } es)
            CliOutput.Terminal.MarkupLine($"Energy: {es:0} Wh/kg, {e.EnergyDensityWhPerL:0} Wh/L (liquid reference {e.ReferenceSpecificEnergyWhPerKg:0} Wh/kg, {e.ReferenceEnergyDensityWhPerL:0} Wh/L)");
        else CliOutput.Terminal.MarkupLine($"Energy: {Markup.Escape(e.Basis)}");
        foreach (var assumption in e.Assumptions) CliOutput.Terminal.MarkupLine($"  [dim]assumed: {Markup.Escape(assumption)}[/]");
    }

    private static string Fmt(double? v) => v?.ToString("0.00") ?? "—";

    private static string Badge(Verdict v) => v switch
    {
        Verdict.Ok => "[green]ok[/]",
        Verdict.Warning => "[yellow]warning[/]",
        Verdict.Fail => "[red]fail[/]",
        _ => "[grey]info[/]",
    };
}
