using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Screening;

/// <summary>How practical a compound is to make into a layer: supply risk, cost, hazards.</summary>
/// <param name="HhiProduction">Mass-weighted Herfindahl–Hirschman index of production over the elements with data (0–10,000), or null.</param>
/// <param name="PriceUsdPerKg">Mass-weighted element price over the elements with a usable price, USD/kg, or null.</param>
/// <param name="Radioactive">Elements with no stable isotope.</param>
/// <param name="Toxic">Highly toxic elements (knowledge-base list).</param>
/// <param name="HydrogenKind">"hydrate or hydroxide" (H with O), "hydride" (H without O), or null.</param>
/// <param name="Satisfaction">Practicality satisfaction 0–1 (see <see cref="ScoringModel"/>).</param>
public sealed record PracticalityAssessment(double? HhiProduction, double? PriceUsdPerKg, IReadOnlyList<string> Radioactive,
    IReadOnlyList<string> Toxic, string? HydrogenKind, double Satisfaction)
{
    /// <summary>Flags for display: radioactive, toxic, hydrate/hydride.</summary>
    public IReadOnlyList<string> Flags =>
    [
        .. Radioactive.Select(e => $"radioactive {e}"),
        .. Toxic.Select(e => $"toxic {e}"),
        .. HydrogenKind is null ? Array.Empty<string>() : [$"{HydrogenKind}: water/H2 and H2S against sulfides"],
    ];
}

/// <summary>Assesses practicality from the knowledge base's element table (<see cref="ScreeningTables"/>).</summary>
internal sealed class PracticalityAssessor(ScreeningTables tables)
{
    private static readonly Element H = PeriodicTable.Get("H"), O = PeriodicTable.Get("O");

    /// <summary>The tables used.</summary>
    public ScreeningTables Tables { get; } = tables;

    /// <summary>Assesses a composition.</summary>
    public PracticalityAssessment Assess(Composition c)
    {
        double mass = c.Weight;
        double? Weighted(Func<ElementSupply, double?> value)
        {
            double sum = 0, w = 0;
            foreach (var (e, n) in c.Amounts)
            {
                if (Tables.Element(e.Symbol) is not { } s || value(s) is not { } v) continue;
                double f = e.AtomicMass * n / mass;
                sum += f * v;
                w += f;
            }
            return w > 0 ? sum / w : null;
        }
        var hhi = Weighted(s => s.HhiProduction);
        var price = Weighted(s => s.PriceUsed ? s.PriceUsdPerKg : null);
        var radioactive = c.Elements.Select(e => e.Symbol).Where(Tables.Radioactive.Contains).ToList();
        var toxic = c.Elements.Select(e => e.Symbol).Where(s => Tables.ToxicEntry(s) is not null).ToList();
        string? hydrogen = c.Contains(H) ? (c.Contains(O) ? "hydrate or hydroxide" : "hydride") : null;
        double supply = hhi is { } h ? ScoringModel.SupplyMargin.Satisfaction(h) : ScoringModel.Unknown;
        double cost = price is { } p ? ScoringModel.CostMargin.Satisfaction(Math.Log10(p)) : ScoringModel.Unknown;
        double s = (supply + cost) / 2 * (hydrogen is null ? 1 : ScoringModel.HydrogenFactor);
        return new PracticalityAssessment(hhi, price, radioactive, toxic, hydrogen, s);
    }

    /// <summary>The elements excluded by default (radioactive and highly toxic) minus the allowed ones.</summary>
    public IReadOnlySet<string> DefaultExcluded(IEnumerable<Element> allowed)
    {
        var set = new HashSet<string>(Tables.Radioactive, StringComparer.Ordinal);
        foreach (var t in Tables.Toxic) set.Add(t.Symbol);
        foreach (var e in allowed) set.Remove(e.Symbol);
        return set;
    }
}
