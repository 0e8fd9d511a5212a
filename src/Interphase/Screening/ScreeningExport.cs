using System.Globalization;
using System.Text;
using Interphase.Reporting;

namespace Interphase.Screening;

/// <summary>A flat, serialisable view of one ranked candidate (CSV row / JSON object).</summary>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="Formula">Reduced formula.</param>
/// <param name="Failed">Number of failed criteria.</param>
/// <param name="WorstRxnEvPerAtom">Most negative reaction energy over all partners, eV/atom.</param>
/// <param name="EAboveHullEvPerAtom">Energy above hull, eV/atom.</param>
/// <param name="RxnCathodeEvPerAtom">Most exothermic reaction with the discharged cathode, eV/atom.</param>
/// <param name="RxnChargedCathodeEvPerAtom">... with the charged cathode, eV/atom.</param>
/// <param name="RxnElectrolyteEvPerAtom">... with the electrolyte, eV/atom.</param>
/// <param name="RxnAnodeEvPerAtom">... with the anode, eV/atom.</param>
/// <param name="ReductionLimitVolts">Reduction limit, V vs Li/Li+.</param>
/// <param name="OxidationLimitVolts">Oxidation limit, V vs Li/Li+ (null: never oxidised or no stable range).</param>
/// <param name="Electronic">Electronic character (insulating, conducting, unknown).</param>
/// <param name="IonicConductivitySPerCm">Reported Li-ion conductivity, S/cm.</param>
/// <param name="BandGapEv">Reported band gap, eV.</param>
/// <param name="Criteria">Each criterion with value, requirement and pass/fail.</param>
public sealed record ScreeningRow(
    int Rank, string Formula, int Failed, double WorstRxnEvPerAtom, double EAboveHullEvPerAtom,
    double? RxnCathodeEvPerAtom, double? RxnChargedCathodeEvPerAtom, double? RxnElectrolyteEvPerAtom, double? RxnAnodeEvPerAtom,
    double? ReductionLimitVolts, double? OxidationLimitVolts, string Electronic, double? IonicConductivitySPerCm, double? BandGapEv,
    IReadOnlyList<CriterionResult> Criteria);

/// <summary>CSV, JSON-ready rows and HTML-report sections of a screening result.</summary>
public static class ScreeningExport
{
    /// <summary>Rows for serialisation (best first).</summary>
    public static IEnumerable<ScreeningRow> Rows(ScreeningResult result) => result.Candidates.Select(c => new ScreeningRow(
        c.Rank, c.Formula, c.Failed, Round(c.WorstReactionEnergy), Round(c.EnergyAboveHull),
        Rxn(c, "rxn_cathode"), Rxn(c, "rxn_charged_cathode"), Rxn(c, "rxn_electrolyte"), Rxn(c, "rxn_anode"),
        c.ReductionVolts is { } r ? Math.Round(r, 4) : null, c.OxidationVolts is { } o ? Math.Round(o, 4) : null,
        c.Electronic.ToString().ToLowerInvariant(), c.IonicConductivity, c.BandGap, c.Criteria));

    /// <summary>A JSON-ready summary: the setup and the ranked rows.</summary>
    public static object JsonModel(ScreeningResult result, int? top = null) => new
    {
        Cathode = result.Options.Cathode?.ToString(),
        ChargedCathode = result.ChargedCathode?.ToString(),
        TopOfChargeVolts = result.Options.Cathode is null ? (double?)null : result.Options.MaxVolts,
        Electrolyte = result.Options.Electrolyte.ToString(),
        Anode = result.Options.Anode?.ToString(),
        AnodeVolts = result.Options.Anode is null ? (double?)null : result.Options.AnodeVolts,
        MaxEAboveHullEvPerAtom = result.Options.MaxEnergyAboveHull,
        ReactionLimitEvPerAtom = result.Options.ReactionLimit,
        Exclude = result.Options.Exclude.Select(e => e.Symbol),
        Require = result.Options.Require.Select(e => e.Symbol),
        CandidateCount = result.Candidates.Count,
        PassingCount = result.Candidates.Count(c => c.PassesAll),
        result.ReactionCount,
        result.LpSolves,
        Seconds = Math.Round(result.Seconds, 3),
        Ranking = "fewest failed criteria, then least negative worst reaction energy, then lowest energy above hull",
        Candidates = Rows(result).Take(top ?? int.MaxValue),
    };

