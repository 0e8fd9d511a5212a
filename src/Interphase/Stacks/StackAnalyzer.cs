using Interphase.Anode;
using Interphase.Anode.Interphases;
using Interphase.Chemistry;
using Interphase.Knowledge;
using Interphase.Properties;
using Interphase.Reporting;
using Interphase.Thermodynamics;
using Interphase.Quantities;

namespace Interphase.Stacks;

/// <summary>Finds ranked coatings or interlayers for an interface that fails (implemented by the screening).</summary>
public interface IRemedyFinder
{
    /// <summary>The best <paramref name="count"/> candidates to put between the two layers of <paramref name="iface"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    IReadOnlyList<Recommendation> Find(CellStack stack, StackInterface iface, int count, CancellationToken cancellationToken = default);
}

/// <summary>Thresholds the verdicts use (eV/atom are per atom of the reacting mixture).</summary>
/// <param name="StrongReactionEvPerAtom">A chemical reaction more exothermic than this fails the interface.</param>
/// <param name="MildReactionEvPerAtom">A chemical reaction more exothermic than this is a warning.</param>
/// <param name="WindowToleranceVolts">Slack when comparing a window with an electrode potential, V.</param>
/// <param name="Recommendations">How many remedies to list for each interface that is not ok.</param>
public sealed record AnalysisOptions(double StrongReactionEvPerAtom = -0.2, double MildReactionEvPerAtom = -0.05,
    double WindowToleranceVolts = 0.01, int Recommendations = 5);

