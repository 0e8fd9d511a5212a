namespace Interphase.SpaceCharge;

/// <summary>
/// The material parameters of one phase in the space-charge model: a lattice gas of mobile Li⁺ on
/// <see cref="SiteDensityPerCm3"/> sites with a fixed compensating background of density <see cref="MobileDensityPerCm3"/>
/// (the bulk Li⁺ density), optional electronic screening (mixed conductors) and the Li⁺ conductivity used for the
/// space-charge resistance.
/// </summary>
/// <param name="Name">Display name (e.g. <c>LiCoO2</c>).</param>
/// <param name="EpsilonR">Static relative permittivity ε_r (dimensionless, &gt; 0).</param>
/// <param name="MobileDensityPerCm3">Bulk density of mobile Li⁺ C0, cm⁻³ (&gt; 0); the fixed background has the same density.</param>
/// <param name="SiteDensityPerCm3">Density of Li sites NS, cm⁻³ (&gt; C0: accumulation saturates at NS).</param>
/// <param name="ElectronicCarrierDensityPerCm3">
/// Density of electronic carriers that screen linearly (Debye–Hückel) in a mixed conductor, cm⁻³; null or 0 for an
/// electronic insulator.
/// </param>
/// <param name="IonicConductivitySPerCm">Bulk Li⁺ conductivity σ_bulk, S/cm, or null when unknown (no resistance then).</param>
public sealed record SpaceChargePhase(
    string Name, double EpsilonR, double MobileDensityPerCm3, double SiteDensityPerCm3,
    double? ElectronicCarrierDensityPerCm3 = null, double? IonicConductivitySPerCm = null)
{
    /// <summary>Bulk site occupancy θ0 = C0/NS.</summary>
    public double BulkOccupancy => MobileDensityPerCm3 / SiteDensityPerCm3;

    /// <summary>True when electronic carriers screen the charge (mixed conductor).</summary>
    public bool ScreensElectronically => ElectronicCarrierDensityPerCm3 is > 0;

    /// <summary>
    /// Checks the parameters and throws <see cref="InterphaseException"/> naming the first problem: ε ≤ 0, negative or
    /// zero densities, NS ≤ C0, negative conductivity, non-finite numbers.
    /// </summary>
    public SpaceChargePhase Validated()
    {
        string who = string.IsNullOrWhiteSpace(Name) ? "phase" : Name;
        void Finite(double v, string what)
        {
            if (!double.IsFinite(v)) throw new InterphaseException($"{who}: {what} is not a finite number");
        }
        Finite(EpsilonR, "relative permittivity ε_r");
        Finite(MobileDensityPerCm3, "mobile Li⁺ density");
        Finite(SiteDensityPerCm3, "Li site density");
        if (EpsilonR <= 0) throw new InterphaseException($"{who}: relative permittivity ε_r = {EpsilonR:G4} must be positive");
        if (MobileDensityPerCm3 <= 0) throw new InterphaseException($"{who}: mobile Li⁺ density {MobileDensityPerCm3:G4} cm⁻³ must be positive");
        if (SiteDensityPerCm3 <= 0) throw new InterphaseException($"{who}: Li site density {SiteDensityPerCm3:G4} cm⁻³ must be positive");
        if (SiteDensityPerCm3 <= MobileDensityPerCm3)
            throw new InterphaseException($"{who}: Li site density NS = {SiteDensityPerCm3:G4} cm⁻³ must exceed the mobile Li⁺ density C0 = {MobileDensityPerCm3:G4} cm⁻³ (a lattice gas needs vacant sites)");
        if (MobileDensityPerCm3 > 1e24 || SiteDensityPerCm3 > 1e24)
            throw new InterphaseException($"{who}: densities above 1e24 cm⁻³ are not physical for Li in a solid (check the unit: cm⁻³)");
        if (ElectronicCarrierDensityPerCm3 is { } n)
        {
            Finite(n, "electronic carrier density");
            if (n < 0) throw new InterphaseException($"{who}: electronic carrier density {n:G4} cm⁻³ must not be negative");
        }
        if (IonicConductivitySPerCm is { } s)
        {
            Finite(s, "ionic conductivity");
            if (s <= 0) throw new InterphaseException($"{who}: ionic conductivity {s:G4} S/cm must be positive");
        }
        return this;
    }
}
