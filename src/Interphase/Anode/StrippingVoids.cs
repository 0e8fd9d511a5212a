using Interphase.Chemistry;
using Interphase.Quantities;

namespace Interphase.Anode;

/// <summary>
/// Parameters of the three-flux balance at a stripping Li electrode. Both replenishing fluxes are written as
/// currents (mA/cm²) at a reference state and scaled with temperature (Arrhenius) and pressure (power-law creep).
/// </summary>
/// <remarks>
/// Physical meaning: j_diff = F·D_Li·c_Li/ℓ (Li self-diffusion over a length ℓ towards the interface, D_Li activated by
/// 50 kJ/mol, Banerjee et al., Chem. Rev. 120, 6878 (2020), §5) and j_creep = F·c_Li·h·ε̇ with power-law creep ε̇ ∝ p^n·exp(−Q_c/RT) (n = 6.56,
/// Q_c = 37 kJ/mol, Masias et al. 2019). The reference currents are calibrated, not measured: 0.1 mA/cm² without
/// stack pressure at 25 °C (void-free stripping limit of the order reported for Li|LLZO without pressure) and a
/// balance J_diff + J_creep = J_migration at 1 mA/cm² and 7 MPa (Kasemchainan et al., via Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3).
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
/// Void formation on stripping from the three-flux balance of Kasemchainan et al. (Nat. Mater. 2019; 001
/// §5.3, Figure 31; Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.4): the Li⁺ migration flux set by the current must be replenished by
/// vacancy (self-)diffusion in Li plus pressure-driven creep; voids grow when J_diffusion + J_creep &lt; J_migration.
/// </summary>
/// <remarks>
/// What the reviews report and this model reproduces with its default (calibrated) parameters: at 1 mA/cm², voids at
/// 0.5 and 3 MPa, a balance at 7 MPa, failure at 2 mA/cm² and 7 MPa (Kasemchainan). The temperature dependence is
/// that of diffusion and creep: from 30 to 160 °C the limit rises ~390-fold, comparable to the 280-fold rise of the
/// CCD of LLZO (50 µA/cm² → 14 mA/cm²) reported by Sharafi et al. (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5.2). Doux et al.'s observation (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3)
/// is a different failure: at high pressure (25 MPa slowly, 75 MPa at once) Li creeps into the pores of a cold-pressed
/// 87 %-dense Li6PS5Cl pellet and shorts it; it is reported as a note, not modelled. The review's claim that GPa
/// pressures would be needed for 10 mA/cm² (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.4) is not what a power-law creep with n = 6.56 gives (~10 MPa); the
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
            notes.Add("Doux et al.: at 25 MPa Li creeps into the pores of a cold-pressed (87 % dense) Li6PS5Cl pellet and shorts it with time; 75 MPa shorts it at once; 5 MPa was safe (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3).");
        else if (pressureMPa > 5)
            notes.Add("Doux et al.: above ~5 MPa Li may creep into open porosity of cold-pressed sulfide pellets (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3).");
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

    /// <summary>
    /// Highest stack pressure the creep term is calibrated for, MPa: Kasemchainan et al.'s three-electrode cells at
    /// 0.5, 3 and 7 MPa (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3). Above it the power law (n = 6.56) is extrapolated by orders of
    /// magnitude, so no critical current is reported there.
    /// </summary>
    public const double MaxModelPressureMPa = 7.0;

    /// <summary>
    /// The stripping verdict at a stack pressure, temperature and current against the electrolyte touching Li: above the
    /// pressure where Li creeps into that electrolyte's pores and cracks (<see cref="CreepPenetration.For"/>) the cell
    /// risks a short circuit and no stripping limit is given; above <see cref="MaxModelPressureMPa"/> the limit is
    /// outside the model's range and is not given either.
    /// </summary>
    /// <param name="pressureMPa">Stack pressure, MPa.</param>
    /// <param name="temperatureK">Temperature, K.</param>
    /// <param name="currentMaPerCm2">Stripping current asked, mA/cm² (null: none).</param>
    /// <param name="electrolyte">Composition of the layer touching Li (null: unknown).</param>
    /// <param name="parameters">Model parameters (default: the calibrated ones).</param>
    public static StrippingAssessment Assess(double pressureMPa, double temperatureK, double? currentMaPerCm2,
        Composition? electrolyte, StrippingParameters? parameters = null)
    {
        var raw = Limit(pressureMPa, temperatureK, parameters);
        var penetration = electrolyte is null ? null : CreepPenetration.For(electrolyte);
        var reasons = new List<string>();
        bool carriedOver = penetration is { Measured: false } && pressureMPa > penetration.MaxPressureMPa;
        if (carriedOver)
            reasons.Add($"caution: {pressureMPa:0.##} MPa is above the {penetration!.MaxPressureMPa:0.##} MPa where Li creeps into cold-pressed Li6PS5Cl; for {penetration.Family} electrolytes this is not measured ({penetration.Evidence}; {penetration.Citation})");
        if (penetration is { Measured: true } && pressureMPa > penetration.MaxPressureMPa)
        {
            reasons.Add($"short-circuit risk: at {pressureMPa:0.##} MPa, above {penetration.MaxPressureMPa:0.##} MPa, Li metal creeps into the pores and grain boundaries of {penetration.Family} electrolytes and shorts the cell ({penetration.Evidence}; {penetration.Citation})");
            reasons.Add($"no stripping limit is given: the void model assumes Li stays at the interface, which it does not at this pressure");
            return new StrippingAssessment(raw, null, true, null, null, penetration, reasons);
        }
        if (pressureMPa > MaxModelPressureMPa)
        {
            reasons.Add($"stripping limit not computed: {pressureMPa:0.##} MPa is beyond the creep model's calibrated range (0–{MaxModelPressureMPa:0} MPa, Kasemchainan et al., Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3)");
            return new StrippingAssessment(raw, null, false, null, null, penetration, reasons) { PenetrationCaution = carriedOver };
        }
        double critical = raw.CriticalMaPerCm2;
        reasons.Add($"stripping limit at {pressureMPa:0.##} MPa, {temperatureK - PhysicalConstants.ZeroCelsiusK:0} °C: {critical:0.###} mA/cm² (vacancy diffusion {raw.DiffusionMaPerCm2:0.###} + creep {raw.CreepMaPerCm2:0.###})"
                    + (currentMaPerCm2 is { } j0 ? $" vs {j0:0.###} mA/cm² asked" : ""));
        if (currentMaPerCm2 is not { } j || j <= 0 || raw.IsStable(j))
            return new StrippingAssessment(raw, critical, false, currentMaPerCm2 is { } j1 && j1 > 0 ? true : null, null, penetration, reasons) { PenetrationCaution = carriedOver };

        double needed = CriticalPressureMPa(j, temperatureK, parameters);
        // Show the needed pressure with enough digits that it never reads as the pressure already applied.
        string neededText = needed.ToString(needed - pressureMPa < 0.05 ? "0.###" : "0.#", System.Globalization.CultureInfo.InvariantCulture);
        double ceiling = Math.Min(MaxModelPressureMPa, penetration?.MaxPressureMPa ?? double.PositiveInfinity);
        string advice;
        if (penetration is not null && needed > penetration.MaxPressureMPa)
        {
            double best = Limit(penetration.MaxPressureMPa, temperatureK, parameters).CriticalMaPerCm2;
            advice = $"void-free stripping at {j:0.###} mA/cm² would need about {neededText} MPa, but above {penetration.MaxPressureMPa:0.##} MPa Li creeps into {penetration.Family} electrolytes and shorts the cell ({penetration.Citation}): "
                     + $"no safe pressure exists at this current; at {penetration.MaxPressureMPa:0.##} MPa keep it below {best:0.###} mA/cm²";
        }
        else if (needed > MaxModelPressureMPa)
            advice = $"void-free stripping at {j:0.###} mA/cm² needs more than the model's calibrated {MaxModelPressureMPa:0} MPa; at {ceiling:0.##} MPa keep the current below {Limit(ceiling, temperatureK, parameters).CriticalMaPerCm2:0.###} mA/cm²";
        else
            advice = $"about {neededText} MPa would be needed at this current (now {pressureMPa:0.##} MPa), or keep the current below {critical:0.###} mA/cm²";
        reasons.Add($"voids form on stripping: {advice}");
        return new StrippingAssessment(raw, critical, false, false, needed, penetration, reasons) { PenetrationCaution = carriedOver };
    }
}