/// <summary>
/// Analyses a whole cell stack: each layer's window against the potentials it faces
/// (Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 3d), chemical and electrochemical reactions at each interface (§3.1), the
/// interphase type from the products' electronic character (Fig. 27), Li-metal mechanics (§5; Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2), the
/// resistance budget and the energy density against the liquid reference (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3), with a verdict per interface.
/// </summary>
/// <remarks>Electronic characters and shear moduli come from the knowledge base first, then from
/// <paramref name="properties"/> (band gaps, DFT moduli; null: <see cref="PropertySources.Default"/>, the entry store
/// or the shared property files).</remarks>
public sealed class StackAnalyzer(ThermoEngine engine, KnowledgeBase knowledge, IRemedyFinder? remedies = null, AnalysisOptions? options = null,
    IPropertySource? properties = null)
{
    private readonly AnalysisOptions _options = options ?? new AnalysisOptions();
    private readonly Lazy<ElectronicCharacterService> _characters = new(() =>
        new ElectronicCharacterService(knowledge.Products, properties ?? PropertySources.Default()), LazyThreadSafetyMode.ExecutionAndPublication);

    private ElectronicCharacterService Characters => _characters.Value;

    /// <summary>Runs every check on the stack.</summary>
    /// <exception cref="InterphaseException">A layer's chemical system has no data.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked between
    /// interfaces and inside the remedies' screen).</exception>
    public StackAnalysis Analyze(CellStack stack, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var interfaces = stack.Interfaces();
        // Windows and interfaces are independent queries on a thread-safe engine: run them on all cores.
        progress?.Report("stability windows and interface reactions");
        var windowsTask = Task.Run(() => LayerWindows(stack, interfaces));
        List<InterfaceAnalysis> analyses;
        try
        {
            analyses = interfaces.AsParallel().AsOrdered().WithCancellation(cancellationToken).Select(iface =>
            {
                progress?.Report($"interface {iface.Label}");
                return AnalyzeInterface(stack, iface, cancellationToken);
            }).ToList();
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.FirstOrDefault(e => e is InterphaseException) is { } user)
        {
            // PLINQ wraps the user's error (e.g. a layer without data); report it as documented.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(user);
            throw;
        }
        var windows = windowsTask.GetAwaiter().GetResult();
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report("mechanics and resistance");
        var spaceCharge = Interphase.SpaceCharge.StackSpaceCharge.Evaluate(stack);
        var resistance = StackBudget.Resistance(stack, knowledge, spaceCharge);
        return new StackAnalysis
        {
            Stack = stack,
            Windows = windows,
            Interfaces = analyses,
            Mechanics = MechanicsFor(stack),
            Resistance = resistance,
            ResistanceVerdict = StackBudget.Judge(stack, resistance),
            SpaceCharge = spaceCharge,
            Energy = StackEnergy.Evaluate(stack, knowledge),
        };
    }

    // ---- windows -------------------------------------------------------------------------------------------

    private List<LayerWindow> LayerWindows(CellStack stack, IReadOnlyList<StackInterface> interfaces)
    {
        var layers = new List<(string Name, Composition Composition, string Role)>();
        if (stack.CathodeCoating is { } c) layers.Add((c.Name, c.Composition, "cathode coating"));
        layers.AddRange(stack.Electrolytes.Select(e => (e.Name, e.Composition, "electrolyte")));
        if (stack.AnodeInterlayer is { } i) layers.Add((i.Name, i.Composition, "anode interlayer"));

        var result = new List<LayerWindow>();
        foreach (var (name, composition, role) in layers)
        {
            var window = engine.Window(composition);
            // Potential ranges the layer touches through each electrode-side interface, and whether an electronically
            // insulating coating/interlayer between it and the electrode shields that side.
            var exposures = interfaces
                .Where(f => f.Side != InterfaceSide.Internal && (f.PositiveName == name || f.NegativeName == name))
                .Select(f => new Exposure(f.MinVolts, f.MaxVolts,
                    (f.PositiveName == name ? f.NegativeRole : f.PositiveRole) is "cathode coating" or "anode interlayer"))
                .ToList();
            result.Add(JudgeWindow(name, composition, role, window, exposures) with
            {
                Basis = WindowBasis.Of(engine, composition, window),
                Sides = Sides(stack, name, interfaces),
            });
        }
        return result;
    }

    private sealed record Exposure(double MinVolts, double MaxVolts, bool Shielded);

    // The potential at each face of a layer and where it comes from: an electrode it touches, an electrode behind an
    // electronically insulating coating or interlayer, or nothing (another electrolyte, no electrode to set it).
    private static string Sides(CellStack stack, string name, IReadOnlyList<StackInterface> interfaces)
    {
        static string Range(double lo, double hi) => Math.Abs(hi - lo) < 1e-9 ? $"{lo:0.##} V" : $"{lo:0.##}–{hi:0.##} V";
        string Face(StackInterface? f, bool cathodeSide)
        {
            if (f is null) return "";
            string neighbour = cathodeSide ? f.PositiveName : f.NegativeName;
            string role = cathodeSide ? f.PositiveRole : f.NegativeRole;
            string side = cathodeSide ? "cathode side" : "anode side";
            return role switch
            {
                "cathode" => $"{side} {Range(f.MinVolts, f.MaxVolts)} from {neighbour} (its voltage range)",
                "anode" => $"{side} {Range(f.MinVolts, f.MaxVolts)} from {neighbour}",
                "cathode coating" => $"{side} {Range(f.MinVolts, f.MaxVolts)} of {stack.Cathode.Name} behind the {neighbour} coating (it blocks electrons)",
                "anode interlayer" => $"{side} {Range(f.MinVolts, f.MaxVolts)} of {stack.Anode.Name} behind the {neighbour} interlayer (it blocks electrons)",
                _ => $"{side} against {neighbour}: no electrode sets its potential",
            };
        }
        var towardCathode = interfaces.FirstOrDefault(f => f.NegativeName == name);
        var towardAnode = interfaces.FirstOrDefault(f => f.PositiveName == name);
        return string.Join("; ", new[] { Face(towardCathode, true), Face(towardAnode, false) }.Where(x => x.Length > 0));
    }

    private LayerWindow JudgeWindow(string name, Composition composition, string role, StabilityWindow window, List<Exposure> exposures)
    {
        double tol = _options.WindowToleranceVolts;
        double? red = window.ReductionVolts, ox = window.OxidationVolts;
        var atMin = new List<string>();
        var atMax = new List<string>();
        if (exposures.Count == 0)
            return new LayerWindow(name, composition.ReducedFormula, role, red, ox, null, null, Verdict.Info,
                "touches no electrode", atMin, atMax);
        var low = exposures.MinBy(e => e.MinVolts)!;
        var high = exposures.MaxBy(e => e.MaxVolts)!;
        double lo = low.MinVolts, hi = high.MaxVolts;

        bool reduced = red is null || lo < red.Value - tol;
        bool oxidised = red is null || (ox is { } o && hi > o + tol);
        if (reduced) atMin.AddRange(ProductsAt(window, lo));
        if (oxidised) atMax.AddRange(ProductsAt(window, hi));
        if (!reduced && !oxidised)
            return new LayerWindow(name, composition.ReducedFormula, role, red, ox, lo, hi, Verdict.Ok,
                $"window {Fmt(red)}–{Fmt(ox)} V covers {lo:0.##}–{hi:0.##} V", atMin, atMax);

        var problems = new List<string>();
        var verdicts = new List<Verdict>();
        void Judge(bool outside, string what, double limitVolts, double faces, IReadOnlyList<string> products, bool shielded)
        {
            if (!outside) return;
            bool conducting = products.Any(p => Characters.Classify(p).Electronic == ElectronicCharacter.Conducting);
            var gases = products.Where(p => Characters.Classify(p).Electronic == ElectronicCharacter.Gas).ToList();
            // Decomposition energy at the faced potential, eV/atom of the layer: ∫ Li uptake dV over the exceeded range.
            double drive = DrivingForce(window, composition, Math.Min(limitVolts, faces), Math.Max(limitVolts, faces));
            bool kinetic = conducting && drive < InterphaseClassifier.DefaultKineticThresholdEvPerAtom;
            string consequence = shielded
                ? "the coating/interlayer in between blocks electrons, so this is kinetically suppressed"
                : kinetic ? $"products conduct electrons, but the driving force ({drive * 1000:0} meV/atom) is below {InterphaseClassifier.DefaultKineticThresholdEvPerAtom * 1000:0} meV/atom: kinetically stabilised (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.1)"
                : conducting ? "products conduct electrons, so decomposition continues"
                : gases.Count > 0 ? $"{string.Join(", ", gases)} evolve(s) as gas, which does not passivate"
                : "products are electronic insulators and may passivate";
            verdicts.Add(shielded || kinetic ? Verdict.Warning : conducting ? Verdict.Fail : Verdict.Warning);
            string limit = double.IsNaN(limitVolts)
                ? "at any potential but the single one where its decomposition phases coexist (no zero-uptake range)"
                : $"{(what == "reduced" ? "below" : "above")} {limitVolts:0.00} V";
            problems.Add($"{what} {limit} (faces {faces:0.##} V) → {string.Join(" + ", products)}: {consequence}");
        }
        Judge(reduced, "reduced", red ?? double.NaN, lo, atMin, low.Shielded);
        Judge(oxidised && red is not null, "oxidised", ox ?? double.NaN, hi, atMax, high.Shielded);
        return new LayerWindow(name, composition.ReducedFormula, role, red, ox, lo, hi, verdicts.DefaultIfEmpty(Verdict.Warning).Max(),
            string.Join("; ", problems), atMin, atMax);
    }

    // |ΔΦ| between two potentials, eV per atom of the layer: the grand potential's slope is the Li uptake per formula unit.
    private static double DrivingForce(StabilityWindow window, Composition composition, double fromVolts, double toVolts)
    {
        if (double.IsNaN(fromVolts) || double.IsNaN(toVolts)) return double.PositiveInfinity;
        double sum = 0;
        foreach (var seg in window.Profile)
        {
            double overlap = Math.Min(seg.EndVolts ?? double.PositiveInfinity, toVolts) - Math.Max(seg.StartVolts, fromVolts);
            if (overlap > 0) sum += Math.Abs(seg.UptakePerFormulaUnit) * overlap;
        }
        return sum / composition.NumAtoms;
    }

    private static IReadOnlyList<string> ProductsAt(StabilityWindow window, double volts)
    {
        var seg = window.Profile.LastOrDefault(s => s.StartVolts <= volts + 1e-9) ?? window.Profile.FirstOrDefault();
        return seg?.ProductFormulas ?? [];
    }

    private static string Fmt(double? v) => v is null ? "—" : v.Value.ToString("0.00");

    // ---- interfaces ------------------------------------------------------------------------------------------

    private InterfaceAnalysis AnalyzeInterface(CellStack stack, StackInterface iface, CancellationToken cancellationToken)
    {
        var reactions = new List<ReactionSummary>();
        var reasons = new List<string>();
        bool positiveIsCathode = iface.PositiveRole == "cathode";
        // An electrochemical reaction needs electrons from an electrode: it drives the verdict only where an
        // electrode (or an electronically conducting layer) is one of the two partners.
        bool electrodeContact = iface.TouchesElectrode;

        reactions.Add(Summarise("chemical", iface.Positive, iface.Negative, null));
        if (positiveIsCathode)
            reactions.Add(Summarise("chemical (charged cathode)", stack.Cathode.ChargedComposition, iface.Negative, null));
        if (iface.Side == InterfaceSide.Cathode)
            reactions.Add(Summarise("electrochemical", iface.Positive, iface.Negative, iface.MaxVolts));
        else if (iface.Side == InterfaceSide.Anode && iface.NegativeRole == "anode" && stack.Anode.Kind != AnodeKind.LithiumMetal)
            reactions.Add(Summarise("electrochemical", iface.Positive, iface.Negative, iface.MinVolts));

        var chemical = reactions.Where(r => r.Volts is null).MinBy(r => r.EnergyEvPerAtom)!;

        InterphaseClassification interphase;
        // Behind an anode interlayer that blocks electrons (itself and once reduced by the anode), the layer is not
        // reduced electrochemically: only its chemical reaction with the interlayer counts.
        string shieldReason = "";
        bool shielded = iface.Side == InterfaceSide.Anode && iface.NegativeRole == "anode interlayer" && InterlayerBlocksElectrons(stack, out shieldReason);
        if (iface.NegativeRole == "anode interlayer" && !shielded)
        {
            shieldReason = InterlayerReason(stack);
            electrodeContact = true; // the interlayer carries the anode's electrons to this layer
        }
        if (shielded)
        {
            electrodeContact = false;
            reasons.Add($"the {iface.NegativeName} interlayer blocks electrons ({shieldReason}): {iface.PositiveName} is not reduced by the anode through it");
        }
        if (iface.Side == InterfaceSide.Anode && !shielded)
        {
            // The layer touching the anode is reduced to the equilibrium products at the anode's potential (Fig. 27).
            var window = engine.Window(iface.Positive);
            var basis = WindowBasis.Of(engine, iface.Positive, window);
            var products = ProductsAt(window, iface.MinVolts).ToList();
            bool withinWindow = window.ReductionVolts is { } r && iface.MinVolts >= r - _options.WindowToleranceVolts;
            // Through an electron-conducting interlayer the layer is reduced by the anode itself: its reaction with the
            // anode's composition is the driving force, not its reaction with the interlayer.
            double reduction = chemical.EnergyEvPerAtom;
            if (iface.NegativeRole == "anode interlayer")
            {
                var withAnode = Summarise("chemical", iface.Positive, stack.Anode.Composition, null);
                reduction = withAnode.EnergyEvPerAtom;
                reasons.Add($"the {iface.NegativeName} interlayer passes the anode's electrons on ({shieldReason}): reduced by {stack.Anode.Name} through it, {withAnode.EnergyEvPerAtom * 1000:0} meV/atom → {string.Join(" + ", withAnode.Products)}");
            }
            double energy = withinWindow ? 0 : Math.Min(reduction, 0);
            if (withinWindow) products.Clear();
            if (withinWindow && basis.Status == WindowDataStatus.AboveHull)
            {
                // Metastable: the window is that of its decomposition, which the layer itself tends to (Li3OCl → Li2O + LiCl).
                products = basis.PhaseFormulas.ToList();
                energy = -basis.EnergyAboveHullEvPerAtom!.Value;
                reasons.Add($"{basis.Explanation}; with Li those phases are stable, so the layer itself is what is metastable ({energy * 1000:0} meV/atom)");
            }
            interphase = InterphaseClassifier.Classify(
                new InterphaseInput(iface.PositiveName, products, energy, iface.MinVolts) { ReductionOnsetV = window.ReductionVolts ?? (window.StableSegment is null ? double.PositiveInfinity : null) },
                Characters);
        }
        else
        {
            // Open-system energies on this side include the cathode's own delithiation, so the interphase follows from
            // the chemical reactions; oxidation of the other layer is judged by its window.
            // On the cathode side the question is whether the layer between the cathode and the other layer blocks
            // electrons; the cathode's own (de)lithiated phases conduct anyway (see InterphaseInput.ElectrodeElements).
            var electrodeElements = positiveIsCathode
                ? stack.Cathode.Composition.Elements.Concat(stack.Cathode.ChargedComposition.Elements).Select(e => e.Symbol).ToHashSet(StringComparer.Ordinal)
                : null;
            interphase = InterphaseClassifier.Classify(
                new InterphaseInput(iface.Label, chemical.Products, chemical.EnergyEvPerAtom, iface.MaxVolts)
                    { ElectrodeElements = electrodeElements, ElectrodeName = positiveIsCathode ? stack.Cathode.Name : null }, Characters);
        }

        reasons.Add($"most exothermic chemical reaction: {chemical.EnergyEvPerAtom * 1000:0} meV/atom ({chemical.Kind}) → {string.Join(" + ", chemical.Products)}");
        foreach (var r in reactions.Where(r => r.Volts is not null))
            reasons.Add($"open to Li at {r.Volts:0.##} V vs Li/Li+: {r.EnergyEvPerAtom * 1000:0} meV/atom → {string.Join(" + ", r.Products)}"
                        + $" (of which {r.MixingEnergyEvPerAtom * 1000:0} meV/atom from the layers meeting, the rest each layer's own decomposition)"
                        + (electrodeContact ? "" : "; no electrode touches this interface, so it is electrochemically suppressed"));
        reasons.Add($"interphase: {Describe(interphase.Kind)} — {interphase.Reason}");

        // On the anode side the alloy or Li is a Li reservoir: the reduction products decide (Fig. 27), not the closed
        // reaction with the anode's composition.
        // An anode interlayer that reacts with the anode to conducting products (Au, Ag, Si, ZnO, SnO2, ... → Li alloys)
        // is converted into part of the anode: it is consumed, not a growing interphase; the layer behind it then
        // faces the anode's potential (judged at that interface).
        bool convertsIntoAnode = iface.PositiveRole == "anode interlayer" && iface.NegativeRole == "anode";
        var verdict = Judge(iface.Side == InterfaceSide.Anode && !shielded ? 0 : chemical.EnergyEvPerAtom, chemical.EnergyEvPerAtom, interphase,
            electrodeContact && !convertsIntoAnode, reasons,
            positiveIsCathode ? f => stack.Cathode.Composition.Elements.Concat(stack.Cathode.ChargedComposition.Elements).Select(e => e.Symbol).ToHashSet().IsSupersetOf(Elements(f)) : null,
            convertsIntoAnode);
        cancellationToken.ThrowIfCancellationRequested();
        var recs = verdict >= Verdict.Warning && remedies is not null
            ? remedies.Find(stack, iface, _options.Recommendations, cancellationToken)
            : (IReadOnlyList<Recommendation>)[];
        return new InterfaceAnalysis(iface, reactions, interphase, verdict, reasons, recs);
    }

    // The anode interlayer blocks electrons when it is an electronic insulator and stays one against the anode: within
    // its window at the anode's potential, or reduced only to insulating products.
    private bool InterlayerBlocksElectrons(CellStack stack, out string reason)
    {
        reason = InterlayerReason(stack);
        return reason.StartsWith("an electronic insulator", StringComparison.Ordinal);
    }

    private string InterlayerReason(CellStack stack)
    {
        var layer = stack.AnodeInterlayer!;
        var own = Characters.Classify(layer.Composition.ReducedFormula);
        if (own.Electronic != ElectronicCharacter.Insulating)
            return $"{layer.Composition.ReducedFormula} is {(own.Electronic == ElectronicCharacter.Conducting ? "an electronic conductor" : "of unknown electronic character")}: it passes the anode's electrons on";
        var window = engine.Window(layer.Composition);
        double v = stack.Anode.PotentialVolts;
        if (window.ReductionVolts is { } r && v >= r - _options.WindowToleranceVolts)
            return $"an electronic insulator within its window at {v:0.##} V";
        var products = ProductsAt(window, v);
        var conducting = products.Where(p => Characters.Classify(p).Electronic != ElectronicCharacter.Insulating).ToList();
        return conducting.Count == 0
            ? $"an electronic insulator, reduced by the anode to insulating {string.Join(", ", products)}"
            : $"reduced by the anode to {string.Join(", ", conducting)}, which {(conducting.Count == 1 ? "does" : "do")} not block electrons";
    }

    private static IEnumerable<string> Elements(string formula) =>
        FormulaParser.TryParse(formula, out var c, out _) ? c!.Elements.Select(e => e.Symbol) : [];

    private Verdict Judge(double chemicalEnergy, double shownEnergy, InterphaseClassification interphase, bool electrodeContact, List<string> reasons,
        Func<string, bool>? isElectrodePhase = null, bool interlayerOnAnode = false)
    {
        var kind = interphase.Kind;
        string energy = shownEnergy < 0 ? $"{StackReport.Mev(shownEnergy)} meV/atom" : "no driving force";
        // The electrode's own phases are not the interphase (they conduct as the electrode does).
        string Products(ElectronicCharacter c) => string.Join(", ", interphase.Products
            .Where(p => p.Electronic == c && (isElectrodePhase is null || !isElectrodePhase(p.Formula))).Select(p => p.Formula));
        // A conducting product only matters where it can carry an electrode's electrons into the electrolyte.
        if (kind == InterphaseKind.MixedConducting && electrodeContact)
        {
            reasons.Add($"fail: a mixed-conducting interphase keeps growing ({Products(ElectronicCharacter.Conducting)} conduct electrons; {energy})");
            return Verdict.Fail;
        }
        if (chemicalEnergy < _options.StrongReactionEvPerAtom)
        {
            reasons.Add($"fail: the layers react strongly ({energy}, beyond the {_options.StrongReactionEvPerAtom * 1000:0} meV/atom limit)");
            return Verdict.Fail;
        }
        if (kind == InterphaseKind.GasEvolution)
        {
            reasons.Add($"warning: {Products(ElectronicCharacter.Gas)} evolve(s) as gas ({energy}), so no passivating layer forms and the contact suffers");
            return Verdict.Warning;
        }
        if (kind is InterphaseKind.PassivatingSei or InterphaseKind.Undetermined || chemicalEnergy < _options.MildReactionEvPerAtom
            || kind == InterphaseKind.MixedConducting && interlayerOnAnode)
        {
            reasons.Add(kind switch
            {
                InterphaseKind.PassivatingSei => $"warning: reacts ({energy}), but the products passivate (they add interfacial resistance)",
                InterphaseKind.Undetermined => $"warning: reacts ({energy}); the electronic character of {Products(ElectronicCharacter.Unknown)} is unknown",
                InterphaseKind.MixedConducting when electrodeContact is false && interlayerOnAnode =>
                    $"warning: the interlayer is converted by the anode ({energy}) into products that conduct electrons ({Products(ElectronicCharacter.Conducting)}): it becomes part of the anode (a lithiophilic layer) and the layer behind it faces the anode's potential",
                InterphaseKind.MixedConducting => $"warning: reacts ({energy}) to products that conduct electrons ({Products(ElectronicCharacter.Conducting)}), but no electrode touches this interface to feed their growth",
                _ => $"warning: reacts ({energy}, beyond the {_options.MildReactionEvPerAtom * 1000:0} meV/atom limit for a negligible reaction)",
            });
            return Verdict.Warning;
        }
        reasons.Add(kind == InterphaseKind.KineticallyStabilised ? $"ok: kinetically stable (negligible driving force, {energy})" : "ok: stable");
        return Verdict.Ok;
    }

    /// <summary>Human name of an interphase kind.</summary>
    public static string Describe(InterphaseKind kind) => InterphaseClassifier.Describe(kind);

    private ReactionSummary Summarise(string kind, Composition positive, Composition negative, double? volts)
    {
        var reaction = engine.React(positive, negative, new ReactionOptions(Volts: volts));
        var min = reaction.MostExothermic;
        return new ReactionSummary(volts is null ? kind : $"{kind} at {volts:0.##} V", positive.ReducedFormula, negative.ReducedFormula, volts,
            min.EnergyPerAtom, min.X, min.Products.Select(p => p.ReducedFormula).Distinct().Order(StringComparer.Ordinal).ToList(),
            min.Reaction.ToString(), volts is null ? null : reaction.Kinks.Min(k => k.MixingEnergyPerAtom ?? 0));
    }

    // ---- mechanics -------------------------------------------------------------------------------------------

    private MechanicsCheck MechanicsFor(CellStack stack)
    {
        var reasons = new List<string>();
        bool applies = stack.Anode.Kind == AnodeKind.LithiumMetal;
        var touching = stack.AnodeInterlayer is null ? stack.Electrolytes[^1].Composition : stack.AnodeInterlayer.Composition;
        MonroeNewmanResult? mn = null;
        var shear = ShearModulusLookup.Find(touching.ReducedFormula, knowledge, Characters.Properties);
        // Monroe–Newman does not apply to polycrystalline garnets: dendrites grow along their grain boundaries and
        // pores whatever the shear modulus (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5.2).
        var touchingMaterial = knowledge.FindMaterial(touching.ReducedFormula)
            ?? knowledge.FindMaterial((stack.AnodeInterlayer is null ? stack.Electrolytes[^1].Name : stack.AnodeInterlayer.Name));
        bool polycrystallineGarnet = string.Equals(touchingMaterial?.Family, "garnet", StringComparison.OrdinalIgnoreCase);
        if (shear is { ShearModulusGpa: var g })
        {
            mn = MonroeNewman.Assess(g) with { ShearModulusSource = shear.Source };
            if (polycrystallineGarnet)
                reasons.Add($"Monroe–Newman: not applicable — G = {g:0.#} GPa ({shear.Source}) is above 2·G_Li = {2 * mn.LithiumShearGpa:0.#} GPa, but in polycrystalline garnets "
                            + "Li grows along grain boundaries and pores whatever the modulus, so the criterion neither passes nor fails it (Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.5.2)");
            else
                reasons.Add($"Monroe–Newman: G = {g:0.#} GPa ({shear.Source}) vs 2·G_Li = {2 * mn.LithiumShearGpa:0.#} GPa → {(mn.Passes ? "passes" : "fails")}"
                            + (mn.Passes && !mn.PassesWithSofterGrainBoundaries ? " (not with grain boundaries 50% softer)" : ""));
        }
        else reasons.Add($"Monroe–Newman: not evaluated, {ShearModulusLookup.Missing(touching.ReducedFormula, Characters.Properties)}");

        double tK = stack.TemperatureC + PhysicalConstants.ZeroCelsiusK;
        var strip = StrippingVoids.Assess(stack.StackPressureMpa, tK, stack.CurrentDensityMaPerCm2, touching);

        Verdict verdict;
        if (!applies)
        {
            verdict = Verdict.Info;
            // Alloys yield far above Li and do not creep into the electrolyte; they work even above 75 MPa (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3).
            reasons.Insert(0, $"{stack.Anode.Name} is not Li metal: no Li creep or stripping voids to check (alloy anodes work even above 75 MPa, Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.3)");
        }
        else
        {
            reasons.AddRange(strip.Reasons);
            if (strip.ShortCircuitRisk)
            {
                verdict = Verdict.Fail;
                reasons.Add($"fail: short-circuit risk from Li creeping into {touching.ReducedFormula} above {strip.Penetration!.MaxPressureMPa:0.##} MPa ({strip.Penetration.Citation})");
            }
            else if (strip.VoidFree == false)
            {
                verdict = Verdict.Fail;
                reasons.Add("fail: voids form on stripping at this current and pressure");
            }
            else if (strip.PenetrationCaution)
            {
                verdict = Verdict.Warning;
                reasons.Add($"warning: above the {strip.Penetration!.MaxPressureMPa:0.##} MPa where Li creeps into cold-pressed Li6PS5Cl; measured there only ({strip.Penetration.Citation})");
            }
            else if (!strip.WithinModelRange)
            {
                verdict = Verdict.Warning;
                reasons.Add("warning: the stripping limit at this pressure is outside the model's range, so void-free stripping is not shown");
            }
            else if (mn is { Passes: false } && !polycrystallineGarnet)
            {
                verdict = Verdict.Warning;
                reasons.Add("warning: softer than twice Li's shear modulus, dendrites are not mechanically suppressed");
            }
            else verdict = Verdict.Ok;
        }
        if (mn is not null && applies) reasons.AddRange(mn.Caveats.Take(2).Select(c => "caveat: " + c));
        return new MechanicsCheck(applies, mn, applies ? strip : null, stack.CurrentDensityMaPerCm2, verdict, reasons) { ShearModulusSource = shear?.Source };
    }
}
