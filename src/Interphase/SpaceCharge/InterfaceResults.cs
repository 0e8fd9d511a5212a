namespace Interphase.SpaceCharge;

/// <summary>One side of an interface: its space-charge layer at equilibrium.</summary>
/// <param name="Role"><c>cathode</c> or <c>electrolyte</c>.</param>
/// <param name="Phase">Phase name.</param>
/// <param name="LiPotentialV">Li potential of the bulk used, V vs Li/Li⁺.</param>
/// <param name="LiPotentialSource">Where that potential comes from.</param>
/// <param name="EpsilonR">Relative permittivity used.</param>
/// <param name="MobileDensityPerCm3">Bulk Li⁺ density C0, cm⁻³.</param>
/// <param name="SiteDensityPerCm3">Li site density NS, cm⁻³.</param>
/// <param name="ElectronicCarrierDensityPerCm3">Electronic carrier density (mixed conductor), cm⁻³, or null.</param>
/// <param name="IonicConductivitySPerCm">Bulk Li⁺ conductivity, S/cm, or null.</param>
/// <param name="PotentialDropV">Potential at the contact relative to this phase's bulk, V (&gt; 0: Li⁺ depleted).</param>
/// <param name="SpaceChargeUcPerCm2">Space charge per area, µC/cm².</param>
/// <param name="WidthNm">Distance to within 1 % of the bulk Li⁺ density, nm.</param>
/// <param name="ScreeningLengthNm">Linear screening length, nm.</param>
/// <param name="SurfaceConcentrationPerCm3">Li⁺ concentration at the contact, cm⁻³.</param>
/// <param name="LiDepletion">1 − c(0)/C0 (positive: depleted, negative: accumulated).</param>
/// <param name="SpaceChargeResistanceOhmCm2">∫(1/σ(x) − 1/σ_bulk)dx, Ω·cm², or null without a conductivity.</param>
/// <param name="CapacitanceUfPerCm2">Differential capacitance of the layer, µF/cm².</param>
/// <param name="Profile">Profile from the contact (x = 0) into this phase.</param>
public sealed record InterfaceSide(
    string Role, string Phase, double LiPotentialV, string LiPotentialSource, double EpsilonR, double MobileDensityPerCm3,
    double SiteDensityPerCm3, double? ElectronicCarrierDensityPerCm3, double? IonicConductivitySPerCm, double PotentialDropV,
    double SpaceChargeUcPerCm2, double WidthNm, double ScreeningLengthNm, double SurfaceConcentrationPerCm3, double LiDepletion,
    double? SpaceChargeResistanceOhmCm2, double CapacitanceUfPerCm2, IReadOnlyList<ProfilePoint> Profile);

