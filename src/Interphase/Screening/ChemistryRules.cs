using System.Collections.Concurrent;
using System.Globalization;
using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Screening;

/// <summary>A rule that matched a candidate: its anion class and what it means.</summary>
/// <param name="Class">The matching class.</param>
/// <param name="State">The oxidation state of the class's element in the candidate.</param>
public sealed record ChemistryMatch(AnionClass Class, double State)
{
    /// <summary>"nitrate (N +5): oxidiser, gas-forming [source]".</summary>
    public string Describe() => $"{Class.Name} ({Class.Element} {State.ToString("+0.##;−0.##", CultureInfo.InvariantCulture)}): "
        + string.Join(", ", Class.Kinds.Select(ChemistryRules.KindName)) + $" [{Class.Reference}]";
}

/// <summary>What the chemistry rules say about a candidate.</summary>
/// <param name="States">Oxidation state of each element (null: no charge-balanced assignment, e.g. an intermetallic).</param>
/// <param name="Matches">Anion classes and oxidation-state rules that match.</param>
/// <param name="Limit">Temperature from which the candidate melts or decomposes, °C, with its basis; null when unknown.</param>
public sealed record ChemistryAssessment(IReadOnlyDictionary<string, double>? States, IReadOnlyList<ChemistryMatch> Matches,
    (double TemperatureC, string Basis)? Limit)
{
    /// <summary>Rules that fail the candidate outright (oxidiser, toxic oxidation state, energetic).</summary>
    public IEnumerable<ChemistryMatch> Hazards => Matches.Where(m => m.Class.Kinds.Any(ChemistryRules.IsHazard));

    /// <summary>Hygroscopic or moisture-sensitive.</summary>
    public bool MoistureSensitive => Matches.Any(m => m.Class.Kinds.Contains(ChemistryKind.MoistureSensitive));

    /// <summary>Releases a gas on heating.</summary>
    public bool GasForming => Matches.Any(m => m.Class.Kinds.Contains(ChemistryKind.GasForming));
}

/// <summary>
/// Oxidation states from the formula and the anion-class rules of the knowledge base's chemistry table
/// (<c>Knowledge/Data/screening/chemistry_rules.yaml</c>). Thread-safe; assessments are cached per formula.
/// </summary>
public sealed class ChemistryRules(ScreeningTables tables)
{
    private readonly ConcurrentDictionary<string, ChemistryAssessment> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ThermalLimit> _limits = tables.ThermalLimits.ToDictionary(t => t.Formula, StringComparer.Ordinal);

    // Combinations tried per compound at most (states per element multiply): beyond it, no assignment.
    private const int MaxCombinations = 200_000;

    /// <summary>The kind as text.</summary>
    public static string KindName(ChemistryKind k) => k switch
    {
        ChemistryKind.Oxidiser => "oxidiser",
        ChemistryKind.ToxicState => "toxic",
        ChemistryKind.Energetic => "energetic",
        ChemistryKind.GasForming => "gas-forming",
        ChemistryKind.MoistureSensitive => "moisture-sensitive",
        _ => k.ToString(),
    };

    /// <summary>Kinds that fail a candidate outright.</summary>
    public static bool IsHazard(ChemistryKind k) => k is ChemistryKind.Oxidiser or ChemistryKind.ToxicState or ChemistryKind.Energetic;

    /// <summary>Assesses a composition (cached by reduced formula).</summary>
    public ChemistryAssessment Assess(Composition c) => _cache.GetOrAdd(c.ReducedFormula, _ => Compute(c));

    private ChemistryAssessment Compute(Composition c)
    {
        var states = OxidationStates(c);
        var matches = new List<ChemistryMatch>();
        if (states is not null)
            foreach (var a in tables.AnionClasses)
            {
                if (!states.TryGetValue(a.Element, out var q) || q < a.MinState - 1e-6 || q > a.MaxState + 1e-6) continue;
                if (!a.With.All(e => c[e] > 0) || a.Without.Any(e => c[e] > 0)) continue;
                matches.Add(new ChemistryMatch(a, q));
            }
        (double, string)? limit = null;
        if (_limits.TryGetValue(c.ReducedFormula, out var t))
            limit = (t.TemperatureC, $"{(t.Decomposes ? "decomposes" : "melts")} at {t.TemperatureC:0} °C [{t.Reference}]");
        else if (matches.Where(m => m.Class.LimitC is not null).MinBy(m => m.Class.LimitC) is { } m)
            limit = (m.Class.LimitC!.Value, $"{m.Class.Name}s melt or decompose from {m.Class.LimitC:0} °C [{m.Class.LimitReference}]");
        return new ChemistryAssessment(states, matches, limit);
    }