/// <summary>The stripping verdict of <see cref="StrippingVoids.Assess"/>.</summary>
/// <param name="Model">The flux-balance numbers at this pressure and temperature (raw model, whatever its range).</param>
/// <param name="CriticalMaPerCm2">Critical stripping current, mA/cm²; null where the model does not hold (short-circuit
/// risk, or beyond its calibrated pressure).</param>
/// <param name="ShortCircuitRisk">True above the pressure where Li creeps into the electrolyte.</param>
/// <param name="VoidFree">Whether stripping at the current asked stays void-free (null: no current, or unknown).</param>
/// <param name="NeededPressureMPa">Pressure needed for void-free stripping at the current asked when it fails, MPa.</param>
/// <param name="Penetration">The creep-penetration bound of the electrolyte, when one is known.</param>
/// <param name="Reasons">What was found, one line each.</param>
public sealed record StrippingAssessment(StrippingLimit Model, double? CriticalMaPerCm2, bool ShortCircuitRisk, bool? VoidFree,
    double? NeededPressureMPa, CreepPenetrationLimit? Penetration, IReadOnlyList<string> Reasons)
{
    /// <summary>True when the model holds at this pressure (a critical current is given).</summary>
    public bool WithinModelRange => CriticalMaPerCm2 is not null;

    /// <summary>True above a creep-penetration bound that is carried over, not measured, for this electrolyte (a warning).</summary>
    public bool PenetrationCaution { get; init; }
}

