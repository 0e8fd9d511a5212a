using System.CommandLine;
using System.Globalization;
using System.Text;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Reporting;
using Interphase.Screening;
using Interphase.Thermodynamics;
using Spectre.Console;
using static Interphase.Cli.CliOutput;

namespace Interphase.Cli.Commands;

/// <summary>The <c>screen</c> command: ranks coating / interlayer candidates.</summary>
public sealed class ScreeningCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands() => [Screen()];

    private static Command Screen()
    {
        var cathode = new Option<string?>("--cathode") { Description = "Cathode, discharged (e.g. LiNi0.8Co0.1Mn0.1O2): screen cathode coatings" };
        var electrolyte = new Option<string>("--electrolyte") { Description = "Solid electrolyte (e.g. Li6PS5Cl)", Required = true };
        var anode = new Option<string?>("--anode") { Description = "Anode (e.g. Li): screen anode interlayers (reduction limit and reaction with the anode)" };
        var charged = new Option<string?>("--charged") { Description = "Cathode composition at top of charge (default: the knowledge base's charged-state table for LCO, NCM111/622/811, NCA, LNMO, LFP, LMO; else 75 % of the Li removed)" };
        var delith = new Option<double?>("--delithiation") { Description = "Fraction of the cathode's Li removed at top of charge, instead of --charged" };
        var maxVolts = new Option<double?>("--max-volts") { Description = "Top of charge, V vs Li/Li+ (default: the charged-state table's voltage, else 4.3 V)" };
        var anodeVolts = new Option<double>("--anode-volts") { Description = "Anode potential, V vs Li/Li+ (reduction limit must be at or below it)", DefaultValueFactory = _ => 0.0 };
        var ehull = new Option<double>("--e-above-hull") { Description = "Candidates within this energy above hull, eV/atom", DefaultValueFactory = _ => 0.03 };
        var limit = new Option<double>("--reaction-limit") { Description = "Reaction energy at which the reaction criterion is half met, eV/atom (its margin runs from 0 to twice this)", DefaultValueFactory = _ => 0.1 };
        var weights = new Option<string?>("--weights") { Description = "Criterion weights, e.g. rxn_electrolyte=2,practicality=0.5, or a YAML file of 'criterion: weight' (defaults are shown in the output)" };
        var allow = new Option<string?>("--allow-elements") { Description = "Admit these radioactive or highly toxic elements (left out by default), e.g. Be,Pb" };
        var noPractical = new Option<bool>("--no-practicality") { Description = "No practicality criterion (supply risk, price, hydrogen) and no element left out as radioactive or toxic" };
        var thickness = new Option<double>("--thickness-nm") { Description = "Layer thickness for the ASR a layer adds (ASR = L/σ), nm", DefaultValueFactory = _ => 10 };
        var exclude = new Option<string?>("--exclude") { Description = "Elements candidates must not contain, e.g. S,Se,Te" };
        var require = new Option<string?>("--require") { Description = "Elements candidates must all contain, e.g. O" };
        var only = new Option<string?>("--candidates") { Description = "Screen only these compounds, e.g. LiNbO3,Li3PO4,Al2O3 (no Li or E_hull prefilter)" };
        var processing = new Option<string?>("--processing") { Description = "The electrolyte's processing: cold-press (25 °C), co-sinter (700 °C), sputter (25 °C) or a temperature in °C; candidates that melt or decompose below it fail (default: by electrolyte family — sulfides and halides cold-pressed, oxides co-sintered)" };
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Show how the top 10 changes when each weight is scaled by 0.5 and 1.5" };
        var top = new Option<int>("--top") { Description = "Rows to show (table, JSON and HTML; CSV has all)", DefaultValueFactory = _ => 30 };
        var csv = new Option<string?>("--csv") { Description = "Write the full ranked table to this CSV file" };
        var html = new Option<string?>("--html") { Description = "Write an HTML report with the screening section to this file" };
        var threads = new Option<int>("--threads") { Description = "Threads (default: all cores)", DefaultValueFactory = _ => -1 };
        var data = CliData.DataOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("screen", "Rank Li compounds as cathode coatings or anode interlayers: phase stability, reaction energies with the electrodes and the electrolyte, Li window")
        {
            cathode, electrolyte, anode, charged, delith, maxVolts, anodeVolts, ehull, limit, weights, allow, noPractical, thickness, exclude, require, only,
            processing, sensitivity, top, csv, html, threads, data, json,
        };
        var source = new EntrySourceCliOptions();
        source.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.RunCancellable(cancel =>
        {
            var options = new ScreeningRequest
            {
                Cathode = pr.GetValue(cathode),
                Charged = pr.GetValue(charged),
                Delithiation = pr.GetValue(delith),
                MaxVolts = pr.GetValue(maxVolts),
                Electrolyte = pr.GetValue(electrolyte)!,
                Anode = pr.GetValue(anode),
                AnodeVolts = pr.GetValue(anodeVolts),
                EAboveHull = pr.GetValue(ehull),
                ReactionLimit = pr.GetValue(limit),
                Exclude = pr.GetValue(exclude),
                Require = pr.GetValue(require),
                AllowElements = pr.GetValue(allow),
                NoPracticality = pr.GetValue(noPractical),
                ThicknessNm = pr.GetValue(thickness),
                Weights = pr.GetValue(weights),
                Candidates = pr.GetValue(only),
                Processing = pr.GetValue(processing),
                Top = pr.GetValue(top),
            }.ToOptions(key => "--" + key.Replace('_', '-'), allowWeightsFile: true) with { MaxDegreeOfParallelism = pr.GetValue(threads) };
            options.Validate();
            int n = pr.GetValue(top);
            OutputFile.Check(pr.GetValue(csv));
            OutputFile.Check(pr.GetValue(html));
            bool asJson = pr.GetValue(json);
            // The whole data set: candidates come from every chemical system.
            ThermoEngine LoadEngine()
            {
                try { return CliData.Engine(pr.GetValue(data), source.Resolve(pr)); }
                catch (Interphase.Data.NoDataException ex) { throw new InterphaseException(Interphase.Data.DataGuidance.ForScreen(ex.StorePath), ex); }
            }

            var properties = Interphase.Properties.PropertySources.Default(source.Resolve(pr).StorePath);
            using var closeStore = properties as IDisposable;
            ScreeningResult result;
            if (asJson || Console.IsErrorRedirected)
            {
                var screener = new CoatingScreener(LoadEngine(), maxDegreeOfParallelism: options.MaxDegreeOfParallelism, properties: properties);
                result = screener.Run(options, cancellation: cancel);
            }
            else
            {
                result = null!;
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                console.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .Start(ctx =>
                    {
                        var load = ctx.AddTask("load and hull every system");
                        load.IsIndeterminate = true;
                        var screener = new CoatingScreener(LoadEngine(), maxDegreeOfParallelism: options.MaxDegreeOfParallelism, properties: properties);
                        load.Value = load.MaxValue;
                        load.StopTask();
                        var task = ctx.AddTask("screen candidates");
                        result = screener.Run(options, new Progress<ScreeningProgress>(p =>
                        {
                            task.MaxValue = p.Total;
                            task.Value = Math.Max(task.Value, p.Done);
                        }), cancel);
                        task.Value = task.MaxValue;
                    });
            }

            if (pr.GetValue(csv) is { } csvPath) OutputFile.Write(csvPath, ScreeningExport.ToCsv(result));
            if (pr.GetValue(html) is { } htmlPath)
                new HtmlReport("Coating and interlayer screening", Subtitle(result))
                    .AddScreeningSection(result, n).Save(htmlPath);
            if (asJson)
            {
                CliOutput.WriteJson(ScreeningExport.JsonModel(result, n));
                return 0;
            }
            WriteTable(result, n, pr.GetValue(sensitivity));
            return 0;
        }));
        return cmd;
    }

    private static string Subtitle(ScreeningResult r) =>
        string.Join(" | ", new[] { r.Options.Cathode?.ToString(), r.Options.Electrolyte.ToString(), r.Options.Anode?.ToString() }.Where(s => s is not null));

    private static void WriteTable(ScreeningResult result, int top, bool sensitivity)
    {
        var c2 = CliOutput.Terminal;
        var o = result.Options;
        var t = new Table().Title($"{result.Candidates.Count} candidates | {Markup.Escape(Subtitle(result))}");
        t.AddColumn("rank");
        t.AddColumn("formula");
        t.AddColumn("score");
        foreach (var k in result.CriterionKeys) t.AddColumn(Header(k));
        t.AddColumn("costs");
        foreach (var c in result.Candidates.Take(top)) t.AddRow(Row(result, c));
        c2.Write(t);
        if (ScreeningExport.AboveHullNote(result.Candidates.Take(top)) is { } hullNote) c2.MarkupLine(Markup.Escape(hullNote));
        if (result.TopOfCharge is { } tc)
            c2.MarkupLine(Markup.Escape($"top of charge: {tc.Charged} at {F(tc.Volts, 2)} V — {tc.Basis}"
                + (tc.TableEntry is { } e ? $" [{e.Source.Display()}]" : "")));
        c2.MarkupLine(Markup.Escape($"score: weighted mean of each criterion's satisfaction (0–1, soft margins); weights {result.WeightsText}"));
        c2.MarkupLine(Markup.Escape($"{result.Candidates.Count(c => c.PassesAll)} of {result.Candidates.Count} past the midpoint of every criterion; "
            + $"{result.ReactionCount} reactions, {result.LpSolves} LP solves in {F(result.Seconds, 1)} s"));
        if (result.Excluded is { Count: > 0 } ex)
            c2.MarkupLine(Markup.Escape($"{ex.Count} candidates left out for radioactive or highly toxic elements "
                + $"({string.Join(", ", ex.SelectMany(x => x.Reason.Split("; ")).Select(r => r.Split(' ')[0]).Distinct().Order(StringComparer.Ordinal))}); --allow-elements admits them"));
        if (result.Processing is { } proc)
            c2.MarkupLine(Markup.Escape($"processing: {proc.Describe()}"));
        int failing = result.Candidates.Count(c => c.Vetoed);
        if (failing > 0)
            c2.MarkupLine(Markup.Escape($"{failing} candidates fail a rule (oxidiser, toxic oxidation state, processing temperature, measured ASR > "
                + $"{F(ScoringModel.MaxAsrOhmCm2, 0)} Ω·cm², known Li⁺ blocker) and rank last; the 'fails' column of the CSV and JSON names each"));
        var shownFails = result.Candidates.Take(top).Where(c => c.Vetoed).ToList();
        foreach (var c in shownFails.Take(5))
            c2.MarkupLine(Markup.Escape($"  #{c.Rank} {c.Formula} fails: {string.Join("; ", c.Fails)}"));
        var best = ScreeningAnalysis.BestKnown(result);
        if (best?.Candidate is { } bk)
        {
            c2.MarkupLine(Markup.Escape($"the top rows against the best-ranked literature layer ({bk.Formula} #{best.Rank}):"));
            foreach (var c in result.Candidates.Take(Math.Min(top, 10)))
                c2.MarkupLine(Markup.Escape($"  #{c.Rank} {c.Formula}: {ScreeningAnalysis.GainsText(c, best)}; Li⁺ {c.Transport?.Detail}"));
        }
        if (sensitivity)
        {
            var cases = ScreeningAnalysis.Sensitivity(result);
            int same = cases.Count(x => x.Entered.Count == 0);
            c2.MarkupLine(Markup.Escape($"sensitivity: the top 10 keeps its members in {same} of {cases.Count} cases (each weight ×0.5 and ×1.5)"));
            foreach (var x in cases)
                c2.MarkupLine(Markup.Escape($"  {x.Key} ×{F(x.Factor, 1)}: "
                    + (x.Entered.Count == 0 ? (x.SameOrder ? "unchanged" : "same members, order changes")
                        : $"in {string.Join(", ", x.Entered)}; out {string.Join(", ", x.Left)}")));
        }
        if (result.Known is { Count: > 0 } known)
        {
            var sides = known.Select(k => k.Layer.Side).Distinct().Select(ScreeningExport.SideName);
            c2.MarkupLine($"known {string.Join(" and ", sides)}s:");
            foreach (var k in known)
                c2.MarkupLine("  " + Markup.Escape(k.Candidate is not { } c
                    ? $"{k.Layer.Formula}: {k.Note}"
                    : $"{c.Formula} {(k.IsCandidate ? "#" : "would be #")}{k.Rank} score {F(c.Score, 3)}"
                      + (ScreeningExport.CostList(c) is { Count: > 0 } costs ? $"; costs {string.Join(", ", costs)}" : "")
                      + (k.IsCandidate ? "" : $" ({k.Note})")));
        }
    }

    private static string[] Row(ScreeningResult result, ScreenedCandidate c)
    {
        var cells = new List<string> { c.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(ScreeningExport.FormulaCell(c)), F(c.Score, 3) };
        foreach (var k in result.CriterionKeys)
        {
            var cr = c.Criterion(k);
            string text = cr is null ? "" : ScreeningExport.CellValue(cr);
            cells.Add(cr?.Passed switch
            {
                null => Markup.Escape(text),
                _ => cr.Satisfaction >= 0.8 ? $"[green]{Markup.Escape(text)}[/]" : cr.Satisfaction >= 0.5 ? $"[yellow]{Markup.Escape(text)}[/]" : $"[red]{Markup.Escape(text)}[/]",
            });
        }
        var costs = c.Costs.Take(2).Select(k => ShortKey(k.Key)).ToList();
        if (c.Practicality?.HydrogenKind is { } h) costs.Add(h == "hydride" ? "hydride!" : "hydrate!");
        cells.Add(Markup.Escape(string.Join(", ", costs)));
        return cells.ToArray();
    }

    // Short names for the costs column.
    private static string ShortKey(string key) => key switch
    {
        "e_above_hull" => "E hull",
        "rxn_cathode" => "rxn cath.",
        "rxn_charged_cathode" => "rxn charged",
        "rxn_electrolyte" => "rxn SE",
        "rxn_anode" => "rxn anode",
        "oxidation_limit" => "ox.",
        "reduction_limit" => "red.",
        "electronic" => "e⁻",
        "li_transport" => "ASR",
        "practicality" => "pract.",
        _ => key,
    };

    private static string Header(string key) => key switch
    {
        "e_above_hull" => "E hull\neV/atom",
        "rxn_cathode" => "rxn cathode\neV/atom",
        "rxn_charged_cathode" => "rxn charged\neV/atom",
        "rxn_electrolyte" => "rxn SE\neV/atom",
        "rxn_anode" => "rxn anode\neV/atom",
        "oxidation_limit" => "ox. limit\nV",
        "reduction_limit" => "red. limit\nV",
        "electronic" => "e⁻",
        "li_transport" => "ASR\nΩ·cm²",
        "practicality" => "pract.",
        _ => key,
    };

}
