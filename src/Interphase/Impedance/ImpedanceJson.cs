namespace Interphase.Impedance;

/// <summary>
/// The JSON shapes of the impedance results (<c>eis fit/validate/drt --json</c> and the web API): plain values with
/// unit-suffixed keys (Ω, F, Hz, s, Ω·cm², S/cm).
/// </summary>
public static class ImpedanceJson
{
    /// <summary>A circuit fit with its interpretation (resistances, arcs, ASR and conductivity when area/thickness were given).</summary>
    public static object Fit(ImpedanceSpectrum s, FitResult fit, InterfaceReport report, bool hasArea) => new
    {
        file = s.Source, format = s.Format, points = s.Count, circuit = fit.Circuit.Text, weighting = fit.Weighting.ToString().ToLowerInvariant(),
        parameters = fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => fit.Parameters[t.i]),
        errors = fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => double.IsFinite(fit.Errors[t.i]) ? fit.Errors[t.i] : (double?)null),
        units = fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => fit.Circuit.ParameterUnits[t.i]),
        constants = fit.Names.Where((_, i) => fit.IsConstant[i]).ToArray(),
        chi_square = fit.ChiSquare, pseudo_chi_square = fit.PseudoChiSquare, rmse_ohm = fit.Rmse,
        iterations = fit.Iterations, local_fits = fit.LocalFits, converged = fit.Converged, warnings = fit.Warnings,
        asr_ohm_cm2 = hasArea ? report.Resistances.Where(r => r.AsrOhmCm2 is not null).ToDictionary(r => r.Name, r => r.AsrOhmCm2!.Value) : null,
        interface_asr_ohm_cm2 = report.Resistances.Any(r => r.InterfaceAsrOhmCm2 is not null)
            ? report.Resistances.Where(r => r.InterfaceAsrOhmCm2 is not null).ToDictionary(r => r.Name, r => r.InterfaceAsrOhmCm2!.Value) : null,
        conductivity_s_per_cm = report.Resistances.Any(r => r.ConductivitySPerCm is not null)
            ? report.Resistances.Where(r => r.ConductivitySPerCm is not null).ToDictionary(r => r.Name, r => r.ConductivitySPerCm!.Value) : null,
        total_conductivity_s_per_cm = report.TotalConductivitySPerCm, bulk_conductivity_s_per_cm = report.BulkConductivitySPerCm,
        resistances = report.Resistances.Select(r => new { name = r.Name, resistance_ohm = r.ResistanceOhm, role = r.Role, reason = r.Reason }),
        arcs = report.Arcs.Select(a => new
        {
            a.Resistor, a.Capacitor, resistance_ohm = a.ResistanceOhm, capacitance_f = a.CapacitanceF, brug_capacitance_f = a.BrugCapacitanceF,
            specific_capacitance_f = a.SpecificCapacitanceF, peak_frequency_hz = a.PeakFrequencyHz,
            origin = a.Origin, reasoning = a.Reasoning,
        }),
        series_elements = report.SeriesElements.Select(e => new { name = e.Name, meaning = e.Meaning, capacitance_f = e.CapacitanceF }),
        notes = report.Notes,
    };

    /// <summary>A linear Kramers–Kronig test.</summary>
    public static object Validate(ImpedanceSpectrum s, KramersKronigResult kk) => new
    {
        file = s.Source, points = s.Count, valid = kk.IsValid, rc_elements = kk.ElementCount, mu = kk.Mu,
        residual_rms_percent = 100 * kk.ResidualRms, residual_max_percent = 100 * kk.ResidualMax, threshold_percent = 100 * kk.Threshold,
        frequency_hz = s.Frequency, residual_real = kk.ResidualReal, residual_imag = kk.ResidualImag,
    };

    /// <summary>A distribution of relaxation times with its peaks.</summary>
    public static object Drt(ImpedanceSpectrum s, DrtResult drt) => new
    {
        file = s.Source, lambda = drt.Lambda, lambda_method = drt.LambdaMethod, r_inf_ohm = drt.RInf, inductance_h = drt.Inductance,
        polarisation_resistance_ohm = drt.PolarisationResistance,
        peaks = drt.Peaks.Select(p => new { tau_s = p.TauSeconds, frequency_hz = p.FrequencyHz, resistance_ohm = p.ResistanceOhm }),
        tau_s = drt.Tau, gamma_ohm = drt.Gamma,
    };
}
