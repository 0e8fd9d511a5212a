using Interphase.Quantities;

namespace Interphase.Anode;

/// <summary>
/// Parameters of the three-flux balance at a stripping Li electrode. Both replenishing fluxes are written as
/// currents (mA/cm²) at a reference state and scaled with temperature (Arrhenius) and pressure (power-law creep).
/// </summary>
/// <remarks>
/// Physical meaning: j_diff = F·D_Li·c_Li/ℓ (Li self-diffusion over a length ℓ towards the interface, D_Li activated by
/// 50 kJ/mol, 001 §5) and j_creep = F·c_Li·h·ε̇ with power-law creep ε̇ ∝ p^n·exp(−Q_c/RT) (n = 6.56,
/// Q_c = 37 kJ/mol, Masias et al. 2019). The reference currents are calibrated, not measured: 0.1 mA/cm² without
/// stack pressure at 25 °C (void-free stripping limit of the order reported for Li|LLZO without pressure) and a
/// balance J_diff + J_creep = J_migration at 1 mA/cm² and 7 MPa (Kasemchainan et al., via 001 §5.3).
/// </remarks>
public sealed record StrippingParameters
{
    /// <summary>Reference temperature, K.</summary>
    public double ReferenceTemperatureK { get; init; } = 298.15;
    /// <summary>Current carried by Li self-diffusion towards the interface at the reference temperature, mA/cm².</summary>
    public double DiffusionCurrentMaPerCm2 { get; init; } = 0.1;
    /// <summary>Activation energy of Li self-diffusion, kJ/mol.</summary>
    public double DiffusionActivationKjPerMol { get; init; } = LithiumMetal.SelfDiffusionActivationKjPerMol;
    /// <summary>Reference pressure for the creep current, MPa.</summary>
    public double ReferencePressureMPa { get; init; } = 7.0;
    /// <summary>Current carried by creep at the reference pressure and temperature, mA/cm².</summary>
    public double CreepCurrentMaPerCm2 { get; init; } = 0.9;
    /// <summary>Creep stress exponent n.</summary>
    public double CreepStressExponent { get; init; } = LithiumMetal.CreepStressExponent;
    /// <summary>Creep activation energy, kJ/mol.</summary>
    public double CreepActivationKjPerMol { get; init; } = LithiumMetal.CreepActivationKjPerMol;
}

/// <summary>Critical stripping current at one pressure and temperature.</summary>
/// <param name="PressureMPa">Stack pressure, MPa.</param>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="DiffusionMaPerCm2">Li supplied by self-diffusion, as a current, mA/cm².</param>
/// <param name="CreepMaPerCm2">Li supplied by creep, as a current, mA/cm².</param>
/// <param name="Notes">Caveats for this pressure (yield strength, creep into pores).</param>
public sealed record StrippingLimit(double PressureMPa, double TemperatureK, double DiffusionMaPerCm2, double CreepMaPerCm2,
    IReadOnlyList<string> Notes)
{
    /// <summary>Critical stripping current J_diff + J_creep, mA/cm²: above it voids form at the interface.</summary>
    public double CriticalMaPerCm2 => DiffusionMaPerCm2 + CreepMaPerCm2;

    /// <summary>True when stripping at <paramref name="currentMaPerCm2"/> keeps the interface void-free.</summary>
    public bool IsStable(double currentMaPerCm2) => currentMaPerCm2 <= CriticalMaPerCm2 * (1 + 1e-9);
}

