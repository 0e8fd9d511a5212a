using System.CommandLine;
using System.Globalization;
using Interphase.Cell;
using Spectre.Console;
using static Interphase.Cli.CliOutput;
using Interphase.Quantities;
using Interphase.Reporting;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase cell ...</c>: cell-level energy density, break-even separator thickness, ohmic loss, capacity.</summary>
public sealed class CellCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var cell = new Command("cell", "Cell-level energy density of a stack (Wu et al. 2016 model) and related estimates");
        cell.Add(Energy());
        cell.Add(BreakEvenCommand());
        cell.Add(Sweep());
        cell.Add(Ohmic());
        cell.Add(CapacityCommand());
        yield return cell;
    }

    private static Command Energy()
    {
        var file = new Argument<string>("file") { Description = "Cell YAML (see examples/cells/)" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("energy", "Gravimetric (Wh/kg) and volumetric (Wh/L) energy density of a cell stack") { file, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var e = CellEnergyModel.Evaluate(CellFile.Load(pr.GetValue(file)!));
            if (pr.GetValue(json)) { CliOutput.WriteJson(e); return 0; }
            var t = new Table().AddColumns("layer", "thickness (µm)", "solids (mg/cm²)", "liquid (mg/cm²)");
            foreach (var l in e.Layers)
                t.AddRow(l.Layer, F(l.ThicknessUm, 2), F(l.SolidMassMgPerCm2, 3), F(l.LiquidMassMgPerCm2, 3));
            t.AddRow("[bold]stack[/]", F(e.ThicknessUm, 2), F(e.MassMgPerCm2, 3), "");
            CliOutput.Terminal.Write(t);
            CliOutput.Terminal.MarkupLine(
                $"{Markup.Escape(e.Name)}: {F(e.CapacityMahPerCm2, 3)} mAh/cm², [bold]{F(e.SpecificEnergyWhPerKg, 1)} Wh/kg[/], [bold]{F(e.EnergyDensityWhPerL, 1)} Wh/L[/]");
            return 0;
        }));
        return cmd;
    }

    private static Command BreakEvenCommand()
    {
        var file = new Argument<string>("solid") { Description = "Cell YAML whose separator thickness is solved for" };
        var against = new Option<string>("--against") { Description = "Reference cell YAML (e.g. examples/cells/liquid-reference.yaml)", Required = true };
        var gain = new Option<double>("--gain") { Description = "Target ratio to the reference (1 = break-even, 1.5 = 50 % gain)", DefaultValueFactory = _ => 1.0 };
        var json = CliOutput.JsonOption();
        var cmd = new Command("break-even", "Separator thickness (µm) at which a cell matches a reference cell's E_S and E_V") { file, against, gain, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var solid = CellFile.Load(pr.GetValue(file)!);
            var reference = CellEnergyModel.Evaluate(CellFile.Load(pr.GetValue(against)!));
            var r = BreakEven.Solve(solid, reference, pr.GetValue(gain));
            if (pr.GetValue(json)) { CliOutput.WriteJson(r); return 0; }
            CliOutput.Terminal.MarkupLine(
                $"reference {Markup.Escape(reference.Name)}: {F(reference.SpecificEnergyWhPerKg, 1)} Wh/kg, {F(reference.EnergyDensityWhPerL, 1)} Wh/L; target ×{F(r.GainFactor, 3)}");
            CliOutput.Terminal.MarkupLine($"gravimetric: separator ≤ [bold]{F(r.GravimetricUm, 1)} µm[/]{(r.GravimetricReachable ? "" : " (unreachable)")}");
            CliOutput.Terminal.MarkupLine($"volumetric:  separator ≤ [bold]{F(r.VolumetricUm, 1)} µm[/]{(r.VolumetricReachable ? "" : " (unreachable)")}");
            return 0;
        }));
        return cmd;
    }

    private static Command Sweep()
    {
        var files = new Argument<string[]>("files") { Description = "One or more cell YAML files", Arity = ArgumentArity.OneOrMore };
        var param = CliOptions.RequiredChoice("--param", "Parameter swept: separator thickness (µm), cathode loading (mg/cm²) or solid-electrolyte density (g/cm³)",
            ("separator", CellSweepParameter.SeparatorThickness), ("loading", CellSweepParameter.Loading), ("sse-density", CellSweepParameter.SseDensity));
        var from = new Option<double>("--from") { Description = "First value", Required = true };
        var to = new Option<double>("--to") { Description = "Last value", Required = true };
        var steps = new Option<int>("--steps") { Description = "Number of values", DefaultValueFactory = _ => 21 };
        var against = new Option<string?>("--against") { Description = "Reference cell YAML: adds break-even thicknesses" };
        var csv = new Option<string?>("--csv") { Description = "Write the sweep to this CSV file (name-1.csv, name-2.csv, ... for several cells)" };
        var plot = new Option<string?>("--plot") { Description = "Write the energy-density chart to this file (.svg or .png)" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("sweep", "Energy densities (and break-even thicknesses) against separator thickness, loading or SSE density")
            { files, param, from, to, steps, against, csv, plot, json };
        // Several cells write name-1.csv, name-2.csv, …: those are the files to check, not the name given.
        OutputGuard.WritesTo(cmd, pr =>
        {
            var list = new List<(string, string)>();
            int n = pr.GetValue(files)?.Length ?? 0;
            if (pr.GetValue(csv) is { } c)
                list.AddRange(n <= 1 ? [("--csv", c)] : Enumerable.Range(1, n).Select(i => ("--csv", Indexed(c, i))));
            if (pr.GetValue(plot) is { } pl) list.Add(("--plot", pl));
            return list;
        });
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var p = pr.GetValue(param);
            var values = SweepTable.Linspace(pr.GetValue(from), pr.GetValue(to), pr.GetValue(steps));
            CellSpec? reference = pr.GetValue(against) is { } a ? CellFile.Load(a) : null;
            var runs = pr.GetValue(files)!.Select(f =>
            {
                var c = CellFile.Load(f);
                return (Name: c.Name, Label: Path.GetFileNameWithoutExtension(f), Points: CellSweep.Run(c, p, values, reference));
            }).ToList();
            if (pr.GetValue(csv) is { } csvPath)
            {
                if (runs.Count == 1) CellCharts.Table(p, runs[0].Points).WriteCsv(csvPath);
                else for (int i = 0; i < runs.Count; i++) CellCharts.Table(p, runs[i].Points).WriteCsv(Indexed(csvPath, i + 1));
            }
            if (pr.GetValue(plot) is { } plotPath)
            {
                var reports = runs.Select(r => (r.Label, (IReadOnlyList<CellSweepPoint>)r.Points)).ToList();
                Interphase.Reporting.ChartRenderer.Save(CellCharts.Energy(p, reports, reference is null ? null : CellEnergyModel.Evaluate(reference)), plotPath);
            }
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(runs.Select(r => new CellSweepRun(r.Name, CellCharts.Describe(p).Column, r.Points)).ToList());
                return 0;
            }
            foreach (var (name, _, pts) in runs)
            {
                var table = CellCharts.Table(p, pts);
                var t = new Table { Title = new TableTitle(Markup.Escape(name)) };
                foreach (var c in table.Columns) t.AddColumn(c);
                foreach (var row in table.Rows) t.AddRow(row.Select(v => F(v, 2)).ToArray());
                CliOutput.Terminal.Write(t);
            }
            return 0;
        }));
        return cmd;
    }

    private static Command Ohmic()
    {
        var current = new Option<double>("--current") { Description = "Current density, mA/cm²", Required = true };
        var sigma = new Option<double>("--conductivity") { Description = "Ionic conductivity (unit: --unit)", Required = true };
        var unit = CliOptions.ConductivityUnit();
        var thickness = new Option<double?>("--thickness") { Description = "Layer thickness, µm: gives the drop" };
        var drop = new Option<double?>("--max-drop") { Description = "Allowed drop, mV: gives the largest thickness" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("ohmic", "Ohmic drop ΔE = J·L/σ of an electrolyte layer, or the largest thickness for an allowed drop")
            { current, sigma, unit, thickness, drop, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            double s = pr.GetValue(sigma) * Units.ConductivityToSPerCm(pr.GetValue(unit)!);
            double j = pr.GetValue(current);
            var result = OhmicLossResult.Evaluate(j, s, pr.GetValue(thickness), pr.GetValue(drop));
            if (pr.GetValue(json)) { CliOutput.WriteJson(result); return 0; }
            CliOutput.Terminal.MarkupLine(
                $"{F(result.ThicknessUm, 2)} µm at {s.ToString("G3", CultureInfo.InvariantCulture)} S/cm and {F(j, 3)} mA/cm²: ΔE = [bold]{F(result.DropMv, 2)} mV[/] (ASR {F(result.AsrOhmCm2, 3)} Ω·cm²)");
            return 0;
        }));
        return cmd;
    }

    private static Command CapacityCommand()
    {
        var formula = new Argument<string>("formula") { Description = "Formula of the host as written (e.g. Li, S, LiCoO2)" };
        var electrons = new Option<double>("--electrons") { Description = "Electrons transferred per formula unit", DefaultValueFactory = _ => 1.0 };
        var ce = new Option<double?>("--ce") { Description = "Coulombic efficiency (fraction, e.g. 0.9998) for a retention estimate" };
        var cycles = new Option<int>("--cycles") { Description = "Cycles for the retention estimate", DefaultValueFactory = _ => 1000 };
        var json = CliOutput.JsonOption();
        var cmd = new Command("capacity", "Theoretical capacity nF/(3.6·M) in mAh/g, and capacity retention CEⁿ") { formula, electrons, ce, cycles, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var r = CapacityResult.Evaluate(pr.GetValue(formula)!, pr.GetValue(electrons), pr.GetValue(ce), pr.GetValue(cycles));
            if (pr.GetValue(json)) { CliOutput.WriteJson(r); return 0; }
            CliOutput.Terminal.MarkupLine($"{Markup.Escape(r.Formula)} ({F(r.MolarMassGPerMol, 3)} g/mol), {F(r.Electrons, 3)} e⁻: [bold]{F(r.CapacityMahPerG, 1)} mAh/g[/]");
            if (r.Retention is { } kept)
                CliOutput.Terminal.MarkupLine($"retention after {r.Cycles} cycles at CE {r.CoulombicEfficiency?.ToString(CultureInfo.InvariantCulture)}: [bold]{F(100 * kept, 2)} %[/]");
            return 0;
        }));
        return cmd;
    }

    internal static string Indexed(string path, int i) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", $"{Path.GetFileNameWithoutExtension(path)}-{i}{Path.GetExtension(path)}");

}
