using Interphase.Knowledge;

namespace Interphase.Anode.Interphases;

/// <summary>Kind of electrolyte|Li-metal interface (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.1, Figure 27; Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.1).</summary>
public enum InterphaseKind
{
    /// <summary>No reaction with Li: a sharp, stable interface (Figure 27a; e.g. LiF, LiCl, Li3N, Li3P).</summary>
    Stable,
    /// <summary>Reaction energy close to zero: kinetically stable but usually poorly wetted (Figure 27d; LLZO).</summary>
    KineticallyStabilised,
    /// <summary>Products are all electronically insulating: a self-limiting, passivating SEI (Figure 27b; Li6PS5Cl, LPS).</summary>
    PassivatingSei,
    /// <summary>At least one product conducts electrons: a mixed-conducting interphase that keeps growing (Figure 27c; LGPS, LATP).</summary>
    MixedConducting,
    /// <summary>No conducting product is known, but some products' characters are unknown.</summary>
    Undetermined,
    /// <summary>A product is a gas (O2, Cl2, SO2, …): it evolves instead of forming a layer, so nothing passivates the interface.</summary>
    GasEvolution,
}

/// <summary>What the thermodynamics engine says about an electrolyte at the anode potential.</summary>
/// <param name="Electrolyte">Electrolyte formula or name.</param>
/// <param name="Products">Reduced formulas of the reduction products at the anode potential (empty: no reaction).</param>
/// <param name="ReactionEnergyEvPerAtom">Decomposition/reaction energy at the anode potential, eV/atom (≤ 0; 0 = stable).</param>
/// <param name="AnodePotentialV">Anode potential, V vs Li/Li⁺ (0 for Li metal).</param>
public sealed record InterphaseInput(string Electrolyte, IReadOnlyList<string> Products, double ReactionEnergyEvPerAtom, double AnodePotentialV = 0.0)
{
    /// <summary>
    /// Potential where the electrolyte starts to be reduced (its window's lower limit), V vs Li/Li⁺; null when unknown.
    /// When given, it decides kinetic stabilisation instead of the reaction energy (see <see cref="InterphaseClassifier"/>).
    /// </summary>
    public double? ReductionOnsetV { get; init; }

    /// <summary>
    /// On the cathode side: the cathode's elements. A product made only of them is one of the cathode's own
    /// (de)lithiated or reduced phases (LixCoO2, Li2MnO3, NiO, …), which conducts electrons or not as the cathode does:
    /// whether the interphase blocks electrons is decided by the products that take the electrolyte's elements, the
    /// layer between the cathode and the electrolyte. Null: every product counts (the anode side).
    /// </summary>
    public IReadOnlySet<string>? ElectrodeElements { get; init; }

    /// <summary>Name of the electrode of <see cref="ElectrodeElements"/>, for the reasons.</summary>
    public string? ElectrodeName { get; init; }

    /// <summary>True when <paramref name="formula"/> is made only of <see cref="ElectrodeElements"/>.</summary>
    public bool IsElectrodePhase(string formula) =>
        ElectrodeElements is { } els && Chemistry.FormulaParser.TryParse(formula, out var c, out _) && c!.Elements.All(e => els.Contains(e.Symbol));
}

/// <summary>Classification of an interface with its reasons.</summary>
/// <param name="Electrolyte">Electrolyte.</param>
/// <param name="Kind">Interface kind.</param>
/// <param name="Reason">One-line reason.</param>
/// <param name="Products">Character of each product from the knowledge base.</param>
/// <param name="Notes">Further remarks (e.g. products that would conduct if a kinetically stable interface reacted).</param>
public sealed record InterphaseClassification(string Electrolyte, InterphaseKind Kind, string Reason,
    IReadOnlyList<ProductCharacter> Products, IReadOnlyList<string> Notes);

/// <summary>
/// Classifies an electrolyte|Li interface from its reduction products and their electronic character
/// (Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 27): a pure function of what the thermodynamics engine and the knowledge
/// base provide.
/// </summary>
/// <remarks>
/// Rules, in order: (1) no products or a non-negative reaction energy → stable; (2) |reaction energy| below the
/// kinetic threshold → kinetically stabilised (the review: LLZO "decomposes close to 0 V" with "negligible
/// decomposition energy of −0.02 eV per atom"; the default threshold 0.05 eV/atom sits between LLZO's
/// −0.01…−0.02 eV/atom and the ≳0.1 eV/atom of reactive sulfides, e.g. LGPS −1.2 eV/atom); (3) any electronically
/// conducting product → mixed conducting; (4) any gaseous product (O2, Cl2, SO2, …) → gas evolution, never a
/// passivating layer; (5) any product of unknown character → undetermined; (6) otherwise a passivating SEI (noting
/// when no product is known to conduct Li⁺, which would make it blocking). Product characters come from an
/// <see cref="IProductCharacterSource"/>: the knowledge base, or <c>ElectronicCharacterService</c>, which adds band gaps.
/// When the reduction onset is known, rule (2) uses it instead of the energy: the energy each electron gains on
/// reduction at the anode is at most e·(onset − anode potential), so an electrolyte reduced only within
/// <see cref="KineticOnsetMarginV"/> of the anode is kinetically stabilised — the "decomposition close to 0 V" group
/// of Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26 (LLZO 0.05 V, LiAlO2 0.17 V; §5.1: a high barrier to break the metal–oxygen bonds), against
/// "reductive decomposition at voltages &gt; 0.5 V" for the unstable group. The per-atom energy cannot draw this line:
/// LiAlO2 releases −61 meV/atom at 0 V yet is kinetically stable, because many electrons each gain little.
/// </remarks>
public static class InterphaseClassifier
{
    /// <summary>Largest gap between reduction onset and anode potential, V, that still counts as kinetically stable
    /// (Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26: unstable electrolytes are reduced above 0.5 V vs Li/Li⁺).</summary>
    public const double KineticOnsetMarginV = 0.5;

