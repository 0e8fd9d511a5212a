using System.Globalization;
using YamlDotNet.Core;

namespace Interphase.Screening;

/// <summary>The criteria of the coating/interlayer score, by machine name.</summary>
internal static class Criteria
{
    /// <summary>Energy above the hull of the compound's own chemical system, eV/atom.</summary>
    public const string EAboveHull = "e_above_hull";
    /// <summary>Most exothermic reaction with the discharged cathode, eV/atom.</summary>
    public const string RxnCathode = "rxn_cathode";
    /// <summary>Most exothermic reaction with the cathode at top of charge, eV/atom.</summary>
    public const string RxnChargedCathode = "rxn_charged_cathode";
    /// <summary>Most exothermic reaction with the electrolyte, eV/atom.</summary>
    public const string RxnElectrolyte = "rxn_electrolyte";
    /// <summary>Most exothermic reaction with the anode, eV/atom.</summary>
    public const string RxnAnode = "rxn_anode";
    /// <summary>Oxidation limit against the top of charge, V.</summary>
    public const string OxidationLimit = "oxidation_limit";
    /// <summary>Reduction limit against the anode potential, V.</summary>
    public const string ReductionLimit = "reduction_limit";
    /// <summary>Electronic character (knowledge base) or band gap, eV.</summary>
    public const string Electronic = "electronic";
    /// <summary>Area-specific resistance a layer of the stated thickness adds (ASR = L/σ), Ω·cm².</summary>
    public const string LiTransport = "li_transport";
    /// <summary>Element supply risk and cost, and hydrogen content.</summary>
    public const string Practicality = "practicality";

    /// <summary>Every criterion, in display order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [EAboveHull, RxnCathode, RxnChargedCathode, RxnElectrolyte, RxnAnode, OxidationLimit, ReductionLimit, Electronic, LiTransport, Practicality];
}

/// <summary>
/// A soft margin: how well a value meets a criterion, from 0 (fails clearly) to 1 (met with room to spare). Logistic
/// between a <see cref="Good"/> value (satisfaction 0.95) and a <see cref="Bad"/> value (0.05), continuous and strictly
/// monotonic everywhere, so a better value always scores higher and no two different values tie. The midpoint
/// (satisfaction 0.5) is the criterion's pass line.
/// </summary>
/// <param name="Good">Value with satisfaction 0.95.</param>
/// <param name="Bad">Value with satisfaction 0.05 (below Good when higher is better, above it when lower is better).</param>
/// <param name="Unit">Unit of the values.</param>
public sealed record SoftMargin(double Good, double Bad, string Unit)
{
    private static readonly double Ln19 = Math.Log(19);

    /// <summary>Satisfaction of a value, 0–1.</summary>
    public double Satisfaction(double value)
    {
        if (double.IsPositiveInfinity(value)) return Good > Bad ? 1 : 0;
        if (double.IsNegativeInfinity(value)) return Good > Bad ? 0 : 1;
        double z = Ln19 * (2 * (value - Good) / (Bad - Good) - 1);
        return 1 / (1 + Math.Exp(z));
    }

    /// <summary>The pass line (satisfaction 0.5), midway between good and bad.</summary>
    public double Midpoint => (Good + Bad) / 2;
}

