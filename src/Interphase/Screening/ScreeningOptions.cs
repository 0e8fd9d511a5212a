using System.Globalization;
using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Screening;

/// <summary>
/// What to screen coatings (cathode side) or interlayers (anode side) for. Give a cathode for a cathode coating, an
/// anode for an anode interlayer, or both for a layer that must face both electrodes; the electrolyte is always
/// required. Criteria follow Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1.4: phase stability, chemical stability with the
/// electrode (discharged and charged) and the electrolyte, electrochemical stability, electronic insulation, Li-ion
/// transport, and practicality (see <see cref="ScoringModel"/>).
/// </summary>
public sealed record ScreeningOptions
{
    /// <summary>Fraction of the cathode's Li removed at top of charge for a cathode the charged-state table does not
    /// know, when neither <see cref="ChargedCathode"/> nor <see cref="Delithiation"/> is given (NCM811 at 4.3 V: Li1 → Li0.25).</summary>
    public const double DefaultDelithiation = 0.75;

    /// <summary>Top of charge for a cathode the charged-state table does not know, V vs Li/Li+.</summary>
    public const double DefaultMaxVolts = 4.3;

    /// <summary>Electrolyte composition (e.g. Li6PS5Cl).</summary>
    public required Composition Electrolyte { get; init; }

    /// <summary>Cathode in the discharged state (e.g. LiNi0.8Co0.1Mn0.1O2), or null for an anode-side screen.</summary>
    public Composition? Cathode { get; init; }

    /// <summary>Cathode at top of charge; null: from <see cref="Delithiation"/>, else from the knowledge base's
    /// charged-state table (<see cref="ScreeningTables.ChargedStates"/>), else <see cref="DefaultDelithiation"/>.</summary>
    public Composition? ChargedCathode { get; init; }

    /// <summary>Fraction (0–1) of the cathode's Li removed at top of charge; null: see <see cref="ChargedCathode"/>.</summary>
    public double? Delithiation { get; init; }

    /// <summary>Top-of-charge potential of the cathode, V vs Li/Li+ (the coating's oxidation limit is judged against it);
    /// null: the charged-state table's voltage, else <see cref="DefaultMaxVolts"/>.</summary>
    public double? MaxVolts { get; init; }

    /// <summary>Anode (e.g. Li), or null for a cathode-side screen.</summary>
    public Composition? Anode { get; init; }

    /// <summary>Anode potential, V vs Li/Li+ (0 for Li metal): an interlayer's reduction limit must be at or below it.</summary>
    public double AnodeVolts { get; init; }

    /// <summary>Candidates: Li-containing compounds at most this far above the hull of their own system, eV/atom.</summary>
    public double MaxEnergyAboveHull { get; init; } = 0.03;

    /// <summary>Pass line of a reaction with an electrode or the electrolyte, eV/atom (positive): the reaction criterion is
    /// half satisfied at −ReactionLimit and its soft margin runs from 0 to −2 × ReactionLimit (0.1 eV/atom by default,
    /// the scale of the "less stable" oxide coatings of Section 4.1.4).</summary>
    public double ReactionLimit { get; init; } = 0.1;

    /// <summary>Candidates must not contain any of these elements.</summary>
    public IReadOnlyList<Element> Exclude { get; init; } = [];

    /// <summary>Candidates must contain all of these elements.</summary>
    public IReadOnlyList<Element> Require { get; init; } = [];

    /// <summary>When set, screen exactly these compounds (lowest entry of each formula; no Li or energy-above-hull
    /// prefilter) instead of every Li compound of the data.</summary>
    public IReadOnlyList<Composition>? Formulas { get; init; }

    /// <summary>Threads (default: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Elements admitted although radioactive or highly toxic (excluded by default).</summary>
    public IReadOnlyList<Element> AllowElements { get; init; } = [];

    /// <summary>True: no practicality criterion and no element excluded for being radioactive or toxic.</summary>
    public bool NoPracticality { get; init; }

    /// <summary>Weights of the score (see <see cref="ScoringModel"/>).</summary>
    public ScoringModel Scoring { get; init; } = ScoringModel.Default;

    /// <summary>Layer thickness for the ASR a layer adds (ASR = L/σ), nm; 10 nm is assumed typical of cathode coatings
    /// (a few to ten nanometres by sol–gel or atomic layer deposition).</summary>
    public double LayerThicknessNm { get; init; } = 10;

    /// <summary>The electrolyte's processing: a route (cold-press, co-sinter, sputter) or a temperature in °C; null:
    /// the default of the electrolyte's family (<see cref="ProcessingChoice.Resolve"/>). Candidates that melt or
    /// decompose below its temperature fail.</summary>
    public string? Processing { get; init; }

