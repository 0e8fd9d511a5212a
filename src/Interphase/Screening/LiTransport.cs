using System.Globalization;
using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Screening;

/// <summary>What a candidate's Li⁺ transport criterion stands on.</summary>
public enum TransportBasis
{
    /// <summary>A measured conductivity of the form coatings are deposited in (conductivity table, else the knowledge
    /// base's reported values).</summary>
    Measured,
    /// <summary>Reported as a Li⁺ blocker by the knowledge base, without a number.</summary>
    Blocker,
    /// <summary>No measurement of the deposited form: no credit.</summary>
    Unknown,
}

/// <summary>The Li⁺ conductivity the screen uses for one compound, and where it comes from.</summary>
/// <param name="Basis">Measured, blocker or unknown.</param>
/// <param name="SigmaSPerCm">Conductivity of the deposited form, S/cm (measured only).</param>
/// <param name="Detail">Form and source, or why it is unknown (a form measured that is not the deposited one).</param>
/// <param name="Uncertain">The value is an unchecked order of magnitude.</param>
public sealed record TransportData(TransportBasis Basis, double? SigmaSPerCm, string Detail, bool Uncertain)
{
    /// <summary>The conductivity is at most <see cref="SigmaSPerCm"/>: the ASR it gives is a lower bound.</summary>
    public bool UpperBound { get; init; }

    /// <summary>The basis as the JSON and tables name it: measured, blocker, unknown.</summary>
    public string BasisName => Basis.ToString().ToLowerInvariant();
}

/// <summary>
/// Li⁺ conductivities for the transport criterion: the conductivity table (<c>li_conductivity.yaml</c>, by form; only
/// the deposited form counts), else the knowledge base's highest reported value for the formula (review-cited), else
/// unknown.
/// </summary>
internal sealed class LiTransportTable
{
    private readonly Dictionary<string, List<LiConductivity>> _table;
    private readonly IReadOnlyDictionary<string, (double? Sigma, double? Gap)> _reported;

    public LiTransportTable(ScreeningTables tables, IReadOnlyDictionary<string, (double? Sigma, double? Gap)> reported)
    {
        _table = tables.Conductivities.GroupBy(c => c.Formula, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _reported = reported;
    }

    private static string S(double v) => v.ToString("0.#E+0", CultureInfo.InvariantCulture);

    public TransportData Lookup(string reducedFormula, bool? ionicConductor, string? characterReason)
    {
        if (_table.TryGetValue(reducedFormula, out var forms))
        {
            var used = forms.Where(f => f.Deposited).MaxBy(f => f.SigmaSPerCm);
            if (used is not null)
                return new TransportData(TransportBasis.Measured, used.SigmaSPerCm,
                    $"σ {(used.UpperBound ? "≤ " : "")}{S(used.SigmaSPerCm)} S/cm, {used.Form}{(used.Uncertain ? " (uncertain)" : "")}{(used.UpperBound ? " (upper bound)" : "")} [{used.SourceText}]",
                    used.Uncertain) { UpperBound = used.UpperBound };
            var other = string.Join("; ", forms.Select(f => $"{f.Form} {S(f.SigmaSPerCm)} S/cm [{f.SourceText}]"));
            return new TransportData(TransportBasis.Unknown, null, $"deposited form not measured (measured: {other})", false);
        }
        if (_reported.GetValueOrDefault(reducedFormula).Sigma is { } sigma and > 0)
            return new TransportData(TransportBasis.Measured, sigma, $"σ {S(sigma)} S/cm (knowledge base, highest reported)", false);
        if (ionicConductor == false)
            return new TransportData(TransportBasis.Blocker, null, $"blocks Li⁺ (knowledge base: {characterReason})", false);
        return new TransportData(TransportBasis.Unknown, null, "conductivity unknown: no credit", false);
    }
}

/// <summary>The electrolyte's processing a screen checks candidates against.</summary>
/// <param name="Route">The route (null for a bare temperature).</param>
/// <param name="TemperatureC">Processing temperature, °C.</param>
/// <param name="DryRoom">Handled in a dry room.</param>
/// <param name="Basis">Given, or the default of the electrolyte's family.</param>
public sealed record ProcessingChoice(ProcessingRoute? Route, double TemperatureC, bool DryRoom, string Basis)
{
    /// <summary>Electrolyte family from its composition: sulfide (S), halide (Cl/Br/I/F without O), oxynitride (N and
    /// O), oxide (O), nitride (N), else other.</summary>
    public static string Family(Composition electrolyte)
    {
        bool Has(string s) => electrolyte[s] > 0;
        if (Has("S")) return "sulfide";
        if (!Has("O") && (Has("Cl") || Has("Br") || Has("I") || Has("F"))) return "halide";
        if (Has("O") && Has("N")) return "oxynitride";
        if (Has("O")) return "oxide";
        if (Has("N")) return "nitride";
        return "other";
    }

    /// <summary>Resolves the <c>--processing</c> value: a route id (cold-press, co-sinter, sputter), a temperature in °C,
    /// or null for the default of the electrolyte's family (room temperature, no dry room, when no route names it).</summary>
    /// <exception cref="ScreeningException">An unknown route or a temperature that is not a number.</exception>
    public static ProcessingChoice Resolve(string? spec, Composition electrolyte, ScreeningTables tables)
    {
        string family = Family(electrolyte);
        if (string.IsNullOrWhiteSpace(spec))
        {
            var r = tables.ProcessingRoutes.FirstOrDefault(p => p.Families.Contains(family));
            return r is null
                ? new ProcessingChoice(null, 25, false, $"{family} electrolyte: no default route; room temperature assumed")
                : new ProcessingChoice(r, r.TemperatureC, r.DryRoom, $"default for the {family} family [{r.Reference}]");
        }
        var s = spec.Trim();
        if (tables.ProcessingRoutes.FirstOrDefault(p => string.Equals(p.Id, s, StringComparison.OrdinalIgnoreCase)) is { } route)
            return new ProcessingChoice(route, route.TemperatureC, route.DryRoom, $"given [{route.Reference}]");
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && double.IsFinite(t) && t > -273.15)
        {
            var dry = tables.ProcessingRoutes.FirstOrDefault(p => p.Families.Contains(family))?.DryRoom ?? false;
            return new ProcessingChoice(null, t, dry, "given temperature");
        }
        throw new ScreeningException($"processing '{s}': give {string.Join(", ", tables.ProcessingRoutes.Select(p => p.Id))} or a temperature in °C");
    }

    /// <summary>"co-sintered with the cathode, 700 °C".</summary>
    public string Describe() => $"{Route?.Name ?? "processing"} at {TemperatureC.ToString("0", CultureInfo.InvariantCulture)} °C"
        + (DryRoom ? " (dry room)" : "") + $" — {Basis}";
}
