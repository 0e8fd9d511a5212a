using Interphase.Stacks;

namespace Interphase.SpaceCharge;

/// <summary>The space-charge estimate for one cathode-side interface of a stack (bare, or with the stack's coating).</summary>
/// <param name="Interface">Interface label (<c>NCM811 | LiNbO3 (10 nm) | Li6PS5Cl</c>).</param>
/// <param name="DrivingPotentialV">V_cathode − V_electrolyte, V (null when not computed).</param>
/// <param name="ElectrolyteDropV">Potential drop on the electrolyte side, V.</param>
/// <param name="ElectrolyteWidthNm">Electrolyte space-charge width, nm.</param>
/// <param name="ElectrolyteLiAtContact">Li⁺ at the contact relative to the electrolyte bulk.</param>
/// <param name="ResistanceOhmCm2">Space-charge (and coating) resistance, Ω·cm²; +∞ when a layer blocks; null when not computed.</param>
/// <param name="CapacitanceUfPerCm2">Series capacitance, µF/cm².</param>
/// <param name="ArcFrequencyHz">Apex frequency of the arc it would add, Hz.</param>
/// <param name="Basis">What the numbers stand on (potentials, assumed thickness) or why there are none.</param>
public sealed record StackSpaceChargeEntry(string Interface, double? DrivingPotentialV, double? ElectrolyteDropV, double? ElectrolyteWidthNm,
    double? ElectrolyteLiAtContact, double? ResistanceOhmCm2, double? CapacitanceUfPerCm2, double? ArcFrequencyHz, string Basis);

/// <summary>One cathode-side interface of a stack with its full space-charge solution.</summary>
/// <param name="Interface">Interface label, as in <see cref="StackSpaceChargeEntry.Interface"/>.</param>
/// <param name="Result">The solution with every layer's profile, or null when it could not be computed.</param>
/// <param name="Basis">What the numbers stand on, or why there are none.</param>
public sealed record StackSpaceChargeSolution(string Interface, InterfaceResult? Result, string Basis);

/// <summary>
/// Space-charge layers at a stack's oxide cathode against the electrolyte it touches (and through its coating), at the
/// top of charge, from the parameter table (<see cref="SpaceChargeMaterials"/>); the same model as <c>scl interface</c>.
/// </summary>
/// <remarks>Public for the front ends: the web app plots <see cref="Solve"/>'s profiles.</remarks>
public static class StackSpaceCharge
{
    /// <summary>Coating thickness used when the stack file gives none, nm (the order of Ohta's optimum, Wang et al., Trans. Nanjing Univ. Aeronaut. Astronaut. 35, 578 (2018), §1.2).</summary>
    public const double DefaultCoatingNm = 5;

    /// <summary>Evaluates the cathode-side interfaces; never throws for missing parameters (the entry says so).</summary>
    public static IReadOnlyList<StackSpaceChargeEntry> Evaluate(CellStack stack) => Solve(stack).Select(Summarise).ToList();

    /// <summary>
    /// The same interfaces as <see cref="Evaluate"/> with their full solutions (profiles of each layer), for plots;
    /// an interface whose parameters are missing has no result and says why in its basis.
    /// </summary>
    public static IReadOnlyList<StackSpaceChargeSolution> Solve(CellStack stack)
    {
        var list = new List<StackSpaceChargeSolution>();
        var electrolyte = stack.Electrolytes[0];
        string Name(string name, Chemistry.Composition c) => SpaceChargeMaterials.Find(name)?.Id ?? SpaceChargeMaterials.Find(c.ReducedFormula)?.Id ?? name;
        string cat = Name(stack.Cathode.Name, stack.Cathode.Composition), ele = Name(electrolyte.Name, electrolyte.Composition);
        double tK = stack.TemperatureC + 273.15;
        InterfacePhase? a = null, b = null;
        string? missing = null;
        try
        {
            a = SpaceChargeSetup.Resolve("cathode", cat, new PhaseOverrides(LiPotentialV: stack.Cathode.MaxVolts)).Phase;
            b = SpaceChargeSetup.Resolve("electrolyte", ele).Phase;
        }
        catch (InterphaseException ex)
        {
            missing = ex.Message;
        }
        string bare = $"{stack.Cathode.Name} | {electrolyte.Name}";
        if (a is null || b is null)
        {
            list.Add(new StackSpaceChargeSolution(bare, null, $"not computed: {missing}"));
            return list;
        }
        string basis = $"top of charge {a.LiPotentialV:0.##} V vs the electrolyte's {b.LiPotentialV:0.##} V ({b.PotentialSource}); parameters: scl materials";
        list.Add(Run(stack.CathodeCoating is null ? bare : bare + " (without the coating)", () => InterfaceSolver.Solve(a, b, tK), basis));
        if (stack.CathodeCoating is { } coating)
        {
            double nm = coating.ThicknessNm ?? DefaultCoatingNm;
            string label = $"{stack.Cathode.Name} | {coating.Name} ({nm:0.#} nm) | {electrolyte.Name}";
            try
            {
                var c = SpaceChargeSetup.Resolve("coating", Name(coating.Name, coating.Composition), null, SpaceChargeSetup.CoatingPotential(a)).Phase;
                list.Add(Run(label, () => InterfaceSolver.Solve(a, b, tK, c, nm),
                    basis + (coating.ThicknessNm is null ? $"; coating thickness not in the stack file: {DefaultCoatingNm} nm assumed" : "")));
            }
            catch (InterphaseException ex)
            {
                list.Add(new StackSpaceChargeSolution(label, null, $"not computed: {ex.Message}"));
            }
        }
        return list;
    }

    private static StackSpaceChargeSolution Run(string label, Func<InterfaceResult> solve, string basis)
    {
        try
        {
            return new StackSpaceChargeSolution(label, solve(), basis);
        }
        catch (InterphaseException ex)
        {
            return new StackSpaceChargeSolution(label, null, $"not computed: {ex.Message}");
        }
    }

    private static StackSpaceChargeEntry Summarise(StackSpaceChargeSolution s)
    {
        if (s.Result is not { } r) return new StackSpaceChargeEntry(s.Interface, null, null, null, null, null, null, null, s.Basis);
        var e = r.ElectrolyteSide;
        return new StackSpaceChargeEntry(s.Interface, r.DrivingPotentialV, e.PotentialDropV, e.WidthNm, 1 - e.LiDepletion,
            r.TotalResistanceOhmCm2, r.CapacitanceUfPerCm2, r.ArcFrequencyHz, s.Basis);
    }
}
