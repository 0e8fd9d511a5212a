using System.CommandLine;
using System.Globalization;
using Interphase.Reporting;
using Interphase.SpaceCharge;
using Spectre.Console;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase scl ...</c>: space-charge layers of one phase and at cathode | (coating |) electrolyte interfaces.</summary>
public sealed class SpaceChargeCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var scl = new Command("scl", "Space-charge layers: lattice-gas Li⁺ with Poisson's equation, one phase or an interface (de Klerk & Wagemaker 2018 model)");
        scl.Add(Profile());
        scl.Add(Interface());
        scl.Add(Materials());
        yield return scl;
    }

    private static Command Profile()
    {
        var material = new Option<string?>("--material") { Description = "Take ε_r, C0, NS and σ from the parameter table (e.g. LLZO); the options below override" };
        var eps = new Option<double?>("--epsilon-r") { Description = "Relative permittivity ε_r (> 0)" };
        var c0 = new Option<double?>("--mobile-density-cm3") { Description = "Bulk mobile Li⁺ density C0, cm⁻³ (the fixed background has the same density)" };
        var ns = new Option<double?>("--site-density-cm3") { Description = "Li site density NS, cm⁻³ (> C0); accumulation saturates at NS" };
        var phi = new Option<double>("--potential-v") { Description = "Surface potential relative to the bulk, V (> 0: Li⁺ depleted at the interface)", Required = true };
        var ne = new Option<double?>("--electronic-density-cm3") { Description = "Electronic carriers that screen linearly (mixed conductor), cm⁻³" };
        var sigma = new Option<double?>("--conductivity-s-cm") { Description = "Bulk Li⁺ conductivity, S/cm (gives the space-charge resistance and arc frequency)" };
        var temp = new Option<double>("--temperature-c") { Description = "Temperature, °C", DefaultValueFactory = _ => 25 };
        var points = new Option<int>("--points") { Description = "Profile points", DefaultValueFactory = _ => 200 };
        var csv = new Option<string?>("--csv") { Description = "Write the profile (x_nm, potential_v, concentration_per_cm3) to this CSV file" };
        var plot = new Option<string?>("--plot") { Description = "Write a plot of the profile to this file (.png or .svg)" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("profile", "Space-charge layer of one phase for a given surface potential: charge, width, Debye length, capacitance, profile")
            { material, eps, c0, ns, phi, ne, sigma, temp, points, csv, plot, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            Interphase.Reporting.OutputFile.Check(pr.GetValue(csv));
            Interphase.Reporting.OutputFile.Check(pr.GetValue(plot));
            if (pr.GetValue(points) is < 2 or > 100_000) throw new InterphaseException("--points must be between 2 and 100000");
            SpaceChargePhase phase;
            var rows = new List<ParameterRow>();
            if (pr.GetValue(material) is { } name)
            {
                var (resolved, defaults) = SpaceChargeSetup.Resolve("phase", name, new PhaseOverrides(pr.GetValue(eps), pr.GetValue(c0), pr.GetValue(ns), pr.GetValue(sigma),
                    ElectronicCarrierDensityPerCm3: pr.GetValue(ne)));
                phase = resolved.Phase;
                rows.AddRange(defaults.Where(r => r.Parameter != "li_potential_v"));
            }
            else
            {
                double Need(Option<double?> o, string flag) => pr.GetValue(o) ?? throw new InterphaseException($"{flag} is required (or give --material)");
                phase = new SpaceChargePhase("phase", Need(eps, "--epsilon-r"), Need(c0, "--mobile-density-cm3"), Need(ns, "--site-density-cm3"), pr.GetValue(ne), pr.GetValue(sigma));
            }
            var result = SpaceChargeProfile.Solve(phase, pr.GetValue(phi), pr.GetValue(temp) + 273.15, pr.GetValue(points));
            if (pr.GetValue(csv) is { } csvPath)
            {
                var table = new SweepTable("x_nm", "potential_v", "concentration_per_cm3");
                foreach (var p in result.Profile) table.Add(p.XNm, p.PotentialV, p.ConcentrationPerCm3);
                table.WriteCsv(csvPath);
            }
            if (pr.GetValue(plot) is { } plotPath) SpaceChargeCharts.Save(SpaceChargeCharts.Profile(result), plotPath);
            if (pr.GetValue(json)) { CliOutput.WriteJson(new SpaceChargeProfileReport(rows, result)); return 0; }
            var t = new Table { Title = new TableTitle($"{Markup.Escape(result.Phase)}: space-charge layer at ψs = {G(result.PotentialV)} V ({G(result.ReducedPotential)} kT/e)") }
                .AddColumns("quantity", "value");
            t.AddRow("ε_r, C0, NS", Markup.Escape($"{G(result.EpsilonR)}, {G(result.MobileDensityPerCm3)} cm⁻³, {G(result.SiteDensityPerCm3)} cm⁻³"));
            t.AddRow("temperature", $"{G(result.TemperatureK)} K");
            t.AddRow("Debye length √(εkT/e²C0)", $"{G(result.DebyeLengthNm)} nm");
            t.AddRow("screening length", $"{G(result.ScreeningLengthNm)} nm");
            t.AddRow("space charge", $"{G(result.SpaceChargeUcPerCm2)} µC/cm²");
            t.AddRow("width (c within 1 % of C0)", $"{G(result.WidthNm)} nm");
            t.AddRow("differential capacitance", $"{G(result.CapacitanceUfPerCm2)} µF/cm²");
            t.AddRow("Li⁺ at the interface", Markup.Escape($"{G(result.SurfaceConcentrationPerCm3)} cm⁻³ ({G(result.SurfaceConcentrationPerCm3 / result.MobileDensityPerCm3)} × C0)"));
            if (result.SpaceChargeResistanceOhmCm2 is { } r) t.AddRow("space-charge resistance", $"{G(r)} Ω·cm²");
            if (result.ArcFrequencyHz is { } f) t.AddRow("impedance arc apex 1/(2πRC)", $"{G(f)} Hz");
            CliOutput.Terminal.Write(t);
            WriteParameters(rows);
            WriteNotes(result.Notes);
            return 0;
        }));
        return cmd;
    }

    private sealed record RoleOptions(Option<string> Name, Option<double?> Potential, Option<double?> Eps, Option<double?> C0, Option<double?> Ns, Option<double?> Sigma, Option<double?> Electrons);

    private static RoleOptions Role(string role, bool required, string example)
    {
        var name = new Option<string>($"--{role}") { Description = $"{role} from the parameter table (e.g. {example}; see 'scl materials')", Required = required };
        return new RoleOptions(name,
            new Option<double?>($"--{role}-potential-v") { Description = $"Li potential of the {role}, V vs Li/Li⁺ (default from the table)" },
            new Option<double?>($"--{role}-epsilon-r") { Description = $"Relative permittivity of the {role}" },
            new Option<double?>($"--{role}-mobile-density-cm3") { Description = $"Mobile Li⁺ density of the {role}, cm⁻³" },
            new Option<double?>($"--{role}-site-density-cm3") { Description = $"Li site density of the {role}, cm⁻³" },
            new Option<double?>($"--{role}-conductivity-s-cm") { Description = $"Li⁺ conductivity of the {role}, S/cm" },
            new Option<double?>($"--{role}-electronic-density-cm3") { Description = $"Electronic carrier density of the {role}, cm⁻³ (0: insulator)" });
    }

    private static Command Interface()
    {
        var cathode = Role("cathode", true, "LCO, NCM811");
        var liFraction = new Option<double?>("--cathode-li-fraction") { Description = "Li occupancy x of the cathode (state of charge; default from the table)" };
        var electrolyte = Role("electrolyte", true, "LPSCl, LPS, LLZO, LATP");
        var coating = Role("coating", false, "LiNbO3, LTO");
        var thickness = new Option<double>("--thickness-nm") { Description = "Coating thickness, nm", DefaultValueFactory = _ => 5 };
        var sweep = new Option<string?>("--sweep-thickness-nm") { Description = "Sweep the coating thickness FROM:TO[:STEP] nm (e.g. 0:50, step 1 nm) and report the optimum" };
        var temp = new Option<double>("--temperature-c") { Description = "Temperature, °C", DefaultValueFactory = _ => 25 };
        var csv = new Option<string?>("--csv") { Description = "CSV: the sweep (with --sweep-thickness-nm), else the profiles" };
        var plot = new Option<string?>("--plot") { Description = "Plot (.png or .svg): the sweep, else the electrolyte-side profile" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("interface", "Equilibrium space-charge layers at a cathode | (coating |) electrolyte interface: drops, widths, Li depletion, resistance, capacitance; coating thickness sweep")
            { thickness, sweep, liFraction, temp, csv, plot, json };
        foreach (var r in new[] { cathode, electrolyte, coating })
            foreach (var o in new Option[] { r.Name, r.Potential, r.Eps, r.C0, r.Ns, r.Sigma, r.Electrons }) cmd.Add(o);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            Interphase.Reporting.OutputFile.Check(pr.GetValue(csv));
            Interphase.Reporting.OutputFile.Check(pr.GetValue(plot));
            PhaseOverrides Over(RoleOptions r, double? x = null) => new(pr.GetValue(r.Eps), pr.GetValue(r.C0), pr.GetValue(r.Ns), pr.GetValue(r.Sigma), pr.GetValue(r.Potential), x, pr.GetValue(r.Electrons));
            var (cat, catRows) = SpaceChargeSetup.Resolve("cathode", pr.GetValue(cathode.Name)!, Over(cathode, pr.GetValue(liFraction)));
            var (ele, eleRows) = SpaceChargeSetup.Resolve("electrolyte", pr.GetValue(electrolyte.Name)!, Over(electrolyte));
            InterfacePhase? coat = null;
            var rows = new List<ParameterRow>(catRows);
            if (pr.GetValue(coating.Name) is { } coatName)
            {
                var (c, cRows) = SpaceChargeSetup.Resolve("coating", coatName, Over(coating), SpaceChargeSetup.CoatingPotential(cat));
                coat = c;
                rows.AddRange(cRows);
            }
            rows.AddRange(eleRows);
            double tK = pr.GetValue(temp) + 273.15;
            double thick = coat is null ? 0 : pr.GetValue(thickness);
            var result = InterfaceSolver.Solve(cat, ele, tK, coat, thick);
            CoatingSweep? swept = null;
            if (pr.GetValue(sweep) is { } spec)
            {
                if (coat is null) throw new InterphaseException("--sweep-thickness-nm needs --coating");
                var thicknesses = ParseRange(spec);
                bool quiet = pr.GetValue(json) || Console.IsOutputRedirected;
                if (quiet) swept = CoatingSweep.Run(cat, coat, ele, tK, thicknesses);
                else
                    CliOutput.Terminal.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
                        .Start(ctx =>
                        {
                            var task = ctx.AddTask("coating thickness sweep", maxValue: thicknesses.Count);
                            swept = CoatingSweep.Run(cat, coat, ele, tK, thicknesses, done => task.Value = done);
                        });
            }
            if (pr.GetValue(csv) is { } csvPath) WriteInterfaceCsv(csvPath, result, swept);
            if (pr.GetValue(plot) is { } plotPath)
                SpaceChargeCharts.Save(swept is not null ? SpaceChargeCharts.ThicknessSweep(swept) : SpaceChargeCharts.Interface(result), plotPath);
            if (pr.GetValue(json)) { CliOutput.WriteJson(new SpaceChargeInterfaceReport(rows, result, swept)); return 0; }
            WriteInterface(result);
            if (swept is not null) WriteSweep(swept);
            WriteParameters(rows);
            WriteNotes(result.Notes);
            return 0;
        }));
        return cmd;
    }

    private static Command Materials()
    {
        var json = CliOutput.JsonOption();
        var cmd = new Command("materials", "The space-charge parameter table: each material's parameters with their sources") { json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var rows = SpaceChargeMaterials.All.SelectMany(m => SpaceChargeSetup.Resolve(m.Role, m.Id).Parameters).ToList();
            if (pr.GetValue(json)) { CliOutput.WriteJson(rows); return 0; }
            WriteParameters(rows);
            return 0;
        }));
        return cmd;
    }

    internal static List<double> ParseRange(string spec)
    {
        var parts = spec.Split(':');
        double P(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v : throw new InterphaseException($"--sweep-thickness-nm '{spec}': '{s}' is not a number (use FROM:TO[:STEP] in nm)");
        if (parts.Length is < 2 or > 3) throw new InterphaseException($"--sweep-thickness-nm '{spec}': use FROM:TO[:STEP] in nm, e.g. 0:50");
        double from = P(parts[0]), to = P(parts[1]), step = parts.Length == 3 ? P(parts[2]) : 1;
        if (from < 0 || to < from) throw new InterphaseException($"--sweep-thickness-nm '{spec}': need 0 ≤ FROM ≤ TO");
        if (step <= 0) throw new InterphaseException($"--sweep-thickness-nm '{spec}': STEP must be positive");
        // Counted in double first: a tiny step over a wide range overflows an int.
        double count = Math.Floor((to - from) / step + 1e-9) + 1;
        if (!(count <= 2000)) throw new InterphaseException($"--sweep-thickness-nm '{spec}': {count:G4} points; use at most 2000");
        int n = (int)count;
        return Enumerable.Range(0, n).Select(i => from + i * step).ToList();
    }

    private static void WriteInterfaceCsv(string path, InterfaceResult r, CoatingSweep? sweep)
    {
        if (sweep is not null)
        {
            var t = new SweepTable("thickness_nm", "cathode_side_ohm_cm2", "coating_ohm_cm2", "electrolyte_side_ohm_cm2", "total_ohm_cm2",
                "electrolyte_potential_drop_v", "electrolyte_li_depletion", "capacitance_uf_per_cm2");
            foreach (var row in sweep.Rows)
                t.Add(row.ThicknessNm, row.CathodeSideOhmCm2, row.CoatingOhmCm2, row.ElectrolyteSideOhmCm2, row.TotalResistanceOhmCm2,
                    row.ElectrolytePotentialDropV, row.ElectrolyteLiDepletion, row.CapacitanceUfPerCm2);
            t.WriteCsv(path);
            return;
        }
        // Profiles on one axis: x < 0 in the cathode, 0..L in the coating, x > L in the electrolyte; phase code 0/1/2.
        var p = new SweepTable("x_nm", "phase", "potential_v", "concentration_per_cm3");
        double l = r.CoatingLayer?.ThicknessNm ?? 0;
        foreach (var q in r.CathodeSide.Profile.Reverse()) p.Add(-q.XNm, 0, q.PotentialV, q.ConcentrationPerCm3);
        if (r.CoatingLayer is { } c) foreach (var q in c.Profile) p.Add(q.XNm, 1, q.PotentialV, q.ConcentrationPerCm3);
        foreach (var q in r.ElectrolyteSide.Profile) p.Add(l + q.XNm, 2, q.PotentialV, q.ConcentrationPerCm3);
        p.WriteCsv(path);
    }

    private static void WriteInterface(InterfaceResult r)
    {
        string title = $"{r.Cathode}{(r.Coating is null ? "" : $" | {r.Coating} ({G(r.CoatingLayer!.ThicknessNm)} nm)")} | {r.Electrolyte} at {G(r.TemperatureK)} K: driving Li potential difference {G(r.DrivingPotentialV)} V";
        var t = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumns("", "cathode side", "electrolyte side");
        var a = r.CathodeSide; var b = r.ElectrolyteSide;
        t.AddRow("phase", Markup.Escape(a.Phase), Markup.Escape(b.Phase));
        t.AddRow("Li potential (V vs Li/Li⁺)", G(a.LiPotentialV), G(b.LiPotentialV));
        t.AddRow("potential drop into the bulk (V)", G(a.PotentialDropV), G(b.PotentialDropV));
        t.AddRow("space charge (µC/cm²)", G(a.SpaceChargeUcPerCm2), G(b.SpaceChargeUcPerCm2));
        t.AddRow("width, c within 1 % (nm)", G(a.WidthNm), G(b.WidthNm));
        t.AddRow("Li⁺ at the contact / bulk", G(1 - a.LiDepletion), G(1 - b.LiDepletion));
        t.AddRow("space-charge resistance (Ω·cm²)", Opt(a.SpaceChargeResistanceOhmCm2), Opt(b.SpaceChargeResistanceOhmCm2));
        t.AddRow("capacitance (µF/cm²)", G(a.CapacitanceUfPerCm2), G(b.CapacitanceUfPerCm2));
        CliOutput.Terminal.Write(t);
        if (r.CoatingLayer is { } c)
        {
            var ct = new Table { Title = new TableTitle(Markup.Escape($"{c.Phase} coating, {G(c.ThicknessNm)} nm")) }.AddColumns("quantity", "value");
            ct.AddRow("potential at the cathode / electrolyte contact (V, vs its own bulk level)", $"{G(c.PotentialAtCathodeV)} / {G(c.PotentialAtElectrolyteV)}");
            ct.AddRow("net charge (µC/cm²)", G(c.SpaceChargeUcPerCm2));
            ct.AddRow("lowest Li⁺ inside / bulk", G(c.MinimumConcentrationPerCm3 / c.MobileDensityPerCm3));
            ct.AddRow("L/σ (Ω·cm²)", Opt(c.BulkResistanceOhmCm2));
            ct.AddRow("∫dx/σ(x) (Ω·cm²)", Opt(c.TotalResistanceOhmCm2));
            CliOutput.Terminal.Write(ct);
        }
        var s = new Table().AddColumns("interface total", "value");
        s.AddRow("resistance (Ω·cm²)", Opt(r.TotalResistanceOhmCm2));
        s.AddRow("capacitance, layers in series (µF/cm²)", G(r.CapacitanceUfPerCm2));
        s.AddRow("impedance arc apex 1/(2πRC) (Hz)", Opt(r.ArcFrequencyHz));
        s.AddRow("charge balance |ΣQ|/max|Q|", G(r.NeutralityError));
        CliOutput.Terminal.Write(s);
    }

    private static void WriteSweep(CoatingSweep sweep)
    {
        var t = new Table { Title = new TableTitle(Markup.Escape($"{sweep.Cathode} | {sweep.Coating} | {sweep.Electrolyte}: coating thickness sweep")) }
            .AddColumns("thickness (nm)", "cathode side (Ω·cm²)", "coating (Ω·cm²)", "electrolyte side (Ω·cm²)", "total (Ω·cm²)", "electrolyte drop (V)");
        foreach (var r in sweep.Rows)
            t.AddRow(G(r.ThicknessNm), G(r.CathodeSideOhmCm2), G(r.CoatingOhmCm2), G(r.ElectrolyteSideOhmCm2), G(r.TotalResistanceOhmCm2), G(r.ElectrolytePotentialDropV));
        CliOutput.Terminal.Write(t);
        if (sweep.Optimum is { } o)
            CliOutput.Terminal.MarkupLine(Markup.Escape($"least total resistance: {G(o.TotalResistanceOhmCm2)} Ω·cm² at {G(o.ThicknessNm)} nm"));
        else
            CliOutput.Terminal.MarkupLine("[yellow]no optimum:[/] every thickness gives a blocking (fully depleted) layer in this model");
    }

    private static void WriteParameters(IReadOnlyList<ParameterRow> rows)
    {
        if (rows.Count == 0) return;
        var t = new Table { Title = new TableTitle("parameters used (defaults from the knowledge base; 'assumed' = not given by the reviews)") }
            .AddColumns("phase", "role", "parameter", "value", "source");
        foreach (var r in rows) t.AddRow(Markup.Escape(r.Phase), r.Role, r.Parameter, G(r.Value), Markup.Escape(r.Source));
        CliOutput.Terminal.Write(t);
    }

    private static void WriteNotes(IReadOnlyList<string> notes)
    {
        foreach (var n in notes.Distinct()) CliOutput.Terminal.MarkupLine("[yellow]note:[/] " + Markup.Escape(n));
    }

    private static string Opt(double? v) => v is { } x ? G(x) : "—";

    private static string G(double v) => double.IsNaN(v) ? "—" : double.IsPositiveInfinity(v) ? "blocking (>1e6)" : v.ToString("G4", CultureInfo.InvariantCulture);
}