/// <summary>The stack pressure above which Li metal creeps into an electrolyte family's pores and cracks.</summary>
/// <param name="Family">Electrolyte family (sulfide, halide).</param>
/// <param name="MaxPressureMPa">Highest pressure reported (or assumed) safe, MPa.</param>
/// <param name="Evidence">What was observed.</param>
/// <param name="Citation">Where (seed file and section), with "assumed" where the value is carried over.</param>
/// <param name="Measured">True when the bound was measured on this kind of electrolyte (cold-pressed Li6PS5Cl-like
/// argyrodites): above it the cell is at risk of a short circuit. False where it is carried over from there (other
/// sulfides, halides): above it a warning, with the source, not a failure.</param>
public sealed record CreepPenetrationLimit(string Family, double MaxPressureMPa, string Evidence, string Citation, bool Measured = true);

/// <summary>
/// Pressures above which Li creeps into an electrolyte's open porosity and grain boundaries (Doux et al., Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3):
/// known for cold-pressed sulfide pellets; carried over to halides, which are cold-pressed the same way. The reviews
/// report none for sintered oxides (garnet pellets are pressed against Li at up to 400 MPa, Wang et al., Adv. Energy Mater. 10, 2001318 (2020), Table 1).
/// </summary>
internal static class CreepPenetration
{
    /// <summary>Cold-pressed argyrodites (Li6PS5Cl, 87 % dense): 5 MPa did not short, 10 and 25 MPa shorted with time, 75 MPa at once.</summary>
    public static readonly CreepPenetrationLimit Argyrodite = new("argyrodite", 5.0,
        "Doux et al.: a cold-pressed Li6PS5Cl pellet shorted at once at 75 MPa and with time at 25 and 10 MPa; 5 MPa did not short",
        "Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3, Fig. 30");