/// <summary>The buffer coating between cathode and electrolyte.</summary>
/// <param name="Phase">Coating name.</param>
/// <param name="ThicknessNm">Thickness, nm.</param>
/// <param name="LiPotentialV">Li potential of the coating's bulk, V vs Li/Li⁺.</param>
/// <param name="LiPotentialSource">Where that potential comes from.</param>
/// <param name="EpsilonR">Relative permittivity used.</param>
/// <param name="MobileDensityPerCm3">Bulk Li⁺ density, cm⁻³.</param>
/// <param name="SiteDensityPerCm3">Li site density, cm⁻³.</param>
/// <param name="IonicConductivitySPerCm">Bulk Li⁺ conductivity, S/cm, or null.</param>
/// <param name="PotentialAtCathodeV">Potential at the cathode contact relative to the coating's own bulk level, V.</param>
/// <param name="PotentialAtElectrolyteV">Potential at the electrolyte contact relative to the coating's bulk level, V.</param>
/// <param name="SpaceChargeUcPerCm2">Net charge inside the coating, µC/cm².</param>
/// <param name="MinimumConcentrationPerCm3">Lowest Li⁺ concentration inside the coating, cm⁻³.</param>
/// <param name="BulkResistanceOhmCm2">L/σ, Ω·cm², or null.</param>
/// <param name="TotalResistanceOhmCm2">∫dx/σ(x) across the coating with σ ∝ its Li⁺ concentration, Ω·cm², or null.</param>
/// <param name="SpaceChargeResistanceOhmCm2">Total minus L/σ: the coating's own space-charge part, Ω·cm², or null.</param>
/// <param name="GeometricCapacitanceUfPerCm2">ε/L, µF/cm².</param>
/// <param name="MeshNodes">Finite-difference nodes across the coating.</param>
/// <param name="Profile">Profile across the coating (x from the cathode contact).</param>
public sealed record CoatingLayerResult(
    string Phase, double ThicknessNm, double LiPotentialV, string LiPotentialSource, double EpsilonR, double MobileDensityPerCm3,
    double SiteDensityPerCm3, double? IonicConductivitySPerCm, double PotentialAtCathodeV, double PotentialAtElectrolyteV,
    double SpaceChargeUcPerCm2, double MinimumConcentrationPerCm3, double? BulkResistanceOhmCm2, double? TotalResistanceOhmCm2,
    double? SpaceChargeResistanceOhmCm2, double GeometricCapacitanceUfPerCm2, int MeshNodes, IReadOnlyList<ProfilePoint> Profile);

/// <summary>An interface at equilibrium: both (or all three) layers, the resistance and capacitance they add.</summary>
/// <param name="Cathode">Cathode name.</param>
/// <param name="Coating">Coating name, or null for a bare contact.</param>
/// <param name="Electrolyte">Electrolyte name.</param>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="DrivingPotentialV">V_cathode − V_electrolyte: the Li chemical-potential difference over e, V.</param>
/// <param name="CathodeSide">The cathode's layer.</param>
/// <param name="CoatingLayer">The coating, or null.</param>
/// <param name="ElectrolyteSide">The electrolyte's layer.</param>
/// <param name="TotalResistanceOhmCm2">Space-charge parts plus the coating's ∫dx/σ, Ω·cm², or null when a conductivity is missing.</param>
/// <param name="CapacitanceUfPerCm2">Series capacitance of the layers (coating counted as ε/L), µF/cm².</param>
/// <param name="ArcFrequencyHz">Apex frequency 1/(2πRC) of the impedance arc this interface would add, Hz, or null.</param>
/// <param name="NeutralityError">|ΣQ| / max|Q| of the solution.</param>
/// <param name="Iterations">Newton iterations (coated interface; 0 for a bare one).</param>
/// <param name="Notes">Validity remarks.</param>
public sealed record InterfaceResult(
    string Cathode, string? Coating, string Electrolyte, double TemperatureK, double DrivingPotentialV,
    InterfaceSide CathodeSide, CoatingLayerResult? CoatingLayer, InterfaceSide ElectrolyteSide,
    double? TotalResistanceOhmCm2, double CapacitanceUfPerCm2, double? ArcFrequencyHz, double NeutralityError, int Iterations,
    IReadOnlyList<string> Notes);

/// <summary>One thickness of a coating sweep.</summary>
/// <param name="ThicknessNm">Coating thickness, nm.</param>
/// <param name="CathodeSideOhmCm2">Cathode space-charge resistance, Ω·cm².</param>
/// <param name="CoatingOhmCm2">Coating ∫dx/σ(x), Ω·cm².</param>
/// <param name="ElectrolyteSideOhmCm2">Electrolyte space-charge resistance, Ω·cm².</param>
/// <param name="TotalResistanceOhmCm2">Sum, Ω·cm².</param>
/// <param name="ElectrolytePotentialDropV">Potential drop on the electrolyte side, V.</param>
/// <param name="ElectrolyteLiDepletion">1 − c(0)/C0 in the electrolyte.</param>
/// <param name="CapacitanceUfPerCm2">Series capacitance, µF/cm².</param>
public sealed record CoatingSweepRow(
    double ThicknessNm, double CathodeSideOhmCm2, double CoatingOhmCm2, double ElectrolyteSideOhmCm2, double TotalResistanceOhmCm2,
    double ElectrolytePotentialDropV, double ElectrolyteLiDepletion, double CapacitanceUfPerCm2);

