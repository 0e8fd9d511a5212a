namespace Interphase.Quantities;

/// <summary>
/// Ranges outside which an input value cannot describe a battery material, so a model would only turn a typo into a
/// number (a density of 1e-300 g/cm³ gives a layer of infinite thickness).
/// </summary>
public static class PhysicalLimits
{
    /// <summary>Lowest density accepted, g/cm³ (below any solid or liquid; aerogels reach about 0.003).</summary>
    public const double MinDensityGPerCm3 = 0.01;

    /// <summary>Highest density accepted, g/cm³ (the densest element, osmium, is 22.6).</summary>
    public const double MaxDensityGPerCm3 = 30;

    /// <summary>Highest electrode loading accepted, mg/cm² (10 g/cm²: a composite layer centimetres thick; practical ones are below 100).</summary>
    public const double MaxLoadingMgPerCm2 = 10_000;

    /// <summary>
    /// Largest potential accepted, V vs Li/Li+. The most oxidising couple, F2/F⁻, lies at 2.87 V vs SHE, i.e. 5.9 V vs
    /// Li/Li+ (Li/Li+ is −3.04 V vs SHE); 20 V holds every electrode and stability window with room, and keeps
    /// μ = −eV far from overflowing (1e308 V gave NaN energies).
    /// </summary>
    public const double MaxVoltsVsLi = 20;

    /// <summary>Why <paramref name="mgPerCm2"/> is not an electrode loading, or null when it is one.</summary>
    public static string? LoadingProblem(double mgPerCm2) =>
        double.IsFinite(mgPerCm2) && mgPerCm2 > 0 && mgPerCm2 <= MaxLoadingMgPerCm2
            ? null
            : $"must be a loading above 0 and at most {MaxLoadingMgPerCm2:N0} mg/cm² (got {mgPerCm2:G4})";

    /// <summary>Why <paramref name="gPerCm3"/> is not a density, or null when it is one.</summary>
    public static string? DensityProblem(double gPerCm3) =>
        double.IsFinite(gPerCm3) && gPerCm3 >= MinDensityGPerCm3 && gPerCm3 <= MaxDensityGPerCm3
            ? null
            : $"must be a density between {MinDensityGPerCm3} and {MaxDensityGPerCm3} g/cm³ (got {gPerCm3:G4})";
}
