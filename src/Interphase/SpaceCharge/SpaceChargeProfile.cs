namespace Interphase.SpaceCharge;

/// <summary>
/// The space-charge layer of one phase for a given surface potential: Debye length, integrated charge, width,
/// differential capacitance, the Li⁺ concentration at the interface, the space-charge resistance when the conductivity
/// is known, and the profile. Sign: a positive <see cref="PotentialV"/> means the interface is at a higher
/// electrostatic potential than the bulk, so Li⁺ is depleted there and the space charge is negative.
/// </summary>
/// <param name="Phase">Phase name.</param>
/// <param name="EpsilonR">Relative permittivity used.</param>
/// <param name="MobileDensityPerCm3">Bulk mobile Li⁺ density C0 used, cm⁻³.</param>
/// <param name="SiteDensityPerCm3">Li site density NS used, cm⁻³.</param>
/// <param name="ElectronicCarrierDensityPerCm3">Electronic carrier density used (mixed conductors), cm⁻³, or null.</param>
/// <param name="IonicConductivitySPerCm">Bulk Li⁺ conductivity used for the resistance, S/cm, or null.</param>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="PotentialV">Surface potential relative to the bulk, V.</param>
/// <param name="ReducedPotential">y = eψ/kT.</param>
/// <param name="DebyeLengthNm">√(εkT/(e²C0)), nm.</param>
/// <param name="ScreeningLengthNm">Linear screening length with the lattice-gas factor (1 − θ0) and electronic carriers, nm.</param>
/// <param name="SpaceChargeUcPerCm2">Integrated space charge per area, sign included, µC/cm².</param>
/// <param name="WidthNm">Distance at which the Li⁺ concentration is within 1 % of C0, nm.</param>
/// <param name="CapacitanceUfPerCm2">Differential capacitance −dQ/dψ, µF/cm².</param>
/// <param name="SurfaceConcentrationPerCm3">Li⁺ concentration at the interface, cm⁻³.</param>
/// <param name="SpaceChargeResistanceOhmCm2">∫(1/σ(x) − 1/σ_bulk)dx, Ω·cm², or null without a conductivity.</param>
/// <param name="ArcFrequencyHz">Apex frequency 1/(2πRC) of the arc this layer would give in impedance, Hz, or null.</param>
/// <param name="Notes">Validity remarks (continuum below the atomic scale, complete depletion, saturation).</param>
/// <param name="Profile">x, ψ and c from the interface into the bulk.</param>
public sealed record SpaceChargeProfile(
    string Phase, double EpsilonR, double MobileDensityPerCm3, double SiteDensityPerCm3, double? ElectronicCarrierDensityPerCm3,
    double? IonicConductivitySPerCm, double TemperatureK, double PotentialV, double ReducedPotential,
    double DebyeLengthNm, double ScreeningLengthNm, double SpaceChargeUcPerCm2, double WidthNm, double CapacitanceUfPerCm2,
    double SurfaceConcentrationPerCm3, double? SpaceChargeResistanceOhmCm2, double? ArcFrequencyHz,
    IReadOnlyList<string> Notes, IReadOnlyList<ProfilePoint> Profile)
{
    /// <summary>Smallest Debye length the continuum model is taken to describe quantitatively (about one Li–Li distance), nm.</summary>
    public const double AtomicScaleNm = 0.3;

    /// <summary>
    /// Resistances above this (Ω·cm²) are reported as +∞ (blocking): the linear-response integral then only says that
    /// the depleted layer blocks Li⁺, and its number (up to 1e30 and beyond) means nothing measurable.
    /// </summary>
    public const double BlockingOhmCm2 = 1e6;

    /// <summary>A resistance in Ω·cm², or +∞ above <see cref="BlockingOhmCm2"/>.</summary>
    public static double CapBlocking(double ohmCm2) => ohmCm2 > BlockingOhmCm2 ? double.PositiveInfinity : ohmCm2;

    /// <summary>Solves the layer of <paramref name="phase"/> for the surface potential <paramref name="potentialV"/>.</summary>
    /// <exception cref="InterphaseException">Bad parameters, or a potential beyond what the solver can represent.</exception>
    public static SpaceChargeProfile Solve(SpaceChargePhase phase, double potentialV, double temperatureK, int points = 200)
    {
        var layer = new SpaceChargeLayer(phase, temperatureK);
        return FromLayer(layer, potentialV, points);
    }

    internal static SpaceChargeProfile FromLayer(SpaceChargeLayer layer, double potentialV, int points = 200)
    {
        var phase = layer.Phase;
        double y = layer.Reduced(potentialV);
        double q = layer.ChargeCPerM2(potentialV);
        double c = layer.CapacitanceFPerM2(potentialV);
        double cs = layer.ConcentrationPerCm3(potentialV);
        double? r = phase.IonicConductivitySPerCm is { } s ? CapBlocking(layer.ResistanceOhmM2(potentialV, s * 100) * 1e4) : null;
        double? f = r is { } rr && rr > 0 && double.IsFinite(rr) ? 1 / (2 * Math.PI * rr * c * 1e-4) : null;
        return new SpaceChargeProfile(phase.Name, phase.EpsilonR, phase.MobileDensityPerCm3, phase.SiteDensityPerCm3,
            phase.ElectronicCarrierDensityPerCm3, phase.IonicConductivitySPerCm, layer.TemperatureK, potentialV, y,
            layer.DebyeLengthM * 1e9, layer.ScreeningLengthM * 1e9, q * 100, layer.WidthM(potentialV) * 1e9, c * 100, cs, r, f,
            ValidityNotes(layer, potentialV, cs), layer.Profile(potentialV, points));
    }

    internal static IReadOnlyList<string> ValidityNotes(SpaceChargeLayer layer, double potentialV, double surfaceConcentration)
    {
        var notes = new List<string>();
        var p = layer.Phase;
        if (layer.ScreeningLengthM * 1e9 < AtomicScaleNm)
            notes.Add($"{p.Name}: screening length {layer.ScreeningLengthM * 1e9:G2} nm is below the atomic scale (~{AtomicScaleNm} nm): the continuum model gives the trend and the order of magnitude, not atomistic detail");
        if (surfaceConcentration < 1e-3 * p.MobileDensityPerCm3)
            notes.Add($"{p.Name}: Li⁺ is depleted to {surfaceConcentration / p.MobileDensityPerCm3:G2} of the bulk at the interface (complete depletion): the layer blocks Li⁺ (resistance reported as infinite above 1e6 Ω·cm²)");
        if (surfaceConcentration > 0.99 * p.SiteDensityPerCm3)
            notes.Add($"{p.Name}: Li⁺ accumulation saturates at the site density ({p.SiteDensityPerCm3:G3} cm⁻³) at the interface");
        return notes;
    }
}
