namespace Interphase.Anode;

/// <summary>Constriction resistance of a Li|electrolyte contact at a stack load.</summary>
/// <param name="ForceN">Applied force F = p·A, N.</param>
/// <param name="ContactFraction">Real/apparent contact area, F/(H·A) (1 = full contact).</param>
/// <param name="FullContact">True when F/H ≥ A: Eq. 1 no longer applies and the constriction term vanishes.</param>
/// <param name="ResistanceOhm">Constriction resistance, Ω (0 at full contact).</param>
/// <param name="AsrOhmCm2">Area-specific resistance R·A, Ω·cm².</param>
public sealed record ConstrictionResult(double ForceN, double ContactFraction, bool FullContact, double ResistanceOhm, double AsrOhmCm2);

/// <summary>
/// Holm constriction resistance against stack load, Eq. 1 of the garnet review (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.3.2):
/// R_int = (ρ/2)·√(πH/F) = (1/(2σ))·√(πH_Li/F), with ρ = 1/σ the electrolyte's ionic resistivity and H the Vickers
/// hardness of Li (≤ 5 MPa), the softer partner that deforms.
/// </summary>
/// <remarks>
/// Eq. 1 is the spreading resistance of one circular contact spot of area F/H. With n equal spots sharing the
/// load (and far apart) it becomes (ρ/2)·√(πH/(nF)). It holds while the real contact area F/H is smaller than the
/// apparent area A; at F/H ≥ A ("not applicable at a very high force") the contact is full and only the bulk and
/// charge-transfer resistances remain; here the constriction term is then reported as 0.
/// </remarks>
public static class ConstrictionResistance
{
    /// <summary>Evaluates Eq. 1 at a stack pressure.</summary>
    /// <param name="pressureMPa">Stack pressure, MPa.</param>
    /// <param name="conductivitySPerCm">Ionic conductivity of the electrolyte, S/cm.</param>
    /// <param name="apparentAreaCm2">Apparent (electrode) area, cm².</param>
    /// <param name="hardnessMPa">Vickers hardness of Li, MPa.</param>
    /// <param name="spots">Number of equal contact spots (1 = Eq. 1 as written).</param>
    public static ConstrictionResult Evaluate(double pressureMPa, double conductivitySPerCm, double apparentAreaCm2 = 1.0,
        double hardnessMPa = LithiumMetal.VickersHardnessMPa, int spots = 1)
    {
        if (!(pressureMPa > 0)) throw new InterphaseException($"stack pressure {pressureMPa} MPa must be positive (Eq. 1 diverges at zero load)");
        if (!(conductivitySPerCm > 0)) throw new InterphaseException($"conductivity {conductivitySPerCm} S/cm must be positive");
        if (!(apparentAreaCm2 > 0)) throw new InterphaseException($"area {apparentAreaCm2} cm² must be positive");
        if (!(hardnessMPa > 0)) throw new InterphaseException($"hardness {hardnessMPa} MPa must be positive");
        if (spots < 1) throw new InterphaseException($"spots = {spots} must be at least 1");

        double force = pressureMPa * 1e6 * apparentAreaCm2 * 1e-4;
        double fraction = pressureMPa / hardnessMPa;
        if (fraction >= 1.0) return new ConstrictionResult(force, 1.0, true, 0.0, 0.0);
        double rhoOhmM = 1.0 / (conductivitySPerCm * 100.0);
        double r = rhoOhmM / 2.0 * Math.Sqrt(Math.PI * hardnessMPa * 1e6 / (spots * force));
        return new ConstrictionResult(force, fraction, false, r, r * apparentAreaCm2);
    }
}