    /// <summary>Default kinetic-stabilisation threshold on |reaction energy|, eV/atom.</summary>
    public const double DefaultKineticThresholdEvPerAtom = 0.05;

    /// <summary>Classifies one interface.</summary>
    public static InterphaseClassification Classify(InterphaseInput input, IProductCharacterSource characters,
        double kineticThresholdEvPerAtom = DefaultKineticThresholdEvPerAtom)
    {
        ArgumentNullException.ThrowIfNull(characters);
        if (double.IsNaN(input.ReactionEnergyEvPerAtom)) throw new InterphaseException($"{input.Electrolyte}: reaction energy is not a number");
        if (!(kineticThresholdEvPerAtom >= 0)) throw new InterphaseException($"kinetic threshold {kineticThresholdEvPerAtom} eV/atom must not be negative");

        var products = input.Products.Select(p => characters.Classify(p)).ToList();
        var notes = new List<string>();
        double e = input.ReactionEnergyEvPerAtom;
        if (e > 0) notes.Add($"positive reaction energy {e:G3} eV/atom read as no driving force");
        if (products.Count == 0 || e >= 0)
            return new(input.Electrolyte, InterphaseKind.Stable, $"no reduction products at {input.AnodePotentialV:G3} V vs Li/Li+", products, notes);

        var conducting = products.Where(p => p.Electronic == ElectronicCharacter.Conducting && !input.IsElectrodePhase(p.Formula)).ToList();
        var electrodeConductors = products.Where(p => p.Electronic == ElectronicCharacter.Conducting && input.IsElectrodePhase(p.Formula)).ToList();
        if (electrodeConductors.Count > 0)
            notes.Add($"{Names(electrodeConductors)} conduct(s) electrons but belong(s) to {input.ElectrodeName ?? "the electrode"}'s own chemical system "
                      + "(its (de)lithiated or reduced phases, which conduct anyway): the products with the electrolyte's elements decide whether the layer blocks electrons");
        var unknown = products.Where(p => p.Electronic == ElectronicCharacter.Unknown && !input.IsElectrodePhase(p.Formula)).ToList();
        // Kinetically stable: reduced only close to the anode (each electron gains little, Fig. 26), or with a low
        // decomposition energy overall ("a kinetically stable interface means there is a low decomposition energy
        // of SE with Li metal", §5.1) — as for doped garnets whose dopant alone is reduced from higher up.
        bool lowEnergy = Math.Abs(e) < kineticThresholdEvPerAtom;
        bool kinetic = input.ReductionOnsetV is { } onset
            ? onset - input.AnodePotentialV <= KineticOnsetMarginV + 1e-9 || lowEnergy
            : lowEnergy;
        if (input.ReductionOnsetV is { } on && !kinetic)
            notes.Add(double.IsFinite(on)
                ? $"reduced from {on:0.##} V, more than {KineticOnsetMarginV} V above the anode: not kinetically stabilised (Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26)"
                : "stable at no potential: not kinetically stabilised");
        if (kinetic)
        {
            if (conducting.Count > 0)
                notes.Add($"if it did react, {Names(conducting)} would conduct electrons and let the interphase grow");
            notes.Add("small driving force: expect poor wetting by Li (surface-energy mismatch, interfacial gaps); lithiophilic coatings help (Figure 27d–f)");
            return new(input.Electrolyte, InterphaseKind.KineticallyStabilised,
                input.ReductionOnsetV is { } v0 && v0 <= input.AnodePotentialV + 1e-9
                    ? $"not reduced at {input.AnodePotentialV:0.##} V: the {e * 1000:0} meV/atom is its own decomposition into {Names(products)} (metastable), with no electrons taken from the anode"
                : input.ReductionOnsetV is { } vHigh && vHigh - input.AnodePotentialV > KineticOnsetMarginV + 1e-9
                    ? $"reduced from {vHigh:0.##} V, but with a decomposition energy of only {e * 1000:0} meV/atom (below {kineticThresholdEvPerAtom * 1000:0} meV/atom): the low-energy, kinetically stable group of Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26 and §5.1"
                : input.ReductionOnsetV is { } v
                    ? $"reduced only from {v:0.##} V, within {KineticOnsetMarginV} V of the anode: each electron gains at most {Math.Max(0, v - input.AnodePotentialV):0.##} eV ({e * 1000:0} meV/atom), the kinetically stable group of Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26 with LLZO and LiAlO2 (§5.1)"
                    : $"|reaction energy| {Math.Abs(e):G3} eV/atom < {kineticThresholdEvPerAtom:G3} eV/atom", products, notes);
        }
        var gases = products.Where(p => p.Electronic == ElectronicCharacter.Gas).ToList();
        if (gases.Count > 0)
            notes.Add($"{Names(gases)} evolve(s) as gas: no protective layer forms from it, and gas at the interface costs contact");
        if (conducting.Count > 0)
            return new(input.Electrolyte, InterphaseKind.MixedConducting,
                $"electronically conducting product(s): {Names(conducting)}; the interphase keeps growing", products, notes);
        if (gases.Count > 0)
            return new(input.Electrolyte, InterphaseKind.GasEvolution,
                $"gaseous product(s): {Names(gases)} evolve instead of forming a passivating layer", products, notes);
        if (unknown.Count > 0)
            return new(input.Electrolyte, InterphaseKind.Undetermined,
                $"no known conducting product, but the character of {Names(unknown)} is unknown", products, notes);
        if (!products.Any(p => p.IonicConductor == true))
            notes.Add(products.All(p => p.IonicConductor == false)
                ? "no product is known to conduct Li+: the layer may block Li transport"
                : "Li+ conduction of the products is not known");
        var layer = products.Where(p => !input.IsElectrodePhase(p.Formula)).ToList();
        return new(input.Electrolyte, InterphaseKind.PassivatingSei,
            electrodeConductors.Count > 0 || layer.Count < products.Count
                ? $"the products that take the electrolyte's elements are electronic insulators ({Names(layer)}): an electron-blocking, self-limiting layer on {input.ElectrodeName ?? "the electrode"}"
                : $"all products electronically insulating ({Names(products)}): self-limiting SEI", products, notes);
    }

