using System.CommandLine;
using System.Globalization;
using Interphase.Transport;
using Spectre.Console;
using static Interphase.Cli.CliOutput;
using Interphase.Quantities;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase transport ...</c>: Arrhenius / VTF fits of ionic conductivity and extrapolation.</summary>
public sealed class TransportCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var transport = new Command("transport", "Ionic conductivity against temperature: Arrhenius and VTF fits (Xia et al. Eq. 1–2)");
        transport.Add(Fit());
        transport.Add(Predict());
        yield return transport;
    }

    private static Command Fit()
    {
        var file = new Argument<string>("file") { Description = "CSV (header like T_C,sigma_ms_per_cm) or YAML (temperature_unit, conductivity_unit, points)" };
        var model = new Option<string>("--model") { Description = "arrhenius (σT = A·exp(−Ea/kT)), arrhenius-sigma (σ = σ0·exp(−Ea/kT)) or vtf", DefaultValueFactory = _ => "arrhenius" };
        var at = new Option<string[]>("--at") { Description = "Temperatures to evaluate at (25, 25C, 298K); repeatable", AllowMultipleArgumentsPerToken = true };
        var tUnit = new Option<string?>("--temperature-unit") { Description = "Override the temperature unit of the file (C or K)" };
        var sUnit = new Option<string?>("--conductivity-unit") { Description = "Override the conductivity unit of the file (S/cm, mS/cm, S/m)" };
        var csv = new Option<string?>("--csv") { Description = "Write the fitted curve over the data range to this CSV file" };
        var plot = new Option<string?>("--plot") { Description = "Write an Arrhenius plot (log σ vs 1000/T) of data and fit to this file (.svg or .png)" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("fit", "Fit Arrhenius or VTF parameters with standard errors to (T, σ) data") { file, model, at, tUnit, sUnit, csv, plot, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            if (pr.GetValue(csv) is { } csvOut) Interphase.Reporting.OutputFile.EnsureNotInput(csvOut, "--csv", pr.GetValue(file));
            var (name, data) = ConductivityData.Load(pr.GetValue(file)!, pr.GetValue(tUnit), pr.GetValue(sUnit));
            var temps = (pr.GetValue(at) ?? []).Select(s => Units.ParseTemperatureK(s)).ToArray();
            string m = pr.GetValue(model)!.Trim().ToLowerInvariant();
            IConductivityModel fitted;
            object result;
            var rows = new List<(string, string)>();
            if (m is "arrhenius" or "arrhenius-sigma")
            {
                var fit = ConductivityFit.Arrhenius(data, m == "arrhenius" ? ArrheniusForm.SigmaT : ArrheniusForm.Sigma);
                fitted = fit.Model;
                var report = ArrheniusFitReport.From(name, fit, temps);
                result = report;
                rows.Add(("Ea", $"{G(fit.Model.ActivationEnergyEv)} ± {G(fit.ActivationEnergyStdErrEv)} eV ({G(fit.Model.ActivationEnergyKjPerMol)} ± {G(fit.ActivationEnergyStdErrKjPerMol)} kJ/mol)"));
                rows.Add((fit.Model.Form == ArrheniusForm.SigmaT ? "A (S·K/cm)" : "σ0 (S/cm)", $"{G(fit.Model.Prefactor)} (ln ± {G(fit.LnPrefactorStdErr)})"));
                rows.Add(("R²", G(fit.RSquared)));
                foreach (var p in report.Predictions) rows.Add(($"σ({G(p.TemperatureC)} °C)", $"{G(p.ConductivitySPerCm)} S/cm (±{G(100 * (p.RelativeStdErr ?? double.NaN))} %)"));
            }
            else if (m == "vtf")
            {
                var fit = ConductivityFit.Vtf(data);
                fitted = fit.Model;
                var report = VtfFitReport.From(name, fit, temps);
                result = report;
                rows.Add(("σ0 (S·K½/cm)", $"{G(fit.Model.Sigma0)} (ln ± {G(fit.LnSigma0StdErr)})"));
                rows.Add(("B (K)", $"{G(fit.Model.BK)} ± {G(fit.BStdErrK)}  (k·B = {G(fit.Model.PseudoActivationEnergyEv)} eV)"));
                rows.Add(("T0 (K)", $"{G(fit.Model.T0K)} ± {G(fit.T0StdErrK)}"));
                rows.Add(("R²", G(fit.RSquared)));
                foreach (var p in report.Predictions) rows.Add(($"σ({G(p.TemperatureC)} °C)", $"{G(p.ConductivitySPerCm)} S/cm"));
            }
            else throw new InterphaseException($"--model '{m}': use arrhenius, arrhenius-sigma or vtf");

            if (pr.GetValue(csv) is { } path)
                TransportCharts.Table(fitted, data.Min(p => p.TemperatureK), data.Max(p => p.TemperatureK), 50).WriteCsv(path);
            if (pr.GetValue(plot) is { } plotPath)
                Interphase.Reporting.ChartRenderer.Save(TransportCharts.Arrhenius($"{name}: {m} fit", data, (m, fitted)), plotPath);
            if (pr.GetValue(json)) { CliOutput.WriteJson(result); return 0; }
            var table = new Table { Title = new TableTitle($"{Markup.Escape(name)}: {m} fit to {data.Count} points") }.AddColumns("parameter", "value");
            foreach (var (k, v) in rows) table.AddRow(Markup.Escape(k), Markup.Escape(v));
            CliOutput.Terminal.Write(table);
            return 0;
        }));
        return cmd;
    }

    private static Command Predict()
    {
        var ea = new Option<double>("--ea") { Description = "Activation energy, eV", Required = true };
        var sigma = new Option<double>("--sigma") { Description = "Known conductivity (unit: --unit)", Required = true };
        var unit = CliOptions.ConductivityUnit();
        var at = new Option<string>("--at") { Description = "Temperature of the known conductivity (25, 25C, 298K)", DefaultValueFactory = _ => "25C" };
        var to = new Option<string[]>("--to") { Description = "Temperatures to predict at; repeatable", Required = true, AllowMultipleArgumentsPerToken = true };
        var form = new Option<string>("--form") { Description = "sigma-t (σT = A·exp(−Ea/kT), default) or sigma (σ = σ0·exp(−Ea/kT))", DefaultValueFactory = _ => "sigma-t" };
        var json = CliOutput.JsonOption();
        var cmd = new Command("predict", "Conductivity at other temperatures from one measured value and an activation energy") { ea, sigma, unit, at, to, form, json };
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var f = pr.GetValue(form)!.Trim().ToLowerInvariant() switch
            {
                "sigma-t" or "sigmat" => ArrheniusForm.SigmaT,
                "sigma" => ArrheniusForm.Sigma,
                var s => throw new InterphaseException($"--form '{s}': use sigma-t or sigma"),
            };
            var model = ArrheniusModel.Through(Units.ParseTemperatureK(pr.GetValue(at)!), pr.GetValue(sigma) * Units.ConductivityToSPerCm(pr.GetValue(unit)!), pr.GetValue(ea), f);
            var predictions = pr.GetValue(to)!.Select(s => ConductivityPrediction.Of(model, Units.ParseTemperatureK(s))).ToList();
            if (pr.GetValue(json)) { CliOutput.WriteJson(new ConductivityPredictionReport(model, predictions)); return 0; }
            var table = new Table().AddColumns("T (°C)", "T (K)", "σ (S/cm)", "σ (mS/cm)");
            foreach (var p in predictions) table.AddRow(G(p.TemperatureC), G(p.TemperatureK), G(p.ConductivitySPerCm), G(1e3 * p.ConductivitySPerCm));
            CliOutput.Terminal.Write(table);
            return 0;
        }));
        return cmd;
    }


}
