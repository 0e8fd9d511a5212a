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
                var predictions = temps.Select(t => { var (s, rel) = fit.Predict(t); return new Prediction(t - PhysicalConstants.ZeroCelsiusK, t, s, rel); }).ToList();
                result = new
                {
                    material = name, model = m, form = fit.Model.Form == ArrheniusForm.SigmaT ? "sigma*T = A*exp(-Ea/kT)" : "sigma = sigma0*exp(-Ea/kT)",
                    points = fit.Points,
                    activation_energy_ev = fit.Model.ActivationEnergyEv, activation_energy_stderr_ev = Nan(fit.ActivationEnergyStdErrEv),
                    activation_energy_kj_per_mol = fit.Model.ActivationEnergyKjPerMol, activation_energy_stderr_kj_per_mol = Nan(fit.ActivationEnergyStdErrKjPerMol),
                    prefactor = fit.Model.Prefactor, prefactor_unit = fit.Model.Form == ArrheniusForm.SigmaT ? "S*K/cm" : "S/cm",
                    ln_prefactor_stderr = Nan(fit.LnPrefactorStdErr), r_squared = fit.RSquared, rms_log_residual = fit.RmsLogResidual,
                    predictions,
                };
                rows.Add(("Ea", $"{G(fit.Model.ActivationEnergyEv)} ± {G(fit.ActivationEnergyStdErrEv)} eV ({G(fit.Model.ActivationEnergyKjPerMol)} ± {G(fit.ActivationEnergyStdErrKjPerMol)} kJ/mol)"));
                rows.Add((fit.Model.Form == ArrheniusForm.SigmaT ? "A (S·K/cm)" : "σ0 (S/cm)", $"{G(fit.Model.Prefactor)} (ln ± {G(fit.LnPrefactorStdErr)})"));
                rows.Add(("R²", G(fit.RSquared)));
                foreach (var p in predictions) rows.Add(($"σ({G(p.TemperatureC)} °C)", $"{G(p.ConductivitySPerCm)} S/cm (±{G(100 * (p.RelativeStdErr ?? double.NaN))} %)"));
            }
            else if (m == "vtf")
            {
                var fit = ConductivityFit.Vtf(data);
                fitted = fit.Model;
                var predictions = temps.Select(t => new Prediction(t - PhysicalConstants.ZeroCelsiusK, t, fit.Model.ConductivitySPerCm(t), null)).ToList();
                result = new
                {
                    material = name, model = m, form = "sigma = sigma0*T^-1/2*exp(-B/(T-T0))", points = fit.Points,
                    sigma0 = fit.Model.Sigma0, sigma0_unit = "S*K^0.5/cm", ln_sigma0_stderr = Nan(fit.LnSigma0StdErr),
                    b_k = fit.Model.BK, b_stderr_k = Nan(fit.BStdErrK), t0_k = fit.Model.T0K, t0_stderr_k = Nan(fit.T0StdErrK),
                    pseudo_activation_energy_ev = fit.Model.PseudoActivationEnergyEv,
                    pseudo_activation_energy_stderr_ev = Nan(fit.PseudoActivationEnergyStdErrEv),
                    r_squared = fit.RSquared, rms_log_residual = fit.RmsLogResidual, predictions,
                };
                rows.Add(("σ0 (S·K½/cm)", $"{G(fit.Model.Sigma0)} (ln ± {G(fit.LnSigma0StdErr)})"));
                rows.Add(("B (K)", $"{G(fit.Model.BK)} ± {G(fit.BStdErrK)}  (k·B = {G(fit.Model.PseudoActivationEnergyEv)} eV)"));
                rows.Add(("T0 (K)", $"{G(fit.Model.T0K)} ± {G(fit.T0StdErrK)}"));
                rows.Add(("R²", G(fit.RSquared)));
                foreach (var p in predictions) rows.Add(($"σ({G(p.TemperatureC)} °C)", $"{G(p.ConductivitySPerCm)} S/cm"));
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
        var unit = new Option<string>("--unit") { Description = "Conductivity unit: S/cm or mS/cm", DefaultValueFactory = _ => "mS/cm" };
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
            var predictions = pr.GetValue(to)!.Select(s => Units.ParseTemperatureK(s))
                .Select(t => new Prediction(t - PhysicalConstants.ZeroCelsiusK, t, model.ConductivitySPerCm(t), null)).ToList();
            if (pr.GetValue(json)) { CliOutput.WriteJson(new { model = model, predictions }); return 0; }
            var table = new Table().AddColumns("T (°C)", "T (K)", "σ (S/cm)", "σ (mS/cm)");
            foreach (var p in predictions) table.AddRow(G(p.TemperatureC), G(p.TemperatureK), G(p.ConductivitySPerCm), G(1e3 * p.ConductivitySPerCm));
            CliOutput.Terminal.Write(table);
            return 0;
        }));
        return cmd;
    }

    private sealed record Prediction(double TemperatureC, double TemperatureK, double ConductivitySPerCm, double? RelativeStdErr);

    private static double? Nan(double v) => double.IsNaN(v) ? null : v;

}
