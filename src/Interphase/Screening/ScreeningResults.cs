using Interphase.Chemistry;
using Interphase.Knowledge;
using Interphase.Thermodynamics;

namespace Interphase.Screening;

/// <summary>One criterion of one candidate.</summary>
/// <param name="Key">Machine name (<c>e_above_hull</c>, <c>rxn_cathode</c>, <c>rxn_charged_cathode</c>, <c>rxn_electrolyte</c>,
/// <c>rxn_anode</c>, <c>oxidation_limit</c>, <c>reduction_limit</c>, <c>electronic</c>).</param>
/// <param name="Value">The value (unit in <paramref name="Unit"/>); null when it has none (e.g. never oxidised: +∞).</param>
/// <param name="Unit">Unit of the value (eV/atom, V vs Li/Li+, or empty).</param>
/// <param name="Requirement">The pass condition as text (e.g. <c>≥ −0.1 eV/atom</c>).</param>
/// <param name="Passed">Pass or fail; null when not judged (no data).</param>
/// <param name="Detail">Reaction or products behind the value, when any.</param>
public sealed record CriterionResult(string Key, double? Value, string Unit, string Requirement, bool? Passed, string? Detail = null);

/// <summary>A screened candidate with each criterion's value and its rank.</summary>
/// <param name="Rank">1 = best (see <see cref="CoatingScreener"/> for the ordering).</param>
/// <param name="Formula">Reduced formula.</param>
/// <param name="Entry">The lowest entry of that formula.</param>
/// <param name="EnergyAboveHull">Energy above the hull of its own chemical system, eV/atom.</param>
/// <param name="Reactions">Most exothermic reaction with each partner (keys as in <see cref="CriterionResult.Key"/>).</param>
/// <param name="ReductionVolts">Reduction limit, V vs Li/Li+ (null when the compound has no stable Li range).</param>
/// <param name="OxidationVolts">Oxidation limit, V vs Li/Li+ (null when never oxidised or no stable range).</param>
/// <param name="Electronic">Electronic character: the knowledge base's curated character, else from the band gap.</param>
/// <param name="IonicConductivity">Reported Li-ion conductivity, S/cm (knowledge base), when any.</param>
/// <param name="BandGap">Reported band gap, eV (knowledge base), when any.</param>
/// <param name="Criteria">Every criterion with value and pass/fail.</param>
public sealed record ScreenedCandidate(
    int Rank, string Formula, PhaseEntry Entry, double EnergyAboveHull, IReadOnlyDictionary<string, ReactionMinimum> Reactions,
    double? ReductionVolts, double? OxidationVolts, ElectronicCharacter Electronic, double? IonicConductivity, double? BandGap,
    IReadOnlyList<CriterionResult> Criteria)
{
    /// <summary>Number of failed criteria (the first ranking key).</summary>
    public int Failed => Criteria.Count(c => c.Passed == false);

    /// <summary>The most negative of the most exothermic reaction energies with every partner, eV/atom (0 when nothing reacts).</summary>
    public double WorstReactionEnergy => Reactions.Count == 0 ? 0 : Math.Min(0, Reactions.Values.Min(r => r.EnergyPerAtom));

    /// <summary>True when every judged criterion passes.</summary>
    public bool PassesAll => Failed == 0;

    /// <summary>The criterion with a given key, or null.</summary>
    public CriterionResult? Criterion(string key) => Criteria.FirstOrDefault(c => c.Key == key);
}

/// <summary>The outcome of a screen.</summary>
/// <param name="Options">The options used.</param>
/// <param name="ChargedCathode">The charged-cathode composition used (null without a cathode).</param>
/// <param name="Candidates">Candidates, best first.</param>
/// <param name="CriterionKeys">The criteria judged, in display order.</param>
/// <param name="ReactionCount">Interface reactions computed.</param>
/// <param name="LpSolves">Linear programs solved for the reactions.</param>
/// <param name="Seconds">Wall time of the screen (after loading), s.</param>
public sealed record ScreeningResult(
    ScreeningOptions Options, Composition? ChargedCathode, IReadOnlyList<ScreenedCandidate> Candidates, IReadOnlyList<string> CriterionKeys,
    int ReactionCount, long LpSolves, double Seconds)
{
    /// <summary>The candidate with a reduced formula, or null.</summary>
    public ScreenedCandidate? Find(string formula)
    {
        var reduced = Composition.Parse(formula).ReducedFormula;
        return Candidates.FirstOrDefault(c => c.Formula == reduced);
    }
}

/// <summary>Progress of a screen: candidates done out of the total.</summary>
public readonly record struct ScreeningProgress(int Done, int Total);
