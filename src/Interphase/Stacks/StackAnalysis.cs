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
    IReadOnlyList<string> ProductsAtMin, IReadOnlyList<string> ProductsAtMax)
{
    /// <summary>The potential at each face of the layer and how it was set (an electrode, an electrode behind a coating,
    /// or none).</summary>
    public string Sides { get; init; } = "";

    /// <summary>The potentials faced as text: one value when both ends are equal ("0 V"), else a range; "—" for none.</summary>
    public string FacesText => FacesMinVolts is not { } lo || FacesMaxVolts is not { } hi ? "—"
        : Math.Abs(hi - lo) < 1e-9 ? $"{lo:0.##} V" : $"{lo:0.##}–{hi:0.##} V";

    /// <summary>What the window stands on: the layer's own entry on the hull, an entry above it, or no entry.</summary>
    public Interphase.Thermodynamics.WindowBasis? Basis { get; init; }
}

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
/// <param name="Score">Score in the coating/interlayer screen, 0–1 (higher is better; see <c>Screening.ScoringModel</c>).</param>
/// <param name="Summary">Rank and score, the criteria that cost it, and the ASR the layer adds where its conductivity is known.</param>
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
/// <param name="Stripping">Stripping (void) verdict at the stack pressure and temperature, within the model's range and
/// the electrolyte's creep-penetration bound.</param>
/// <param name="CurrentDensityMaPerCm2">Current density asked, mA/cm².</param>
/// <param name="Verdict">Overall verdict.</param>
/// <param name="Reasons">Why, one line each.</param>
public sealed record MechanicsCheck(bool Applies, MonroeNewmanResult? MonroeNewman, StrippingAssessment? Stripping,
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

/// <summary>Cell-level energy of the stack (the model of <c>cell energy</c>) against the review's liquid reference cell.</summary>
/// <param name="SpecificEnergyWhPerKg">This stack, Wh/kg (null: not computed, see <paramref name="Missing"/>).</param>
/// <param name="EnergyDensityWhPerL">This stack, Wh/L (null: not computed).</param>
/// <param name="ReferenceSpecificEnergyWhPerKg">Liquid reference, Wh/kg.</param>
/// <param name="ReferenceEnergyDensityWhPerL">Liquid reference, Wh/L.</param>
/// <param name="Basis">What was modelled, or why it was not computed.</param>
/// <param name="Missing">Values that are missing to compute it (empty when computed).</param>
/// <param name="Assumptions">Defaults taken where the stack file gives no value.</param>
/// <param name="Densities">Each density used and where it came from.</param>
/// <param name="Cell">The cell evaluated (the same specification <c>cell energy</c> reads), when it could be built.</param>
/// <param name="Layers">Per-layer thickness and mass, when computed.</param>
public sealed record EnergyComparison(double? SpecificEnergyWhPerKg, double? EnergyDensityWhPerL,
    double ReferenceSpecificEnergyWhPerKg, double ReferenceEnergyDensityWhPerL, string Basis,
    IReadOnlyList<string> Missing, IReadOnlyList<string> Assumptions, IReadOnlyList<DensitySource> Densities,
    Interphase.Cell.CellSpec? Cell, IReadOnlyList<Interphase.Cell.LayerResult>? Layers);

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
    /// <summary>Energy of this stack against the liquid reference, or the values missing to compute it.</summary>
    public required EnergyComparison Energy { get; init; }
    /// <summary>Verdict on the resistance budget (ohmic drop against the allowed loss).</summary>
    public required CheckResult ResistanceVerdict { get; init; }

    /// <summary>Space-charge layers at the cathode-side interfaces (bare and coated), beside the resistance budget.</summary>
    public IReadOnlyList<Interphase.SpaceCharge.StackSpaceChargeEntry> SpaceCharge { get; init; } = [];

    /// <summary>
    /// Every check that sets the overall verdict, as the summary lists them: each layer's window, each interface, the
    /// Li-metal mechanics, the space-charge layers and the resistance budget.
    /// </summary>
    public IReadOnlyList<SummaryCheck> Summary =>
    [
        .. Windows.Select(w => new SummaryCheck("window", w.Layer, w.Verdict, WithoutVerdict(w.Reason))),
        .. Interfaces.Select(i => new SummaryCheck("interface", i.Interface.Label, i.Verdict,
            WithoutVerdict(i.Reasons.LastOrDefault(r => r.StartsWith("fail", StringComparison.Ordinal) || r.StartsWith("warning", StringComparison.Ordinal) || r.StartsWith("ok", StringComparison.Ordinal)) ?? ""))),
        new SummaryCheck("mechanics", Stack.Anode.Name, Mechanics.Verdict,
            WithoutVerdict(Mechanics.Reasons.LastOrDefault(r => r.StartsWith("fail", StringComparison.Ordinal) || r.StartsWith("warning", StringComparison.Ordinal))
            ?? Mechanics.Reasons.FirstOrDefault(r => r.StartsWith("stripping", StringComparison.Ordinal)) ?? Mechanics.Reasons.FirstOrDefault() ?? "")),
        .. SpaceCharge.Select(SpaceChargeCheck),
        new SummaryCheck("resistance", "electrolyte layers and interfaces", ResistanceVerdict.Verdict, WithoutVerdict(ResistanceVerdict.Reason)),
    ];

    // A blocking layer fails the stack; the bare contact of a coated stack is shown for comparison only.
    private SummaryCheck SpaceChargeCheck(Interphase.SpaceCharge.StackSpaceChargeEntry sc)
    {
        bool hypothetical = Stack.CathodeCoating is not null && sc.Interface.EndsWith("(without the coating)", StringComparison.Ordinal);
        if (sc.ResistanceOhmCm2 is null && sc.DrivingPotentialV is null)
            return new SummaryCheck("space charge", sc.Interface, Verdict.Info, sc.Basis);
        string dependence = sc.Dependence.Length > 0 ? $"; {sc.Dependence}" : "";
        if (sc.Blocking)
            return new SummaryCheck("space charge", sc.Interface, hypothetical ? Verdict.Info : Verdict.Fail,
                $"{(hypothetical ? "without the coating, " : "")}the electrolyte's layer is depleted of Li⁺ and blocks it ({sc.Basis}){dependence}");
        string r = sc.ResistanceOhmCm2 is { } x ? $"{x:0.###} Ω·cm²" : "resistance not computed";
        return new SummaryCheck("space charge", sc.Interface, hypothetical ? Verdict.Info : Verdict.Ok,
            $"not blocking: {sc.ElectrolyteWidthNm:0.##} nm, {r} ({sc.Basis}){dependence}");
    }

    // The summary shows the verdict in its own column: "fail: x" would repeat it.
    private static string WithoutVerdict(string reason)
    {
        foreach (var prefix in (string[])["fail: ", "warning: ", "ok: ", "info: "])
            if (reason.StartsWith(prefix, StringComparison.Ordinal)) return reason[prefix.Length..];
        return reason;
    }

    /// <summary>The worst verdict of the <see cref="Summary"/>.</summary>
    public Verdict Overall => Summary.Max(c => c.Verdict);
}

/// <summary>A verdict with its reason.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="Reason">Why.</param>
public sealed record CheckResult(Verdict Verdict, string Reason);

/// <summary>One line of the summary.</summary>
/// <param name="Check">window, interface, mechanics or resistance.</param>
/// <param name="Subject">The layer, interface or part of the stack checked.</param>
/// <param name="Verdict">Its verdict.</param>
/// <param name="Reason">Why, in one line.</param>
public sealed record SummaryCheck(string Check, string Subject, Verdict Verdict, string Reason);
