using Interphase.Anode;
using Interphase.Anode.Interphases;
using Interphase.Reporting;

namespace Interphase.Stacks;

/// <summary>A layer's electrochemical stability window against the potentials it faces.</summary>
/// <param name="Layer">Layer name.</param>
/// <param name="Formula">Reduced formula.</param>
/// <param name="Role">electrolyte, cathode coating or anode interlayer.</param>
/// <param name="ReductionVolts">Reduction limit, V vs Li/Li+ (null: no zero-uptake segment).</param>
/// <param name="OxidationVolts">Oxidation limit, V vs Li/Li+ (null: none up to the highest voltage examined).</param>
/// <param name="FacesMinVolts">Lowest electrode potential the layer touches, V vs Li/Li+ (null: touches no electrode).</param>
/// <param name="FacesMaxVolts">Highest electrode potential the layer touches, V vs Li/Li+.</param>
/// <param name="Verdict">Within the window (ok), outside but protected or passivated (warning), outside (fail).</param>
/// <param name="Reason">Why.</param>
/// <param name="ProductsAtMin">Equilibrium products at the lowest potential faced (when outside the window).</param>
/// <param name="ProductsAtMax">Equilibrium products at the highest potential faced (when outside the window).</param>
public sealed record LayerWindow(string Layer, string Formula, string Role, double? ReductionVolts, double? OxidationVolts,
    double? FacesMinVolts, double? FacesMaxVolts, Verdict Verdict, string Reason,
    IReadOnlyList<string> ProductsAtMin, IReadOnlyList<string> ProductsAtMax);

/// <summary>The most exothermic point of one interface reaction.</summary>
/// <param name="Kind">"chemical" (closed), or "electrochemical" (open to Li at <paramref name="Volts"/>).</param>
/// <param name="Positive">Formula of the cathode-side reactant as used (e.g. the charged cathode).</param>
/// <param name="Negative">Formula of the anode-side reactant.</param>
/// <param name="Volts">Potential for electrochemical reactions, V vs Li/Li+.</param>
/// <param name="EnergyEvPerAtom">Reaction energy at the most exothermic kink, eV/atom of mixture.</param>
/// <param name="MixingFraction">Mixing fraction of the positive reactant at that kink.</param>
/// <param name="Products">Products (reduced formulas).</param>
/// <param name="Reaction">Balanced reaction.</param>
/// <param name="MixingEnergyEvPerAtom">Electrochemical only: the most exothermic energy of the two layers meeting once
/// each has equilibrated with Li on its own, eV/atom (the rest of <paramref name="EnergyEvPerAtom"/> is their own
/// decomposition at that potential).</param>
public sealed record ReactionSummary(string Kind, string Positive, string Negative, double? Volts, double EnergyEvPerAtom,
    double MixingFraction, IReadOnlyList<string> Products, string Reaction, double? MixingEnergyEvPerAtom = null);

/// <summary>A ranked remedy for a failing interface.</summary>
/// <param name="Formula">Candidate coating or interlayer.</param>
/// <param name="Score">Rank in the screen (1 = best).</param>
/// <param name="Summary">Each criterion's value.</param>
public sealed record Recommendation(string Formula, double Score, string Summary);

/// <summary>Everything found about one interface.</summary>
/// <param name="Interface">The interface.</param>
/// <param name="Reactions">Chemical and electrochemical reactions computed for it.</param>
/// <param name="Interphase">Interphase type with reasons (from the products' electronic character).</param>
/// <param name="Verdict">Overall verdict.</param>
/// <param name="Reasons">Why, one line each.</param>
/// <param name="Recommendations">Ranked coatings/interlayers when the verdict is not ok.</param>
public sealed record InterfaceAnalysis(StackInterface Interface, IReadOnlyList<ReactionSummary> Reactions,
    InterphaseClassification Interphase, Verdict Verdict, IReadOnlyList<string> Reasons, IReadOnlyList<Recommendation> Recommendations);

/// <summary>Li-metal anode checks: Monroe–Newman, stripping (void) limit against the current asked, pressure regime.</summary>
/// <param name="Applies">False when the anode is not Li metal (the checks then only inform).</param>
/// <param name="MonroeNewman">Stiffness check of the electrolyte touching Li (null when its modulus is unknown).</param>
/// <param name="Stripping">Critical stripping current at the stack pressure and temperature.</param>
/// <param name="CurrentDensityMaPerCm2">Current density asked, mA/cm².</param>
/// <param name="Verdict">Overall verdict.</param>
/// <param name="Reasons">Why, one line each.</param>
public sealed record MechanicsCheck(bool Applies, MonroeNewmanResult? MonroeNewman, StrippingLimit? Stripping,
    double CurrentDensityMaPerCm2, Verdict Verdict, IReadOnlyList<string> Reasons)
{
    /// <summary>Where the shear modulus of the Monroe–Newman check comes from (null when none was found).</summary>
    public string? ShearModulusSource { get; init; }
}

/// <summary>One line of the resistance budget.</summary>
/// <param name="Item">Layer or interface.</param>
/// <param name="AsrOhmCm2">Area-specific resistance, Ω·cm² (null when unknown).</param>
/// <param name="DropMv">Voltage drop at the stack's current density, mV (null when unknown).</param>
/// <param name="Source">Where the number comes from (input, knowledge base citation, or "unknown").</param>
public sealed record ResistanceItem(string Item, double? AsrOhmCm2, double? DropMv, string Source);

/// <summary>Cell-level energy of the stack against the review's liquid reference cell.</summary>
/// <param name="SpecificEnergyWhPerKg">Solid cell, Wh/kg.</param>
/// <param name="EnergyDensityWhPerL">Solid cell, Wh/L.</param>
/// <param name="ReferenceSpecificEnergyWhPerKg">Liquid reference, Wh/kg.</param>
/// <param name="ReferenceEnergyDensityWhPerL">Liquid reference, Wh/L.</param>
/// <param name="Basis">What was modelled and what was assumed.</param>
public sealed record EnergyComparison(double SpecificEnergyWhPerKg, double EnergyDensityWhPerL,
    double ReferenceSpecificEnergyWhPerKg, double ReferenceEnergyDensityWhPerL, string Basis);

/// <summary>The whole analysis of a <see cref="CellStack"/>.</summary>
public sealed class StackAnalysis
{
    /// <summary>The stack analysed.</summary>
    public required CellStack Stack { get; init; }
    /// <summary>Windows of each electrolyte, coating and interlayer.</summary>
    public required IReadOnlyList<LayerWindow> Windows { get; init; }
    /// <summary>Each interface from cathode to anode.</summary>
    public required IReadOnlyList<InterfaceAnalysis> Interfaces { get; init; }
    /// <summary>Li-metal anode checks.</summary>
    public required MechanicsCheck Mechanics { get; init; }
    /// <summary>Resistance budget of layers and interfaces.</summary>
    public required IReadOnlyList<ResistanceItem> Resistance { get; init; }
    /// <summary>Energy density against the liquid reference (null when the anode is not Li metal).</summary>
    public EnergyComparison? Energy { get; init; }
    /// <summary>Worst verdict over interfaces, windows and mechanics.</summary>
    public Verdict Overall =>
        Interfaces.Select(i => i.Verdict).Concat(Windows.Select(w => w.Verdict)).Append(Mechanics.Verdict).Max();
}
