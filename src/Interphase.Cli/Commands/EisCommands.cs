using System.CommandLine;
using System.Globalization;
using System.Text;
using Interphase.Impedance;
using Interphase.Reporting;
using Spectre.Console;
using static Interphase.Cli.CliOutput;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase eis ...</c>: impedance spectra: equivalent-circuit fits, Kramers–Kronig, DRT, batches, plots.</summary>
public sealed class EisCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var eis = new Command("eis", "Impedance spectroscopy: read instrument files, fit circuits (impedance.py notation), validate, DRT, batches");
        eis.Add(FitCommand());
        eis.Add(ValidateCommand());
        eis.Add(DrtCommand());
        eis.Add(BatchCommand());
        eis.Add(PlotCommand());
        yield return eis;
    }


    /// <summary>Options shared by the commands that read a spectrum.</summary>
    sealed class Preprocess
    {
        public readonly Option<double?> FMin = new("--fmin") { Description = "Drop points below this frequency (Hz)" };
        public readonly Option<double?> FMax = new("--fmax") { Description = "Drop points above this frequency (Hz)" };
        public readonly Option<bool> KeepInductive = new("--keep-inductive") { Description = "Keep points with Z'' > 0 (dropped by default)" };

        public void AddTo(Command c) { c.Add(FMin); c.Add(FMax); c.Add(KeepInductive); }

        public ImpedanceSpectrum Apply(ImpedanceSpectrum s, ParseResult pr)
        {
            if (!pr.GetValue(KeepInductive)) s = s.DropInductive();
            s = s.Crop(pr.GetValue(FMin), pr.GetValue(FMax));
            s.EnsureUsable();
            return s;
        }
    }

    /// <summary>Options describing the circuit and how to fit it.</summary>
    sealed class FitSpec
    {
        public readonly Option<string> Circuit = new("--circuit", "-c") { Description = "Circuit in impedance.py notation, e.g. R0-p(R1,CPE1)-p(R2,CPE2) (elements R, C, L, CPE, W, Wo, Ws, G, Gs, La, K, Zarc, TLMQ)", Required = true };
        public readonly Option<string?> Initial = new("--initial") { Description = "Initial values: all free parameters comma-separated in circuit order, or some by name NAME=VALUE[:fixed],… (the rest automatic; :fixed holds it constant), e.g. R0=0.5:fixed,R1=200" };
        public readonly Option<string[]> Constant = new("--constant") { Description = "Hold a parameter constant: NAME=VALUE (repeatable), e.g. R0=0.015", AllowMultipleArgumentsPerToken = true };
        public readonly Option<double> TauMargin = new("--tau-margin") { Description = "Decades beyond the measured window a time constant may take (R‖C, R‖CPE, Zarc, TLMQ, Wo, Ws, G)", DefaultValueFactory = _ => 1.0 };
        public readonly Option<bool> UnboundedTau = new("--unbounded-tau") { Description = "Let time constants leave the measured window (as impedance.py does)" };
        public readonly Option<Weighting> Weighting = CliOptions.Choice("--weighting", "Residual weighting: unit (impedance.py default), proportional or modulus",
            Impedance.Weighting.Unit, ("unit", Impedance.Weighting.Unit), ("proportional", Impedance.Weighting.Proportional), ("modulus", Impedance.Weighting.Modulus));
        public readonly Option<bool> Global = new("--global") { Description = "Global search: basin hopping from every start (as impedance.py's global_opt); slower" };

        public void AddTo(Command c) { c.Add(Circuit); c.Add(Initial); c.Add(Constant); c.Add(Weighting); c.Add(Global); c.Add(TauMargin); c.Add(UnboundedTau); }

        /// <summary>Whether the circuit is chosen automatically (<c>--circuit auto</c>).</summary>
        public bool IsAuto(ParseResult pr) => string.Equals(pr.GetValue(Circuit)?.Trim(), "auto", StringComparison.OrdinalIgnoreCase);

        /// <summary>Fit options that do not name parameters (for <c>--circuit auto</c>, where the circuit is not known yet).</summary>
        public FitOptions BaseOptions(ParseResult pr)
        {
            double margin = pr.GetValue(UnboundedTau) ? double.PositiveInfinity : pr.GetValue(TauMargin);
            if (!(margin >= 0)) throw new InterphaseException($"--tau-margin must be ≥ 0 decades, got {margin}");
            return new FitOptions { Weighting = pr.GetValue(Weighting), Global = pr.GetValue(Global), TimeConstantMarginDecades = margin };
        }

        public (Circuit, FitOptions) Build(ParseResult pr, string? circuitText = null)
        {
            var circuit = Impedance.Circuit.Parse(circuitText ?? pr.GetValue(Circuit)!);
            var constants = new Dictionary<string, double>();
            foreach (var c in pr.GetValue(Constant) ?? [])
            {
                var parts = c.Split('=', 2);
                string value = parts.Length == 2 && parts[1].EndsWith(":fixed", StringComparison.Ordinal) ? parts[1][..^6] : parts.Length == 2 ? parts[1] : "";
                if (parts.Length != 2 || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                    throw new InterphaseException($"--constant '{c}': expected NAME=VALUE, e.g. R0=0.015");
                circuit.IndexOf(parts[0].Trim());
                constants[parts[0].Trim()] = v;
            }
            double[]? initial = null;
            var byName = new Dictionary<string, double>();
            if (pr.GetValue(Initial) is { Length: > 0 } text)
            {
                var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (items.Any(t => t.Contains('=')))
                    foreach (var t in items)
                    {
                        var parts = t.Split('=', 2);
                        bool fixedValue = parts.Length == 2 && parts[1].EndsWith(":fixed", StringComparison.Ordinal);
                        string value = parts.Length == 2 ? (fixedValue ? parts[1][..^6] : parts[1]) : "";
                        if (parts.Length != 2 || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                            throw new InterphaseException($"--initial: '{t}' is not NAME=VALUE or NAME=VALUE:fixed (named and positional values cannot be mixed)");
                        string name = parts[0].Trim();
                        circuit.IndexOf(name);
                        if (fixedValue) constants[name] = v; else byName[name] = v;
                    }
                else
                    initial = items.Select(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                        : throw new InterphaseException($"--initial: '{t}' is not a number")).ToArray();
            }
            var baseOptions = BaseOptions(pr);
            return (circuit, new FitOptions
            {
                Initial = initial, InitialByName = byName, Constants = constants, Weighting = baseOptions.Weighting, Global = baseOptions.Global,
                TimeConstantMarginDecades = baseOptions.TimeConstantMarginDecades,
            });
        }
    }

    static Option<string?> PlotOption(string what) => new("--plot") { Description = $"Write {what} to this file (.svg or .png)" };

    static Command FitCommand()
    {
        var file = new Argument<string>("file") { Description = "Spectrum: CSV/TSV (f, Z', Z''), Gamry .DTA, BioLogic .mpt, ZPlot .z, Autolab, CHI, Parstat, PowerSuite, VersaStudio .par" };
        var spec = new FitSpec();
        var pre = new Preprocess();
        var area = new Option<double?>("--area") { Description = "Electrode area (cm²): ASR in Ω·cm²" };
        var thickness = new Option<double?>("--thickness") { Description = "Sample thickness (µm): conductivity in S/cm (needs --area)" };
        var symmetric = new Option<bool>("--symmetric") { Description = "Symmetric cell (Li|SE|Li): interface ASR is half the arc" };
        var plot = PlotOption("a Nyquist plot of data and fit");
        var json = CliOutput.JsonOption();
        var cmd = new Command("fit", "Fit an equivalent circuit by complex nonlinear least squares (Levenberg–Marquardt)") { file, area, thickness, symmetric, plot, json };
        spec.AddTo(cmd);
        pre.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var s = pre.Apply(SpectrumReader.Read(pr.GetValue(file)!), pr);
            CircuitChoice? choice = null;
            if (spec.IsAuto(pr))
            {
                if (pr.GetValue(spec.Initial) is { Length: > 0 } || pr.GetValue(spec.Constant) is { Length: > 0 })
                    throw new InterphaseException("--circuit auto chooses the circuit, so --initial and --constant (which name its parameters) cannot be given: fit the chosen circuit with them afterwards");
                choice = CircuitSelection.Choose(s);
            }
            var (circuit, options) = spec.Build(pr, choice?.Chosen.Circuit);
            var fit = CircuitFitter.Fit(circuit, s, options);
            var report = FitInterpretation.Analyse(fit, pr.GetValue(area), pr.GetValue(thickness), pr.GetValue(symmetric));
            if (pr.GetValue(plot) is { } path) ChartRenderer.Save(ImpedanceCharts.Nyquist(s, fit.Predict(s.Frequency)), path);
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(ImpedanceJson.Fit(s, fit, report, pr.GetValue(area) is not null, choice));
                return 0;
            }
            if (choice is not null)
            {
                var ct = new Table().AddColumns("candidate", "k", "BIC", "AIC", "verdict");
                foreach (var c in choice.Candidates)
                    ct.AddRow(Markup.Escape(c.Circuit), c.FreeParameters.ToString(CultureInfo.InvariantCulture), G(c.Bic), G(c.Aic), Markup.Escape(c.Verdict));
                CliOutput.Terminal.Write(ct);
                CliOutput.Terminal.WriteLine($"circuit auto: {choice.DrtPeaks} DRT peak{(choice.DrtPeaks == 1 ? "" : "s")} in the measured range{(choice.LowFrequencyTail ? ", a low-frequency tail" : "")}; {CircuitSelection.Criterion}");
                CliOutput.Terminal.WriteLine($"chosen: {choice.Why}");
            }
            var table = new Table().AddColumns("parameter", "value", "± std. error", "unit", "determined");
            for (int i = 0; i < fit.Names.Count; i++)
                table.AddRow(fit.Names[i], G(fit.Parameters[i]), fit.IsConstant[i] ? "(constant)" : G(fit.Errors[i]), Markup.Escape(circuit.ParameterUnits[i]),
                    fit.IsConstant[i] ? "" : fit.IsDetermined(i) ? "yes" : "NO");
            CliOutput.Terminal.Write(table);
            if (fit.Relaxations.Count > 0)
            {
                var rt = new Table().AddColumns("relaxation", "τ (s)", "apex f (Hz)", "in measured window", "determined");
                foreach (var r in fit.Relaxations)
                    rt.AddRow(Markup.Escape(r.Label), G(r.TauSeconds), G(r.ApexFrequencyHz), r.InMeasuredWindow ? "yes" : r.AtWindowEdge ? "NO (at the allowed limit)" : "NO",
                        r.Determined ? "yes" : "NO");
                CliOutput.Terminal.Write(rt);
            }
            foreach (var (a, b, c) in fit.CorrelatedPairs)
                CliOutput.Terminal.WriteLine($"correlated: {a} and {b} (r = {c:F3}): the data determine a combination of them better than each");
            CliOutput.Terminal.WriteLine($"{Path.GetFileName(s.Source)} ({s.Format}, {s.Count} points), circuit {circuit}, {fit.Weighting} weighting: " +
                $"χ² = {G(fit.ChiSquare)}, pseudo-χ² = {G(fit.PseudoChiSquare)}, {fit.Iterations} iterations in {fit.LocalFits} local fit{(fit.LocalFits == 1 ? "" : "s")}, {(fit.Converged ? "converged" : "NOT converged")}");
            foreach (var w in fit.Warnings) CliOutput.Terminal.WriteLine($"warning: {w}");
            WriteInterface(report);
            return 0;
        }));
        return cmd;
    }


    static string Snake(string pascal) => System.Text.RegularExpressions.Regex.Replace(pascal, "(?<=[a-z])([A-Z])", "_$1").ToLowerInvariant();

    static void WriteInterface(InterfaceReport report)
    {
        if (report.Resistances.Count > 0)
        {
            var t = new Table().AddColumns("resistor", "R (Ω)", "role", "ASR (Ω·cm²)", "interface ASR (Ω·cm²)", "σ (S/cm)", "why");
            foreach (var r in report.Resistances)
                t.AddRow(r.Name, G(r.ResistanceOhm), Snake(r.Role.ToString()), r.AsrOhmCm2 is { } a ? G(a) : "", r.InterfaceAsrOhmCm2 is { } i ? G(i) : "",
                    r.ConductivitySPerCm is { } c ? G(c) : "", Markup.Escape(r.Reason));
            CliOutput.Terminal.Write(t);
        }
        if (report.Arcs.Count > 0)
        {
            var t = new Table().AddColumns("arc", "C (F)", "apex f (Hz)", "origin", "reasoning");
            foreach (var a in report.Arcs)
                t.AddRow($"{a.Resistor}‖{a.Capacitor}", a.CapacitanceF is { } c ? G(c) : "—", a.PeakFrequencyHz is { } f ? G(f) : "—",
                    Snake(a.Origin.ToString()), Markup.Escape(a.Reasoning));
            CliOutput.Terminal.Write(t);
        }
        foreach (var e in report.SeriesElements) CliOutput.Terminal.WriteLine($"{e.Name}: {e.Meaning}");
        if (report.TotalConductivitySPerCm is { } tot)
            CliOutput.Terminal.WriteLine($"bulk σ = {G(report.BulkConductivitySPerCm!.Value)} S/cm, total (bulk + grain boundary) σ = {G(tot)} S/cm");
        foreach (var n in report.Notes) CliOutput.Terminal.WriteLine($"note: {n}");
    }

    static Command ValidateCommand()
    {
        var file = new Argument<string>("file") { Description = "Spectrum file" };
        var pre = new Preprocess();
        var c = new Option<double>("--mu") { Description = "μ criterion for the number of RC elements (Schönleber: 0.85)", DefaultValueFactory = _ => 0.85 };
        var threshold = new Option<double>("--threshold") { Description = "Residual RMS (% of |Z|) above which the spectrum fails", DefaultValueFactory = _ => 1.0 };
        var capacitance = new Option<bool>("--capacitance") { Description = "Add a series capacitance (blocking electrodes)" };
        var choice = new Option<string>("--choose-m") { Description = "How M is chosen: mu (impedance.py: first M with μ ≤ c) or residual-floor (first M with μ ≤ c once the residuals level off)", DefaultValueFactory = _ => "mu" };
        var elements = new Option<int?>("--elements") { Description = "Use this many RC elements instead of choosing M" };
        var maxElements = new Option<int>("--max-elements") { Description = "Largest M tried (impedance.py's max_M)", DefaultValueFactory = _ => 100 };
        var plot = PlotOption("the residuals");
        var json = CliOutput.JsonOption();
        var cmd = new Command("validate", "Linear Kramers–Kronig test (Schönleber et al. 2014, as impedance.py's linKK): residuals at the M chosen by μ, verdict by residual RMS")
            { file, c, threshold, capacitance, choice, elements, maxElements, plot, json };
        pre.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var how = pr.GetValue(choice)!.Trim().ToLowerInvariant() switch
            {
                "mu" => KkElementChoice.Mu,
                "residual-floor" or "floor" => KkElementChoice.ResidualFloor,
                var m => throw new InterphaseException($"--choose-m '{m}': use mu or residual-floor"),
            };
            var s = pre.Apply(SpectrumReader.Read(pr.GetValue(file)!), pr);
            var kk = KramersKronig.Test(s, pr.GetValue(c), pr.GetValue(maxElements), pr.GetValue(threshold) / 100, pr.GetValue(elements),
                pr.GetValue(capacitance), how);
            // μ stops early on ideal RC arcs that fall between the grid time constants: say what more elements give
            KramersKronigResult? floor = kk.Choice == KkElementChoice.Mu && !kk.IsValid
                ? KramersKronig.Test(s, pr.GetValue(c), pr.GetValue(maxElements), pr.GetValue(threshold) / 100, null, pr.GetValue(capacitance), KkElementChoice.ResidualFloor)
                : null;
            string? note = floor is null ? null
                : $"with the residual-floor choice (--choose-m residual-floor) M = {floor.ElementCount} and the residual RMS is {floor.ResidualRms:P2}" +
                  (floor.IsValid ? ": the μ rule may have stopped early (arcs between the grid time constants); look at where the residuals sit" : "");
            if (pr.GetValue(plot) is { } path)
                ChartRenderer.Save(ImpedanceCharts.Residuals(s.Frequency, kk.ResidualReal, kk.ResidualImag, "Kramers–Kronig residuals"), path);
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(ImpedanceJson.Validate(s, kk, note));
                return kk.IsValid ? 0 : 3;
            }
            CliOutput.Terminal.WriteLine($"{Path.GetFileName(s.Source)}: {kk.Verdict}; {kk.ElementCount} RC elements ({kk.Choice switch
            {
                KkElementChoice.Mu => "first M with μ ≤ c",
                KkElementChoice.ResidualFloor => "first M with μ ≤ c at the residual floor",
                _ => "given",
            }}), μ = {kk.Mu:F3}, c = {pr.GetValue(c)}");
            if (note is not null) CliOutput.Terminal.WriteLine($"note: {note}");
            var worst = Enumerable.Range(0, s.Count).OrderByDescending(i => Math.Abs(kk.ResidualReal[i]) + Math.Abs(kk.ResidualImag[i])).Take(5);
            var t = new Table().AddColumns("f (Hz)", "ΔZ'/|Z| (%)", "ΔZ''/|Z| (%)");
            foreach (var i in worst) t.AddRow(G(s.Frequency[i]), G(100 * kk.ResidualReal[i]), G(100 * kk.ResidualImag[i]));
            CliOutput.Terminal.Write(t);
            return kk.IsValid ? 0 : 3;
        }));
        return cmd;
    }

    static Command DrtCommand()
    {
        var file = new Argument<string>("file") { Description = "Spectrum file" };
        var pre = new Preprocess();
        var lambda = new Option<double?>("--lambda") { Description = "Regularisation parameter (dimensionless); default: chosen automatically" };
        var method = CliOptions.Choice("--method", "Automatic λ: generalised cross-validation or L-curve corner", LambdaSelection.Gcv,
            ("gcv", LambdaSelection.Gcv), ("lcurve", LambdaSelection.LCurve));
        var csv = new Option<string?>("--csv") { Description = "Write tau_s,gamma_ohm to this CSV file" };
        var plot = PlotOption("γ(τ)");
        var json = CliOutput.JsonOption();
        var bootstrap = new Option<int>("--bootstrap") { Description = "Residual-bootstrap replicates for the 95 % band of γ and the peaks' ± (0: none)", DefaultValueFactory = _ => 100 };
        var cmd = new Command("drt", "Distribution of relaxation times (Tikhonov, non-negative; λ by GCV or L-curve) with peaks and bootstrap bands") { file, lambda, method, bootstrap, csv, plot, json };
        pre.AddTo(cmd);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var s = pre.Apply(SpectrumReader.Read(pr.GetValue(file)!), pr);
            var sel = pr.GetValue(method);
            if (pr.GetValue(csv) is { } csvOut) OutputFile.EnsureNotInput(csvOut, "--csv", pr.GetValue(file));
            var drt = Drt.Compute(s, pr.GetValue(lambda), sel, bootstrap: pr.GetValue(bootstrap));
            if (pr.GetValue(csv) is { } csvPath)
            {
                bool band = drt.GammaLower is not null;
                var sb = new StringBuilder(band ? "tau_s,gamma_ohm,gamma_lower_ohm,gamma_upper_ohm\n" : "tau_s,gamma_ohm\n");
                for (int i = 0; i < drt.Tau.Length; i++)
                    sb.Append(band ? FormattableString.Invariant($"{drt.Tau[i]:R},{drt.Gamma[i]:R},{drt.GammaLower![i]:R},{drt.GammaUpper![i]:R}\n")
                        : FormattableString.Invariant($"{drt.Tau[i]:R},{drt.Gamma[i]:R}\n"));
                OutputFile.Write(csvPath, sb.ToString());
            }
            if (pr.GetValue(plot) is { } path) ChartRenderer.Save(ImpedanceCharts.Drt(drt), path);
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(ImpedanceJson.Drt(s, drt));
                return 0;
            }
            CliOutput.Terminal.WriteLine($"{Path.GetFileName(s.Source)}: λ = {G(drt.Lambda)} ({drt.LambdaMethod}), R∞ = {G(drt.RInf)} Ω, R_pol = {G(drt.PolarisationResistance)} Ω");
            var t = new Table().AddColumns("peak", "τ (s)", "f (Hz)", "± log f (decades)", "R (Ω)", "± R (Ω)", "in replicates", "");
            int k = 1;
            foreach (var p in drt.Peaks)
                t.AddRow((k++).ToString(CultureInfo.InvariantCulture), G(p.TauSeconds), G(p.FrequencyHz), p.FrequencyStdDecades is { } fs ? G(fs) : "",
                    G(p.ResistanceOhm), p.ResistanceStdOhm is { } rs ? G(rs) : "", p.FoundFraction is { } ff ? $"{100 * ff:F0} %" : "",
                    p.InMeasuredRange ? "" : "outside measured range");
            CliOutput.Terminal.Write(t);
            foreach (var w in drt.Warnings) CliOutput.Terminal.WriteLine($"warning: {w}");
            return 0;
        }));
        return cmd;
    }

    /// <summary>The extensions <c>eis batch</c> reads from a folder.</summary>
    static readonly string[] SpectrumExtensions = [".csv", ".txt", ".tsv", ".dta", ".mpt", ".z", ".par"];

    /// <summary>Spectrum files of a folder in natural order (spectrum2 before spectrum10).</summary>
    static List<string> SpectrumFiles(string dir)
    {
        if (File.Exists(dir)) return [dir];
        if (!Directory.Exists(dir)) throw new InterphaseException($"{dir}: no such file or folder");
        var files = Directory.GetFiles(dir).Where(f => SpectrumExtensions.Contains(Path.GetExtension(f).ToLowerInvariant())).ToList();
        static string Key(string f) => System.Text.RegularExpressions.Regex.Replace(Path.GetFileName(f), @"\d+", m => m.Value.PadLeft(12, '0'));
        files.Sort((a, b) => string.CompareOrdinal(Key(a), Key(b)));
        if (files.Count == 0) throw new InterphaseException($"{dir}: no spectrum files (.csv .txt .tsv .dta .mpt .z .par)");
        return files;
    }

    static Command BatchCommand()
    {
        var dir = new Argument<string>("dir") { Description = "Folder of spectra, fitted in natural file-name order (a time series)" };
        var spec = new FitSpec();
        var pre = new Preprocess();
        var interval = new Option<double?>("--interval-min") { Description = "Minutes between spectra, for a time axis in hours" };
        var area = new Option<double?>("--area") { Description = "Electrode area (cm²): resistances reported as ASR (Ω·cm²)" };
        var csv = new Option<string?>("--csv") { Description = "Write the summary table to this CSV file" };
        var plot = PlotOption("each resistance against time");
        var json = CliOutput.JsonOption();
        var cmd = new Command("batch", "Fit every spectrum of a folder in parallel, each seeded from the previous") { dir, interval, area, csv, plot, json };
        spec.AddTo(cmd);
        pre.AddTo(cmd);
        // Every spectrum of the folder is an input, though only the folder is named.
        OutputGuard.ReadsAlso(cmd, pr => pr.GetValue(dir) is { } d && Directory.Exists(d) ? SpectrumFiles(d) : []);
        cmd.SetAction(pr => CliOutput.RunCancellable(cancel =>
        {
            // A new table of spectrum type in the folder would be read as a spectrum by the next batch of that folder.
            if (Directory.Exists(pr.GetValue(dir)))
                foreach (var (option, output) in new[] { ("--csv", pr.GetValue(csv)), ("--plot", pr.GetValue(plot)) })
                    if (output is not null && SpectrumExtensions.Contains(Path.GetExtension(output).ToLowerInvariant())
                        && string.Equals(Path.GetDirectoryName(Path.GetFullPath(output)), Path.GetFullPath(pr.GetValue(dir)!).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
                        throw new InterphaseException($"{option} {output} is in the folder of spectra {pr.GetValue(dir)}: the next batch of that folder would read it as a spectrum; write it elsewhere");
            // Checked before the (long) fits: an impossible area or interval would only show in the results.
            if (pr.GetValue(area) is { } a0 && !(a0 > 0 && double.IsFinite(a0))) throw new ImpedanceException($"electrode area must be positive, got {a0} cm²");
            if (pr.GetValue(interval) is { } m0 && !(m0 > 0 && double.IsFinite(m0))) throw new ImpedanceException($"--interval-min must be positive, got {m0} min");
            if (spec.IsAuto(pr)) throw new InterphaseException("eis batch needs an explicit circuit (a series is fitted with one circuit): choose it on one spectrum with eis fit --circuit auto");
            var files = SpectrumFiles(pr.GetValue(dir)!);
            var (circuit, options) = spec.Build(pr);
            // A file that cannot be read is reported in its place and the others are fitted (exit 3 at the end).
            var read = files.Select(f =>
            {
                try { return (Spectrum: pre.Apply(SpectrumReader.Read(f), pr), Error: (string?)null); }
                catch (Exception e) when (e is InterphaseException or IOException or UnauthorizedAccessException)
                { return (Spectrum: (ImpedanceSpectrum?)null, Error: $"unreadable: {e.Message}"); }
            }).ToList();
            var spectra = read.Where(r => r.Spectrum is not null).Select(r => r.Spectrum!).ToList();
            double? hours = pr.GetValue(interval) / 60;
            IReadOnlyList<BatchItem> fitted = [];
            if (spectra.Count > 0)
            {
                if (pr.GetValue(json) || Console.IsOutputRedirected)
                    fitted = BatchFitter.Fit(spectra, circuit, options, hours, cancellation: cancel);
                else
                    AnsiConsole.Progress().Start(ctx =>
                    {
                        var task = ctx.AddTask($"fitting {spectra.Count} spectra", maxValue: spectra.Count);
                        fitted = BatchFitter.Fit(spectra, circuit, options, hours, new Progress<int>(n => task.Value = n), cancellation: cancel);
                        task.Value = spectra.Count;
                    });
            }
            // back in file order, the unreadable ones in their places (time from the file's position in the series)
            var items = new List<BatchItem>();
            int next = 0;
            for (int i = 0; i < files.Count; i++)
                items.Add(read[i].Spectrum is null
                    ? new BatchItem(i, files[i], hours * i, null, read[i].Error)
                    : fitted[next++] with { Index = i, TimeHours = hours * i });
            double? a = pr.GetValue(area);
            if (pr.GetValue(plot) is { } path) ChartRenderer.Save(ImpedanceCharts.Trend(items, a), path);
            if (pr.GetValue(csv) is { } csvPath) OutputFile.WriteText(csvPath, w => BatchFitter.WriteCsv(circuit, items, w));
            if (pr.GetValue(json))
            {
                CliOutput.WriteJson(ImpedanceJson.Batch(circuit, items, a));
                return items.Any(i => i.Fit is null) ? 3 : 0;
            }
            var resistors = circuit.Elements.Where(e => e.Type is Resistor).ToList();
            var t = new Table().AddColumns(["#", "file", hours is null ? "" : "t (h)", .. resistors.Select(r => a is null ? $"{r.Name} (Ω)" : $"{r.Name} (Ω·cm²)"), "χ²"]);
            foreach (var it in items)
                t.AddRow([it.Index.ToString(CultureInfo.InvariantCulture), Markup.Escape(Path.GetFileName(it.Source)), it.TimeHours is { } h ? G(h) : "",
                    .. resistors.Select(r => it.Fit is { } f ? G(f.Parameters[r.ParameterStart] * (a ?? 1)) : "—"),
                    it.Fit is { } ff ? G(ff.ChiSquare) : Markup.Escape(it.Error ?? "")]);
            CliOutput.Terminal.Write(t);
            foreach (var it in items.Where(i => i.Fit is null))
                CliOutput.Terminal.WriteLine($"not fitted: {Path.GetFileName(it.Source)}: {it.Error}");
            return items.Any(i => i.Fit is null) ? 3 : 0;
        }));
        return cmd;
    }

    static Command PlotCommand()
    {
        var file = new Argument<string>("file") { Description = "Spectrum file" };
        var pre = new Preprocess();
        var output = new Option<string?>("--out", "-o") { Description = "Output file, .svg or .png (default: FILE-KIND.svg beside the input)" };
        var kind = CliOptions.Choice("--kind", "Chart: Nyquist, Bode |Z|, Bode phase, fit residuals (needs --circuit), Kramers–Kronig residuals or DRT",
            ImpedanceChartKind.Nyquist, ("nyquist", ImpedanceChartKind.Nyquist), ("bode", ImpedanceChartKind.Bode), ("phase", ImpedanceChartKind.Phase),
            ("residuals", ImpedanceChartKind.Residuals), ("kk", ImpedanceChartKind.Kk), ("drt", ImpedanceChartKind.Drt));
        var circuit = new Option<string?>("--circuit", "-c") { Description = "Fit this circuit (automatic guesses) and overlay it" };
        var cmd = new Command("plot", "Plot a spectrum: Nyquist (equal axes), Bode, residuals, Kramers–Kronig or DRT; SVG or PNG") { file, output, kind, circuit };
        pre.AddTo(cmd);
        static string DefaultOutput(string src, ImpedanceChartKind k) =>
            Path.Combine(Path.GetDirectoryName(Path.GetFullPath(src))!, $"{Path.GetFileNameWithoutExtension(src)}-{k.ToString().ToLowerInvariant()}.svg");
        // Without -o the chart goes beside the input: that name is checked too.
        OutputGuard.WritesTo(cmd, pr => pr.GetValue(file) is { } f ? [("--out", pr.GetValue(output) ?? DefaultOutput(f, pr.GetValue(kind)))] : []);
        cmd.SetAction(pr => CliOutput.Run(() =>
        {
            var src = pr.GetValue(file)!;
            var s = pre.Apply(SpectrumReader.Read(src), pr);
            var k = pr.GetValue(kind);
            var fit = pr.GetValue(circuit) is { } c ? CircuitFitter.Fit(Circuit.Parse(c), s).Predict(s.Frequency) : null;
            if (k == ImpedanceChartKind.Residuals && fit is null) throw new InterphaseException("--kind residuals needs --circuit");
            var chart = ImpedanceCharts.Of(k, s, fit);
            string path = pr.GetValue(output) ?? DefaultOutput(src, k);
            ChartRenderer.Save(chart, path);
            CliOutput.Terminal.WriteLine($"wrote {path}");
            return 0;
        }));
        return cmd;
    }
}
