namespace Interphase.Impedance;

/// <summary>A circuit fit as <c>eis fit --json</c> and the web API write it (keys carry their units).</summary>
/// <param name="File">The spectrum's file or label.</param>
/// <param name="Format">The instrument format it was read as.</param>
/// <param name="Points">Points fitted.</param>
/// <param name="Circuit">Circuit text.</param>
/// <param name="Weighting">Residual weighting.</param>
/// <param name="Parameters">Every parameter by impedance.py name, in the unit given in <paramref name="Units"/>.</param>
/// <param name="Errors">One-standard-deviation errors; null when undetermined.</param>
/// <param name="Units">Unit of each parameter.</param>
/// <param name="Constants">Parameters held constant.</param>
/// <param name="ChiSquare">The minimised weighted sum of squares (Ω² under unit weighting).</param>
/// <param name="PseudoChiSquare">Boukamp's pseudo-χ² (dimensionless).</param>
/// <param name="RmseOhm">Root-mean-square of |Z_fit − Z| (Ω).</param>
/// <param name="Iterations">Levenberg–Marquardt iterations, all local fits together.</param>
/// <param name="LocalFits">Local fits run (starts, restarts, basin-hopping jumps).</param>
/// <param name="Converged">Whether the fit that gave the result met a convergence test.</param>
/// <param name="Warnings">Parameters at a bound, poorly determined parameters, a poor fit, no convergence.</param>
/// <param name="AsrOhmCm2">Every resistance times the electrode area (Ω·cm²), when an area was given.</param>
/// <param name="InterfaceAsrOhmCm2">Interface ASR of the interface resistances (Ω·cm²), when given.</param>
/// <param name="ConductivitySPerCm">Conductivity of the bulk resistance (S/cm), when thickness and area were given.</param>
/// <param name="TotalConductivitySPerCm">Total (bulk + grain boundary) conductivity (S/cm).</param>
/// <param name="BulkConductivitySPerCm">Bulk conductivity (S/cm).</param>
/// <param name="Resistances">Every resistor with its role and why.</param>
/// <param name="Arcs">Every recognised arc with capacitance and origin.</param>
/// <param name="SeriesElements">Top-level series elements other than resistors.</param>
/// <param name="Notes">Statements about the whole analysis.</param>
/// <param name="NotDetermined">Parameters the data do not determine (relative error above 100 % or |correlation| ≥ 0.999): no conclusion is drawn from them.</param>
/// <param name="Correlation">Correlation matrix of the free parameters at the solution, by name.</param>
/// <param name="CorrelatedPairs">Pairs of free parameters with |correlation| ≥ 0.95.</param>
/// <param name="Relaxations">Each relaxation's time constant and apex against the measured window.</param>
/// <param name="SimplerCircuits">Simpler circuits the data support, with why.</param>
/// <param name="Selection">With <c>--circuit auto</c>: every candidate, its criteria and verdict.</param>
public sealed record EisFitJson(string? File, string? Format, int Points, string Circuit, Weighting Weighting,
    IReadOnlyDictionary<string, double> Parameters, IReadOnlyDictionary<string, double?> Errors, IReadOnlyDictionary<string, string> Units,
    IReadOnlyList<string> Constants, double ChiSquare, double PseudoChiSquare, double RmseOhm, int Iterations, int LocalFits, bool Converged,
    IReadOnlyList<string> Warnings, IReadOnlyDictionary<string, double>? AsrOhmCm2, IReadOnlyDictionary<string, double>? InterfaceAsrOhmCm2,
    IReadOnlyDictionary<string, double>? ConductivitySPerCm, double? TotalConductivitySPerCm, double? BulkConductivitySPerCm,
    IReadOnlyList<EisResistanceJson> Resistances, IReadOnlyList<EisArcJson> Arcs, IReadOnlyList<EisSeriesElementJson> SeriesElements,
    IReadOnlyList<string> Notes, IReadOnlyList<string> NotDetermined, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double?>> Correlation,
    IReadOnlyList<EisCorrelatedPairJson> CorrelatedPairs, IReadOnlyList<EisRelaxationJson> Relaxations, IReadOnlyList<EisSimplerCircuitJson> SimplerCircuits,
    EisSelectionJson? Selection = null);

