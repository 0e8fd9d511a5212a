using Interphase.Chemistry;
using Interphase.Thermodynamics;

namespace Interphase.Anode.Interphases;

/// <summary>Builds an <see cref="InterphaseInput"/> for an electrolyte in contact with Li metal from the thermodynamics engine.</summary>
public static class LithiumReduction
{
    /// <summary>
    /// The most exothermic pseudo-binary reaction of <paramref name="electrolyte"/> with Li metal (closed system,
    /// 0 V vs Li/Li⁺): its products (excluding leftover Li) and reaction energy per atom of the mixture.
    /// </summary>
    public static InterphaseInput Input(ThermoEngine engine, string electrolyte)
    {
        var comp = Composition.Parse(electrolyte);
        var reaction = engine.React(comp, Composition.Parse("Li"));
        var kink = reaction.MostExothermic;
        var products = kink.EnergyPerAtom < 0
            ? kink.Products.Select(p => p.ReducedFormula).Where(f => f != "Li").Distinct().ToList()
            : new List<string>();
        return new InterphaseInput(comp.ReducedFormula, products, Math.Min(kink.EnergyPerAtom, 0.0));
    }
}
