namespace Interphase.Thermodynamics;

/// <summary>
/// The JSON shapes of <c>hull</c>, <c>window</c> and <c>react</c> (<c>--json</c> and the web API): energies in
/// eV/atom, voltages in V vs Li/Li+, formulas as strings.
/// </summary>
public static class ThermoJson
{
    /// <summary>Formation energy, energy above hull and decomposition.</summary>
    public static object Hull(StabilityResult r) => new
    {
        Formula = r.Composition.ReducedFormula, NEntries = r.EntryCount, EFormPerAtom = r.FormationEnergyPerAtom,
        EAboveHull = r.EnergyAboveHull,
        Decomposition = (r.Decomposition ?? r.Hull.Decomposition).ToDictionary(p => p.Formula, p => p.Fraction),
        HullEnergyPerAtom = r.Hull.EnergyPerAtom,
    };

    /// <summary>Stability window and full profile against the open element, with the data status of the compound.</summary>
    public static object Window(StabilityWindow w, WindowBasis basis) => new
    {
        Formula = w.Composition.ReducedFormula, OpenElement = w.OpenElement.Symbol, NEntries = w.EntryCount,
        WindowVolts = w.StableSegment is null ? null : new double?[] { w.ReductionVolts, w.OxidationVolts },
        DataStatus = basis.StatusName,
        EAboveHullEvPerAtom = basis.EnergyAboveHullEvPerAtom,
        Decomposition = basis.Phases.Select(p => new { Formula = p.Formula, AtomFraction = p.Fraction }),
        DataNote = basis.Explanation,
        Profile = w.Profile.Select(s => new
        {
            Volts = s.StartVolts, EndVolts = s.EndVolts, UptakePerFu = s.UptakePerFormulaUnit, Products = s.ProductFormulas,
            Reaction = s.Reaction.ToString(),
        }),
    };

    /// <summary>A pseudo-binary reaction; <paramref name="a"/> and <paramref name="b"/> are the reactants as the user wrote them.</summary>
    public static object Reaction(string a, string b, InterfaceReaction r)
    {
        var min = r.MostExothermic;
        return new
        {
            A = a, B = b, Volts = r.Options.Volts, OpenElement = r.OpenElement?.Symbol,
            NEntries = r.EntryCount, NElements = r.ElementCount, MinX = min.X, MinERxnPerAtom = min.EnergyPerAtom,
            MinReaction = min.Reaction.ToString(),
            Kinks = r.Kinks.Select(k => new { k.X, ERxnPerAtom = k.EnergyPerAtom, EMixingPerAtom = k.MixingEnergyPerAtom, Reaction = k.Reaction.ToString() }),
        };
    }
}