/// <summary>Two parameters whose estimates move together.</summary>
/// <param name="A">First parameter.</param>
/// <param name="B">Second parameter.</param>
/// <param name="Correlation">Their correlation (−1…1).</param>
public sealed record EisCorrelatedPairJson(string A, string B, double Correlation);

/// <summary>A relaxation's time constant at the solution.</summary>
/// <param name="Label">As written (<c>p(R1,CPE1)</c>, <c>Wo1</c>).</param>
/// <param name="Resistance">Its resistance parameter.</param>
/// <param name="ResistanceOhm">Its resistance (Ω).</param>
/// <param name="TauS">Time constant (s).</param>
/// <param name="ApexFrequencyHz">1/(2πτ) (Hz).</param>
/// <param name="InMeasuredWindow">The apex lies within the measured frequencies.</param>
/// <param name="AtWindowEdge">τ ended at an end of the allowed window (measured window ± the margin).</param>
/// <param name="Determined">Its parameters are determined by the data.</param>
public sealed record EisRelaxationJson(string Label, string Resistance, double ResistanceOhm, double TauS, double ApexFrequencyHz,
    bool InMeasuredWindow, bool AtWindowEdge, bool Determined);

/// <summary>A simpler circuit the data support.</summary>
/// <param name="Circuit">The circuit.</param>
/// <param name="Why">Why.</param>
public sealed record EisSimplerCircuitJson(string Circuit, string Why);

/// <summary>An automatic circuit choice.</summary>
/// <param name="Criterion">How candidates are compared.</param>
/// <param name="DrtPeaks">DRT peaks inside the measured range.</param>
/// <param name="LowFrequencyTail">Whether the spectrum ends in a diffusion or blocking tail.</param>
/// <param name="Why">Why the chosen one wins.</param>
/// <param name="Candidates">Every candidate, the chosen first.</param>
public sealed record EisSelectionJson(string Criterion, int DrtPeaks, bool LowFrequencyTail, string Why, IReadOnlyList<EisCandidateJson> Candidates);

/// <summary>One candidate circuit of an automatic choice.</summary>
/// <param name="Circuit">The candidate.</param>
/// <param name="FreeParameters">Fitted parameters.</param>
/// <param name="Bic">Bayesian information criterion (modulus-weighted residuals).</param>
/// <param name="Aic">Akaike information criterion.</param>
/// <param name="ChiSquare">Modulus-weighted sum of squares.</param>
/// <param name="Supported">All arcs inside the window and all parameters determined.</param>
/// <param name="Verdict">Why it wins or loses.</param>
public sealed record EisCandidateJson(string Circuit, int FreeParameters, double? Bic, double? Aic, double? ChiSquare, bool Supported, string Verdict);

/// <summary>One resistor of a fit and what it stands for.</summary>
/// <param name="Name">Resistor name.</param>
/// <param name="ResistanceOhm">Fitted resistance (Ω).</param>
/// <param name="Role">Bulk, grain boundary, interface, … .</param>
/// <param name="Reason">Why, in words.</param>
public sealed record EisResistanceJson(string Name, double ResistanceOhm, ResistanceRole Role, string Reason);

/// <summary>One arc (a resistor in parallel with a capacitive element) and its origin.</summary>
/// <param name="Resistor">Resistor name.</param>
/// <param name="Capacitor">Capacitive element name.</param>
/// <param name="ResistanceOhm">Arc resistance (Ω).</param>
/// <param name="CapacitanceF">Effective capacitance (F, Hsu–Mansfeld for a CPE).</param>
/// <param name="BrugCapacitanceF">Brug capacitance (F), for a CPE.</param>
/// <param name="SpecificCapacitanceF">Capacitance scaled to a cell constant of 1 cm⁻¹, C·L/A (F).</param>
/// <param name="PeakFrequencyHz">Apex frequency 1/(2πRC) (Hz).</param>
/// <param name="Origin">Bulk, grain boundary, interface, … (Irvine–Sinclair–West ranges).</param>
/// <param name="Reasoning">Why, in words.</param>
public sealed record EisArcJson(string Resistor, string Capacitor, double ResistanceOhm, double? CapacitanceF, double? BrugCapacitanceF,
    double? SpecificCapacitanceF, double? PeakFrequencyHz, ArcOrigin Origin, string Reasoning);

