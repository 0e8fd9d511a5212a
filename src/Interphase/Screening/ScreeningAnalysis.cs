using System.Globalization;

namespace Interphase.Screening;

/// <summary>How the top of a ranking moves when one weight is scaled.</summary>
/// <param name="Key">The criterion whose weight was scaled.</param>
/// <param name="Factor">The factor (0.5 or 1.5).</param>
/// <param name="Entered">Formulas that enter the top N.</param>
/// <param name="Left">Formulas that leave it.</param>
/// <param name="SameOrder">True when the top N is the same list in the same order.</param>
public sealed record SensitivityCase(string Key, double Factor, IReadOnlyList<string> Entered, IReadOnlyList<string> Left, bool SameOrder);

/// <summary>What a candidate gains over a reference (the best-ranked literature layer), criterion by criterion.</summary>
/// <param name="Key">Criterion.</param>
/// <param name="Gain">Its contribution minus the reference's (share of the score, positive: ahead).</param>
public sealed record ScoreGain(string Key, double Gain);

/// <summary>Sensitivity of a ranking to its weights, and why a row beats the literature's layers.</summary>
public static class ScreeningAnalysis
{
    /// <summary>Scale factors of the sensitivity view (each weight ±50 %).</summary>
    public static IReadOnlyList<double> Factors { get; } = [0.5, 1.5];

    /// <summary>
    /// Re-ranks the candidates with each weight of the screen scaled by 0.5 and 1.5 in turn (the satisfactions stay;
    /// candidates failing a rule stay last) and compares the top <paramref name="top"/> with the screen's.
    /// </summary>
    public static IReadOnlyList<SensitivityCase> Sensitivity(ScreeningResult result, int top = 10)
    {
        var baseTop = result.Candidates.Take(top).Select(c => c.Formula).ToList();
        var cases = new List<SensitivityCase>();
        foreach (var key in result.CriterionKeys)
            foreach (var f in Factors)
            {
                var w = result.CriterionKeys.ToDictionary(k => k, k => result.Options.Scoring.Weight(k) * (k == key ? f : 1), StringComparer.Ordinal);
                double total = w.Values.Sum();
                if (total <= 0) continue;
                var newTop = result.Candidates
                    .Select(c => (c, s: c.Criteria.Sum(cr => w.GetValueOrDefault(cr.Key) * cr.Satisfaction) / total))
                    .OrderBy(x => x.c.Vetoed).ThenByDescending(x => x.s).ThenBy(x => x.c.Formula, StringComparer.Ordinal)
                    .Take(top).Select(x => x.c.Formula).ToList();
                cases.Add(new SensitivityCase(key, f, newTop.Except(baseTop).ToList(), baseTop.Except(newTop).ToList(), newTop.SequenceEqual(baseTop)));
            }
        return cases;
    }

    /// <summary>The best-ranked literature layer of the screen that is scored (a candidate or not), or null.</summary>
    public static KnownLayerResult? BestKnown(ScreeningResult result) =>
        (result.Known ?? []).Where(k => k.Candidate is not null && k.Rank is not null).MinBy(k => k.Rank);

    /// <summary>Where a candidate is ahead of a reference: the criteria whose contribution to the score exceeds the
    /// reference's by at least <paramref name="min"/> (share of the score), largest first.</summary>
    public static IReadOnlyList<ScoreGain> Gains(ScreenedCandidate candidate, ScreenedCandidate reference, double min = 0.002) =>
        candidate.Criteria
            .Select(c => new ScoreGain(c.Key, c.Contribution - (reference.Criterion(c.Key)?.Contribution ?? 0)))
            .Where(g => g.Gain >= min).OrderByDescending(g => g.Gain).ToList();

    /// <summary>"ahead of LiTaO3 on rxn_electrolyte +0.041, ...", and, for a row scored below it, what it loses
    /// ("behind LiTaO3 on li_transport −0.235; ahead on ...").</summary>
    public static string GainsText(ScreenedCandidate candidate, KnownLayerResult? best)
    {
        if (best?.Candidate is not { } reference) return "no literature layer scored";
        if (reference.Formula == candidate.Formula) return "the best-ranked literature layer";
        static string List(IEnumerable<ScoreGain> g) => string.Join(", ", g.Select(x => $"{x.Key} {x.Gain.ToString("+0.000;−0.000", CultureInfo.InvariantCulture)}"));
        var gains = Gains(candidate, reference);
        var losses = candidate.Criteria
            .Select(c => new ScoreGain(c.Key, c.Contribution - (reference.Criterion(c.Key)?.Contribution ?? 0)))
            .Where(g => g.Gain <= -0.002).OrderBy(g => g.Gain).ToList();
        bool behind = candidate.Vetoed || candidate.Score < reference.Score;
        if (!behind)
            return gains.Count == 0
                ? $"no criterion ahead of {reference.Formula} by 0.002 or more (ties within the rounding)"
                : $"ahead of {reference.Formula} on {List(gains)}";
        return $"behind {reference.Formula}{(candidate.Vetoed ? " (fails a rule)" : "")}" + (losses.Count > 0 ? $" on {List(losses)}" : "")
            + (gains.Count > 0 ? $"; ahead on {List(gains)}" : "");
    }
}
