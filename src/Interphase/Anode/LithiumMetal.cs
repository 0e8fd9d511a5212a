using Interphase.Quantities;

namespace Interphase.Anode;

/// <summary>Properties of lithium metal used by the anode models, each with its source.</summary>
public static class LithiumMetal
{
    /// <summary>Elementary charge, C.</summary>
    public const double ElementaryCharge = 1.602176634e-19;

    /// <summary>Gas constant, J/(mol·K).</summary>
    public const double GasConstant = 8.314462618;

    /// <summary>Density, g/cm³ (handbook, 20 °C).</summary>
    public const double DensityGPerCm3 = 0.534;

    /// <summary>Molar mass, g/mol.</summary>
    public const double MolarMassGPerMol = 6.94;

    /// <summary>Atomic volume Ω = M/(ρ·N_A), m³ (≈ 2.16×10⁻²⁹ m³; 13.0 cm³/mol).</summary>
    public static double AtomicVolumeM3 => MolarMassGPerMol / DensityGPerCm3 * 1e-6 / 6.02214076e23;

    /// <summary>Molar concentration of Li atoms in the metal, mol/cm³.</summary>
    public static double MolarConcentrationPerCm3 => DensityGPerCm3 / MolarMassGPerMol;

    /// <summary>Melting point, K (180.5 °C).</summary>
    public const double MeltingPointK = 453.65;

    /// <summary>
    /// Surface energy of Li, J/m², used in Young–Dupré. 0.46 J/m² is the value that reproduces both pairs the garnet
    /// review quotes from DFT (W_ad 0.10 J/m² → 142°, 0.67 J/m² → 62°; Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.2); DFT surface
    /// energies of bcc Li facets are of this size.
    /// </summary>
    public const double SurfaceEnergyJPerM2 = 0.46;

    /// <summary>Shear modulus of isotropic polycrystalline Li, GPa (~4 GPa; Banerjee et al., Chem. Rev. 120, 6878 (2020), §5).</summary>
    public const double ShearModulusGPa = 4.0;

    /// <summary>Orientation range of Li's elastic modulus, GPa: 1.5 (111) to 11 (100) (Sakamoto et al., via Banerjee et al., Chem. Rev. 120, 6878 (2020), §5).</summary>
    public const double StiffestOrientationModulusGPa = 11.0;

    /// <summary>Yield strength of bulk Li, MPa (0.8 MPa; Banerjee et al., Chem. Rev. 120, 6878 (2020), §5, Doux et al.).</summary>
    public const double YieldStrengthMPa = 0.8;

    /// <summary>Upper bound of the Vickers hardness of Li, MPa (H_Li ≤ 5 MPa; Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.3.2).</summary>
    public const double VickersHardnessMPa = 5.0;

    /// <summary>Activation energy of Li self-diffusion, kJ/mol (50 kJ/mol; Banerjee et al., Chem. Rev. 120, 6878 (2020), §5).</summary>
    public const double SelfDiffusionActivationKjPerMol = 50.0;

    /// <summary>Power-law creep stress exponent of Li (6.56; Masias et al., J. Mater. Sci. 54, 2585 (2019), ref. 291 of Banerjee et al., Chem. Rev. 2020).</summary>
    public const double CreepStressExponent = 6.56;

    /// <summary>Power-law creep activation energy of Li, kJ/mol (37 kJ/mol; Masias et al. 2019).</summary>
    public const double CreepActivationKjPerMol = 37.0;
}