/// <summary>A top-level series element other than a resistor (series CPE of a blocking cell, Warburg, inductor).</summary>
/// <param name="Name">Element name.</param>
/// <param name="Meaning">What it stands for.</param>
/// <param name="CapacitanceF">Its capacitance (F), when it has one.</param>
public sealed record EisSeriesElementJson(string Name, string Meaning, double? CapacitanceF);

/// <summary>A linear Kramers–Kronig test as <c>eis validate --json</c> writes it.</summary>
/// <param name="File">The spectrum's file or label.</param>
/// <param name="Points">Points tested.</param>
/// <param name="Valid">Whether the spectrum passes.</param>
/// <param name="Verdict">The verdict in words, with the threshold.</param>
/// <param name="Note">What the other choice of M would give, when asked.</param>
/// <param name="MChoice">How the number of RC elements was chosen.</param>
/// <param name="RcElements">Number of RC elements M.</param>
/// <param name="Mu">Schönleber's μ at M.</param>
/// <param name="ResidualRmsPercent">Root-mean-square residual (% of |Z|).</param>
/// <param name="ResidualMaxPercent">Largest residual (% of |Z|).</param>
/// <param name="ThresholdPercent">RMS residual below which the spectrum is valid (% of |Z|).</param>
/// <param name="FrequencyHz">Frequencies (Hz).</param>
/// <param name="ResidualReal">Real residuals as fractions of |Z|.</param>
/// <param name="ResidualImag">Imaginary residuals as fractions of |Z|.</param>
public sealed record EisValidateJson(string? File, int Points, bool Valid, string Verdict, string? Note, KkElementChoice MChoice, int RcElements,
    double Mu, double ResidualRmsPercent, double ResidualMaxPercent, double ThresholdPercent, IReadOnlyList<double> FrequencyHz,
    IReadOnlyList<double> ResidualReal, IReadOnlyList<double> ResidualImag);

/// <summary>A distribution of relaxation times as <c>eis drt --json</c> writes it.</summary>
/// <param name="File">The spectrum's file or label.</param>
/// <param name="Lambda">Regularisation parameter λ (dimensionless).</param>
/// <param name="LambdaMethod">How λ was chosen.</param>
/// <param name="RInfOhm">High-frequency resistance R∞ (Ω).</param>
/// <param name="InductanceH">Series inductance (H).</param>
/// <param name="PolarisationResistanceOhm">Area under γ (Ω).</param>
/// <param name="MeasuredTauMinS">1/(2π f_max) (s).</param>
/// <param name="MeasuredTauMaxS">1/(2π f_min) (s).</param>
/// <param name="Peaks">Peaks, largest first.</param>
/// <param name="Warnings">Peaks outside the measured range, λ at the end of its range.</param>
/// <param name="TauS">Time-constant grid (s).</param>
/// <param name="GammaOhm">γ on the grid (Ω per unit ln τ).</param>
/// <param name="BootstrapReplicates">Bootstrap replicates behind the band (0: none).</param>
/// <param name="GammaLowerOhm">2.5th percentile of γ over the replicates (95 % band), when computed.</param>
/// <param name="GammaUpperOhm">97.5th percentile of γ over the replicates, when computed.</param>
public sealed record EisDrtJson(string? File, double Lambda, string LambdaMethod, double RInfOhm, double InductanceH, double PolarisationResistanceOhm,
    double MeasuredTauMinS, double MeasuredTauMaxS, IReadOnlyList<EisDrtPeakJson> Peaks, IReadOnlyList<string> Warnings,
    IReadOnlyList<double> TauS, IReadOnlyList<double> GammaOhm, int BootstrapReplicates, IReadOnlyList<double>? GammaLowerOhm, IReadOnlyList<double>? GammaUpperOhm);

