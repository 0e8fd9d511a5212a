using System.CommandLine;
using System.Globalization;
using Interphase.Anode;
using Interphase.Anode.Interphases;
using Interphase.Cell;
using Interphase.Data;
using Interphase.Knowledge;
using Interphase.Properties;
using Interphase.Reporting;
using Interphase.Thermodynamics;
using Spectre.Console;
using static Interphase.Cli.CliOutput;
using Interphase.Quantities;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase anode ...</c>: Li-metal anode and interface models.</summary>
public sealed class AnodeCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var anode = new Command("anode", "Li-metal anode: wetting, contact, dendrites, voids, interphases, coatings");
        foreach (var c in new[] { Wetting(), Constriction(), Monroe(), Voids(), DendriteGrowth(), Nucleation(), Classify(), Growth(), Coating() })
            anode.Add(c);
        yield return anode;
    }

    private static Option<string?> CsvOption() => new("--csv") { Description = "Write the sweep to this CSV file" };
    private static Option<string?> PlotOption() => new("--plot") { Description = "Write the sweep chart to this file (.svg or .png)" };

    private static void Emit(ParseResult pr, Option<string?> csv, Option<string?> plot, SweepTable table, Chart chart)
    {
        if (pr.GetValue(csv) is { } c) table.WriteCsv(c);
        if (pr.GetValue(plot) is { } p) ChartRenderer.Save(chart, p);
    }

    private static Command Wetting()
    {
        var w = new Option<double[]>("--adhesion") { Description = "Work of adhesion, J/m² (repeatable)", AllowMultipleArgumentsPerToken = true };
        var gamma = new Option<double>("--surface-energy") { Description = "Li surface energy, J/m²", DefaultValueFactory = _ => LithiumMetal.SurfaceEnergyJPerM2 };
        var csv = CsvOption(); var plot = PlotOption(); var json = CliOutput.JsonOption();
        var cmd = new Command("wetting", "Li contact angle from the work of adhesion (Young–Dupré); --csv/--plot sweep 0–2γ") { w, gamma, csv, plot, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            double g = pr.GetValue(gamma);
            var values = pr.GetValue(w) is { Length: > 0 } v ? v : [0.10, 0.67];
            var rows = values.Select(x => WettingResult.Of(x, g)).ToList();
            var (table, chart) = AnodeCharts.ContactAngle(SweepTable.Linspace(0, 2 * g, 81), g);
            Emit(pr, csv, plot, table, chart);
            if (pr.GetValue(json)) { CliOutput.WriteJson(rows); return 0; }
            var t = new Table().AddColumns("W_ad (J/m²)", "θ (°)", "");
            foreach (var r in rows) t.AddRow(G(r.WorkOfAdhesionJPerM2), G(r.ContactAngleDeg), r.Lithiophilic ? "lithiophilic" : "lithiophobic");
            CliOutput.Terminal.Write(t);
            return 0;
        }));
        return cmd;
    }

    private static Command Constriction()
    {
        var p = new Option<double>("--pressure") { Description = "Stack pressure, MPa", DefaultValueFactory = _ => 1.0 };
        var s = new Option<double>("--conductivity") { Description = "Electrolyte ionic conductivity (unit: --unit)", Required = true };
        var unit = CliOptions.ConductivityUnit();
        var h = new Option<double>("--hardness") { Description = "Vickers hardness of Li, MPa", DefaultValueFactory = _ => LithiumMetal.VickersHardnessMPa };
        var a = new Option<double>("--area") { Description = "Apparent area, cm²", DefaultValueFactory = _ => 1.0 };
        var n = new Option<int>("--spots") { Description = "Number of contact spots", DefaultValueFactory = _ => 1 };
        var csv = CsvOption(); var plot = PlotOption(); var json = CliOutput.JsonOption();
        var cmd = new Command("constriction", "Constriction resistance of Li|electrolyte against stack load (garnet review Eq. 1); --csv/--plot sweep to full contact")
            { p, s, unit, h, a, n, csv, plot, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            double sigma = pr.GetValue(s) * Units.ConductivityToSPerCm(pr.GetValue(unit)!);
            var r = ConstrictionResistance.Evaluate(pr.GetValue(p), sigma, pr.GetValue(a), pr.GetValue(h), pr.GetValue(n));
            if (pr.GetValue(csv) is not null || pr.GetValue(plot) is not null)
            {
                var pressures = Enumerable.Range(0, 60).Select(i => pr.GetValue(h) * Math.Pow(10, -3 + 3.0 * i / 59)).ToArray();
                var (table, chart) = AnodeCharts.ConstrictionAsr(pressures, sigma, pr.GetValue(a), pr.GetValue(h), pr.GetValue(n));
                Emit(pr, csv, plot, table, chart);
            }
            if (pr.GetValue(json)) { CliOutput.WriteJson(r); return 0; }
            CliOutput.Terminal.MarkupLine(r.FullContact
                ? $"F = {G(r.ForceN)} N: F/H ≥ A, full contact (Eq. 1 no longer applies; constriction term 0)"
                : $"F = {G(r.ForceN)} N, contact fraction {G(r.ContactFraction)}: R = {G(r.ResistanceOhm)} Ω, ASR = {G(r.AsrOhmCm2)} Ω·cm²");
            return 0;
        }));
        return cmd;
    }

    private static Command Monroe()
    {
        var g = new Option<double?>("--shear") { Description = "Shear modulus of the electrolyte, GPa" };
        var e = new Option<double?>("--youngs") { Description = "Young's modulus, GPa (with --poisson)" };
        var nu = new Option<double?>("--poisson") { Description = "Poisson's ratio" };
        var gli = new Option<double>("--li-shear") { Description = "Shear modulus of Li, GPa", DefaultValueFactory = _ => LithiumMetal.ShearModulusGPa };
        var electrolyte = new Option<string?>("--electrolyte")
        {
            Description = "Look the shear modulus up: the reviews' value (knowledge base), else the property data (entry store or the shared Materials Project files)",
        };
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("monroe", "Monroe–Newman check: G_SE ≥ 2·G_Li, with the reviews' caveats") { g, e, nu, electrolyte, gli, store, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            string source = "given";
            double shear;
            if (pr.GetValue(g) is { } given) shear = given;
            else if (pr.GetValue(e) is { } ee && pr.GetValue(nu) is { } nn) shear = Interphase.Anode.MonroeNewman.ShearModulus(ee, nn);
            else if (pr.GetValue(electrolyte) is { } formula)
            {
                var properties = PropertySources.Default(pr.GetValue(store));
                try
                {
                    var found = ShearModulusLookup.Find(formula, KnowledgeBase.Load(), properties)
                        ?? throw new InterphaseException(ShearModulusLookup.Missing(Interphase.Knowledge.CompositionResolver.Resolve(formula).ReducedFormula, properties));
                    (shear, source) = (found.ShearModulusGpa, found.Source);
                }
                finally
                {
                    (properties as IDisposable)?.Dispose();
                }
            }
            else throw new InterphaseException("give --shear, --youngs with --poisson, or --electrolyte FORMULA");
            var r = Interphase.Anode.MonroeNewman.Assess(shear, pr.GetValue(gli)) with { ShearModulusSource = source };
            if (pr.GetValue(json)) { CliOutput.WriteJson(r); return 0; }
            CliOutput.Terminal.MarkupLine($"G_SE = {G(shear)} GPa ({Markup.Escape(source)}) vs 2·G_Li = {G(2 * r.LithiumShearGpa)} GPa: {(r.Passes ? "passes" : "fails")} (ratio {G(r.Ratio)})");
            foreach (var c in r.Caveats) CliOutput.Terminal.MarkupLine($"  - {Markup.Escape(c)}");
            return 0;
        }));
        return cmd;
    }

    private static Command Voids()
    {
        var p = new Option<double>("--pressure") { Description = "Stack pressure, MPa", DefaultValueFactory = _ => 0.0 };
        var t = new Option<string[]>("--temperature") { Description = "Temperature (25, 25C, 298K); repeatable", AllowMultipleArgumentsPerToken = true };
        var j = new Option<double?>("--current") { Description = "Stripping current, mA/cm²: stable or voids?" };
        var e = new Option<string?>("--electrolyte") { Description = "Electrolyte touching Li (e.g. Li6PS5Cl): fails above the pressure where Li creeps into it (sulfides, halides)" };
        var csv = CsvOption(); var plot = PlotOption(); var json = CliOutput.JsonOption();
        var cmd = new Command("voids", $"Critical stripping current from the three-flux balance (diffusion + creep vs migration), valid to {StrippingVoids.MaxModelPressureMPa:0} MPa; --csv/--plot sweep that range")
            { p, t, j, e, csv, plot, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var temps = (pr.GetValue(t) is { Length: > 0 } tt ? tt : ["25C"]).Select(x => Units.ParseTemperatureK(x)).ToArray();
            var electrolyte = pr.GetValue(e) is { } formula ? Interphase.Knowledge.CompositionResolver.Resolve(formula) : null;
            double? current = pr.GetValue(j);
            var rows = temps.Select(k => StrippingVoidsRow.From(StrippingVoids.Assess(pr.GetValue(p), k, current, electrolyte), current)).ToList();
            var (table, chart) = AnodeCharts.CriticalCurrent(SweepTable.Linspace(0, StrippingVoids.MaxModelPressureMPa, 71), temps);
            Emit(pr, csv, plot, table, chart);
            if (pr.GetValue(json)) { CliOutput.WriteJson(rows); return 0; }
            var tab = new Table().AddColumns("T (°C)", "p (MPa)", "J_diff", "J_creep", "critical (mA/cm²)", "verdict");
            foreach (var r in rows)
                tab.AddRow(G(r.TemperatureK - PhysicalConstants.ZeroCelsiusK), G(r.PressureMpa), r.DiffusionMaPerCm2 is { } d ? G(d) : "—", r.CreepMaPerCm2 is { } c ? G(c) : "—",
                    r.CriticalMaPerCm2 is { } x ? G(x) : "not computed", Markup.Escape(r.Verdict));
            CliOutput.Terminal.Write(tab);
            foreach (var line in rows.SelectMany(r => r.Reasons.Concat(r.Notes)).Distinct()) CliOutput.Terminal.MarkupLine($"  - {Markup.Escape(line)}");
            return 0;
        }));
        return cmd;
    }

    private static Command DendriteGrowth()
    {
        var j = new Option<double>("--current") { Description = "Average current density, mA/cm²", Required = true };
        var k = new Option<double>("--asr") { Description = "Interfacial ASR k_int, Ω·cm²", Required = true };
        var hw = new Option<double>("--aspect") { Description = "h/w of the protrusion", DefaultValueFactory = _ => 10.0 };
        var sf = new Option<double>("--fracture-stress") { Description = "Fracture stress σ_F, MPa", DefaultValueFactory = _ => 100.0 };
        var json = CliOutput.JsonOption();
        var cmd = new Command("dendrite-growth", "Current focusing j·h/w and growth driving force Δμ = |e|k_int·j·h/w − σ_F·Ω (garnet review Eq. 4–5)") { j, k, hw, sf, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var r = DendriteCriteria.Growth(pr.GetValue(j), pr.GetValue(k), pr.GetValue(hw), pr.GetValue(sf));
            return Report(pr, json, r, "growth");
        }));
        return cmd;
    }

    private static Command Nucleation()
    {
        var j = new Option<double>("--current") { Description = "Current density, mA/cm²", Required = true };
        var s = new Option<double>("--conductivity") { Description = "Overall ionic conductivity (unit: --unit)", Required = true };
        var unit = CliOptions.ConductivityUnit();
        var sd = new Option<double?>("--grain-conductivity") { Description = "Grain-interior conductivity (same unit); sets f = 1 − ρ_d/ρ" };
        var d = new Option<double>("--grain-size") { Description = "Grain size d, µm", DefaultValueFactory = _ => 10.0 };
        var alpha = new Option<double>("--alpha") { Description = "α = d'/d", DefaultValueFactory = _ => 0.0 };
        var gamma = new Option<double>("--interfacial-energy") { Description = "γ, J/m²", DefaultValueFactory = _ => 0.5 };
        var rc = new Option<double>("--embryo-radius") { Description = "Critical embryo radius r_c, nm", DefaultValueFactory = _ => 10.0 };
        var sf = new Option<double>("--fracture-stress") { Description = "Fracture stress σ_F, MPa", DefaultValueFactory = _ => 100.0 };
        var json = CliOutput.JsonOption();
        var cmd = new Command("dendrite-nucleation", "Raj–Wolfenstine nucleation criterion (garnet review Eq. 3, symbols as in the original paper)")
            { j, s, unit, sd, d, alpha, gamma, rc, sf, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            double f = Units.ConductivityToSPerCm(pr.GetValue(unit)!);
            // ρ = 1/σ: a zero conductivity would pass as an infinite resistivity.
            foreach (var (name, v) in new[] { ("conductivity", (double?)pr.GetValue(s)), ("grain conductivity", pr.GetValue(sd)) })
                if (v is { } x && !(x > 0 && double.IsFinite(x))) throw new InterphaseException($"{name} {x} {pr.GetValue(unit)} must be a positive number");
            double rho = 1.0 / (pr.GetValue(s) * f);
            double? rhoD = pr.GetValue(sd) is { } g ? 1.0 / (g * f) : null;
            var r = DendriteCriteria.RajWolfenstine(pr.GetValue(j), rho, pr.GetValue(d), pr.GetValue(gamma), pr.GetValue(rc), pr.GetValue(sf), rhoD, pr.GetValue(alpha));
            return Report(pr, json, r, "nucleation");
        }));
        return cmd;
    }

    private static int Report(ParseResult pr, Option<bool> json, DendriteCriterion r, string what)
    {
        if (pr.GetValue(json)) { CliOutput.WriteJson(r); return 0; }
        CliOutput.Terminal.MarkupLine($"driving {G(r.DrivingMev)} meV vs opposing {G(r.OpposingMev)} meV per Li: {what} {(r.Proceeds ? "predicted" : "not predicted")}; critical current {G(r.CriticalCurrentMaPerCm2)} mA/cm²");
        return 0;
    }

    private static Command Classify()
    {
        var electrolyte = new Argument<string>("electrolyte") { Description = "Electrolyte formula (reacted with Li metal by the thermodynamics engine), or a YAML file with electrolyte, products, reaction_energy_ev_per_atom" };
        var data = CliData.DataOption();
        var threshold = new Option<double>("--kinetic-threshold") { Description = "|reaction energy| below which the interface is kinetically stabilised, eV/atom", DefaultValueFactory = _ => InterphaseClassifier.DefaultKineticThresholdEvPerAtom };
        var gapThreshold = new Option<double>("--gap-threshold")
        {
            Description = "Band gap (PBE, eV) below which a product without a curated character conducts electrons",
            DefaultValueFactory = _ => ElectronicCharacterService.DefaultThresholdEv,
        };
        var store = EntrySourceCliOptions.StoreOption();
        var json = CliOutput.JsonOption();
        var cmd = new Command("classify", "Classify the electrolyte|Li interface: stable, passivating SEI, mixed conducting, gas evolution or kinetically stabilised (product characters: knowledge base, else band gaps)")
            { electrolyte, data, threshold, gapThreshold, store, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            string arg = pr.GetValue(electrolyte)!;
            InterphaseInput input;
            var properties = PropertySources.Default(pr.GetValue(store));
            using var closeStore = properties as IDisposable;
            IProductCharacterSource source = new ElectronicCharacterService(ProductCharacterTable.Default, properties, pr.GetValue(gapThreshold));
            if (InterphaseFile.IsInterphaseFile(arg))
                (input, source) = InterphaseFile.Load(arg, source);
            else
                input = LithiumReduction.Input(CliData.Engine(pr.GetValue(data)), arg);
            var r = InterphaseClassifier.Classify(input, source, pr.GetValue(threshold));
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(InterphaseClassificationReport.From(input, r));
                return 0;
            }
            CliOutput.Terminal.MarkupLine($"{Markup.Escape(r.Electrolyte)} | Li (reaction energy {G(input.ReactionEnergyEvPerAtom)} eV/atom): {InterphaseClassifier.Describe(r.Kind)} — {Markup.Escape(r.Reason)}");
            var t = new Table().AddColumns("product", "electronic", "Li+ conductor", "reason", "citation");
            foreach (var p in r.Products)
                t.AddRow(Markup.Escape(p.Formula), p.Electronic.ToString().ToLowerInvariant(), p.IonicConductor switch { true => "yes", false => "no", null => "?" }, Markup.Escape(p.Reason), Markup.Escape(p.Citation));
            if (r.Products.Count > 0) CliOutput.Terminal.Write(t);
            foreach (var n in r.Notes) CliOutput.Terminal.MarkupLine($"  - {Markup.Escape(n)}");
            return 0;
        }));
        return cmd;
    }

    private static Command Growth()
    {
        var law = CliOptions.RequiredChoice("--law", "Growth law: parabolic (passivating SEI) or linear (mixed conductor)",
            ("parabolic", GrowthLaw.Parabolic), ("linear", GrowthLaw.Linear));
        var rate = new Option<double>("--rate") { Description = "k_p in nm²/h (parabolic) or v in nm/h (linear)", Required = true };
        var s = new Option<double>("--conductivity") { Description = "Li+ conductivity of the interphase, S/cm", Required = true };
        var l0 = new Option<double>("--initial") { Description = "Initial thickness, nm", DefaultValueFactory = _ => 0.0 };
        var fail = new Option<double?>("--failure-asr") { Description = "Interphase ASR counted as failure, Ω·cm²" };
        var hours = new Option<double>("--hours") { Description = "Time span, h", DefaultValueFactory = _ => 500.0 };
        var csv = CsvOption(); var plot = PlotOption(); var json = CliOutput.JsonOption();
        var cmd = new Command("growth", "Interphase thickness and resistance against time (parabolic or linear-to-failure)") { law, rate, s, l0, fail, hours, csv, plot, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var l = pr.GetValue(law);
            var p = new GrowthParameters(l, pr.GetValue(rate), pr.GetValue(s), pr.GetValue(l0), pr.GetValue(fail));
            var report = GrowthReport.Over(p, pr.GetValue(hours));
            var (table, chart) = AnodeCharts.Growth(p, pr.GetValue(hours));
            Emit(pr, csv, plot, table, chart);
            if (pr.GetValue(json)) { CliOutput.WriteJson(report); return 0; }
            var end = report.AtEnd;
            CliOutput.Terminal.MarkupLine($"after {G(end.TimeH)} h: {G(end.ThicknessNm)} nm, {G(end.AsrOhmCm2)} Ω·cm²{(report.TimeToFailureH is { } t ? $"; failure at {G(t)} h" : "")}");
            return 0;
        }));
        return cmd;
    }

    private static Command Coating()
    {
        var dv = new Option<double>("--volume-change") { Description = "Particle volume change, fraction (0.10 = +10 %)", Required = true };
        var gc = new Option<double?>("--fracture-energy") { Description = "Electrolyte fracture energy, J/m² (cohesive-zone rule)" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("coating", "Coating strain from a particle's volume change and the no-fracture rule (< 7.5 %, > 4 J/m²)") { dv, gc, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var strain = CoatingMechanics.Strain(pr.GetValue(dv));
            var rule = pr.GetValue(gc) is { } g ? CoatingMechanics.NoFractureRule(pr.GetValue(dv), g) : null;
            if (pr.GetValue(json)) { CliOutput.WriteJson(new CoatingReport(strain, rule)); return 0; }
            CliOutput.Terminal.MarkupLine($"ΔV/V = {G(100 * strain.VolumeChange)} %: coating linear strain {G(100 * strain.LinearStrain)} %, areal {G(100 * strain.ArealStrain)} %");
            if (rule is not null)
            {
                CliOutput.Terminal.MarkupLine(rule.NoFracture ? "no fracture predicted" : $"fracture possible (expansion ok: {rule.ExpansionOk}, fracture energy ok: {rule.FractureEnergyOk})");
                foreach (var n in rule.Notes) CliOutput.Terminal.MarkupLine($"  - {Markup.Escape(n)}");
            }
            return 0;
        }));
        return cmd;
    }

}