    /// <summary>Writes the ranked table as CSV (one row per candidate, values in the units of the column names).</summary>
    public static void WriteCsv(ScreeningResult result, TextWriter writer)
    {
        var keys = result.CriterionKeys;
        var head = new List<string> { "rank", "formula", "failed", "worst_rxn_ev_per_atom", "e_above_hull_ev_per_atom",
            "rxn_cathode_ev_per_atom", "rxn_charged_cathode_ev_per_atom", "rxn_electrolyte_ev_per_atom", "rxn_anode_ev_per_atom",
            "reduction_limit_v", "oxidation_limit_v", "electronic", "ionic_conductivity_s_per_cm", "band_gap_ev" };
        head.AddRange(keys.Select(k => k + "_pass"));
        head.Add("products");
        writer.WriteLine(string.Join(',', head));
        foreach (var (row, c) in Rows(result).Zip(result.Candidates))
        {
            var f = new List<string>
            {
                row.Rank.ToString(CultureInfo.InvariantCulture), row.Formula, row.Failed.ToString(CultureInfo.InvariantCulture),
                N(row.WorstRxnEvPerAtom), N(row.EAboveHullEvPerAtom), N(row.RxnCathodeEvPerAtom), N(row.RxnChargedCathodeEvPerAtom),
                N(row.RxnElectrolyteEvPerAtom), N(row.RxnAnodeEvPerAtom), N(row.ReductionLimitVolts), N(row.OxidationLimitVolts),
                row.Electronic, N(row.IonicConductivitySPerCm), N(row.BandGapEv),
            };
            f.AddRange(keys.Select(k => c.Criterion(k)?.Passed switch { true => "pass", false => "fail", _ => "" }));
            f.Add(Quote(string.Join("; ", c.Criteria.Where(k => k.Key.StartsWith("rxn_", StringComparison.Ordinal) && k.Detail is not null)
                .Select(k => $"{k.Key[4..]}: {k.Detail}"))));
            writer.WriteLine(string.Join(',', f));
        }
    }

