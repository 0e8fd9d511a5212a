using Interphase.Quantities;

namespace Interphase.Transport;

/// <summary>A temperature law for ionic conductivity.</summary>
public interface IConductivityModel
{
    /// <summary>Ionic conductivity, S/cm, at <paramref name="temperatureK"/> K.</summary>
    double ConductivitySPerCm(double temperatureK);
}

/// <summary>Which Arrhenius form: the review's σ = (A/T)·exp(−Eₐ/kT) or the plain σ = σ₀·exp(−Eₐ/kT).</summary>
public enum ArrheniusForm
{
    /// <summary>σ·T = A·exp(−Eₐ/kT), A in S·K/cm (Xia et al., Xia et al., Chem 5, 753 (2019), Eq. 1).</summary>
    SigmaT,
    /// <summary>σ = σ₀·exp(−Eₐ/kT), σ₀ in S/cm (the form many papers fit; gives a slightly smaller Eₐ).</summary>
    Sigma,
}

/// <summary>
/// Arrhenius conductivity of a crystalline ion conductor (Xia et al., Chem 5, 753 (2019), Eq. 1; the review calls k the
/// "rate constant": it is Boltzmann's constant).
/// </summary>
/// <param name="Form">σT or plain σ form.</param>
/// <param name="Prefactor">A in S·K/cm (σT form) or σ₀ in S/cm (σ form).</param>
/// <param name="ActivationEnergyEv">Eₐ, eV.</param>
public sealed record ArrheniusModel(ArrheniusForm Form, double Prefactor, double ActivationEnergyEv) : IConductivityModel
{
    /// <summary>Eₐ in kJ/mol.</summary>
    public double ActivationEnergyKjPerMol => ActivationEnergyEv * PhysicalConstants.KjPerMolPerEv;

    /// <inheritdoc />
    public double ConductivitySPerCm(double temperatureK)
    {
        if (!(temperatureK > 0)) throw new InterphaseException($"temperature {temperatureK} K must be positive");
        double boltzmann = Math.Exp(-ActivationEnergyEv / (PhysicalConstants.BoltzmannEvPerK * temperatureK));
        return Form == ArrheniusForm.SigmaT ? Prefactor / temperatureK * boltzmann : Prefactor * boltzmann;
    }

    /// <summary>The model through one measured point (σ at T) with a known activation energy.</summary>
    public static ArrheniusModel Through(double temperatureK, double conductivitySPerCm, double activationEnergyEv,
        ArrheniusForm form = ArrheniusForm.SigmaT)
    {
        if (!(temperatureK > 0)) throw new InterphaseException($"temperature {temperatureK} K must be positive");
        if (!(conductivitySPerCm > 0)) throw new InterphaseException($"conductivity {conductivitySPerCm} S/cm must be positive");
        double boltzmann = Math.Exp(-activationEnergyEv / (PhysicalConstants.BoltzmannEvPerK * temperatureK));
        double prefactor = form == ArrheniusForm.SigmaT ? conductivitySPerCm * temperatureK / boltzmann : conductivitySPerCm / boltzmann;
        return new ArrheniusModel(form, prefactor, activationEnergyEv);
    }
}

/// <summary>
/// Vogel–Tammann–Fulcher conductivity of an amorphous (polymer, glass) conductor: σ = σ₀·T^(−1/2)·exp(−B/(T − T₀))
/// (Xia et al., Chem 5, 753 (2019), Eq. 2). B is in kelvin; k·B is the pseudo-activation energy.
/// </summary>
/// <param name="Sigma0">σ₀, S·K^½/cm.</param>
/// <param name="BK">B, K.</param>
/// <param name="T0K">T₀ (ideal glass transition / reference temperature), K.</param>
public sealed record VtfModel(double Sigma0, double BK, double T0K) : IConductivityModel
{
    /// <summary>Pseudo-activation energy k·B, eV.</summary>
    public double PseudoActivationEnergyEv => BK * PhysicalConstants.BoltzmannEvPerK;

    /// <inheritdoc />
    public double ConductivitySPerCm(double temperatureK)
    {
        if (!(temperatureK > T0K)) throw new InterphaseException($"VTF is defined above T0 = {T0K:G5} K, not at {temperatureK:G5} K");
        return Sigma0 / Math.Sqrt(temperatureK) * Math.Exp(-BK / (temperatureK - T0K));
    }
}
