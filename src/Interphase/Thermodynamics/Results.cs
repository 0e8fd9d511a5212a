using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>A hull phase and its share of a composition, as an atom fraction (0–1).</summary>
public sealed record PhaseFraction(PhaseEntry Phase, double Fraction)
{
    /// <summary>Reduced formula of the phase.</summary>
    public string Formula => Phase.ReducedFormula;
}

/// <summary>The convex hull at a composition.</summary>
/// <param name="Composition">The queried composition.</param>
/// <param name="EnergyPerAtom">Hull (lowest attainable) formation energy, eV/atom.</param>
/// <param name="Decomposition">Hull phases and their atom fractions.</param>
/// <param name="ChemicalPotentials">Element chemical potentials (eV/atom, relative to the elemental references) of
/// a hull facet containing the composition (one of several when the composition lies on a facet boundary).</param>
public sealed record HullPoint(Composition Composition, double EnergyPerAtom, IReadOnlyList<PhaseFraction> Decomposition,
    IReadOnlyDictionary<Element, double> ChemicalPotentials);

/// <summary>Thermodynamic stability of a composition (pymatgen's <c>get_decomp_and_e_above_hull</c> on the lowest
/// entry of that formula).</summary>
/// <param name="Composition">The queried composition.</param>
/// <param name="EntryCount">Entries in the chemical system (elemental references included).</param>
/// <param name="Lowest">Lowest entry with this reduced formula, or null when there is none.</param>
/// <param name="EnergyAboveHull">Energy above the hull of <paramref name="Lowest"/>, eV/atom (0 when on the hull).</param>
/// <param name="Decomposition">The entry itself (fraction 1) when on the hull, else the hull phases at its composition.</param>
/// <param name="Hull">The hull at the composition.</param>
public sealed record StabilityResult(Composition Composition, int EntryCount, PhaseEntry? Lowest, double? EnergyAboveHull,
    IReadOnlyList<PhaseFraction>? Decomposition, HullPoint Hull)
{
    /// <summary>Formation energy of the lowest entry, eV/atom.</summary>
    public double? FormationEnergyPerAtom => Lowest?.FormationEnergyPerAtom;

    /// <summary>True when the lowest entry lies on the hull.</summary>
    public bool IsStable => EnergyAboveHull is <= 0;
}

/// <summary>One segment of an electrochemical profile: the equilibrium over a range of voltages.</summary>
/// <param name="StartVolts">Where the segment starts, V vs the open element's metal (e.g. Li/Li+); mu = −e·V.</param>
/// <param name="EndVolts">Where it ends (null for the last segment, which extends without limit).</param>
/// <param name="UptakePerFormulaUnit">Open-element atoms taken up per formula unit of the compound as written
/// (negative: released).</param>
/// <param name="Products">Equilibrium phases other than the open element.</param>
/// <param name="Reaction">The balanced reaction, per formula unit of the compound.</param>
public sealed record ProfileSegment(double StartVolts, double? EndVolts, double UptakePerFormulaUnit,
    IReadOnlyList<PhaseEntry> Products, ChemicalReaction Reaction)
{
    /// <summary>Reduced formulas of the products, sorted.</summary>
    public IReadOnlyList<string> ProductFormulas => Products.Select(p => p.ReducedFormula).Order(StringComparer.Ordinal).ToList();
}

/// <summary>
/// Electrochemical stability of a compound against exchange of an open element (pymatgen's
/// <c>get_element_profile</c>): the full profile in increasing voltage and the window (the segment without uptake).
/// </summary>
public sealed record StabilityWindow(Composition Composition, Element OpenElement, int EntryCount, IReadOnlyList<ProfileSegment> Profile)
{
    /// <summary>The segment with zero uptake, or null when none has (the compound is never in equilibrium as such).</summary>
    public ProfileSegment? StableSegment => Profile.FirstOrDefault(s => Math.Abs(s.UptakePerFormulaUnit) < 1e-6);

    /// <summary>Reduction limit, V.</summary>
    public double? ReductionVolts => StableSegment?.StartVolts;

    /// <summary>Oxidation limit, V (null when never oxidised).</summary>
    public double? OxidationVolts => StableSegment?.EndVolts;
}

/// <summary>Options of an interface reaction.</summary>
/// <param name="Volts">When set, the system is open to <paramref name="OpenElement"/> at mu = −e·Volts.</param>
/// <param name="OpenElement">The open element (Li when null).</param>
/// <param name="UseHullEnergy">Take each reactant at the hull energy of its composition (default) rather than at its own
/// lowest entry.</param>
public sealed record ReactionOptions(double? Volts = null, Element? OpenElement = null, bool UseHullEnergy = true);

/// <summary>A vertex of the reaction-energy curve.</summary>
/// <param name="X">Mixing fraction of reactant a in atoms of the reactants as written (1: pure a).</param>
/// <param name="EnergyPerAtom">Reaction energy, eV per atom of the mixture (open: grand potential per atom of the mixture
/// without the open element).</param>
/// <param name="Reaction">The balanced reaction (reactant coefficients sum to one formula unit).</param>
/// <param name="Products">The equilibrium phases.</param>
/// <param name="MixingEnergyPerAtom">Open systems only: the part of <paramref name="EnergyPerAtom"/> that comes from the
/// two reactants meeting, i.e. with each reactant first equilibrated with the open element on its own
/// (pymatgen's include_no_mixing_energy=False); zero at both ends, never positive. Null for closed reactions, where
/// it equals <paramref name="EnergyPerAtom"/> when reactants are at their hull energies.</param>
public sealed record ReactionKink(double X, double EnergyPerAtom, ChemicalReaction Reaction, IReadOnlyList<PhaseEntry> Products,
    double? MixingEnergyPerAtom = null);

/// <summary>A pseudo-binary interface reaction between two compositions (pymatgen's <c>InterfacialReactivity</c> /
/// <c>GrandPotentialInterfacialReactivity</c> with norm=True, include_no_mixing_energy=True).</summary>
public sealed record InterfaceReaction(Composition A, Composition B, ReactionOptions Options, Element? OpenElement,
    int EntryCount, int ElementCount, IReadOnlyList<ReactionKink> Kinks)
{
    /// <summary>The most exothermic kink (first of equals).</summary>
    public ReactionKink MostExothermic => Kinks.MinBy(k => k.EnergyPerAtom)!;
}

/// <summary>Two stable phases that coexist on the hull (an edge of a hull facet; a line of a phase diagram).</summary>
/// <param name="A">One end.</param>
/// <param name="B">The other end.</param>
public sealed record TieLine(PhaseEntry A, PhaseEntry B);
