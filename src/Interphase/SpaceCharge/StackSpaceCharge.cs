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
/// <param name="Dependence">How the conclusion depends on the electrolyte's Li potential (the assumption): the result
/// with it at the middle of its stability window, and the driving potential from which the layer blocks Li⁺.</param>
/// <param name="BlockingFromDrivingV">Smallest V_cathode − V_electrolyte at which the electrolyte's layer blocks Li⁺
/// (&gt; 10⁶ Ω·cm²), V; null when it does not block up to 5 V or was not computed.</param>
public sealed record StackSpaceChargeEntry(string Interface, double? DrivingPotentialV, double? ElectrolyteDropV, double? ElectrolyteWidthNm,
    double? ElectrolyteLiAtContact, double? ResistanceOhmCm2, double? CapacitanceUfPerCm2, double? ArcFrequencyHz, string Basis,
    string Dependence = "", double? BlockingFromDrivingV = null)
{
    /// <summary>True when the layer blocks Li⁺ (resistance beyond 10⁶ Ω·cm², reported as infinite).</summary>
    public bool Blocking => ResistanceOhmCm2 is { } r && double.IsPositiveInfinity(r);
}

/// <summary>One cathode-side interface of a stack with its full space-charge solution.</summary>
/// <param name="Interface">Interface label, as in <see cref="StackSpaceChargeEntry.Interface"/>.</param>
/// <param name="Result">The solution with every layer's profile, or null when it could not be computed.</param>
/// <param name="Basis">What the numbers stand on, or why there are none.</param>
public sealed record StackSpaceChargeSolution(string Interface, InterfaceResult? Result, string Basis)
{
    /// <summary>How the result depends on the electrolyte's assumed Li potential.</summary>
    public string Dependence { get; init; } = "";

    /// <summary>Driving potential from which the electrolyte's layer blocks, V (null: not up to 5 V).</summary>
    public double? BlockingFromDrivingV { get; init; }
}

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
            b = SpaceChargeSetup.Resolve("electrolyte", ele, null, SpaceChargeSetup.ElectrolytePotential(a)).Phase;
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
        var (dependence, blockingFrom) = Dependence(a, b, ele, tK);
        list.Add(Run(stack.CathodeCoating is null ? bare : bare + " (without the coating)", () => InterfaceSolver.Solve(a, b, tK), basis)
            with { Dependence = dependence, BlockingFromDrivingV = blockingFrom });
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

    // The conclusion against the assumption: the former default (the middle of the electrolyte's window) and the
    // driving potential from which the electrolyte's layer blocks (bisection on V_cathode − V_electrolyte, 0–5 V).
    private static (string Text, double? BlockingFromV) Dependence(InterfacePhase cathode, InterfacePhase electrolyte, string name, double tK)
    {
        bool Blocks(double drivingV)
        {
            try
            {
                var r = InterfaceSolver.Solve(cathode, electrolyte with { LiPotentialV = cathode.LiPotentialV - drivingV }, tK);
                return r.ElectrolyteSide.SpaceChargeResistanceOhmCm2 is { } x && double.IsPositiveInfinity(x);
            }
            catch (InterphaseException)
            {
                return false;
            }
        }
        double? from = null;
        if (Blocks(5.0))
        {
            double lo = 0, hi = 5.0;
            for (int i = 0; i < 14; i++)
            {
                double mid = 0.5 * (lo + hi);
                if (Blocks(mid)) hi = mid; else lo = mid;
            }
            from = hi;
        }
        var parts = new List<string>();
        parts.Add(from is { } f
            ? $"the electrolyte's layer blocks Li⁺ once the cathode sits more than {f:0.##} V above the electrolyte's Li potential (below {cathode.LiPotentialV - f:0.##} V)"
            : "the electrolyte's layer does not block Li⁺ for any driving potential up to 5 V");
        try
        {
            var (mid, source) = SpaceChargeMaterials.Get(name).DefaultPotential();
            double drive = cathode.LiPotentialV - mid;
            var r = InterfaceSolver.Solve(cathode, electrolyte with { LiPotentialV = mid }, tK);
            string outcome = r.TotalResistanceOhmCm2 is { } t
                ? double.IsPositiveInfinity(t) ? "blocking (> 10⁶ Ω·cm²)" : $"{t:0.###} Ω·cm²" : "no resistance (a conductivity is missing)";
            parts.Add($"with the electrolyte at {mid:0.##} V instead ({source}; driving {drive:0.##} V) it would be {outcome}");
        }
        catch (InterphaseException)
        {
            // No window in the table: only the threshold is shown.
        }
        return (string.Join("; ", parts), from);
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
        if (s.Result is not { } r) return new StackSpaceChargeEntry(s.Interface, null, null, null, null, null, null, null, s.Basis, s.Dependence, s.BlockingFromDrivingV);
        var e = r.ElectrolyteSide;
        return new StackSpaceChargeEntry(s.Interface, r.DrivingPotentialV, e.PotentialDropV, e.WidthNm, 1 - e.LiDepletion,
            r.TotalResistanceOhmCm2, r.CapacitanceUfPerCm2, r.ArcFrequencyHz, s.Basis, s.Dependence, s.BlockingFromDrivingV);
    }
}
