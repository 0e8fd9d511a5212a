using Interphase.Chemistry;
using Interphase.Screening;

namespace Interphase.Web.Api;

/// <summary>Inputs of a screen, named as the CLI's <c>screen</c> options (snake_case in JSON).</summary>
public sealed record ScreenRequest
{
    /// <summary>Solid electrolyte, e.g. Li6PS5Cl (required).</summary>
    public string Electrolyte { get; init; } = "";
    /// <summary>Discharged cathode (screens cathode coatings).</summary>
    public string? Cathode { get; init; }
    /// <summary>Charged cathode composition (default: the cathode with <see cref="Delithiation"/> of its Li removed).</summary>
    public string? Charged { get; init; }
    /// <summary>Fraction of the cathode's Li removed at top of charge.</summary>
    public double? Delithiation { get; init; }
    /// <summary>Top of charge, V vs Li/Li+.</summary>
    public double? MaxVolts { get; init; }
    /// <summary>Anode (screens anode interlayers), e.g. Li.</summary>
    public string? Anode { get; init; }
    /// <summary>Anode potential, V vs Li/Li+.</summary>
    public double? AnodeVolts { get; init; }
    /// <summary>Candidates within this energy above hull, eV/atom.</summary>
    public double? EAboveHull { get; init; }
    /// <summary>Reaction energies below minus this fail, eV/atom.</summary>
    public double? ReactionLimit { get; init; }
    /// <summary>Elements candidates must not contain, e.g. "S,Se".</summary>
    public string? Exclude { get; init; }
    /// <summary>Elements candidates must all contain, e.g. "O".</summary>
    public string? Require { get; init; }
    /// <summary>Screen only these compounds, comma-separated.</summary>
    public string? Candidates { get; init; }
    /// <summary>Rows in the answer (the CSV download has all).</summary>
    public int? Top { get; init; }

    /// <summary>The library's options, validated as the CLI validates them.</summary>
    /// <exception cref="InterphaseException">A formula, element or number is unusable.</exception>
    public ScreeningOptions ToOptions()
    {
        if (string.IsNullOrWhiteSpace(Electrolyte)) throw new ScreeningException("the electrolyte is required (e.g. Li6PS5Cl)");
        if (Top is < 1) throw new ScreeningException($"top {Top}: give a positive number of rows");
        var o = new ScreeningOptions
        {
            Electrolyte = Composition.Parse(Electrolyte.Trim()),
            Cathode = Parse(Cathode),
            ChargedCathode = Parse(Charged),
            Delithiation = Delithiation ?? ScreeningOptions.DefaultDelithiation,
            MaxVolts = MaxVolts ?? 4.3,
            Anode = Parse(Anode),
            AnodeVolts = AnodeVolts ?? 0.0,
            MaxEnergyAboveHull = EAboveHull ?? 0.03,
            ReactionLimit = ReactionLimit ?? 0.1,
            Exclude = Elements(Exclude),
            Require = Elements(Require),
            Formulas = string.IsNullOrWhiteSpace(Candidates) ? null
                : Candidates.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Composition.Parse).ToList(),
        };
        if (o.ChargedCathode is not null && o.Cathode is null) throw new ScreeningException("a charged cathode needs the cathode");
        o.Validate();
        return o;
    }

    private static Composition? Parse(string? formula) => string.IsNullOrWhiteSpace(formula) ? null : Composition.Parse(formula.Trim());

    private static IReadOnlyList<Element> Elements(string? list) => string.IsNullOrWhiteSpace(list)
        ? []
        : list.Split([',', ' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(PeriodicTable.Get).Distinct().ToList();
}
