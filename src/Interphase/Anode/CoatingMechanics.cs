namespace Interphase.Anode;

/// <summary>Strain in a conformal coating on an electrode particle that changes volume.</summary>
/// <param name="VolumeChange">Fractional volume change of the particle (0.10 = +10 %).</param>
/// <param name="LinearStrain">Hoop (linear) strain of the coating, (1 + ΔV/V)^(1/3) − 1.</param>
/// <param name="ArealStrain">Areal strain of the coating, (1 + ΔV/V)^(2/3) − 1.</param>
public sealed record CoatingStrain(double VolumeChange, double LinearStrain, double ArealStrain);

/// <summary>Outcome of the cohesive-zone no-fracture rule.</summary>
/// <param name="ExpansionOk">|ΔV/V| &lt; 7.5 %.</param>
/// <param name="FractureEnergyOk">Electrolyte fracture energy &gt; 4 J/m².</param>
/// <param name="Notes">Context from the review.</param>
public sealed record FractureAssessment(bool ExpansionOk, bool FractureEnergyOk, IReadOnlyList<string> Notes)
{
    /// <summary>True when both conditions hold, so the composite is predicted not to fracture.</summary>
    public bool NoFracture => ExpansionOk && FractureEnergyOk;
}

/// <summary>
/// Mechanics of cathode coatings and composite cathodes (Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1 (5) and §4.2).
/// </summary>
public static class CoatingMechanics
{
    /// <summary>Largest particle expansion for no fracture in Bucci et al.'s cohesive-zone model (7.5 %).</summary>
    public const double MaxExpansion = 0.075;

    /// <summary>Smallest electrolyte fracture energy for no fracture in Bucci et al.'s model, J/m² (4 J/m²).</summary>
    public const double MinFractureEnergyJPerM2 = 4.0;

    /// <summary>
    /// Coating strain for a particle volume change, assuming a thin conformal shell that follows an isotropic
    /// expansion of the particle. 30 % gives 9.1 % linear strain, close to the review's "30 % → 10 %"; the review's
    /// "10 % → 1 %" is not consistent with this geometry (it gives 3.2 %) nor with its own 30 % value.
    /// </summary>
    public static CoatingStrain Strain(double volumeChange)
    {
        if (!(volumeChange > -1)) throw new InterphaseException($"volume change {volumeChange} must be greater than −1 (−100 %)");
        return new CoatingStrain(volumeChange, Math.Cbrt(1 + volumeChange) - 1, Math.Pow(1 + volumeChange, 2.0 / 3.0) - 1);
    }

    /// <summary>
    /// Cohesive-zone rule of Bucci et al. (via Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.2): a composite cathode does not fracture when the particles
    /// expand by less than 7.5 % and the solid electrolyte's fracture energy exceeds 4 J/m².
    /// </summary>
    public static FractureAssessment NoFractureRule(double volumeChange, double fractureEnergyJPerM2)
    {
        if (!(volumeChange > -1)) throw new InterphaseException($"volume change {volumeChange} must be greater than −1");
        if (!(fractureEnergyJPerM2 >= 0)) throw new InterphaseException($"fracture energy {fractureEnergyJPerM2} J/m² must not be negative");
        var notes = new List<string>();
        if (volumeChange < 0)
            notes.Add("Contraction: the rule is stated for expansion; shrinking particles open voids at the interface instead (Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1).");
        if (fractureEnergyJPerM2 <= MinFractureEnergyJPerM2)
            notes.Add("Sulfide glasses deform easily but crack easily: LPS glass has 2.8 ± 1.8 J/m² (Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.2).");
        if (Math.Abs(volumeChange) > 0.5)
            notes.Add("Alloying/conversion electrodes (> 50 % expansion) are expected to crack the electrolyte (Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.2).");
        return new FractureAssessment(Math.Abs(volumeChange) < MaxExpansion, fractureEnergyJPerM2 > MinFractureEnergyJPerM2, notes);
    }
}

/// <summary>Coating strain and, when a fracture energy is given, the no-fracture rule (<c>anode coating --json</c>).</summary>
/// <param name="Strain">Coating strain from the particle's volume change.</param>
/// <param name="Fracture">The cohesive-zone rule's outcome (null without a fracture energy).</param>
public sealed record CoatingReport(CoatingStrain Strain, FractureAssessment? Fracture)
{
    /// <summary>True when the rule predicts no fracture; null without a fracture energy.</summary>
    public bool? NoFracture => Fracture?.NoFracture;
}