    /// <summary>Other sulfides: the argyrodite's bound carried over (no pressure study of them is reported).</summary>
    public static readonly CreepPenetrationLimit Sulfide = new("sulfide", 5.0,
        "Doux et al. measured this on cold-pressed Li6PS5Cl only; carried over to other sulfides, which are cold-pressed alike",
        "carried over from Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3", Measured: false);

    /// <summary>Halides: assumed as for sulfides (the reviews report no pressure study for halides).</summary>
    public static readonly CreepPenetrationLimit Halide = new("halide", 5.0,
        "assumed as for cold-pressed sulfides (Doux et al.); halide pellets are cold-pressed the same way and no halide study is reported",
        "assumed from Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3", Measured: false);

    /// <summary>The bound for the family the composition belongs to (by its anions), or null when none is known.</summary>
    public static CreepPenetrationLimit? For(Composition electrolyte)
    {
        bool Has(string symbol) => electrolyte.Elements.Any(e => e.Symbol == symbol);
        // Argyrodites: Li, P, S and a halide (Li6PS5Cl, Li6PS5Br, Li5.5PS4.5Cl1.5), as Doux et al. measured.
        if (Has("Li") && Has("P") && Has("S") && (Has("Cl") || Has("Br") || Has("I")) && electrolyte.Elements.Count() == 4) return Argyrodite;
        if (Has("S") || Has("Se")) return Sulfide;
        if (!Has("O") && !Has("N") && (Has("Cl") || Has("Br") || Has("I") || Has("F"))) return Halide;
        return null;
    }
}

/// <summary>One row of <c>anode voids --json</c>: the model's fluxes only within its range, and the verdict.</summary>
/// <param name="PressureMpa">Stack pressure, MPa.</param>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="DiffusionMaPerCm2">Li supplied by self-diffusion, mA/cm² (null outside the model's range).</param>
/// <param name="CreepMaPerCm2">Li supplied by creep, mA/cm² (null outside the model's range).</param>
/// <param name="CriticalMaPerCm2">Critical stripping current, mA/cm² (null outside the model's range).</param>
/// <param name="CurrentMaPerCm2">Current asked, mA/cm².</param>
/// <param name="Stable">Void-free at that current (null: no current or not known).</param>
/// <param name="CriticalPressureMpa">Pressure needed for void-free stripping when it fails, MPa.</param>
/// <param name="ShortCircuitRisk">Above the pressure where Li creeps into the electrolyte.</param>
/// <param name="CreepPenetrationLimitMpa">That pressure, MPa, when known for the electrolyte given.</param>
/// <param name="Verdict">void-free, voids, short-circuit risk, outside model range, or the critical current alone.</param>
/// <param name="Reasons">Why, one line each.</param>
/// <param name="Notes">Caveats of the model at this pressure.</param>
public sealed record StrippingVoidsRow(double PressureMpa, double TemperatureK, double? DiffusionMaPerCm2, double? CreepMaPerCm2,
    double? CriticalMaPerCm2, double? CurrentMaPerCm2, bool? Stable, double? CriticalPressureMpa, bool ShortCircuitRisk,
    double? CreepPenetrationLimitMpa, string Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<string> Notes)
{
    /// <summary>The row for one assessment.</summary>
    public static StrippingVoidsRow From(StrippingAssessment a, double? current)
    {
        bool inRange = a.WithinModelRange;
        string verdict = a.ShortCircuitRisk ? "short-circuit risk"
            : !inRange ? "outside model range"
            : a.VoidFree is true ? "void-free"
            : a.VoidFree is false ? $"voids (needs ≥ {a.NeededPressureMPa:0.###} MPa)"
            : "";
        return new StrippingVoidsRow(a.Model.PressureMPa, a.Model.TemperatureK, inRange ? a.Model.DiffusionMaPerCm2 : null,
            inRange ? a.Model.CreepMaPerCm2 : null, a.CriticalMaPerCm2, current, a.VoidFree, a.NeededPressureMPa, a.ShortCircuitRisk,
            a.Penetration?.MaxPressureMPa, verdict, a.Reasons, a.Model.Notes);
    }
}