    /// <summary>
    /// Oxidation states: the charge-balanced assignment of the table's states (one per element) with the most common
    /// ones (smallest sum over atoms of their list positions); else one element at its average state, within the range of its list
    /// (mixed valence: Mn +3.5 in LiMn2O4), the others from their lists; null when neither balances or an element has
    /// no list.
    /// </summary>
    public IReadOnlyDictionary<string, double>? OxidationStates(Composition c)
    {
        var els = c.Amounts.Where(kv => kv.Value > 1e-9).ToList();
        var lists = new List<IReadOnlyList<double>>();
        foreach (var (e, _) in els)
        {
            if (!tables.OxidationStates.TryGetValue(e.Symbol, out var l)) return null;
            lists.Add(l);
        }
        if (els.Count == 1) return els[0].Key.Symbol is var s ? new Dictionary<string, double> { [s] = 0 } : null;
        long combos = lists.Aggregate(1L, (p, l) => p * l.Count);
        if (combos > MaxCombinations) return null;
        double tol = 1e-6 * Math.Max(1, c.NumAtoms);
        int[]? best = null;
        double bestPenalty = double.MaxValue;
        int free = -1;
        double freeState = 0;
        var idx = new int[els.Count];
        // Charge the elements from i on can still add, at least and at most: branches that cannot balance are cut.
        var restMin = new double[els.Count + 1];
        var restMax = new double[els.Count + 1];
        for (int i = els.Count - 1; i >= 0; i--)
        {
            restMin[i] = restMin[i + 1] + els[i].Value * lists[i].Min();
            restMax[i] = restMax[i + 1] + els[i].Value * lists[i].Max();
        }
        // Exact: every element at one listed state.
        Enumerate(0, 0, 0);
        if (best is null)
        {
            (int[] Idx, double Penalty, int Free, double State)? overall = null;
            for (int f = 0; f < els.Count; f++)
            {
                best = null;
                bestPenalty = overall?.Penalty ?? double.MaxValue;
                EnumerateFree(f, 0, 0, 0);
                if (best is not null) overall = (best, bestPenalty, f, freeState);
            }
            if (overall is { } o) { best = o.Idx; free = o.Free; freeState = o.State; }
        }
        if (best is null) return null;
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int i = 0; i < els.Count; i++)
            result[els[i].Key.Symbol] = i == free ? freeState : lists[i][best[i]];
        return result;

        void Enumerate(int i, double charge, double penalty)
        {
            if (penalty >= bestPenalty || charge + restMin[i] > tol || charge + restMax[i] < -tol) return;
            if (i == els.Count)
            {
                if (Math.Abs(charge) <= tol) { best = (int[])idx.Clone(); bestPenalty = penalty; }
                return;
            }
            for (int k = 0; k < lists[i].Count; k++)
            {
                idx[i] = k;
                Enumerate(i + 1, charge + els[i].Value * lists[i][k], penalty + k * els[i].Value);
            }
        }

        void EnumerateFree(int f, int i, double charge, double penalty)
        {
            // Past the free element, its charge (within its range) is still to come.
            double lo = restMin[i] + (i > f ? els[f].Value * lists[f].Min() : 0), hi = restMax[i] + (i > f ? els[f].Value * lists[f].Max() : 0);
            if (penalty >= bestPenalty || charge + lo > tol || charge + hi < -tol) return;
            if (i == els.Count)
            {
                double q = -charge / els[f].Value;
                var l = lists[f];
                // Average state strictly between two listed states (an integer one would have balanced exactly).
                if (q < l.Min() - 1e-9 || q > l.Max() + 1e-9) return;
                best = (int[])idx.Clone();
                bestPenalty = penalty;
                freeState = q;
                return;
            }
            if (i == f) { idx[i] = 0; EnumerateFree(f, i + 1, charge, penalty + els[i].Value); return; }
            for (int k = 0; k < lists[i].Count; k++)
            {
                idx[i] = k;
                EnumerateFree(f, i + 1, charge + els[i].Value * lists[i][k], penalty + k * els[i].Value);
            }
        }
    }
}
