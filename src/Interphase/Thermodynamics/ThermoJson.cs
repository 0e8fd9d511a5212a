namespace Interphase.Thermodynamics;

/// <summary>
/// The JSON documents of <c>hull</c>, <c>window</c> and <c>react</c> (<c>--json</c> and the web API), serialised with
/// <see cref="JsonOutput.Options"/>: energies in eV/atom, potentials in V vs Li/Li+, formulas as strings. (The
/// <c>batch</c> command writes pymatgen's reference schema instead, for side-by-side comparison.)
/// </summary>
public static class ThermoJson
{
    /// <summary>Formation energy, energy above hull and decomposition.</summary>
    public static HullJson Hull(StabilityResult r) => new(
        r.Composition.ReducedFormula, r.EntryCount, r.FormationEnergyPerAtom, r.EnergyAboveHull,
        (r.Decomposition ?? r.Hull.Decomposition).ToDictionary(p => p.Formula, p => p.Fraction), r.Hull.EnergyPerAtom);

    /// <summary>Stability window and full profile against the open element, with the data status of the compound.</summary>
    public static WindowJson Window(StabilityWindow w, WindowBasis basis) => new(
        w.Composition.ReducedFormula, w.OpenElement.Symbol, w.EntryCount,
        w.StableSegment is null ? null : new double?[] { w.ReductionVolts, w.OxidationVolts },
        basis.StatusName, basis.EnergyAboveHullEvPerAtom,
        [.. basis.Phases.Select(p => new PhaseFractionJson(p.Formula, p.Fraction))], basis.Explanation,
        [.. w.Profile.Select(s => new WindowSegmentJson(s.StartVolts, s.EndVolts, s.UptakePerFormulaUnit, s.ProductFormulas, s.Reaction.ToString()))]);

    /// <summary>A pseudo-binary reaction; <paramref name="a"/> and <paramref name="b"/> are the reactants as the user wrote them.</summary>
    public static ReactionJson Reaction(string a, string b, InterfaceReaction r)
    {
        var min = r.MostExothermic;
        return new ReactionJson(a, b, r.Options.Volts, r.OpenElement?.Symbol, r.EntryCount, r.ElementCount, min.X, min.EnergyPerAtom,
            min.Reaction.ToString(),
            [.. r.Kinks.Select(k => new ReactionKinkJson(k.X, k.EnergyPerAtom, k.MixingEnergyPerAtom, k.Reaction.ToString()))]);
    }
}

/// <summary>The <c>hull</c> document.</summary>
/// <param name="Formula">Reduced formula.</param>
/// <param name="NEntries">Entries in the chemical system.</param>
/// <param name="EFormEvPerAtom">Formation energy of the lowest entry, eV/atom (null without an entry).</param>
/// <param name="EAboveHullEvPerAtom">Energy above the hull, eV/atom (null without an entry).</param>
/// <param name="Decomposition">Hull phases and their fractions (atoms) at this composition.</param>
/// <param name="HullEnergyEvPerAtom">Energy of the hull at this composition, eV/atom.</param>
public sealed record HullJson(string Formula, int NEntries, double? EFormEvPerAtom, double? EAboveHullEvPerAtom,
    IReadOnlyDictionary<string, double> Decomposition, double HullEnergyEvPerAtom);

/// <summary>The <c>window</c> document.</summary>
/// <param name="Formula">Reduced formula.</param>
/// <param name="OpenElement">The open element (Li).</param>
/// <param name="NEntries">Entries in the chemical system.</param>
/// <param name="WindowV">Reduction and oxidation limits, V vs Li/Li+, or null when no range is free of Li exchange.</param>
/// <param name="DataStatus">on_hull, above_hull or no_entry.</param>
/// <param name="EAboveHullEvPerAtom">Energy above the hull, eV/atom, when the compound has an entry.</param>
/// <param name="Decomposition">The phases the window stands on.</param>
/// <param name="DataNote">What the status means for the window.</param>
/// <param name="Profile">Every segment of the Li-exchange profile.</param>
public sealed record WindowJson(string Formula, string OpenElement, int NEntries, double?[]? WindowV, string DataStatus,
    double? EAboveHullEvPerAtom, IReadOnlyList<PhaseFractionJson> Decomposition, string? DataNote, IReadOnlyList<WindowSegmentJson> Profile);

/// <summary>A phase and its atom fraction.</summary>
/// <param name="Formula">Reduced formula.</param>
/// <param name="AtomFraction">Fraction of the atoms.</param>
public sealed record PhaseFractionJson(string Formula, double AtomFraction);

/// <summary>One segment of a window profile.</summary>
/// <param name="StartV">Potential where the segment starts, V vs Li/Li+.</param>
/// <param name="EndV">Potential where it ends, V vs Li/Li+ (null: open end).</param>
/// <param name="UptakePerFu">Li taken up per formula unit (negative: released).</param>
/// <param name="Products">Products in the segment.</param>
/// <param name="Reaction">The reaction, as text.</param>
public sealed record WindowSegmentJson(double StartV, double? EndV, double UptakePerFu, IReadOnlyList<string> Products, string Reaction);

/// <summary>The <c>react</c> document.</summary>
/// <param name="A">First reactant as written.</param>
/// <param name="B">Second reactant as written.</param>
/// <param name="PotentialV">Potential of the open element, V vs Li/Li+, or null for a closed reaction.</param>
/// <param name="OpenElement">The open element, or null.</param>
/// <param name="NEntries">Entries in the chemical system.</param>
/// <param name="NElements">Elements in the chemical system.</param>
/// <param name="MinX">Mixing fraction of A (atoms) at the most exothermic kink.</param>
/// <param name="MinERxnEvPerAtom">Reaction energy there, eV/atom.</param>
/// <param name="MinReaction">The reaction there, as text.</param>
/// <param name="Kinks">Every kink of the reaction-energy curve.</param>
public sealed record ReactionJson(string A, string B, double? PotentialV, string? OpenElement, int NEntries, int NElements,
    double MinX, double MinERxnEvPerAtom, string MinReaction, IReadOnlyList<ReactionKinkJson> Kinks);

/// <summary>A kink of a reaction-energy curve.</summary>
/// <param name="X">Mixing fraction of A (atoms).</param>
/// <param name="ERxnEvPerAtom">Reaction energy, eV/atom.</param>
/// <param name="EMixingEvPerAtom">Open reactions: the part from the reactants meeting, eV/atom; null for closed ones.</param>
/// <param name="Reaction">The reaction, as text.</param>
public sealed record ReactionKinkJson(double X, double ERxnEvPerAtom, double? EMixingEvPerAtom, string Reaction);
