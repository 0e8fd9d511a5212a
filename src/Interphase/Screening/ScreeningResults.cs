using Interphase.Chemistry;
using Interphase.Knowledge;
using Interphase.Thermodynamics;

namespace Interphase.Screening;

/// <summary>One criterion of one candidate.</summary>
/// <param name="Key">Machine name (<see cref="Criteria.All"/>: <c>e_above_hull</c>, <c>rxn_cathode</c>, <c>rxn_charged_cathode</c>,
/// <c>rxn_electrolyte</c>, <c>rxn_anode</c>, <c>oxidation_limit</c>, <c>reduction_limit</c>, <c>electronic</c>,
/// <c>li_transport</c>, <c>practicality</c>).</param>
/// <param name="Value">The value (unit in <paramref name="Unit"/>); null when it has none (e.g. never oxidised: +∞).</param>
/// <param name="Unit">Unit of the value (eV/atom, V vs Li/Li+, or empty).</param>
/// <param name="Requirement">The soft margin as text (good → bad; the midpoint is the pass line).</param>
/// <param name="Passed">Satisfaction at least 0.5 (past the midpoint of the margin); null when not judged (no data).</param>
/// <param name="Detail">Reaction, products or data behind the value, when any.</param>
/// <param name="Satisfaction">How well the value meets the criterion, 0–1 (0.5 when there is no data).</param>
/// <param name="Contribution">Weight × satisfaction / total weight: this criterion's part of the score.</param>
/// <param name="Cost">Weight × (1 − satisfaction) / total weight: what this criterion cost the score.</param>
public sealed record CriterionResult(string Key, double? Value, string Unit, string Requirement, bool? Passed, string? Detail = null,
    double Satisfaction = 0, double Contribution = 0, double Cost = 0);

/// <summary>A screened candidate with each criterion's value and its rank.</summary>
/// <param name="Rank">1 = best (highest <paramref name="Score"/>; equal scores by formula).</param>
/// <param name="Formula">Reduced formula.</param>
/// <param name="Entry">The lowest entry of that formula.</param>
/// <param name="EnergyAboveHull">Energy above the hull of its own chemical system, eV/atom.</param>
/// <param name="Reactions">Most exothermic reaction with each partner (keys as in <see cref="CriterionResult.Key"/>).</param>
/// <param name="ReductionVolts">Reduction limit, V vs Li/Li+ (null when the compound has no stable Li range).</param>
/// <param name="OxidationVolts">Oxidation limit, V vs Li/Li+ (null when never oxidised or no stable range).</param>
/// <param name="Electronic">Electronic character: the knowledge base's curated character, else from the band gap.</param>
/// <param name="IonicConductivity">Li-ion conductivity of the deposited form used for the ASR, S/cm, when measured.</param>
/// <param name="BandGap">Reported band gap, eV (knowledge base), when any.</param>
/// <param name="Criteria">Every criterion with value, satisfaction and contribution to the score.</param>
/// <param name="Score">Weighted mean satisfaction, 0–1 (see <see cref="ScoringModel"/>).</param>
/// <param name="Practicality">Supply risk, cost and hazards.</param>
/// <param name="AsrOhmCm2">ASR a layer of the screen's thickness adds (L/σ), Ω·cm², when the conductivity is known.</param>
public sealed record ScreenedCandidate(
    int Rank, string Formula, PhaseEntry Entry, double EnergyAboveHull, IReadOnlyDictionary<string, ReactionMinimum> Reactions,
    double? ReductionVolts, double? OxidationVolts, ElectronicCharacter Electronic, double? IonicConductivity, double? BandGap,
    IReadOnlyList<CriterionResult> Criteria, double Score = 0, PracticalityAssessment? Practicality = null, double? AsrOhmCm2 = null)
{
    /// <summary>Rules it fails outright (chemistry: oxidiser, toxic oxidation state; processing: melts or decomposes
    /// below the electrolyte's processing temperature; li_transport: a measured ASR above the limit, or a known Li⁺
    /// blocker): such candidates rank after every other, whatever their score.</summary>
    public IReadOnlyList<string> Fails { get; init; } = [];

    /// <summary>True when it fails a rule (<see cref="Fails"/>).</summary>
    public bool Vetoed => Fails.Count > 0;

    /// <summary>The Li⁺ conductivity used and its basis (measured, blocker, unknown).</summary>
    public TransportData? Transport { get; init; }

    /// <summary>Oxidation states and the chemistry rules that match.</summary>
    public ChemistryAssessment? Chemistry { get; init; }

    /// <summary>The criteria that cost this candidate most (cost ≥ 0.01 of the score), costliest first.</summary>
    public IReadOnlyList<CriterionResult> Costs => Criteria.Where(c => c.Cost >= 0.01).OrderByDescending(c => c.Cost).ToList();

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
/// <param name="TopOfCharge">The charged cathode and top-of-charge voltage used, with their basis (null without a cathode).</param>
/// <param name="Excluded">Candidates left out for radioactive or highly toxic elements: formula and reason.</param>
/// <param name="Known">The literature's coatings (cathode screens) and interlayers (anode screens) with their rank and score.</param>
public sealed record ScreeningResult(
    ScreeningOptions Options, Composition? ChargedCathode, IReadOnlyList<ScreenedCandidate> Candidates, IReadOnlyList<string> CriterionKeys,
    int ReactionCount, long LpSolves, double Seconds, TopOfCharge? TopOfCharge = null,
    IReadOnlyList<(string Formula, string Reason)>? Excluded = null, IReadOnlyList<KnownLayerResult>? Known = null)
{
    /// <summary>The electrolyte's processing the candidates were checked against.</summary>
    public ProcessingChoice? Processing { get; init; }

    /// <summary>Top-of-charge voltage used, V vs Li/Li+ (null without a cathode).</summary>
    public double? MaxVolts => TopOfCharge?.Volts;

    /// <summary>Weight of each criterion of this screen, as text.</summary>
    public string WeightsText => Options.Scoring.Describe(CriterionKeys);

    /// <summary>The candidate with a reduced formula, or null.</summary>
    public ScreenedCandidate? Find(string formula)
    {
        var reduced = Composition.Parse(formula).ReducedFormula;
        return Candidates.FirstOrDefault(c => c.Formula == reduced);
    }
}

/// <summary>A known coating or interlayer in a screen.</summary>
/// <param name="Layer">The knowledge-base entry.</param>
/// <param name="Candidate">Its screened row (scored even when it is not among the candidates), or null when the data has no entry for it.</param>
/// <param name="Rank">Its rank among the candidates; when it is not one, the rank its score would have.</param>
/// <param name="IsCandidate">True when it is among the ranked candidates.</param>
/// <param name="Note">Why it is not a candidate (energy above hull, excluded element, no data), when it is not.</param>
public sealed record KnownLayerResult(KnownLayer Layer, ScreenedCandidate? Candidate, int? Rank, bool IsCandidate, string? Note);

/// <summary>Progress of a screen: candidates done out of the total.</summary>
public readonly record struct ScreeningProgress(int Done, int Total);