    /// <summary>The kind as reports write it: "stable", "kinetically stabilised", "passivating", "mixed conducting", …</summary>
    public static string Describe(InterphaseKind kind) => kind switch
    {
        InterphaseKind.Stable => "stable",
        InterphaseKind.KineticallyStabilised => "kinetically stabilised",
        InterphaseKind.PassivatingSei => "passivating",
        InterphaseKind.MixedConducting => "mixed conducting",
        InterphaseKind.GasEvolution => "gas evolution",
        _ => "undetermined",
    };

    private static string Names(IEnumerable<ProductCharacter> p) => string.Join(", ", p.Select(x => x.Formula));
}

/// <summary>
/// Product characters given explicitly (e.g. in an input file), falling back to another source (the knowledge base)
/// for formulas not listed.
/// </summary>
internal sealed class ProductCharacterOverrides : IProductCharacterSource
{
    private readonly Dictionary<string, ProductCharacter> _given;
    private readonly IProductCharacterSource? _fallback;

    /// <summary>Creates the source from explicit characters and an optional fallback.</summary>
    public ProductCharacterOverrides(IEnumerable<ProductCharacter> given, IProductCharacterSource? fallback = null)
    {
        _given = given.ToDictionary(p => p.Formula, StringComparer.Ordinal);
        _fallback = fallback;
    }

    /// <inheritdoc />
    public ProductCharacter Classify(string reducedFormula) =>
        _given.TryGetValue(reducedFormula, out var p) ? p
        : _fallback?.Classify(reducedFormula)
          ?? new ProductCharacter(reducedFormula, ElectronicCharacter.Unknown, null, "not in the input or knowledge base", "");
}

/// <summary>A classified electrolyte|Li interface as <c>anode classify --json</c> writes it.</summary>
/// <param name="Electrolyte">Electrolyte.</param>
/// <param name="ReactionEnergyEvPerAtom">Reaction energy with Li at the anode potential, eV/atom.</param>
/// <param name="Kind">Interface kind.</param>
/// <param name="Reason">One-line reason.</param>
/// <param name="Products">Character of each product, with its source.</param>
/// <param name="GrowthLaw">The growth law the kind implies (null when undetermined or gas-evolving).</param>
/// <param name="Notes">Further remarks.</param>
public sealed record InterphaseClassificationReport(string Electrolyte, double ReactionEnergyEvPerAtom, InterphaseKind Kind, string Reason,
    IReadOnlyList<ProductCharacter> Products, GrowthLaw? GrowthLaw, IReadOnlyList<string> Notes)
{
    /// <summary>The report of classification <paramref name="r"/> of <paramref name="input"/>.</summary>
    public static InterphaseClassificationReport From(InterphaseInput input, InterphaseClassification r) =>
        new(r.Electrolyte, input.ReactionEnergyEvPerAtom, r.Kind, r.Reason, r.Products,
            r.Kind is InterphaseKind.Undetermined or InterphaseKind.GasEvolution ? null : InterphaseGrowth.LawFor(r.Kind), r.Notes);
}
