using Interphase.Anode.Interphases;
using Interphase.Cell;
using Interphase.Knowledge;
using Interphase.Reporting;
using Interphase.SpaceCharge;
using Interphase.Thermodynamics;

namespace Interphase.Stacks;

/// <summary>The JSON shape of a stack analysis: plain values only (formulas as strings, energies in eV/atom, V vs Li/Li+).</summary>
public static class StackJson
{
    /// <summary>The document of <c>interphase analyze --json</c> and <c>POST /api/analyze</c> for an analysis
    /// (serialise it with <see cref="JsonOutput.Options"/>).</summary>
    public static StackAnalysisJson From(StackAnalysis a)
    {
        var document = new StackAnalysisJson(
            a.Stack.Name, a.Overall, a.Summary,
            [.. a.Windows.Select(Window)],
            [.. a.Interfaces.Select(Interface)],
            Mechanics(a.Mechanics),
            a.Resistance,
            [.. a.SpaceCharge.Select(SpaceCharge)],
            Energy(a.Energy));
        // The reference list: every review the document cites, with its DOI.
        return document with { References = ReferenceJson.CitedIn(JsonOutput.Serialize(document)) };
    }

    private static StackWindowJson Window(LayerWindow w) => new(
        w.Layer, w.Formula, w.Role, w.ReductionVolts, w.OxidationVolts, w.FacesMinVolts, w.FacesMaxVolts, w.Sides,
        w.Verdict, w.Reason, w.ProductsAtMin, w.ProductsAtMax,
        w.Basis?.Status, w.Basis?.EnergyAboveHullEvPerAtom, w.Basis?.PhaseFormulas, w.Basis?.Explanation);

    private static StackInterfaceJson Interface(InterfaceAnalysis i) => new(
        i.Interface.Label, i.Interface.Side, i.Interface.MinVolts, i.Interface.MaxVolts,
        [.. i.Reactions.Select(r => new StackReactionJson(r.Kind, r.Positive, r.Negative, r.Volts, r.EnergyEvPerAtom,
            r.MixingEnergyEvPerAtom, r.MixingFraction, r.Products, r.Reaction))],
        InterphaseClassifier.Describe(i.Interphase.Kind), i.Interphase.Reason,
        [.. i.Interphase.Products.Select(p => new StackProductJson(p.Formula, p.Electronic, p.IonicConductor, p.Reason, p.BandGapEv, p.Citation))],
        i.Verdict, i.Reasons, i.Recommendations);

    private static StackMechanicsJson Mechanics(MechanicsCheck m) => new(
        m.Applies, m.MonroeNewman?.ElectrolyteShearGpa, m.ShearModulusSource, m.MonroeNewman?.Passes,
        m.Stripping?.CriticalMaPerCm2, m.Stripping?.WithinModelRange, m.Stripping?.ShortCircuitRisk,
        m.Stripping?.Penetration?.MaxPressureMPa, m.CurrentDensityMaPerCm2, m.Verdict, m.Reasons);

    // JSON has no infinity: a blocking layer is written as blocking = true with no resistance.
    private static StackSpaceChargeJson SpaceCharge(StackSpaceChargeEntry x) => new(
        x.Interface, x.DrivingPotentialV, x.ElectrolyteDropV, x.ElectrolyteWidthNm, x.ElectrolyteLiAtContact,
        x.ResistanceOhmCm2 is { } r && double.IsFinite(r) ? r : null,
        x.ResistanceOhmCm2 is { } rb && double.IsPositiveInfinity(rb),
        x.CapacitanceUfPerCm2, x.ArcFrequencyHz, x.Basis);

    private static StackEnergyJson Energy(EnergyComparison e) => new(
        e.SpecificEnergyWhPerKg, e.EnergyDensityWhPerL, e.ReferenceSpecificEnergyWhPerKg, e.ReferenceEnergyDensityWhPerL,
        e.Basis, e.Missing, e.Assumptions, e.Densities, e.Layers, e.Cell);
}

/// <summary>A whole stack analysis as <c>interphase analyze --json</c> and <c>POST /api/analyze</c> write it.</summary>
/// <param name="Stack">Stack name.</param>
/// <param name="Overall">The worst verdict of <paramref name="Summary"/>.</param>
/// <param name="Summary">Every check that sets the overall verdict, one line each.</param>
/// <param name="Windows">Window of each electrolyte, coating and interlayer.</param>
/// <param name="Interfaces">Each interface from cathode to anode.</param>
/// <param name="Mechanics">Li-metal anode checks.</param>
/// <param name="Resistance">Resistance budget of layers and interfaces.</param>
/// <param name="SpaceCharge">Space-charge layers at the cathode-side interfaces.</param>
/// <param name="Energy">Energy of the stack against the liquid reference cell.</param>
public sealed record StackAnalysisJson(string Stack, Verdict Overall, IReadOnlyList<SummaryCheck> Summary,
    IReadOnlyList<StackWindowJson> Windows, IReadOnlyList<StackInterfaceJson> Interfaces, StackMechanicsJson Mechanics,
    IReadOnlyList<ResistanceItem> Resistance, IReadOnlyList<StackSpaceChargeJson> SpaceCharge, StackEnergyJson Energy)
{
    /// <summary>The reviews the document cites, with authors, journal, year and DOI.</summary>
    public IReadOnlyList<ReferenceJson> References { get; init; } = [];
}