/// <summary>One DRT peak.</summary>
/// <param name="TauS">Time constant (s).</param>
/// <param name="FrequencyHz">1/(2πτ) (Hz).</param>
/// <param name="ResistanceOhm">Area under the peak (Ω).</param>
/// <param name="InMeasuredRange">Whether τ lies within the measured range.</param>
/// <param name="ResistanceStdOhm">Bootstrap standard deviation of the resistance (Ω).</param>
/// <param name="FrequencyStdDecades">Bootstrap standard deviation of log₁₀ f (decades).</param>
/// <param name="FoundFraction">Fraction of replicates that show the peak.</param>
public sealed record EisDrtPeakJson(double TauS, double FrequencyHz, double ResistanceOhm, bool InMeasuredRange, double? ResistanceStdOhm,
    double? FrequencyStdDecades, double? FoundFraction);

/// <summary>A batch of fits as <c>eis batch --json</c> writes it.</summary>
/// <param name="Circuit">Circuit text.</param>
/// <param name="Spectra">Spectra in the batch.</param>
/// <param name="Failed">Spectra whose fit failed.</param>
/// <param name="Results">One entry per spectrum, in order.</param>
public sealed record EisBatchJson(string Circuit, int Spectra, int Failed, IReadOnlyList<EisBatchItemJson> Results);

/// <summary>One spectrum of a batch.</summary>
/// <param name="Index">Position in the series.</param>
/// <param name="File">File name or label.</param>
/// <param name="TimeH">Time of the spectrum (h), when an interval was given.</param>
/// <param name="Error">Why the fit failed.</param>
/// <param name="Parameters">Fitted parameters by name.</param>
/// <param name="Errors">One-standard-deviation errors by name; null when undetermined.</param>
/// <param name="ChiSquare">The minimised weighted sum of squares.</param>
/// <param name="AsrOhmCm2">Every resistance times the electrode area (Ω·cm²), when an area was given.</param>
public sealed record EisBatchItemJson(int Index, string File, double? TimeH, string? Error, IReadOnlyDictionary<string, double>? Parameters,
    IReadOnlyDictionary<string, double?>? Errors, double? ChiSquare, IReadOnlyDictionary<string, double>? AsrOhmCm2);

