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
    /// <summary>Known good cathode coatings (001_9ddcaf3869a721a2.txt, Section 4.1.4), whose ranks are always shown.</summary>
    public static readonly string[] KnownCoatings = ["LiNbO3", "Li3PO4", "LiTaO3", "Li2SiO3", "Li3BO3", "LiAlO2"];

    /// <inheritdoc />
    public IEnumerable<Command> Commands() => [Screen()];

    private static Command Screen()
    {
        var cathode = new Option<string?>("--cathode") { Description = "Cathode, discharged (e.g. LiNi0.8Co0.1Mn0.1O2): screen cathode coatings" };
        var electrolyte = new Option<string>("--electrolyte") { Description = "Solid electrolyte (e.g. Li6PS5Cl)", Required = true };
        var anode = new Option<string?>("--anode") { Description = "Anode (e.g. Li): screen anode interlayers (reduction limit and reaction with the anode)" };
        var charged = new Option<string?>("--charged") { Description = "Cathode composition at top of charge (default: the cathode with --delithiation of its Li removed)" };
        var delith = new Option<double>("--delithiation") { Description = "Fraction of the cathode's Li removed at top of charge (default 0.75: NCM811 at 4.3 V)", DefaultValueFactory = _ => ScreeningOptions.DefaultDelithiation };
        var maxVolts = new Option<double>("--max-volts") { Description = "Top of charge, V vs Li/Li+ (oxidation limit must reach it)", DefaultValueFactory = _ => 4.3 };
        var anodeVolts = new Option<double>("--anode-volts") { Description = "Anode potential, V vs Li/Li+ (reduction limit must be at or below it)", DefaultValueFactory = _ => 0.0 };
        var ehull = new Option<double>("--e-above-hull") { Description = "Candidates within this energy above hull, eV/atom", DefaultValueFactory = _ => 0.03 };
        var limit = new Option<double>("--reaction-limit") { Description = "Reaction energies below minus this fail, eV/atom", DefaultValueFactory = _ => 0.1 };
        var exclude = new Option<string?>("--exclude") { Description = "Elements candidates must not contain, e.g. S,Se,Te" };
        var require = new Option<string?>("--require") { Description = "Elements candidates must all contain, e.g. O" };
        var only = new Option<string?>("--candidates") { Description = "Screen only these compounds, e.g. LiNbO3,Li3PO4,Al2O3 (no Li or E_hull prefilter)" };
        var top = new Option<int>("--top") { Description = "Rows to show (table, JSON and HTML; CSV has all)", DefaultValueFactory = _ => 30 };
        var csv = new Option<string?>("--csv") { Description = "Write the full ranked table to this CSV file" };
        var html = new Option<string?>("--html") { Description = "Write an HTML report with the screening section to this file" };
        var threads = new Option<int>("--threads") { Description = "Threads (default: all cores)", DefaultValueFactory = _ => -1 };
        var data = CliData.DataOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("screen", "Rank Li compounds as cathode coatings or anode interlayers: phase stability, reaction energies with the electrodes and the electrolyte, Li window")
        {
            cathode, electrolyte, anode, charged, delith, maxVolts, anodeVolts, ehull, limit, exclude, require, only, top, csv, html, threads, data, json,
        };
        var source = new EntrySourceCliOptions();
        source.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var options = new ScreeningOptions
            {
                Cathode = Parse(pr.GetValue(cathode)),
                ChargedCathode = Parse(pr.GetValue(charged)),
                Delithiation = pr.GetValue(delith),
                MaxVolts = pr.GetValue(maxVolts),
                Electrolyte = Parse(pr.GetValue(electrolyte))!,
                Anode = Parse(pr.GetValue(anode)),
                AnodeVolts = pr.GetValue(anodeVolts),
                MaxEnergyAboveHull = pr.GetValue(ehull),
                ReactionLimit = pr.GetValue(limit),
                Exclude = Elements(pr.GetValue(exclude)),
                Require = Elements(pr.GetValue(require)),
                Formulas = pr.GetValue(only) is { } list
                    ? list.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Composition.Parse).ToList()
                    : null,
                MaxDegreeOfParallelism = pr.GetValue(threads),
            };
            if (options.ChargedCathode is not null && options.Cathode is null)
                throw new ScreeningException("--charged needs --cathode");
            options.Validate();
            if (pr.GetValue(top) < 1) throw new ScreeningException($"--top {pr.GetValue(top)}: give a positive number of rows");
            int n = pr.GetValue(top);
            OutputFile.Check(pr.GetValue(csv));
            OutputFile.Check(pr.GetValue(html));
            bool asJson = pr.GetValue(json);
            // The whole data set: candidates come from every chemical system.
            ThermoEngine LoadEngine() => CliData.Engine(pr.GetValue(data), source.Resolve(pr));

            ScreeningResult result;
            if (asJson || Console.IsErrorRedirected)
            {
                var screener = new CoatingScreener(LoadEngine(), maxDegreeOfParallelism: options.MaxDegreeOfParallelism, properties: Interphase.Properties.PropertySources.Default(source.Resolve(pr).StorePath));
                result = screener.Run(options);
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
                        var screener = new CoatingScreener(LoadEngine(), maxDegreeOfParallelism: options.MaxDegreeOfParallelism, properties: Interphase.Properties.PropertySources.Default(source.Resolve(pr).StorePath));
                        load.Value = load.MaxValue;
                        load.StopTask();
                        var task = ctx.AddTask("screen candidates");
                        result = screener.Run(options, new Progress<ScreeningProgress>(p =>
                        {
                            task.MaxValue = p.Total;
                            task.Value = Math.Max(task.Value, p.Done);
                        }));
                        task.Value = task.MaxValue;
                    });
            }

            if (pr.GetValue(csv) is { } csvPath) OutputFile.Write(csvPath, ScreeningExport.ToCsv(result));
            if (pr.GetValue(html) is { } htmlPath)
                new HtmlReport("Coating and interlayer screening", Subtitle(result))
                    .AddScreeningSection(result, n, KnownCoatings).Save(htmlPath);
            if (asJson)
            {
                CliOutput.WriteJson(ScreeningExport.JsonModel(result, n));
                return 0;
            }
            WriteTable(result, n);
            return 0;
        }));
        return cmd;
    }

    private static string Subtitle(ScreeningResult r) =>
        string.Join(" | ", new[] { r.Options.Cathode?.ToString(), r.Options.Electrolyte.ToString(), r.Options.Anode?.ToString() }.Where(s => s is not null));

    private static Composition? Parse(string? formula) => string.IsNullOrWhiteSpace(formula) ? null : Composition.Parse(formula.Trim());

    private static IReadOnlyList<Element> Elements(string? list) => string.IsNullOrWhiteSpace(list)
        ? []
        : list.Split([',', ' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(PeriodicTable.Get).Distinct().ToList();

    private static void WriteTable(ScreeningResult result, int top)
    {
        var c2 = CliOutput.Terminal;
        var o = result.Options;
        var t = new Table().Title($"{result.Candidates.Count} candidates | {Markup.Escape(Subtitle(result))}"
            + (result.ChargedCathode is { } ch ? $" | charged {Markup.Escape(ch.ToString())} at {F(o.MaxVolts, 2)} V" : ""));
        t.AddColumn("rank");
        t.AddColumn("formula");
        foreach (var k in result.CriterionKeys) t.AddColumn(Header(k));
        t.AddColumn("σ Li+ S/cm");
        foreach (var c in result.Candidates.Take(top)) t.AddRow(Row(result, c));
        c2.Write(t);
        c2.MarkupLine($"ranking: fewest failed criteria → least negative worst reaction → lowest E hull; reaction limit −{F(o.ReactionLimit, 3)} eV/atom");
        c2.MarkupLine($"{result.Candidates.Count(c => c.PassesAll)} of {result.Candidates.Count} pass every criterion; {result.ReactionCount} reactions, {result.LpSolves} LP solves in {F(result.Seconds, 1)} s");
        var known = KnownCoatings.Select(result.Find).Where(c => c is not null).ToList();
        if (known.Count > 0)
            c2.MarkupLine("known coatings: " + string.Join(", ", known.Select(c => $"{c!.Formula} #{c.Rank}")));
    }

    private static string[] Row(ScreeningResult result, ScreenedCandidate c)
    {
        var cells = new List<string> { c.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.Formula) };
        foreach (var k in result.CriterionKeys)
        {
            var cr = c.Criterion(k);
            string text = cr?.Value is { } v ? ScreeningExport.Fixed(v, cr.Unit == "V" ? 2 : 3)
                : k == "oxidation_limit" && cr?.Detail == "never oxidised" ? "∞"
                : k == "electronic" ? cr?.Passed switch { true => "ins.", false => "cond.", _ => "?" } : "—";
            cells.Add(cr?.Passed switch { true => $"[green]{Markup.Escape(text)}[/]", false => $"[red]{Markup.Escape(text)}[/]", _ => Markup.Escape(text) });
        }
        cells.Add(c.IonicConductivity is { } s ? s.ToString("0.#E+0", CultureInfo.InvariantCulture) : "");
        return cells.ToArray();
    }

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
        _ => key,
    };

}