/// <summary>A layer's stability window against the potentials it faces (V vs Li/Li+).</summary>
/// <param name="Layer">Layer name.</param>
/// <param name="Formula">Reduced formula.</param>
/// <param name="Role">electrolyte, cathode coating or anode interlayer.</param>
/// <param name="ReductionVolts">Reduction limit, V vs Li/Li+ (absent: no zero-uptake segment).</param>
/// <param name="OxidationVolts">Oxidation limit, V vs Li/Li+ (absent: none up to the highest voltage examined).</param>
/// <param name="FacesMinVolts">Lowest electrode potential the layer touches, V vs Li/Li+ (absent: no electrode).</param>
/// <param name="FacesMaxVolts">Highest electrode potential the layer touches, V vs Li/Li+.</param>
/// <param name="Sides">The potential at each face and how it is set.</param>
/// <param name="Verdict">ok, warning or fail.</param>
/// <param name="Reason">Why.</param>
/// <param name="ProductsAtMin">Equilibrium products at the lowest potential faced (when outside the window).</param>
/// <param name="ProductsAtMax">Equilibrium products at the highest potential faced (when outside the window).</param>
/// <param name="DataStatus">What the window stands on: <c>on_hull</c>, <c>above_hull</c> or <c>no_entry</c>.</param>
/// <param name="EAboveHullEvPerAtom">Energy above the hull of the layer's lowest entry, eV/atom.</param>
/// <param name="WindowPhases">The phases the window was computed from.</param>
/// <param name="DataNote">What the window is of, in one sentence.</param>
public sealed record StackWindowJson(string Layer, string Formula, string Role, double? ReductionVolts, double? OxidationVolts,
    double? FacesMinVolts, double? FacesMaxVolts, string Sides, Verdict Verdict, string Reason,
    IReadOnlyList<string> ProductsAtMin, IReadOnlyList<string> ProductsAtMax,
    WindowDataStatus? DataStatus, double? EAboveHullEvPerAtom, IReadOnlyList<string>? WindowPhases, string? DataNote);

/// <summary>Everything found about one interface.</summary>
/// <param name="Interface">Interface label (<c>NCM811 | LiNbO3</c>).</param>
/// <param name="Side">Which electrode's potentials it sees: cathode, internal or anode.</param>
/// <param name="MinVolts">Lowest potential it sees, V vs Li/Li+.</param>
/// <param name="MaxVolts">Highest potential it sees, V vs Li/Li+.</param>
/// <param name="Reactions">Chemical and electrochemical reactions computed for it.</param>
/// <param name="Interphase">Interphase type as reports write it ("passivating", "mixed conducting", …).</param>
/// <param name="InterphaseReason">Why that type.</param>
/// <param name="Products">Electronic and ionic character of each product.</param>
/// <param name="Verdict">Overall verdict of the interface.</param>
/// <param name="Reasons">Why, one line each.</param>
/// <param name="Recommendations">Ranked coatings/interlayers when the verdict is not ok.</param>
public sealed record StackInterfaceJson(string Interface, InterfaceSide Side, double MinVolts, double MaxVolts,
    IReadOnlyList<StackReactionJson> Reactions, string Interphase, string InterphaseReason, IReadOnlyList<StackProductJson> Products,
    Verdict Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<Recommendation> Recommendations);

/// <summary>The most exothermic point of one interface reaction.</summary>
/// <param name="Kind">"chemical", "chemical (charged cathode)" or "electrochemical at … V".</param>
/// <param name="Positive">Formula of the cathode-side reactant as used.</param>
/// <param name="Negative">Formula of the anode-side reactant.</param>
/// <param name="PotentialV">Potential the reaction is open to Li at, V vs Li/Li+ (absent for a chemical reaction).</param>
/// <param name="ERxnEvPerAtom">Reaction energy, eV per atom of the reactant mixture.</param>
/// <param name="EMixingEvPerAtom">Electrochemical only: the part from the two layers meeting, eV/atom.</param>
/// <param name="X">Mixing fraction of the positive reactant, in atoms.</param>
/// <param name="Products">Products (reduced formulas).</param>
/// <param name="Reaction">Balanced reaction.</param>
public sealed record StackReactionJson(string Kind, string Positive, string Negative, double? PotentialV, double ERxnEvPerAtom,
    double? EMixingEvPerAtom, double X, IReadOnlyList<string> Products, string Reaction);