/// <summary>
/// Builds the JSON records of the impedance results (<c>eis fit/validate/drt/batch --json</c> and the web API).
/// </summary>
public static class ImpedanceJson
{
    static Dictionary<string, double> Values(FitResult fit) => fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => fit.Parameters[t.i]);

    static Dictionary<string, double?> Errors(FitResult fit) =>
        fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => double.IsFinite(fit.Errors[t.i]) ? fit.Errors[t.i] : (double?)null);

    /// <summary>A circuit fit with its interpretation (resistances, arcs, ASR and conductivity when area/thickness were given).</summary>
    public static EisFitJson Fit(ImpedanceSpectrum s, FitResult fit, InterfaceReport report, bool hasArea, CircuitChoice? choice = null)
    {
        static double? Finite(double v) => double.IsFinite(v) ? v : null;
        var freeIdx = Enumerable.Range(0, fit.Names.Count).Where(i => !fit.IsConstant[i]).ToList();
        Dictionary<string, double>? Pick(Func<ResistanceReport, double?> value) => report.Resistances.Any(r => value(r) is not null)
            ? report.Resistances.Where(r => value(r) is not null).ToDictionary(r => r.Name, r => value(r)!.Value) : null;
        return new EisFitJson(s.Source, s.Format, s.Count, fit.Circuit.Text, fit.Weighting, Values(fit), Errors(fit),
            fit.Names.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => fit.Circuit.ParameterUnits[t.i]),
            fit.Names.Where((_, i) => fit.IsConstant[i]).ToArray(), fit.ChiSquare, fit.PseudoChiSquare, fit.Rmse, fit.Iterations, fit.LocalFits,
            fit.Converged, fit.Warnings,
            hasArea ? report.Resistances.Where(r => r.AsrOhmCm2 is not null).ToDictionary(r => r.Name, r => r.AsrOhmCm2!.Value) : null,
            Pick(r => r.InterfaceAsrOhmCm2), Pick(r => r.ConductivitySPerCm), report.TotalConductivitySPerCm, report.BulkConductivitySPerCm,
            report.Resistances.Select(r => new EisResistanceJson(r.Name, r.ResistanceOhm, r.Role, r.Reason)).ToList(),
            report.Arcs.Select(a => new EisArcJson(a.Resistor, a.Capacitor, a.ResistanceOhm, a.CapacitanceF, a.BrugCapacitanceF,
                a.SpecificCapacitanceF, a.PeakFrequencyHz, a.Origin, a.Reasoning)).ToList(),
            report.SeriesElements.Select(e => new EisSeriesElementJson(e.Name, e.Meaning, e.CapacitanceF)).ToList(),
            report.Notes,
            fit.Names.Where((_, i) => !fit.IsDetermined(i)).ToList(),
            freeIdx.ToDictionary(i => fit.Names[i], i => (IReadOnlyDictionary<string, double?>)freeIdx.ToDictionary(k => fit.Names[k], k => Finite(fit.Correlation[i, k]))),
            fit.CorrelatedPairs.Select(p => new EisCorrelatedPairJson(p.A, p.B, p.Correlation)).ToList(),
            fit.Relaxations.Select(r => new EisRelaxationJson(r.Label, r.ResistanceName, r.ResistanceOhm, r.TauSeconds, r.ApexFrequencyHz,
                r.InMeasuredWindow, r.AtWindowEdge, r.Determined)).ToList(),
            fit.SimplerCircuits.Select(c => new EisSimplerCircuitJson(c.Circuit, c.Why)).ToList(),
            choice is null ? null : new EisSelectionJson(CircuitSelection.Criterion, choice.DrtPeaks, choice.LowFrequencyTail, choice.Why,
                choice.Candidates.Select(c => new EisCandidateJson(c.Circuit, c.FreeParameters, Finite(c.Bic), Finite(c.Aic), c.Fit?.ChiSquare,
                    c.Supported, c.Verdict)).ToList()));
    }

    /// <summary>A linear Kramers–Kronig test; <paramref name="note"/> says what the residual-floor choice of M would give.</summary>
    public static EisValidateJson Validate(ImpedanceSpectrum s, KramersKronigResult kk, string? note = null) =>
        new(s.Source, s.Count, kk.IsValid, kk.Verdict, note, kk.Choice, kk.ElementCount, kk.Mu, 100 * kk.ResidualRms, 100 * kk.ResidualMax,
            100 * kk.Threshold, s.Frequency, kk.ResidualReal, kk.ResidualImag);

    /// <summary>A distribution of relaxation times with its peaks.</summary>
    public static EisDrtJson Drt(ImpedanceSpectrum s, DrtResult drt) =>
        new(s.Source, drt.Lambda, drt.LambdaMethod, drt.RInf, drt.Inductance, drt.PolarisationResistance,
            drt.MeasuredTauSeconds.Min, drt.MeasuredTauSeconds.Max,
            drt.Peaks.Select(p => new EisDrtPeakJson(p.TauSeconds, p.FrequencyHz, p.ResistanceOhm, p.InMeasuredRange, p.ResistanceStdOhm,
                p.FrequencyStdDecades, p.FoundFraction)).ToList(),
            drt.Warnings, drt.Tau, drt.Gamma, drt.BootstrapReplicates, drt.GammaLower, drt.GammaUpper);

    /// <summary>A batch of fits; <paramref name="areaCm2"/> (cm²), when given, adds every resistance as an ASR.</summary>
    public static EisBatchJson Batch(Circuit circuit, IReadOnlyList<BatchItem> items, double? areaCm2) =>
        new(circuit.Text, items.Count, items.Count(i => i.Fit is null), items.Select(i => new EisBatchItemJson(
            i.Index, i.Source, i.TimeHours, i.Error,
            i.Fit is null ? null : Values(i.Fit), i.Fit is null ? null : Errors(i.Fit), i.Fit?.ChiSquare,
            areaCm2 is not { } a || i.Fit is null ? null
                : i.Fit.Circuit.Elements.Where(e => e.Type is Resistor).ToDictionary(e => e.Name, e => i.Fit.Parameters[e.ParameterStart] * a))).ToList());
}
