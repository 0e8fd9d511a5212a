using Interphase.Chemistry;

namespace Interphase.Screening;

/// <summary>
/// The inputs of a screen as users type them (formulas and element lists as text, unset values taking the defaults),
/// named as the CLI's <c>screen</c> options (snake_case in JSON): one definition for the CLI and the web API.
/// </summary>
public sealed record ScreeningRequest
{
    /// <summary>Solid electrolyte, e.g. Li6PS5Cl (required).</summary>
    public string Electrolyte { get; init; } = "";
    /// <summary>Discharged cathode (screens cathode coatings).</summary>
    public string? Cathode { get; init; }
    /// <summary>Charged cathode composition (default: the knowledge base's charged-state table, else 75 % of the Li removed).</summary>
    public string? Charged { get; init; }
    /// <summary>Fraction of the cathode's Li removed at top of charge, instead of <see cref="Charged"/>.</summary>
    public double? Delithiation { get; init; }
    /// <summary>Top of charge, V vs Li/Li+ (default: the charged-state table's voltage, else 4.3 V).</summary>
    public double? MaxVolts { get; init; }
    /// <summary>Anode (screens anode interlayers), e.g. Li.</summary>
    public string? Anode { get; init; }
    /// <summary>Anode potential, V vs Li/Li+.</summary>
    public double? AnodeVolts { get; init; }
    /// <summary>Candidates within this energy above hull, eV/atom.</summary>
    public double? EAboveHull { get; init; }
    /// <summary>Reaction energy at which the reaction criterion is half met, eV/atom.</summary>
    public double? ReactionLimit { get; init; }
    /// <summary>Criterion weights, e.g. "rxn_electrolyte=2,practicality=0.5".</summary>
    public string? Weights { get; init; }
    /// <summary>Radioactive or highly toxic elements to admit, e.g. "Be,Pb".</summary>
    public string? AllowElements { get; init; }
    /// <summary>No practicality criterion and no element left out.</summary>
    public bool NoPracticality { get; init; }
    /// <summary>Layer thickness for the ASR a layer adds, nm.</summary>
    public double? ThicknessNm { get; init; }
    /// <summary>Elements candidates must not contain, e.g. "S,Se".</summary>
    public string? Exclude { get; init; }
    /// <summary>Elements candidates must all contain, e.g. "O".</summary>
    public string? Require { get; init; }
    /// <summary>Screen only these compounds, comma-separated.</summary>
    public string? Candidates { get; init; }
    /// <summary>The electrolyte's processing: cold-press, co-sinter, sputter or a temperature in °C (default: by electrolyte family).</summary>
    public string? Processing { get; init; }
    /// <summary>Rows in the answer (the CSV download has all).</summary>
    public int? Top { get; init; }

    /// <summary>The screen's options, validated.</summary>
    /// <param name="optionName">How the caller's users name an input in messages, from its snake_case key (the CLI:
    /// <c>allow_elements</c> → <c>--allow-elements</c>); null: the key itself.</param>
    /// <param name="allowWeightsFile">Whether <see cref="Weights"/> may name a YAML file to read: the CLI's user names
    /// their own file; a web request must not make the server read or probe its files.</param>
    /// <exception cref="InterphaseException">A formula, element or number is unusable.</exception>
    public ScreeningOptions ToOptions(Func<string, string>? optionName = null, bool allowWeightsFile = false)
    {
        string N(string key) => optionName?.Invoke(key) ?? key;
        if (!allowWeightsFile && Weights?.Trim() is { } w && (w.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || w.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)))
            throw new ScreeningException($"{N("weights")}: give criterion=weight pairs (e.g. rxn_electrolyte=2,practicality=0.5); a weights file is read only by the command line");
        if (string.IsNullOrWhiteSpace(Electrolyte)) throw new ScreeningException($"{N("electrolyte")} is required (e.g. Li6PS5Cl)");
        if (Top is < 1) throw new ScreeningException($"{N("top")} {Top}: give a positive number of rows");
        var o = new ScreeningOptions
        {
            Electrolyte = Composition.Parse(Electrolyte.Trim()),
            Cathode = Parse(Cathode),
            ChargedCathode = Parse(Charged),
            Delithiation = Delithiation,
            MaxVolts = MaxVolts,
            Anode = Parse(Anode),
            AnodeVolts = AnodeVolts ?? 0.0,
            MaxEnergyAboveHull = EAboveHull ?? 0.03,
            ReactionLimit = ReactionLimit ?? 0.1,
            Exclude = Elements(N("exclude"), Exclude),
            Require = Elements(N("require"), Require),
            AllowElements = Elements(N("allow_elements"), AllowElements),
            NoPracticality = NoPracticality,
            LayerThicknessNm = ThicknessNm ?? 10,
            Processing = string.IsNullOrWhiteSpace(Processing) ? null : Processing.Trim(),
            Scoring = string.IsNullOrWhiteSpace(Weights) ? ScoringModel.Default : ScoringModel.Default.WithWeights(Weights),
            Formulas = string.IsNullOrWhiteSpace(Candidates) ? null
                : Candidates.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries).Select(Composition.Parse).ToList(),
        };
        if ((o.ChargedCathode is not null || o.Delithiation is not null || o.MaxVolts is not null) && o.Cathode is null)
            throw new ScreeningException($"{N("charged")}, {N("delithiation")} and {N("max_volts")} need {N("cathode")}");
        o.Validate();
        return o;
    }

    private static Composition? Parse(string? formula) => string.IsNullOrWhiteSpace(formula) ? null : Composition.Parse(formula.Trim());

    private static IReadOnlyList<Element> Elements(string option, string? list) => string.IsNullOrWhiteSpace(list)
        ? []
        : list.Split([',', ' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => PeriodicTable.TryGet(s) ?? throw new ScreeningException($"{option}: unknown element '{s}'")).Distinct().ToList();
}
