using System.Collections.Concurrent;
using System.Globalization;
using Interphase.Stacks;

namespace Interphase.Screening;

/// <summary>
/// Remedies for a failing stack interface from a coating screen: on the cathode side, coatings between the stack's
/// cathode (discharged and charged compositions of the stack) and the electrolyte it touches,
/// judged against the interface's highest potential; on the anode side, interlayers between the anode and the
/// electrolyte, judged against the anode potential. Interfaces between two electrolytes get none. Screens are cached
/// per setup, so interfaces with the same neighbours share one.
/// </summary>
public sealed class ScreeningRemedyFinder(CoatingScreener screener, ScreeningOptions? template = null) : IRemedyFinder
{
    private readonly ConcurrentDictionary<string, Lazy<ScreeningResult>> _cache = new();

    /// <inheritdoc />
    public IReadOnlyList<Recommendation> Find(CellStack stack, StackInterface iface, int count)
    {
        var baseOptions = template ?? new ScreeningOptions { Electrolyte = iface.Negative };
        ScreeningOptions options;
        switch (iface.Side)
        {
            case InterfaceSide.Cathode:
                options = baseOptions with
                {
                    Cathode = stack.Cathode.Composition, ChargedCathode = stack.Cathode.ChargedComposition,
                    Electrolyte = iface.Negative, MaxVolts = iface.MaxVolts, Anode = null,
                };
                break;
            case InterfaceSide.Anode:
                options = baseOptions with
                {
                    Anode = stack.Anode.Composition, AnodeVolts = iface.MinVolts, Electrolyte = iface.Positive, Cathode = null,
                    ChargedCathode = null,
                };
                break;
            default:
                return [];
        }
        string key = string.Join('|', options.Cathode?.ToString(), options.ChargedCathode?.ToString(), options.Electrolyte.ToString(), options.Anode?.ToString(),
            options.MaxVolts.ToString("R", CultureInfo.InvariantCulture), options.AnodeVolts.ToString("R", CultureInfo.InvariantCulture));
        var result = _cache.GetOrAdd(key, _ => new Lazy<ScreeningResult>(() => screener.Run(options))).Value;
        return result.Candidates.Take(count).Select(c => new Recommendation(c.Formula, -c.WorstReactionEnergy, Summary(c))).ToList();
    }

    /// <summary>Each criterion of a candidate in one line (e.g. <c>rank 3; E_hull 0.000 eV/atom; rxn electrolyte −0.017 eV/atom ✓; ...</c>).</summary>
    public static string Summary(ScreenedCandidate c) =>
        $"rank {c.Rank}; " + string.Join("; ", c.Criteria.Select(k =>
        {
            string value = k.Value is { } v ? $"{ScreeningExport.Fixed(v, k.Unit == "V" ? 2 : 3)} {k.Unit}" : k.Detail ?? "—";
            string mark = k.Passed switch { true => " ✓", false => " ✗", _ => "" };
            return $"{k.Key.Replace('_', ' ')} {value}{mark}";
        }));
}
