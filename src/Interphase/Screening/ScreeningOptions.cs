using System.Globalization;
using Interphase.Chemistry;

namespace Interphase.Screening;

/// <summary>
/// What to screen coatings (cathode side) or interlayers (anode side) for. Give a cathode for a cathode coating, an
/// anode for an anode interlayer, or both for a layer that must face both electrodes; the electrolyte is always
/// required. Criteria follow 001_9ddcaf3869a721a2.txt, Section 4.1.4: phase stability, chemical stability with the
/// electrode (discharged and charged) and the electrolyte, electrochemical stability, electronic insulation.
/// </summary>
public sealed record ScreeningOptions
{
    /// <summary>Default fraction of the cathode's Li removed at top of charge (NCM811 at 4.3 V: Li1 → Li0.25).</summary>
    public const double DefaultDelithiation = 0.75;

    /// <summary>Electrolyte composition (e.g. Li6PS5Cl).</summary>
    public required Composition Electrolyte { get; init; }

    /// <summary>Cathode in the discharged state (e.g. LiNi0.8Co0.1Mn0.1O2), or null for an anode-side screen.</summary>
    public Composition? Cathode { get; init; }

    /// <summary>Cathode at top of charge; null: <see cref="Cathode"/> with <see cref="Delithiation"/> of its Li removed.</summary>
    public Composition? ChargedCathode { get; init; }

    /// <summary>Fraction (0–1) of the cathode's Li removed at top of charge when <see cref="ChargedCathode"/> is not given.</summary>
    public double Delithiation { get; init; } = DefaultDelithiation;

    /// <summary>Top-of-charge potential of the cathode, V vs Li/Li+: a coating's oxidation limit must reach it.</summary>
    public double MaxVolts { get; init; } = 4.3;

    /// <summary>Anode (e.g. Li), or null for a cathode-side screen.</summary>
    public Composition? Anode { get; init; }

    /// <summary>Anode potential, V vs Li/Li+ (0 for Li metal): an interlayer's reduction limit must be at or below it.</summary>
    public double AnodeVolts { get; init; }

    /// <summary>Candidates: Li-containing compounds at most this far above the hull of their own system, eV/atom.</summary>
    public double MaxEnergyAboveHull { get; init; } = 0.03;

    /// <summary>A reaction with an electrode or the electrolyte passes when its most exothermic energy is above
    /// −ReactionLimit, eV/atom (0.1 eV/atom by default, the scale of the "less stable" oxide coatings of Section 4.1.4).</summary>
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

    /// <summary>The charged cathode: <see cref="ChargedCathode"/>, or <see cref="Cathode"/> with part of its Li removed.</summary>
    public Composition? EffectiveChargedCathode
    {
        get
        {
            if (ChargedCathode is not null || Cathode is null) return ChargedCathode;
            var li = PeriodicTable.Get("Li");
            double n = Cathode[li];
            if (n <= 0) return Cathode;
            return new Composition(Cathode.Amounts.Select(kv => ReferenceEquals(kv.Key, li) ? new KeyValuePair<Element, double>(li, n * (1 - Delithiation)) : kv));
        }
    }

    /// <summary>Checks the options.</summary>
    /// <exception cref="ScreeningException">A missing electrode, an impossible number or conflicting element lists.</exception>
    public void Validate()
    {
        static string F(double v) => v.ToString("G", CultureInfo.InvariantCulture);
        if (Cathode is null && Anode is null)
            throw new ScreeningException("give a cathode (coating screen), an anode (interlayer screen) or both");
        if (!(Delithiation is >= 0 and <= 1))
            throw new ScreeningException($"delithiation {F(Delithiation)}: give a fraction of the cathode's Li between 0 and 1");
        if (!double.IsFinite(MaxVolts) || MaxVolts <= 0)
            throw new ScreeningException($"top of charge {F(MaxVolts)} V: give a positive voltage vs Li/Li+");
        if (!double.IsFinite(AnodeVolts) || AnodeVolts < 0)
            throw new ScreeningException($"anode potential {F(AnodeVolts)} V: give a voltage of 0 V or more vs Li/Li+");
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

/// <summary>A screening problem the user can fix (bad options, no candidates).</summary>
public sealed class ScreeningException(string message) : InterphaseException(message);