/// <summary>
/// Void formation on stripping from the three-flux balance of Kasemchainan et al. (Nat. Mater. 2019; 001_9ddcaf3869a721a2.txt
/// §5.3, Figure 31; 004_2dd48e6c264f94e2.txt §2.4): the Li⁺ migration flux set by the current must be replenished by
/// vacancy (self-)diffusion in Li plus pressure-driven creep; voids grow when J_diffusion + J_creep &lt; J_migration.
/// </summary>
/// <remarks>
/// What the reviews report and this model reproduces with its default (calibrated) parameters: at 1 mA/cm², voids at
/// 0.5 and 3 MPa, a balance at 7 MPa, failure at 2 mA/cm² and 7 MPa (Kasemchainan). The temperature dependence is
/// that of diffusion and creep: from 30 to 160 °C the limit rises ~390-fold, comparable to the 280-fold rise of the
/// CCD of LLZO (50 µA/cm² → 14 mA/cm²) reported by Sharafi et al. (004 §2.5.2). Doux et al.'s observation (001 §5.3)
/// is a different failure: at high pressure (25 MPa slowly, 75 MPa at once) Li creeps into the pores of a cold-pressed
/// 87 %-dense Li6PS5Cl pellet and shorts it; it is reported as a note, not modelled. The review's claim that GPa
/// pressures would be needed for 10 mA/cm² (004 §2.4) is not what a power-law creep with n = 6.56 gives (~10 MPa); the
/// steep exponent is Masias et al.'s bulk value and real contacts creep less, so treat high-pressure limits as optimistic.
/// Not valid at or above the melting point of Li.
/// </remarks>
public static class StrippingVoids
{
    /// <summary>The critical stripping current at a stack pressure (MPa) and temperature (K).</summary>
    public static StrippingLimit Limit(double pressureMPa, double temperatureK, StrippingParameters? parameters = null)
    {
        var p = parameters ?? new StrippingParameters();
        if (!(pressureMPa >= 0)) throw new InterphaseException($"stack pressure {pressureMPa} MPa must not be negative");
        if (!(temperatureK > 0)) throw new InterphaseException($"temperature {temperatureK} K must be positive");
        if (temperatureK >= LithiumMetal.MeltingPointK)
            throw new InterphaseException($"temperature {temperatureK - PhysicalConstants.ZeroCelsiusK:G4} °C is at or above the melting point of Li (180.5 °C): the solid-state flux balance does not apply");
        double inv = 1.0 / temperatureK - 1.0 / p.ReferenceTemperatureK;
        double diff = p.DiffusionCurrentMaPerCm2 * Math.Exp(-p.DiffusionActivationKjPerMol * 1e3 / LithiumMetal.GasConstant * inv);
        double creep = p.CreepCurrentMaPerCm2 * Math.Pow(pressureMPa / p.ReferencePressureMPa, p.CreepStressExponent)
                       * Math.Exp(-p.CreepActivationKjPerMol * 1e3 / LithiumMetal.GasConstant * inv);

        var notes = new List<string>();
        if (pressureMPa < LithiumMetal.YieldStrengthMPa)
            notes.Add($"Below the yield strength of Li ({LithiumMetal.YieldStrengthMPa} MPa): little creep; Kasemchainan et al. saw voids on stripping at 0.5 MPa.");
        if (pressureMPa >= 25)
            notes.Add("Doux et al.: at 25 MPa Li creeps into the pores of a cold-pressed (87 % dense) Li6PS5Cl pellet and shorts it with time; 75 MPa shorts it at once; 5 MPa was safe (001 §5.3).");
        else if (pressureMPa > 5)
            notes.Add("Doux et al.: above ~5 MPa Li may creep into open porosity of cold-pressed sulfide pellets (001 §5.3).");
        return new StrippingLimit(pressureMPa, temperatureK, diff, creep, notes);
    }

    /// <summary>
    /// Lowest stack pressure, MPa, for void-free stripping at <paramref name="currentMaPerCm2"/> and temperature (K);
    /// 0 when diffusion alone suffices.
    /// </summary>
    public static double CriticalPressureMPa(double currentMaPerCm2, double temperatureK, StrippingParameters? parameters = null)
    {
        var p = parameters ?? new StrippingParameters();
        if (!(currentMaPerCm2 > 0)) throw new InterphaseException($"current {currentMaPerCm2} mA/cm² must be positive");
        var at0 = Limit(0, temperatureK, p);
        double need = currentMaPerCm2 - at0.DiffusionMaPerCm2;
        if (need <= 0) return 0;
        double creepAtRef = Limit(p.ReferencePressureMPa, temperatureK, p).CreepMaPerCm2;
        return p.ReferencePressureMPa * Math.Pow(need / creepAtRef, 1.0 / p.CreepStressExponent);
    }
}
