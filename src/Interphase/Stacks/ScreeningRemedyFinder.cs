using System.Globalization;
using Interphase.Screening;
using Interphase.Thermodynamics;

namespace Interphase.Stacks;

/// <summary>
/// Remedies from the coating/interlayer screen (Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1.4): for a cathode-side interface the
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

    /// <summary>Creates a finder over an existing screener (its own-hull set-up is the costly part, built once).</summary>
    /// <param name="screener">The screener.</param>
    /// <param name="maxEnergyAboveHull">Candidates within this energy above their own hull, eV/atom.</param>
    public ScreeningRemedyFinder(CoatingScreener screener, double maxEnergyAboveHull = 0.03)
    {
        _screener = new Lazy<CoatingScreener>(screener);
        MaxEnergyAboveHull = maxEnergyAboveHull;
    }

    /// <summary>Candidates within this energy above their own hull, eV/atom.</summary>
    public double MaxEnergyAboveHull { get; }

    /// <inheritdoc />
    public IReadOnlyList<Recommendation> Find(CellStack stack, StackInterface iface, int count, CancellationToken cancellationToken = default)
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
                _cache[key] = result = _screener.Value.Run(options, null, cancellationToken);
        }
        return result.Candidates.Take(count).Select(c => new Recommendation(c.Formula, Math.Round(c.Score, 4), Summary(c, result))).ToList();
    }

    // Rank and score, what cost it, and the ASR a layer adds where its conductivity is known.
    private static string Summary(ScreenedCandidate c, ScreeningResult result)
    {
        string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        var parts = new List<string> { $"score {F(c.Score)} (rank {c.Rank} of {result.Candidates.Count})" };
        var costs = ScreeningExport.CostList(c);
        if (costs.Count > 0) parts.Add($"costs: {string.Join(", ", costs)}");
        parts.Add(c.AsrOhmCm2 is { } asr
            ? $"adds {asr.ToString("0.##E+0", CultureInfo.InvariantCulture)} Ω·cm² at {F(result.Options.LayerThicknessNm)} nm (σ {c.IonicConductivity!.Value.ToString("0.#E+0", CultureInfo.InvariantCulture)} S/cm)"
            : "Li-ion conductivity not in the knowledge base: added ASR unknown");
        return string.Join("; ", parts);
    }
}
