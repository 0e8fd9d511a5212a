namespace Interphase.Anode;

/// <summary>
/// Wetting of a solid electrolyte by Li from the work of adhesion, Young–Dupré: W_ad = γ_Li·(1 + cos θ)
/// (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.2: W_ad 0.10 J/m² on Li₂CO₃ → 142°, 0.67 J/m² on clean Al-LLZO → 62°).
/// </summary>
/// <remarks>
/// Equilibrium wetting of a flat, clean, inert surface; roughness, reaction and oxide skins on Li are ignored.
/// θ &lt; 90° is lithiophilic. W_ad ≥ 2γ gives complete wetting (0°), W_ad ≤ 0 no adhesion (180°).
/// </remarks>
public static class Wetting
{
    /// <summary>Contact angle, degrees, for a work of adhesion (J/m²) and Li surface energy (J/m²).</summary>
    public static double ContactAngleDeg(double workOfAdhesionJPerM2, double surfaceEnergyJPerM2 = LithiumMetal.SurfaceEnergyJPerM2)
    {
        if (!(surfaceEnergyJPerM2 > 0)) throw new InterphaseException($"Li surface energy {surfaceEnergyJPerM2} J/m² must be positive");
        if (double.IsNaN(workOfAdhesionJPerM2)) throw new InterphaseException("work of adhesion is not a number");
        double cos = Math.Clamp(workOfAdhesionJPerM2 / surfaceEnergyJPerM2 - 1.0, -1.0, 1.0);
        return Math.Acos(cos) * 180.0 / Math.PI;
    }

    /// <summary>Work of adhesion, J/m², that gives a contact angle (degrees).</summary>
    public static double WorkOfAdhesion(double contactAngleDeg, double surfaceEnergyJPerM2 = LithiumMetal.SurfaceEnergyJPerM2)
    {
        if (!(contactAngleDeg >= 0 && contactAngleDeg <= 180)) throw new InterphaseException($"contact angle {contactAngleDeg}° must be in [0, 180]");
        return surfaceEnergyJPerM2 * (1.0 + Math.Cos(contactAngleDeg * Math.PI / 180.0));
    }

    /// <summary>
    /// Lithiophilic: Li wets the surface, contact angle below 90° (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.2); at 90° and above it is lithiophobic.
    /// </summary>
    public static bool IsLithiophilic(double contactAngleDeg) => contactAngleDeg < LithiophilicBelowDeg;

    /// <summary>The contact angle (degrees) that divides lithiophilic from lithiophobic surfaces.</summary>
    public const double LithiophilicBelowDeg = 90;
}

/// <summary>Li wetting of one surface (<c>anode wetting --json</c>: one per work of adhesion).</summary>
/// <param name="WorkOfAdhesionJPerM2">Work of adhesion, J/m².</param>
/// <param name="SurfaceEnergyJPerM2">Li surface energy, J/m².</param>
/// <param name="ContactAngleDeg">Young–Dupré contact angle, degrees.</param>
/// <param name="Lithiophilic">True when the contact angle is below 90°.</param>
public sealed record WettingResult(double WorkOfAdhesionJPerM2, double SurfaceEnergyJPerM2, double ContactAngleDeg, bool Lithiophilic)
{
    /// <summary>Wetting for a work of adhesion and Li surface energy (J/m²).</summary>
    public static WettingResult Of(double workOfAdhesionJPerM2, double surfaceEnergyJPerM2)
    {
        double angle = Wetting.ContactAngleDeg(workOfAdhesionJPerM2, surfaceEnergyJPerM2);
        return new WettingResult(workOfAdhesionJPerM2, surfaceEnergyJPerM2, angle, Wetting.IsLithiophilic(angle));
    }
}