/// <summary>A coating-thickness sweep and the thickness of least total resistance.</summary>
/// <param name="Cathode">Cathode name.</param>
/// <param name="Coating">Coating name.</param>
/// <param name="Electrolyte">Electrolyte name.</param>
/// <param name="Rows">One row per thickness (0 = bare contact).</param>
/// <param name="Optimum">The row of least total resistance, or null when every thickness blocks (infinite resistance).</param>
public sealed record CoatingSweep(string Cathode, string Coating, string Electrolyte, IReadOnlyList<CoatingSweepRow> Rows, CoatingSweepRow? Optimum)
{
    /// <summary>Runs the sweep over <paramref name="thicknessesNm"/> (needs the three conductivities).</summary>
    /// <exception cref="InterphaseException">Missing conductivity, bad thickness or a solver failure.</exception>
    public static CoatingSweep Run(InterfacePhase cathode, InterfacePhase coating, InterfacePhase electrolyte, double temperatureK,
        IReadOnlyList<double> thicknessesNm, Action<int>? progress = null, CancellationToken cancel = default)
    {
        if (thicknessesNm.Count == 0) throw new InterphaseException("the thickness sweep has no points");
        var rows = new List<CoatingSweepRow>();
        int done = 0;
        foreach (var t in thicknessesNm)
        {
            cancel.ThrowIfCancellationRequested();
            var r = InterfaceSolver.Solve(cathode, electrolyte, temperatureK, t > 0 ? coating : null, t, profilePoints: 4);
            double ra = r.CathodeSide.SpaceChargeResistanceOhmCm2 ?? throw new InterphaseException($"{cathode.Phase.Name}: no ionic conductivity for the resistance");
            double rb = r.ElectrolyteSide.SpaceChargeResistanceOhmCm2 ?? throw new InterphaseException($"{electrolyte.Phase.Name}: no ionic conductivity for the resistance");
            double rc = r.CoatingLayer is null ? 0 : r.CoatingLayer.TotalResistanceOhmCm2 ?? throw new InterphaseException($"{coating.Phase.Name}: no ionic conductivity for the resistance");
            rows.Add(new CoatingSweepRow(t, ra, rc, rb, ra + rb + rc, r.ElectrolyteSide.PotentialDropV, r.ElectrolyteSide.LiDepletion, r.CapacitanceUfPerCm2));
            progress?.Invoke(++done);
        }
        // The coating is needed only where it helps: the first of equal totals (thinnest) wins.
        var best = rows.Where(r => double.IsFinite(r.TotalResistanceOhmCm2)).OrderBy(r => r.TotalResistanceOhmCm2).ThenBy(r => r.ThicknessNm).FirstOrDefault();
        return new CoatingSweep(cathode.Phase.Name, coating.Phase.Name, electrolyte.Phase.Name, rows, best);
    }
}

/// <summary>JSON of <c>scl profile</c>: the parameters used (when taken from the table) and the result.</summary>
/// <param name="Parameters">Parameters with sources.</param>
/// <param name="Result">The layer.</param>
public sealed record SpaceChargeProfileReport(IReadOnlyList<ParameterRow> Parameters, SpaceChargeProfile Result);

/// <summary>JSON of <c>scl interface</c>: every parameter with its source, the interface and the optional sweep.</summary>
/// <param name="Parameters">Parameters with sources.</param>
/// <param name="Result">The interface at the given thickness.</param>
/// <param name="Sweep">The thickness sweep, or null.</param>
public sealed record SpaceChargeInterfaceReport(IReadOnlyList<ParameterRow> Parameters, InterfaceResult Result, CoatingSweep? Sweep);