/// <summary>
/// The coating/interlayer score (Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1.4, and the screening of Xiao et al., Joule
/// 2019, 3, 1252, that it reviews): every criterion's value becomes a satisfaction s between 0 and 1 through a soft
/// margin, and the score is the weighted mean Σ wᵢ·sᵢ / Σ wᵢ over the criteria that apply to the screen (0–1, higher
/// is better). A criterion's contribution is wᵢ·sᵢ / Σ w and its cost wᵢ·(1 − sᵢ) / Σ w, so the score is 1 minus the
/// costs. An unknown electronic character takes satisfaction 0.5, neither rewarded nor failed; an unknown Li⁺
/// conductivity takes 0 (no credit). The weights and margins are all here; the weights can be overridden. Defaults:
/// 1 for each stability criterion (independent failure modes), 2 for Li⁺ transport (in series with every ion: an
/// untested compound ranks below a measured conductor of equal stability), 0.5 for practicality (decides between
/// otherwise equal candidates); see the README's "Coating screen".
/// <para>Margins (good → bad; the midpoint is the pass line):</para>
/// <list type="bullet">
/// <item>energy above hull 0 → 0.05 eV/atom;</item>
/// <item>each reaction energy 0 → −2 × reaction limit (−0.2 eV/atom by default: pass line −0.1 eV/atom, the scale of the
/// "less stable" oxide coatings of Section 4.1.4);</item>
/// <item>oxidation limit minus top of charge +0 → −1 V, and anode potential minus reduction limit +0 → −1 V (pass line
/// 0.5 V short: oxide coatings are used above their computed O2-evolution limit, which is kinetically hindered;
/// a soft margin ranks them by how far short they fall instead of failing them all);</item>
/// <item>electronic: insulating 1, conducting 0 (knowledge base); else band gap 3 → 1 eV; else unknown 0.5;</item>
/// <item>Li transport: log₁₀ of ASR = L/σ at the stated thickness, 1 → 100 Ω·cm² (pass line 10 Ω·cm²), with the
/// measured σ of the form coatings are deposited in (conductivity table, else the knowledge base's highest reported
/// value); unknown 0, no credit. A measured ASR above 100 Ω·cm², or a compound the knowledge base calls a Li⁺ blocker,
/// fails the candidate outright (<see cref="ScreenedCandidate.Fails"/>);</item>
/// <item>practicality: mean of supply risk (mass-weighted production HHI, 2,500 → 10,000: the US DOJ "highly concentrated"
/// line to a monopoly) and cost (log₁₀ of the mass-weighted element price, 100 → 10,000 USD/kg), halved for compounds
/// with hydrogen (hydrates, hydroxides and hydrides give off water or H2 and H2S against sulfides). Radioactive and
/// highly toxic elements are excluded before scoring (<see cref="ScreeningOptions.AllowElements"/> admits them); a
/// moisture-sensitive compound is halved again when the electrolyte is not handled in a dry room.</item>
/// </list>
/// </summary>
public sealed record ScoringModel
{
    /// <summary>Default weights (relative; only their ratios matter).</summary>
    public static IReadOnlyDictionary<string, double> DefaultWeights { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [Criteria.EAboveHull] = 1,
        [Criteria.RxnCathode] = 1,
        [Criteria.RxnChargedCathode] = 1,
        [Criteria.RxnElectrolyte] = 1,
        [Criteria.RxnAnode] = 1,
        [Criteria.OxidationLimit] = 1,
        [Criteria.ReductionLimit] = 1,
        [Criteria.Electronic] = 1,
        [Criteria.LiTransport] = 2,
        [Criteria.Practicality] = 0.5,
    };

    /// <summary>The default model.</summary>
    public static ScoringModel Default { get; } = new();

    /// <summary>Weight of each criterion (every key of <see cref="Criteria.All"/>).</summary>
    public IReadOnlyDictionary<string, double> Weights { get; init; } = DefaultWeights;

    /// <summary>Energy above hull, eV/atom.</summary>
    public static SoftMargin EnergyAboveHullMargin { get; } = new(0, 0.05, "eV/atom");

    /// <summary>Oxidation limit minus top of charge (and anode potential minus reduction limit), V.</summary>
    public static SoftMargin VoltageMargin { get; } = new(0, -1, "V");

    /// <summary>Band gap, eV.</summary>
    public static SoftMargin BandGapMargin { get; } = new(3, 1, "eV");

    /// <summary>log₁₀ of the added ASR in Ω·cm².</summary>
    public static SoftMargin AsrMargin { get; } = new(0, 2, "log10 Ω·cm²");

    /// <summary>Mass-weighted Herfindahl–Hirschman index of production.</summary>
    public static SoftMargin SupplyMargin { get; } = new(2500, 10000, "HHI");

    /// <summary>log₁₀ of the mass-weighted element price in USD/kg.</summary>
    public static SoftMargin CostMargin { get; } = new(2, 4, "log10 USD/kg");

    /// <summary>Factor on practicality for compounds containing hydrogen.</summary>
    public const double HydrogenFactor = 0.5;

    /// <summary>Satisfaction of a criterion without data (electronic character unknown).</summary>
    public const double Unknown = 0.5;

    /// <summary>Satisfaction of the Li⁺ transport criterion without a measured conductivity: no credit.</summary>
    public const double UnknownTransport = 0;

