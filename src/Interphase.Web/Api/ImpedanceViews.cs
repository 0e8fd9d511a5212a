using Interphase.Impedance;

namespace Interphase.Web.Api;

/// <summary>The JSON shapes of <c>eis fit</c>, <c>eis validate</c> and <c>eis drt</c> (the same keys as the CLI's <c>--json</c>).</summary>
public static class ImpedanceViews
{
    /// <summary>Weighting by its CLI name.</summary>
    public static Weighting ParseWeighting(string? name) => (name ?? "unit").Trim().ToLowerInvariant() switch
    {
        "unit" or "none" or "" => Weighting.Unit,
        "proportional" => Weighting.Proportional,
        "modulus" => Weighting.Modulus,
        var w => throw new InterphaseException($"weighting '{w}': use unit, proportional or modulus"),
    };

    /// <summary>Fit options from the CLI's notation: initial values "a,b,c" in circuit order, constants "R0=0.015,C1=1e-6".</summary>
    public static FitOptions Options(Circuit circuit, string? initial, string? constants, string? weighting)
    {
        var held = new Dictionary<string, double>();
        foreach (var c in (constants ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = c.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                throw new InterphaseException($"constant '{c}': expected NAME=VALUE, e.g. R0=0.015");
            circuit.IndexOf(parts[0].Trim());
            held[parts[0].Trim()] = v;
        }
        double[]? start = string.IsNullOrWhiteSpace(initial) ? null
            : initial.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t =>
                double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
                    : throw new InterphaseException($"initial: '{t}' is not a number")).ToArray();
        return new FitOptions { Initial = start, Constants = held, Weighting = ParseWeighting(weighting) };
    }

    /// <summary><c>interphase eis fit --json</c>.</summary>
    public static object Fit(ImpedanceSpectrum s, FitResult fit, InterfaceReport report, bool hasArea) => new
    {
        file = s.Source, format = s.Format, points = s.Count, circuit = fit.Circuit.Text, weighting = fit.Weighting.ToString().ToLowerInvariant(),
        parameters = fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => fit.Parameters[t.i]),
        errors = fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => fit.Errors[t.i]),
        units = fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => fit.Circuit.ParameterUnits[t.i]),
        constants = fit.Names.Where((_, i) => fit.IsConstant[i]).ToArray(),
        chi_square = fit.ChiSquare, pseudo_chi_square = fit.PseudoChiSquare, rmse_ohm = fit.Rmse,
        iterations = fit.Iterations, converged = fit.Converged,
        asr_ohm_cm2 = hasArea ? report.Resistances.ToDictionary(r => r.Name, r => r.AsrOhmCm2!.Value) : null,
        interface_asr_ohm_cm2 = report.Resistances.Any(r => r.InterfaceAsrOhmCm2 is not null)
            ? report.Resistances.ToDictionary(r => r.Name, r => r.InterfaceAsrOhmCm2!.Value) : null,
        conductivity_s_per_cm = report.Resistances.Any(r => r.ConductivitySPerCm is not null)
            ? report.Resistances.ToDictionary(r => r.Name, r => r.ConductivitySPerCm!.Value) : null,
        total_conductivity_s_per_cm = report.TotalConductivitySPerCm, bulk_conductivity_s_per_cm = report.BulkConductivitySPerCm,
        arcs = report.Arcs.Select(a => new
        {
            resistor = a.Resistor, capacitor = a.Capacitor, resistance_ohm = a.ResistanceOhm, capacitance_f = a.CapacitanceF, brug_capacitance_f = a.BrugCapacitanceF,
            specific_capacitance_f = a.SpecificCapacitanceF, peak_frequency_hz = a.PeakFrequencyHz,
            origin = a.Origin.ToString(), reasoning = a.Reasoning,
        }),
    };

    /// <summary><c>interphase eis validate --json</c>.</summary>
    public static object Validate(ImpedanceSpectrum s, KramersKronigResult kk) => new
    {
        file = s.Source, points = s.Count, valid = kk.IsValid, rc_elements = kk.ElementCount, mu = kk.Mu,
        residual_rms_percent = 100 * kk.ResidualRms, residual_max_percent = 100 * kk.ResidualMax, threshold_percent = 100 * kk.Threshold,
        frequency_hz = s.Frequency, residual_real = kk.ResidualReal, residual_imag = kk.ResidualImag,
    };

    /// <summary><c>interphase eis drt --json</c>.</summary>
    public static object Drt(ImpedanceSpectrum s, DrtResult drt) => new
    {
        file = s.Source, lambda = drt.Lambda, lambda_method = drt.LambdaMethod, r_inf_ohm = drt.RInf, inductance_h = drt.Inductance,
        polarisation_resistance_ohm = drt.PolarisationResistance,
        peaks = drt.Peaks.Select(p => new { tau_s = p.TauSeconds, frequency_hz = p.FrequencyHz, resistance_ohm = p.ResistanceOhm }),
        tau_s = drt.Tau, gamma_ohm = drt.Gamma,
    };
}
