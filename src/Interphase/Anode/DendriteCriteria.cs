namespace Interphase.Anode;

/// <summary>Outcome of a dendrite criterion: driving and opposing energies per Li atom.</summary>
/// <param name="DrivingMev">Electrochemical driving energy per Li atom, meV.</param>
/// <param name="OpposingMev">Mechanical opposing energy per Li atom, meV.</param>
/// <param name="CriticalCurrentMaPerCm2">Current density at which they balance, mA/cm².</param>
public sealed record DendriteCriterion(double DrivingMev, double OpposingMev, double CriticalCurrentMaPerCm2)
{
    /// <summary>Net driving force Δμ = driving − opposing, meV per atom.</summary>
    public double NetMev => DrivingMev - OpposingMev;
    /// <summary>True when the driving force exceeds the opposing one (nucleation / growth predicted).</summary>
    public bool Proceeds => NetMev > 0;
}

/// <summary>
/// Dendrite criteria of the continuous root-growth picture (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5.1, Eq. 3–5, after Raj and
/// Wolfenstine, J. Power Sources 343, 119 (2017)).
/// </summary>
public static class DendriteCriteria
{
    private static double JoulePerMev => LithiumMetal.ElementaryCharge * 1e-3;

    /// <summary>Current focusing at a protrusion tip (St. Venant; Eq. 4): j_int = j·h/w, mA/cm².</summary>
    /// <param name="currentMaPerCm2">Average current density, mA/cm².</param>
    /// <param name="heightOverWidth">h/w: distance of the tip from the Li surface over the nucleus width.</param>
    public static double FocusedCurrentMaPerCm2(double currentMaPerCm2, double heightOverWidth)
    {
        if (!(currentMaPerCm2 >= 0)) throw new InterphaseException($"current {currentMaPerCm2} mA/cm² must not be negative");
        if (!(heightOverWidth > 0)) throw new InterphaseException($"h/w = {heightOverWidth} must be positive");
        return currentMaPerCm2 * heightOverWidth;
    }

    /// <summary>
    /// Growth driving force of an incipient dendrite (Eq. 5): Δμ = |e|·k_int·j·h/w − σ_F·Ω_Li; growth when Δμ &gt; 0.
    /// </summary>
    /// <param name="currentMaPerCm2">Average current density j, mA/cm².</param>
    /// <param name="interfaceAsrOhmCm2">Interfacial area-specific resistance k_int, Ω·cm².</param>
    /// <param name="heightOverWidth">h/w of the protrusion.</param>
    /// <param name="fractureStressMPa">Fracture stress σ_F of the electrolyte, MPa (after incipient growth the fracture toughness governs instead).</param>
    public static DendriteCriterion Growth(double currentMaPerCm2, double interfaceAsrOhmCm2, double heightOverWidth, double fractureStressMPa)
    {
        if (!(interfaceAsrOhmCm2 > 0)) throw new InterphaseException($"interfacial ASR {interfaceAsrOhmCm2} Ω·cm² must be positive");
        if (!(fractureStressMPa >= 0)) throw new InterphaseException($"fracture stress {fractureStressMPa} MPa must not be negative");
        double jInt = FocusedCurrentMaPerCm2(currentMaPerCm2, heightOverWidth);
        double drivingMev = interfaceAsrOhmCm2 * jInt;                           // Ω·cm² × mA/cm² = mV → meV per e
        double opposingMev = fractureStressMPa * 1e6 * LithiumMetal.AtomicVolumeM3 / JoulePerMev;
        return new DendriteCriterion(drivingMev, opposingMev, opposingMev / (interfaceAsrOhmCm2 * heightOverWidth));
    }

    /// <summary>
    /// Raj–Wolfenstine nucleation criterion (Eq. 3): |e|·j·ρ·d·f·(1 − α) ≥ 2γΩ/r_c + σ_F·Ω.
    /// </summary>
    /// <remarks>
    /// The review's symbol list is garbled; the meanings used here are those of the original paper: Ω is the atomic
    /// volume of Li (not a "density per volume"), γ is the Li/electrolyte interfacial energy in J/m² (not a "normal
    /// strain"), r_c is the radius of the critical Li embryo (not a diameter), d the grain size, α = d'/d the position
    /// of the grain boundary from the electrode, and f = 1 − ρ_d/ρ the fraction of the overall resistivity ρ that sits
    /// in the grain boundaries (ρ_d the grain-interior resistivity; the review prints "f = (1 − ρ_d/ρ)f"). The left
    /// side is the electrochemical energy per Li atom built up across the boundary, the right the energy to create the
    /// embryo's surface plus the work against the fracture stress.
    /// </remarks>
    /// <param name="currentMaPerCm2">Current density j, mA/cm².</param>
    /// <param name="resistivityOhmCm">Overall ionic resistivity ρ = 1/σ, Ω·cm.</param>
    /// <param name="grainSizeUm">Grain size d, µm.</param>
    /// <param name="interfacialEnergyJPerM2">γ, J/m².</param>
    /// <param name="embryoRadiusNm">r_c, nm.</param>
    /// <param name="fractureStressMPa">σ_F, MPa.</param>
    /// <param name="grainInteriorResistivityOhmCm">ρ_d, Ω·cm (null: f = 1, all resistivity in the boundaries).</param>
    /// <param name="alpha">α = d'/d in [0, 1).</param>
    public static DendriteCriterion RajWolfenstine(double currentMaPerCm2, double resistivityOhmCm, double grainSizeUm,
        double interfacialEnergyJPerM2, double embryoRadiusNm, double fractureStressMPa,
        double? grainInteriorResistivityOhmCm = null, double alpha = 0.0)
    {
        if (!(currentMaPerCm2 >= 0)) throw new InterphaseException($"current {currentMaPerCm2} mA/cm² must not be negative");
        if (!(resistivityOhmCm > 0)) throw new InterphaseException($"resistivity {resistivityOhmCm} Ω·cm must be positive");
        if (!(grainSizeUm > 0)) throw new InterphaseException($"grain size {grainSizeUm} µm must be positive");
        if (!(interfacialEnergyJPerM2 >= 0)) throw new InterphaseException($"interfacial energy {interfacialEnergyJPerM2} J/m² must not be negative");
        if (!(embryoRadiusNm > 0)) throw new InterphaseException($"embryo radius {embryoRadiusNm} nm must be positive");
        if (!(fractureStressMPa >= 0)) throw new InterphaseException($"fracture stress {fractureStressMPa} MPa must not be negative");
        if (!(alpha >= 0 && alpha < 1)) throw new InterphaseException($"alpha = {alpha} must be in [0, 1)");
        double f = 1.0;
        if (grainInteriorResistivityOhmCm is { } rd)
        {
            if (!(rd >= 0 && rd < resistivityOhmCm))
                throw new InterphaseException($"grain-interior resistivity {rd} Ω·cm must be in [0, ρ = {resistivityOhmCm})");
            f = 1.0 - rd / resistivityOhmCm;
        }
        // Potential per unit current: ρ (Ω·cm) · d (cm) · f · (1−α) → Ω·cm²; × mA/cm² → mV.
        double ohmCm2 = resistivityOhmCm * grainSizeUm * 1e-4 * f * (1 - alpha);
        double drivingMev = currentMaPerCm2 * ohmCm2;
        double omega = LithiumMetal.AtomicVolumeM3;
        double opposingMev = (2 * interfacialEnergyJPerM2 * omega / (embryoRadiusNm * 1e-9) + fractureStressMPa * 1e6 * omega) / JoulePerMev;
        return new DendriteCriterion(drivingMev, opposingMev, opposingMev / ohmCm2);
    }
}
