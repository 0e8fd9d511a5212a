using System.Globalization;
using Interphase.Screening;
using Interphase.Thermodynamics;

namespace Interphase.Stacks;

/// <summary>
/// Remedies from the coating/interlayer screen (001_9ddcaf3869a721a2.txt §4.1.4): for a cathode-side interface the
/// best cathode coatings between the cathode and the first electrolyte; for an anode-side interface the best
/// interlayers between the electrolyte and the anode. The screener (every entry's own-system hull) is built on first
/// use and screens are cached per question, so a stack with several failing interfaces pays for it once.
/// </summary>
public sealed class ScreeningRemedyFinder : IRemedyFinder
{
    private readonly Lazy<CoatingScreener> _screener;
    private readonly Dictionary<string, ScreeningResult> _cache = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    /// <summary>Creates a finder over an engine's data.</summary>
    /// <param name="engine">Thermodynamic data.</param>
    /// <param name="maxEnergyAboveHull">Candidates within this energy above their own hull, eV/atom.</param>
    /// <param name="properties">Band gaps for the electronic criterion (null: the default property source).</param>
    public ScreeningRemedyFinder(ThermoEngine engine, double maxEnergyAboveHull = 0.03, Properties.IPropertySource? properties = null)
    {
        _screener = new Lazy<CoatingScreener>(() => new CoatingScreener(engine, properties: properties), LazyThreadSafetyMode.ExecutionAndPublication);
        MaxEnergyAboveHull = maxEnergyAboveHull;
    }

    /// <summary>Candidates within this energy above their own hull, eV/atom.</summary>
    public double MaxEnergyAboveHull { get; }

    /// <inheritdoc />
    public IReadOnlyList<Recommendation> Find(CellStack stack, StackInterface iface, int count)
    {
        ScreeningOptions options = iface.Side switch
        {
            InterfaceSide.Cathode => new ScreeningOptions
            {
                Electrolyte = stack.Electrolytes[0].Composition,
                Cathode = stack.Cathode.Composition,
                ChargedCathode = stack.Cathode.ChargedComposition,
                MaxVolts = stack.Cathode.MaxVolts,
                MaxEnergyAboveHull = MaxEnergyAboveHull,
            },
            InterfaceSide.Anode => new ScreeningOptions
            {
                Electrolyte = stack.Electrolytes[^1].Composition,
                Anode = stack.Anode.Composition,
                AnodeVolts = stack.Anode.PotentialVolts,
                MaxEnergyAboveHull = MaxEnergyAboveHull,
            },
            _ => null!,
        };
        if (options is null) return [];
        string key = $"{iface.Side}|{options.Electrolyte}|{options.Cathode}|{options.ChargedCathode}|{options.MaxVolts}|{options.Anode}|{options.AnodeVolts}";
        ScreeningResult result;
        lock (_lock)
        {
            if (!_cache.TryGetValue(key, out result!))
                _cache[key] = result = _screener.Value.Run(options);
        }
        return result.Candidates.Take(count).Select(c => new Recommendation(c.Formula, c.Rank, Summary(c))).ToList();
    }

    private static string Summary(ScreenedCandidate c) => string.Join("; ", c.Criteria
        .Where(k => k.Value is not null || k.Passed is not null)
        .Select(k => $"{k.Key} {(k.Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) + (k.Unit.Length > 0 ? " " + k.Unit : "") : "")}{(k.Passed == false ? " ✗" : "")}".Trim()));
}