    /// <summary>The cathode at top of charge and its voltage, with where they come from; null without a cathode.</summary>
    public TopOfCharge? ResolveTopOfCharge(ScreeningTables tables)
    {
        if (Cathode is null) return null;
        var known = tables.FindChargedState(Cathode);
        double volts = MaxVolts ?? known?.TopOfChargeVolts ?? DefaultMaxVolts;
        string voltsFrom = MaxVolts is not null ? "given" : known is not null ? $"{known.Name} table" : "default";
        if (ChargedCathode is not null) return new TopOfCharge(ChargedCathode, volts, $"given; {voltsFrom} voltage", null);
        var li = PeriodicTable.Get("Li");
        Composition Remove(double fraction) => Cathode[li] <= 0 ? Cathode
            : new Composition(Cathode.Amounts.Select(kv => ReferenceEquals(kv.Key, li) ? new KeyValuePair<Element, double>(li, kv.Value * (1 - fraction)) : kv));
        if (Delithiation is { } d)
            return new TopOfCharge(Remove(d), volts, $"{F(d * 100)} % of the Li removed (given); {voltsFrom} voltage", null);
        if (known is not null)
            return new TopOfCharge(Remove(1 - known.Charged[li] / known.Discharged[li]), volts,
                $"charged-state table: {known.Name} → {known.Charged} at {F(known.TopOfChargeVolts)} V{(MaxVolts is null ? "" : "; given voltage")}", known);
        return new TopOfCharge(Remove(DefaultDelithiation), volts,
            $"not in the charged-state table: assumed {F(DefaultDelithiation * 100)} % of the Li removed; {voltsFrom} voltage", null);
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Checks the options.</summary>
    /// <exception cref="ScreeningException">A missing electrode, an impossible number or conflicting element lists.</exception>
    public void Validate()
    {
        static string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);
        if (Cathode is null && Anode is null)
            throw new ScreeningException("give a cathode (coating screen), an anode (interlayer screen) or both");
        if (Delithiation is { } d && !(d is >= 0 and <= 1))
            throw new ScreeningException($"delithiation {F(d)}: give a fraction of the cathode's Li between 0 and 1");
        if (Delithiation is not null && ChargedCathode is not null)
            throw new ScreeningException("give either a charged cathode composition or a delithiation, not both");
        if (MaxVolts is { } v && (!double.IsFinite(v) || v <= 0 || v > Quantities.PhysicalLimits.MaxVoltsVsLi))
            throw new ScreeningException($"top of charge {F(v)} V: give a voltage above 0 and at most {Quantities.PhysicalLimits.MaxVoltsVsLi} V vs Li/Li+");
        if (!double.IsFinite(LayerThicknessNm) || LayerThicknessNm <= 0)
            throw new ScreeningException($"layer thickness {F(LayerThicknessNm)} nm: give a positive thickness");
        var both2 = AllowElements.Intersect(Exclude).Select(e => e.Symbol).ToList();
        if (both2.Count > 0)
            throw new ScreeningException($"element(s) {string.Join(", ", both2)} both allowed and excluded");
        if (!double.IsFinite(AnodeVolts) || AnodeVolts < 0 || AnodeVolts > Quantities.PhysicalLimits.MaxVoltsVsLi)
            throw new ScreeningException($"anode potential {F(AnodeVolts)} V: give a voltage from 0 to {Quantities.PhysicalLimits.MaxVoltsVsLi} V vs Li/Li+");
        if (!double.IsFinite(MaxEnergyAboveHull) || MaxEnergyAboveHull < 0)
            throw new ScreeningException($"energy above hull {F(MaxEnergyAboveHull)} eV/atom: give 0 or more");
        if (!double.IsFinite(ReactionLimit) || ReactionLimit < 0)
            throw new ScreeningException($"reaction limit {F(ReactionLimit)} eV/atom: give 0 or more (magnitude of the allowed reaction energy)");
        var both = Exclude.Intersect(Require).Select(e => e.Symbol).ToList();
        if (both.Count > 0)
            throw new ScreeningException($"element(s) {string.Join(", ", both)} both required and excluded");
        if (Exclude.Any(e => e.Symbol == "Li"))
            throw new ScreeningException("Li cannot be excluded: candidates are Li-containing compounds");
        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
            throw new ScreeningException($"threads {MaxDegreeOfParallelism}: give a positive number, or -1 for all cores");
    }
}

/// <summary>The cathode at top of charge used by a screen.</summary>
/// <param name="Charged">Charged composition.</param>
/// <param name="Volts">Top-of-charge voltage, V vs Li/Li+.</param>
/// <param name="Basis">Where composition and voltage come from (given, charged-state table, default).</param>
/// <param name="TableEntry">The charged-state table entry used, when one was.</param>
public sealed record TopOfCharge(Composition Charged, double Volts, string Basis, CathodeChargedState? TableEntry);

/// <summary>A screening problem the user can fix (bad options, no candidates).</summary>
public sealed class ScreeningException(string message) : InterphaseException(message);
