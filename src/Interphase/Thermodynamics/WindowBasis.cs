using System.Globalization;
using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>What a stability window stands on in the data.</summary>
public enum WindowDataStatus
{
    /// <summary>An entry with this formula lies on the hull: the window is the compound's own.</summary>
    OnHull,
    /// <summary>The lowest entry with this formula lies above the hull: the window is that of its decomposition.</summary>
    AboveHull,
    /// <summary>No entry has this formula: the window is that of the hull phases at its composition.</summary>
    NoEntry,
}

/// <summary>
/// What a window stands on: the compound's own entry on the hull, an entry above the hull (the window is then that of
/// its decomposition, as in pymatgen's element profile), or no entry at all (the window of the hull phases at that
/// composition, e.g. LiCl + YCl3 for Li3YCl6). When there is no zero-uptake range, <see cref="Explanation"/> says why.
/// </summary>
/// <param name="Status">On the hull, above it, or no entry.</param>
/// <param name="EnergyAboveHullEvPerAtom">Energy above the hull of the lowest entry, eV/atom (null without an entry).</param>
/// <param name="Phases">The phases the window was computed from: the compound itself when on the hull, else the hull
/// phases at its composition with their atom fractions.</param>
/// <param name="Explanation">One sentence for the user: what the window is of, and why there is no window if there is none.</param>
public sealed record WindowBasis(WindowDataStatus Status, double? EnergyAboveHullEvPerAtom, IReadOnlyList<PhaseFraction> Phases, string Explanation)
{
    /// <summary>The JSON value of <see cref="Status"/>: <c>on_hull</c>, <c>above_hull</c> or <c>no_entry</c>.</summary>
    public string StatusName => Status switch
    {
        WindowDataStatus.OnHull => "on_hull",
        WindowDataStatus.AboveHull => "above_hull",
        _ => "no_entry",
    };

    /// <summary>Reduced formulas of <see cref="Phases"/>.</summary>
    public IReadOnlyList<string> PhaseFormulas => Phases.Select(p => p.Formula).ToList();

    /// <summary>Finds what <paramref name="window"/> (of <paramref name="composition"/>) stands on.</summary>
    public static WindowBasis Of(ThermoEngine engine, Composition composition, StabilityWindow window)
    {
        var stability = engine.Stability(composition);
        string formula = composition.ReducedFormula;
        string phases = string.Join(" + ", stability.Hull.Decomposition.Select(p => p.Formula));
        WindowDataStatus status;
        string text;
        IReadOnlyList<PhaseFraction> basis;
        if (stability.Lowest is null)
        {
            status = WindowDataStatus.NoEntry;
            basis = stability.Hull.Decomposition;
            text = $"no {formula} entry in the data: this is the window of {phases}, the hull phases at its composition";
        }
        else if (stability.EnergyAboveHull is > 0)
        {
            status = WindowDataStatus.AboveHull;
            basis = stability.Hull.Decomposition;
            text = $"{formula} lies {stability.EnergyAboveHull.Value * 1000:0} meV/atom above the hull: this is the window of its decomposition {phases}";
        }
        else
        {
            status = WindowDataStatus.OnHull;
            basis = stability.Decomposition!;
            text = $"{formula} is on the hull: this is its own window";
        }
        if (window.StableSegment is null)
            text += "; " + WhyNoWindow(engine, window, basis);
        return new WindowBasis(status, stability.EnergyAboveHull, basis, text);
    }

    // Zero uptake only between a segment that takes up Li and the next that gives it off: a single potential, where the
    // decomposition has as many phases as elements and so fixes the Li chemical potential (no range of potentials).
    private static string WhyNoWindow(ThermoEngine engine, StabilityWindow window, IReadOnlyList<PhaseFraction> phases)
    {
        static string V(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        static string U(double u) => u.ToString("+0.###;-0.###", CultureInfo.InvariantCulture);
        string li = window.OpenElement.Symbol;
        int elements = window.Composition.Elements.Count();
        for (int k = 0; k + 1 < window.Profile.Count; k++)
        {
            var below = window.Profile[k];
            var above = window.Profile[k + 1];
            if (below.UptakePerFormulaUnit > 0 && above.UptakePerFormulaUnit < 0)
            {
                string why = phases.Count >= elements
                    ? $"its decomposition has as many phases ({phases.Count}) as elements ({elements}), which fixes the {li} chemical potential"
                    : "its phases coexist with a fixed Li content at one potential only";
                return $"no zero-uptake range: {why}, so it is in equilibrium only at {V(above.StartVolts)} V, a single potential; "
                       + $"below it takes up {li} ({U(below.UptakePerFormulaUnit)} {li}/f.u.), above it gives {li} off ({U(above.UptakePerFormulaUnit)} {li}/f.u.)";
            }
        }
        var least = window.Profile.MinBy(s => Math.Abs(s.UptakePerFormulaUnit));
        return $"no zero-uptake range: at every potential it exchanges {li}"
               + (least is null ? "" : $" (the least is {U(least.UptakePerFormulaUnit)} {li}/f.u. from {V(least.StartVolts)} V)");
    }
}
