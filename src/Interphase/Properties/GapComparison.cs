using MathNet.Numerics.Statistics;

namespace Interphase.Properties;

/// <summary>How DFT band gaps compare with measured ones over the compounds both tables hold.</summary>
/// <param name="MatchedFormulas">Reduced formulas present in both tables.</param>
/// <param name="NonZeroPairs">Of those, formulas with a non-zero gap in both (the ratio is taken over these).</param>
/// <param name="MedianRatio">Median of experimental/DFT gap (each formula's median over polymorphs).</param>
/// <param name="LowerQuartileRatio">Lower quartile of the ratio.</param>
/// <param name="UpperQuartileRatio">Upper quartile of the ratio.</param>
/// <param name="MedianDifferenceEv">Median of experimental − DFT gap over the non-zero pairs, eV.</param>
/// <param name="ThresholdEv">DFT threshold judged.</param>
/// <param name="InsulatorEv">Measured gap counted as an electronic insulator, eV.</param>
/// <param name="Agreement">Fraction of matched formulas where "DFT gap ≥ threshold" agrees with "measured gap ≥ insulator gap".</param>
internal sealed record GapComparisonResult(int MatchedFormulas, int NonZeroPairs, double MedianRatio, double LowerQuartileRatio,
    double UpperQuartileRatio, double MedianDifferenceEv, double ThresholdEv, double InsulatorEv, double Agreement);

/// <summary>
/// Compares DFT (PBE) band gaps with experimental ones (e.g. the built-in <c>mp_gap.csv</c> and <c>expt_gap.csv</c>):
/// the typical underestimate and how well a PBE threshold separates measured insulators, which documents
/// <see cref="ElectronicCharacterService.DefaultThresholdEv"/>.
/// </summary>
internal static class GapComparison
{
    /// <summary>Compares the two sets of gaps, matching compounds by reduced formula.</summary>
    /// <exception cref="InterphaseException">No compound in common.</exception>
    public static GapComparisonResult Compare(IEnumerable<PropertyRecord> experimental, IEnumerable<PropertyRecord> dft,
        double thresholdEv = ElectronicCharacterService.DefaultThresholdEv, double insulatorEv = 1.5)
    {
        var expt = MedianByFormula(experimental);
        var calc = MedianByFormula(dft);
        var pairs = expt.Where(kv => calc.ContainsKey(kv.Key)).Select(kv => (Expt: kv.Value, Dft: calc[kv.Key])).ToList();
        if (pairs.Count == 0) throw new InterphaseException("no compound has both an experimental and a DFT band gap");
        var nonZero = pairs.Where(p => p.Expt > 0 && p.Dft > 0).ToList();
        var ratios = nonZero.Select(p => p.Expt / p.Dft).ToArray();
        double agree = pairs.Count(p => (p.Dft >= thresholdEv) == (p.Expt >= insulatorEv)) / (double)pairs.Count;
        return new GapComparisonResult(pairs.Count, nonZero.Count,
            ratios.Length == 0 ? double.NaN : ratios.Median(),
            ratios.Length == 0 ? double.NaN : ratios.LowerQuartile(),
            ratios.Length == 0 ? double.NaN : ratios.UpperQuartile(),
            nonZero.Count == 0 ? double.NaN : nonZero.Select(p => p.Expt - p.Dft).Median(),
            thresholdEv, insulatorEv, agree);
    }

    /// <summary>
    /// The DFT threshold, on a grid of <paramref name="stepEv"/> from 0 to 3 eV, at which "DFT gap ≥ threshold" agrees
    /// best with "measured gap ≥ <paramref name="insulatorEv"/>" over the formulas both tables hold (the lowest such
    /// threshold when several tie), with that agreement.
    /// </summary>
    /// <exception cref="InterphaseException">No compound in common.</exception>
    public static (double ThresholdEv, double Agreement) Calibrate(IEnumerable<PropertyRecord> experimental, IEnumerable<PropertyRecord> dft,
        double insulatorEv = ElectronicCharacterService.MeasuredInsulatorEv, double stepEv = 0.05)
    {
        var expt = MedianByFormula(experimental);
        var calc = MedianByFormula(dft);
        var pairs = expt.Where(kv => calc.ContainsKey(kv.Key)).Select(kv => (Expt: kv.Value, Dft: calc[kv.Key])).ToList();
        if (pairs.Count == 0) throw new InterphaseException("no compound has both an experimental and a DFT band gap");
        (double T, double A) best = (0, -1);
        for (int i = 0; i * stepEv <= 3.0 + 1e-9; i++)
        {
            double t = Math.Round(i * stepEv, 6);
            double a = pairs.Count(p => (p.Dft >= t) == (p.Expt >= insulatorEv)) / (double)pairs.Count;
            if (a > best.A + 1e-12) best = (t, a);
        }
        return best;
    }

    private static Dictionary<string, double> MedianByFormula(IEnumerable<PropertyRecord> values) =>
        values.Where(v => v.Property == MaterialProperty.BandGap)
            .GroupBy(v => v.ReducedFormula, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(v => v.Value).Median(), StringComparer.Ordinal);
}