/// <summary>What is known of one interphase product.</summary>
/// <param name="Formula">Reduced formula.</param>
/// <param name="Electronic">Electronic character: insulating, conducting, gas or unknown.</param>
/// <param name="Ionic">True when it conducts Li+, false when it blocks Li+, absent when unknown.</param>
/// <param name="Reason">Why.</param>
/// <param name="BandGapEv">The band gap the character was decided from, eV (absent when it comes from the knowledge base).</param>
/// <param name="Citation">Seed file and section, or the property source of the band gap.</param>
public sealed record StackProductJson(string Formula, ElectronicCharacter Electronic, bool? Ionic, string Reason, double? BandGapEv, string Citation);

/// <summary>Li-metal anode checks.</summary>
/// <param name="Applies">False when the anode is not Li metal (the checks then only inform).</param>
/// <param name="ShearModulusGpa">Shear modulus of the electrolyte touching Li, GPa (absent when unknown).</param>
/// <param name="ShearModulusSource">Where that modulus comes from.</param>
/// <param name="MonroeNewmanPasses">Whether the electrolyte is stiff enough by Monroe–Newman.</param>
/// <param name="CriticalStrippingMaPerCm2">Critical stripping current, mA/cm² (absent where the model does not hold).</param>
/// <param name="StrippingWithinModelRange">Whether the stripping model holds at the stack pressure.</param>
/// <param name="ShortCircuitRisk">True above the pressure where Li creeps into the electrolyte.</param>
/// <param name="CreepPenetrationLimitMpa">That pressure, MPa, when known.</param>
/// <param name="CurrentDensityMaPerCm2">Current density asked, mA/cm².</param>
/// <param name="Verdict">Overall verdict of the checks.</param>
/// <param name="Reasons">Why, one line each.</param>
public sealed record StackMechanicsJson(bool Applies, double? ShearModulusGpa, string? ShearModulusSource, bool? MonroeNewmanPasses,
    double? CriticalStrippingMaPerCm2, bool? StrippingWithinModelRange, bool? ShortCircuitRisk, double? CreepPenetrationLimitMpa,
    double CurrentDensityMaPerCm2, Verdict Verdict, IReadOnlyList<string> Reasons);

/// <summary>The space-charge estimate for one cathode-side interface.</summary>
/// <param name="Interface">Interface label, bare or with the coating.</param>
/// <param name="DrivingPotentialV">V_cathode − V_electrolyte, V.</param>
/// <param name="ElectrolyteDropV">Potential drop on the electrolyte side, V.</param>
/// <param name="ElectrolyteWidthNm">Electrolyte space-charge width, nm.</param>
/// <param name="ElectrolyteLiAtContact">Li⁺ at the contact relative to the electrolyte bulk.</param>
/// <param name="ResistanceOhmCm2">Space-charge (and coating) resistance, Ω·cm² (absent when blocking or not computed).</param>
/// <param name="Blocking">True when a layer is depleted of Li⁺ and blocks (infinite resistance).</param>
/// <param name="CapacitanceUfPerCm2">Series capacitance, µF/cm².</param>
/// <param name="ArcFrequencyHz">Apex frequency of the arc it would add, Hz.</param>
/// <param name="Basis">What the numbers stand on, or why there are none.</param>
public sealed record StackSpaceChargeJson(string Interface, double? DrivingPotentialV, double? ElectrolyteDropV, double? ElectrolyteWidthNm,
    double? ElectrolyteLiAtContact, double? ResistanceOhmCm2, bool Blocking, double? CapacitanceUfPerCm2, double? ArcFrequencyHz, string Basis);

/// <summary>Cell-level energy of the stack against the review's liquid reference cell.</summary>
/// <param name="SpecificEnergyWhPerKg">This stack, Wh/kg (absent: not computed, see <paramref name="Missing"/>).</param>
/// <param name="EnergyDensityWhPerL">This stack, Wh/L.</param>
/// <param name="ReferenceSpecificEnergyWhPerKg">Liquid reference, Wh/kg.</param>
/// <param name="ReferenceEnergyDensityWhPerL">Liquid reference, Wh/L.</param>
/// <param name="Basis">What was modelled, or why it was not computed.</param>
/// <param name="Missing">Values missing to compute it.</param>
/// <param name="Assumptions">Defaults taken where the stack file gives no value.</param>
/// <param name="Densities">Each density used and where it came from.</param>
/// <param name="Layers">Per-layer thickness and mass, when computed.</param>
/// <param name="Cell">The cell evaluated (as <c>cell energy</c> reads it), when it could be built.</param>
public sealed record StackEnergyJson(double? SpecificEnergyWhPerKg, double? EnergyDensityWhPerL,
    double ReferenceSpecificEnergyWhPerKg, double ReferenceEnergyDensityWhPerL, string Basis,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Assumptions, IReadOnlyList<DensitySource> Densities,
    IReadOnlyList<LayerResult>? Layers, CellSpec? Cell);