    /// <summary>The ranked table as CSV text.</summary>
    public static string ToCsv(ScreeningResult result)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(result, sw);
        return sw.ToString();
    }

    /// <summary>
    /// Adds a screening section to a report: the setup, the ranking rule, the top <paramref name="top"/> candidates with
    /// every criterion (value and pass/fail), and where chosen compounds (e.g. the known coatings) rank.
    /// </summary>
    /// <param name="report">The report to extend.</param>
    /// <param name="result">The screen.</param>
    /// <param name="top">Rows to show.</param>
    /// <param name="highlight">Formulas whose ranks are listed below the table (e.g. LiNbO3, Li3PO4).</param>
    /// <param name="heading">Section heading.</param>
    public static HtmlReport AddScreeningSection(this HtmlReport report, ScreeningResult result, int top = 25,
        IEnumerable<string>? highlight = null, string heading = "Coating and interlayer screening")
    {
        var o = result.Options;
        report.Section(heading);
        report.Paragraph("Criteria of 001_9ddcaf3869a721a2.txt, Section 4.1.4: phase stability (energy above hull), chemical stability " +
            "(most exothermic pseudo-binary reaction energy with each neighbour, reactants at their hull energies), electrochemical " +
            "stability (Li window against the cathode's top of charge and the anode's potential) and electronic insulation.");
        report.KeyValues(new (string, object?)[]
        {
            ("Cathode (discharged)", o.Cathode?.ToString() ?? "—"),
            ("Cathode (charged)", result.ChargedCathode?.ToString() ?? "—"),
            ("Top of charge", o.Cathode is null ? "—" : $"{o.MaxVolts.ToString("0.###", CultureInfo.InvariantCulture)} V vs Li/Li+"),
            ("Electrolyte", o.Electrolyte.ToString()),
            ("Anode", o.Anode is null ? "—" : $"{o.Anode} at {o.AnodeVolts.ToString("0.###", CultureInfo.InvariantCulture)} V vs Li/Li+"),
            ("Candidates", $"{result.Candidates.Count} Li compounds within {o.MaxEnergyAboveHull.ToString("0.###", CultureInfo.InvariantCulture)} eV/atom of the hull"),
            ("Passing every criterion", result.Candidates.Count(c => c.PassesAll)),
            ("Reaction limit", $"−{o.ReactionLimit.ToString("0.###", CultureInfo.InvariantCulture)} eV/atom"),
            ("Ranking", "fewest failed criteria → least negative worst reaction energy → lowest energy above hull"),
        });
        var keys = result.CriterionKeys;
        var headers = new List<string> { "rank", "formula", "failed" };
        headers.AddRange(keys.Select(Label));
        headers.Add("σ Li+ (S/cm)");
        var rows = result.Candidates.Take(top).Select(c =>
        {
            var r = new List<object?> { c.Rank, c.Formula, c.Failed };
            r.AddRange(keys.Select(k => (object?)Cell(c.Criterion(k))));
            r.Add(c.IonicConductivity is { } s ? s.ToString("0.#E+0", CultureInfo.InvariantCulture) : "");
            return (IReadOnlyList<object?>)r;
        });
        report.Table(headers, rows, $"Top {Math.Min(top, result.Candidates.Count)} of {result.Candidates.Count}; ✓ pass, ✗ fail");
        foreach (var f in highlight ?? [])
        {
            var c = result.Find(f);
            if (c is null) { report.Note($"{f}: not among the candidates", Verdict.Info); continue; }
            var verdict = c.PassesAll ? Verdict.Ok : c.Failed == 1 ? Verdict.Warning : Verdict.Fail;
            var failed = c.Criteria.Where(k => k.Passed == false).Select(k => k.Key.Replace('_', ' ').Replace("rxn ", "reaction with ")).ToList();
            report.Note($"{c.Formula}: rank {c.Rank} of {result.Candidates.Count}; worst reaction {Fixed(c.WorstReactionEnergy, 3)} eV/atom"
                + (failed.Count > 0 ? $"; fails {string.Join(", ", failed)}" : "; passes every criterion"), verdict);
        }
        return report;
    }

    private static string Label(string key) => key switch
    {
        "e_above_hull" => "E hull (eV/atom)",
        "rxn_cathode" => "rxn cathode (eV/atom)",
        "rxn_charged_cathode" => "rxn charged (eV/atom)",
        "rxn_electrolyte" => "rxn electrolyte (eV/atom)",
        "rxn_anode" => "rxn anode (eV/atom)",
        "oxidation_limit" => "oxidation limit (V)",
        "reduction_limit" => "reduction limit (V)",
        "electronic" => "electronic",
        _ => key,
    };

    private static string Cell(CriterionResult? c)
    {
        if (c is null) return "";
        string mark = c.Passed switch { true => " ✓", false => " ✗", _ => "" };
        string value = c.Value is { } v ? Fixed(v, c.Unit == "V" ? 2 : 3)
            : c.Key == "oxidation_limit" && c.Detail == "never oxidised" ? "∞"
            : c.Key == "electronic" ? (c.Detail?.Split(':')[0] ?? "") : "—";
        return value + mark;
    }

    /// <summary>Fixed-point text without a negative zero (−0.0001 at 3 digits reads 0.000).</summary>
    public static string Fixed(double v, int digits)
    {
        double r = Math.Round(v, digits);
        return (r == 0 ? 0 : r).ToString("F" + digits, CultureInfo.InvariantCulture);
    }

    private static double Round(double v) => Math.Round(v, 5);
    private static double? Rxn(ScreenedCandidate c, string key) => c.Reactions.TryGetValue(key, out var r) ? Round(r.EnergyPerAtom) : null;
    private static string N(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
    private static string Quote(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
