using System.Text.Json.Serialization;
using Interphase.Quantities;

namespace Interphase.Transport;

/// <summary>Conductivity predicted at one temperature.</summary>
/// <param name="TemperatureC">Temperature, °C.</param>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="ConductivitySPerCm">Ionic conductivity, S/cm.</param>
/// <param name="RelativeStdErr">1σ relative uncertainty (fraction, from ln σ); null when the model has none.</param>
public sealed record ConductivityPrediction(double TemperatureC, double TemperatureK, double ConductivitySPerCm, double? RelativeStdErr)
{
    /// <summary>The model's conductivity at <paramref name="temperatureK"/> K, without an uncertainty.</summary>
    public static ConductivityPrediction Of(IConductivityModel model, double temperatureK) =>
        new(temperatureK - PhysicalConstants.ZeroCelsiusK, temperatureK, model.ConductivitySPerCm(temperatureK), null);
}

/// <summary>An Arrhenius fit as <c>transport fit --json</c> writes it; standard errors are null where undefined (two points).</summary>
/// <param name="Material">Material (file name or the YAML's name).</param>
/// <param name="Model"><c>arrhenius</c> (σT form) or <c>arrhenius-sigma</c>.</param>
/// <param name="Form">The equation fitted.</param>
/// <param name="Points">Number of data points.</param>
/// <param name="ActivationEnergyEv">Eₐ, eV.</param>
/// <param name="ActivationEnergyStderrEv">Standard error of Eₐ, eV.</param>
/// <param name="ActivationEnergyKjPerMol">Eₐ, kJ/mol.</param>
/// <param name="ActivationEnergyStderrKjPerMol">Standard error of Eₐ, kJ/mol.</param>
/// <param name="Prefactor">A (σT form) or σ₀ (σ form), in <paramref name="PrefactorUnit"/>.</param>
/// <param name="PrefactorUnit"><c>S*K/cm</c> or <c>S/cm</c>.</param>
/// <param name="LnPrefactorStderr">Standard error of ln A.</param>
/// <param name="RSquared">Coefficient of determination of the linearised fit.</param>
/// <param name="RmsLogResidual">RMS residual in ln σ (or ln σT).</param>
/// <param name="Predictions">Conductivity at the requested temperatures, with uncertainties.</param>
public sealed record ArrheniusFitReport(string Material, string Model, string Form, int Points,
    double ActivationEnergyEv, double? ActivationEnergyStderrEv, double ActivationEnergyKjPerMol, double? ActivationEnergyStderrKjPerMol,
    double Prefactor, string PrefactorUnit, double? LnPrefactorStderr, double RSquared, double RmsLogResidual,
    IReadOnlyList<ConductivityPrediction> Predictions)
{
    /// <summary>The report of <paramref name="fit"/>, predicting at <paramref name="temperaturesK"/> (K).</summary>
    public static ArrheniusFitReport From(string material, ArrheniusFit fit, IEnumerable<double> temperaturesK)
    {
        bool sigmaT = fit.Model.Form == ArrheniusForm.SigmaT;
        var predictions = temperaturesK.Select(t =>
        {
            var (s, rel) = fit.Predict(t);
            return new ConductivityPrediction(t - PhysicalConstants.ZeroCelsiusK, t, s, rel);
        }).ToList();
        return new ArrheniusFitReport(material, sigmaT ? "arrhenius" : "arrhenius-sigma",
            sigmaT ? "sigma*T = A*exp(-Ea/kT)" : "sigma = sigma0*exp(-Ea/kT)", fit.Points,
            fit.Model.ActivationEnergyEv, NullIfNaN(fit.ActivationEnergyStdErrEv),
            fit.Model.ActivationEnergyKjPerMol, NullIfNaN(fit.ActivationEnergyStdErrKjPerMol),
            fit.Model.Prefactor, sigmaT ? "S*K/cm" : "S/cm", NullIfNaN(fit.LnPrefactorStdErr), fit.RSquared, fit.RmsLogResidual, predictions);
    }

    internal static double? NullIfNaN(double v) => double.IsNaN(v) ? null : v;
}

/// <summary>A VTF fit as <c>transport fit --model vtf --json</c> writes it.</summary>
/// <param name="Material">Material (file name or the YAML's name).</param>
/// <param name="Model">Always <c>vtf</c>.</param>
/// <param name="Form">The equation fitted.</param>
/// <param name="Points">Number of data points.</param>
/// <param name="Sigma0">σ₀, in <paramref name="Sigma0Unit"/>.</param>
/// <param name="Sigma0Unit"><c>S*K^0.5/cm</c>.</param>
/// <param name="LnSigma0Stderr">Standard error of ln σ₀.</param>
/// <param name="BK">B, K.</param>
/// <param name="BStderrK">Standard error of B, K.</param>
/// <param name="T0K">T₀, K.</param>
/// <param name="T0StderrK">Standard error of T₀, K.</param>
/// <param name="PseudoActivationEnergyEv">k·B, eV.</param>
/// <param name="PseudoActivationEnergyStderrEv">Standard error of k·B, eV.</param>
/// <param name="RSquared">Coefficient of determination of ln(σ√T).</param>
/// <param name="RmsLogResidual">RMS residual of ln(σ√T).</param>
/// <param name="Predictions">Conductivity at the requested temperatures.</param>
public sealed record VtfFitReport(string Material, string Model, string Form, int Points,
    double Sigma0, string Sigma0Unit, double? LnSigma0Stderr, [property: JsonPropertyName("b_k")] double BK, double? BStderrK, double T0K, double? T0StderrK,
    double PseudoActivationEnergyEv, double? PseudoActivationEnergyStderrEv, double RSquared, double RmsLogResidual,
    IReadOnlyList<ConductivityPrediction> Predictions)
{
    /// <summary>The report of <paramref name="fit"/>, predicting at <paramref name="temperaturesK"/> (K).</summary>
    public static VtfFitReport From(string material, VtfFit fit, IEnumerable<double> temperaturesK) =>
        new(material, "vtf", "sigma = sigma0*T^-1/2*exp(-B/(T-T0))", fit.Points,
            fit.Model.Sigma0, "S*K^0.5/cm", ArrheniusFitReport.NullIfNaN(fit.LnSigma0StdErr),
            fit.Model.BK, ArrheniusFitReport.NullIfNaN(fit.BStdErrK), fit.Model.T0K, ArrheniusFitReport.NullIfNaN(fit.T0StdErrK),
            fit.Model.PseudoActivationEnergyEv, ArrheniusFitReport.NullIfNaN(fit.PseudoActivationEnergyStdErrEv),
            fit.RSquared, fit.RmsLogResidual, temperaturesK.Select(t => ConductivityPrediction.Of(fit.Model, t)).ToList());
}

/// <summary>Conductivities extrapolated from one measured value (<c>transport predict --json</c>).</summary>
/// <param name="Model">The Arrhenius model through the measured point.</param>
/// <param name="Predictions">Conductivity at each requested temperature.</param>
public sealed record ConductivityPredictionReport(ArrheniusModel Model, IReadOnlyList<ConductivityPrediction> Predictions);
