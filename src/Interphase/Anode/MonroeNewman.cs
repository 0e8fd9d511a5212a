namespace Interphase.Anode;

/// <summary>Monroe–Newman assessment of an electrolyte's stiffness against Li dendrites.</summary>
/// <param name="ElectrolyteShearGpa">Shear modulus of the electrolyte, GPa.</param>
/// <param name="LithiumShearGpa">Shear modulus of Li used, GPa.</param>
/// <param name="Ratio">G_SE/G_Li.</param>
/// <param name="Passes">True when G_SE ≥ 2·G_Li (bulk, isotropic Li).</param>
/// <param name="PassesWithSofterGrainBoundaries">True when G_SE/2 ≥ 2·G_Li (grain boundaries up to 50 % softer).</param>
/// <param name="PassesStiffestLiOrientation">True when G_SE ≥ 2 × 11 GPa (Li (100), the stiffest orientation).</param>
/// <param name="Caveats">What the criterion leaves out, from the reviews.</param>
public sealed record MonroeNewmanResult(double ElectrolyteShearGpa, double LithiumShearGpa, double Ratio, bool Passes,
    bool PassesWithSofterGrainBoundaries, bool PassesStiffestLiOrientation, IReadOnlyList<string> Caveats)
{
    /// <summary>Where the electrolyte's shear modulus comes from (given, knowledge base or property data), when known.</summary>
    public string? ShearModulusSource { get; init; }
}

/// <summary>
/// Monroe–Newman criterion (J. Electrochem. Soc. 152, A396 (2005)): an electrolyte suppresses dendrites when its
/// shear modulus is at least twice that of Li. G = E/[2(1+ν)] (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5). G_Li ≈ 4 GPa
/// (isotropic polycrystalline Li). Glassy LPS (G = 7.1 GPa) fails; LLZO (~60 GPa, Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5) passes.
/// </summary>
public static class MonroeNewman
{
    /// <summary>Shear modulus G = E/[2(1+ν)], GPa, from Young's modulus (GPa) and Poisson's ratio.</summary>
    public static double ShearModulus(double youngsModulusGPa, double poissonRatio)
    {
        if (!(youngsModulusGPa > 0)) throw new InterphaseException($"Young's modulus {youngsModulusGPa} GPa must be positive");
        if (!(poissonRatio > -1 && poissonRatio < 0.5)) throw new InterphaseException($"Poisson's ratio {poissonRatio} must be in (−1, 0.5)");
        return youngsModulusGPa / (2.0 * (1.0 + poissonRatio));
    }

    /// <summary>Assesses an electrolyte of shear modulus <paramref name="electrolyteShearGPa"/> against Li.</summary>
    public static MonroeNewmanResult Assess(double electrolyteShearGPa, double lithiumShearGPa = LithiumMetal.ShearModulusGPa)
    {
        if (!(electrolyteShearGPa > 0)) throw new InterphaseException($"shear modulus {electrolyteShearGPa} GPa must be positive");
        if (!(lithiumShearGPa > 0)) throw new InterphaseException($"Li shear modulus {lithiumShearGPa} GPa must be positive");
        bool passes = electrolyteShearGPa >= 2 * lithiumShearGPa;
        bool gb = 0.5 * electrolyteShearGPa >= 2 * lithiumShearGPa;
        bool stiff = electrolyteShearGPa >= 2 * LithiumMetal.StiffestOrientationModulusGPa;
        var caveats = new List<string>
        {
            "Derived for a Li/polymer interface; not applicable to polycrystalline ceramics, which ignore microstructure (Sharafi et al.: CCD of Li6.25Al0.25La3Zr2O12 did not change with hardness; Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5.2, Banerjee et al., Chem. Rev. 120, 6878 (2020), §5).",
            "Dendrites still grow in stiff oxides (e.g. LLZO at ~0.5 mA/cm²) along grain boundaries, pores and cracks (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5, Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5).",
        };
        if (!gb)
            caveats.Add("Grain boundaries can be up to 50 % softer than the bulk (MD on tilt/twist boundaries; Banerjee et al., Chem. Rev. 120, 6878 (2020), §5, Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5.1): at half this modulus the criterion fails.");
        if (!stiff)
            caveats.Add("Li is anisotropic (1.5 GPa (111) to 11 GPa (100); Banerjee et al., Chem. Rev. 120, 6878 (2020), §5) and Li whiskers are stiffer than bulk (E 2.7–21 GPa; Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5.1): against the stiffest Li orientation the criterion fails.");
        return new MonroeNewmanResult(electrolyteShearGPa, lithiumShearGPa, electrolyteShearGPa / lithiumShearGPa, passes, gb, stiff, caveats);
    }
}