    /// <summary>ASR above which a measured conductivity fails the candidate outright, Ω·cm² (the bad end of the margin).</summary>
    public const double MaxAsrOhmCm2 = 100;

    /// <summary>Factor on practicality for moisture-sensitive compounds when the electrolyte is not handled in a dry room.</summary>
    public const double MoistureFactor = 0.5;

    /// <summary>Reaction-energy margin for a reaction limit (eV/atom, positive): 0 → −2 × limit.</summary>
    public static SoftMargin ReactionMargin(double reactionLimit) => new(0, -2 * reactionLimit, "eV/atom");

    /// <summary>The weight of a criterion.</summary>
    public double Weight(string key) => Weights.TryGetValue(key, out var w) ? w : 0;

    /// <summary>
    /// This model with some weights replaced: <c>rxn_electrolyte=2,practicality=0</c>, or the path of a YAML file
    /// mapping criterion names to weights.
    /// </summary>
    /// <exception cref="ScreeningException">An unknown criterion, a weight that is not a finite number ≥ 0, or all weights zero.</exception>
    public ScoringModel WithWeights(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw new ScreeningException("--weights is empty: give e.g. rxn_electrolyte=2,practicality=0.5 or a YAML file");
        var pairs = new List<(string Key, string Value)>();
        string trimmed = spec.Trim();
        if (trimmed.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || trimmed.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(trimmed)) throw new ScreeningException($"weights file '{trimmed}' not found");
            Dictionary<string, string>? map;
            try { map = YamlInput.Deserializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(trimmed)); }
            catch (YamlException ex) { throw new ScreeningException($"weights file '{trimmed}': {YamlErrors.Describe(ex)}; expected 'criterion: weight' lines"); }
            catch (InvalidOperationException ex) when (YamlInput.IsParserFault(ex)) { throw new ScreeningException($"weights file '{trimmed}': {YamlInput.ParserFaultMessage}"); }
            if (map is null || map.Count == 0) throw new ScreeningException($"weights file '{trimmed}' has no weights");
            pairs.AddRange(map.Select(kv => (kv.Key, kv.Value)));
        }
        else
        {
            foreach (var part in trimmed.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                int eq = part.IndexOf('=');
                if (eq <= 0) throw new ScreeningException($"weights: '{part}' is not criterion=weight (e.g. practicality=0.5)");
                pairs.Add((part[..eq].Trim(), part[(eq + 1)..].Trim()));
            }
        }
        var weights = new Dictionary<string, double>(Weights, StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            if (!weights.ContainsKey(key))
                throw new ScreeningException($"weights: unknown criterion '{key}' (known: {string.Join(", ", Criteria.All)})");
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w) || w < 0)
                throw new ScreeningException($"weights: '{value}' for {key} is not a number ≥ 0");
            weights[key] = w;
        }
        if (weights.Values.All(w => w == 0)) throw new ScreeningException("weights: every weight is 0; give at least one positive weight");
        return this with { Weights = weights };
    }

    /// <summary>The weights as text (<c>e_above_hull=1, rxn_cathode=1, ...</c>) for the criteria given.</summary>
    public string Describe(IEnumerable<string> keys) =>
        string.Join(", ", keys.Select(k => $"{k}={Weight(k).ToString("0.##", CultureInfo.InvariantCulture)}"));

    /// <summary>
    /// The score of a set of criterion satisfactions: Σ wᵢ·sᵢ / Σ wᵢ over the given keys (those of the screen),
    /// with each criterion's contribution and cost.
    /// </summary>
    /// <param name="satisfactions">Satisfaction (0–1) of each criterion of the screen.</param>
    /// <exception cref="ScreeningException">Every weight of the screen's criteria is zero.</exception>
    public (double Score, IReadOnlyDictionary<string, (double Contribution, double Cost)> Parts) Score(IReadOnlyDictionary<string, double> satisfactions)
    {
        double total = satisfactions.Keys.Sum(Weight);
        if (total <= 0) throw new ScreeningException($"weights: every criterion of this screen ({string.Join(", ", satisfactions.Keys)}) has weight 0");
        var parts = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        double score = 0;
        foreach (var (key, s) in satisfactions)
        {
            double w = Weight(key) / total;
            parts[key] = (w * s, w * (1 - s));
            score += w * s;
        }
        return (score, parts);
    }
}
