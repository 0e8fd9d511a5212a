using Interphase.Chemistry;
using Interphase.Thermodynamics;

namespace Interphase.Anode.Interphases;

/// <summary>Builds an <see cref="InterphaseInput"/> for an electrolyte in contact with Li metal from the thermodynamics engine.</summary>
public static class LithiumReduction
{
    /// <summary>
    /// The pseudo-binary reaction of <paramref name="electrolyte"/> with Li metal (closed system, 0 V vs Li/Li⁺): the
    /// reaction energy is that of the most exothermic mixture (eV per atom of the mixture, as pymatgen's
    /// InterfacialReactivity reports it); the products are those of the most Li-rich reacting kink, i.e. what the
    /// electrolyte becomes in contact with excess Li (fully lithiated, e.g. a Li–Ge alloy rather than Ge for LGPS).
    /// </summary>
    /// <remarks>
    /// As the stack analysis does at a Li-metal anode: the window's reduction onset decides kinetic stabilisation
    /// (Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 26), and a compound above the hull that Li does not reduce is metastable towards the phases its window
    /// stands on (Li3OCl → Li2O + LiCl, −30 meV/atom), not "stable".
    /// </remarks>
    public static InterphaseInput Input(ThermoEngine engine, string electrolyte)
    {
        var comp = Composition.Parse(electrolyte);
        var window = engine.Window(comp);
        double? onset = window.ReductionVolts ?? (window.StableSegment is null ? double.PositiveInfinity : null);
        var reaction = engine.React(comp, Composition.Parse("Li"));
        var kink = reaction.MostExothermic;
        if (kink.EnergyPerAtom >= 0)
        {
            var basis = WindowBasis.Of(engine, comp, window);
            return basis.Status == WindowDataStatus.AboveHull
                ? new InterphaseInput(comp.ReducedFormula, basis.PhaseFormulas.ToList(), -basis.EnergyAboveHullEvPerAtom!.Value) { ReductionOnsetV = onset }
                : new InterphaseInput(comp.ReducedFormula, [], 0.0) { ReductionOnsetV = onset };
        }
        // X is the fraction of the electrolyte: the smallest X with a reaction is the Li-saturated assemblage.
        var lithiated = reaction.Kinks.Where(k => k.X > 0 && k.EnergyPerAtom < 0).MinBy(k => k.X)!;
        var products = lithiated.Products.Select(p => p.ReducedFormula).Where(f => f != "Li").Distinct().ToList();
        return new InterphaseInput(comp.ReducedFormula, products, kink.EnergyPerAtom) { ReductionOnsetV = onset };
    }
}
