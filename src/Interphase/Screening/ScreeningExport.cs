using CsvHelper;
using System.Globalization;
using Interphase.Knowledge;
using Interphase.Reporting;

namespace Interphase.Screening;

/// <summary>A flat, serialisable view of one ranked candidate (CSV row / JSON object).</summary>
/// <param name="Rank">Rank, 1 = best.</param>
/// <param name="Formula">Reduced formula.</param>
/// <param name="Score">Score 0–1 (weighted mean satisfaction; see <see cref="ScoringModel"/>).</param>
/// <param name="Failed">Number of criteria past the midpoint of their margin.</param>
/// <param name="Costs">The criteria that cost the score most, costliest first (<c>key −cost</c>).</param>
/// <param name="WorstRxnEvPerAtom">Most negative reaction energy over all partners, eV/atom.</param>
/// <param name="EAboveHullEvPerAtom">Energy above hull, eV/atom.</param>
/// <param name="RxnCathodeEvPerAtom">Most exothermic reaction with the discharged cathode, eV/atom.</param>
/// <param name="RxnChargedCathodeEvPerAtom">... with the charged cathode, eV/atom.</param>
/// <param name="RxnElectrolyteEvPerAtom">... with the electrolyte, eV/atom.</param>
/// <param name="RxnAnodeEvPerAtom">... with the anode, eV/atom.</param>
/// <param name="ReductionLimitV">Reduction limit, V vs Li/Li+.</param>
/// <param name="OxidationLimitV">Oxidation limit, V vs Li/Li+ (null: never oxidised or no stable range).</param>
/// <param name="Electronic">Electronic character (insulating, conducting, unknown).</param>
/// <param name="IonicConductivitySPerCm">Reported Li-ion conductivity, S/cm.</param>
/// <param name="BandGapEv">Reported band gap, eV.</param>
/// <param name="AsrOhmCm2">ASR a layer of the screen's thickness adds, Ω·cm², where the conductivity is known.</param>
/// <param name="HhiProduction">Mass-weighted Herfindahl–Hirschman index of production.</param>
/// <param name="PriceUsdPerKg">Mass-weighted element price, USD/kg.</param>
/// <param name="Flags">Practicality flags (hydrate/hydride, toxic or radioactive elements when admitted).</param>
/// <param name="Criteria">Each criterion with value, satisfaction, contribution and cost.</param>
/// <param name="TransportBasis">What the Li⁺ transport criterion stands on: measured, blocker or unknown.</param>
/// <param name="TransportDetail">The conductivity and form used, with its source, or why it is unknown.</param>
/// <param name="Fails">Rules failed outright (chemistry, processing, li_transport): such rows rank last.</param>
/// <param name="ChemistryFlags">Anion classes and oxidation-state rules that match, with their sources.</param>
/// <param name="OxidationStates">Oxidation state of each element (null: none balances).</param>
/// <param name="AheadOfBestKnown">Where it is ahead of the best-ranked literature layer of the screen.</param>
public sealed record ScreeningRow(
    int Rank, string Formula, double Score, int Failed, IReadOnlyList<string> Costs, double WorstRxnEvPerAtom, double EAboveHullEvPerAtom,
    double? RxnCathodeEvPerAtom, double? RxnChargedCathodeEvPerAtom, double? RxnElectrolyteEvPerAtom, double? RxnAnodeEvPerAtom,
    double? ReductionLimitV, double? OxidationLimitV, string Electronic, double? IonicConductivitySPerCm, double? BandGapEv,
    double? AsrOhmCm2, double? HhiProduction, double? PriceUsdPerKg, IReadOnlyList<string> Flags, IReadOnlyList<CriterionResult> Criteria,
    string TransportBasis, string? TransportDetail, IReadOnlyList<string> Fails, IReadOnlyList<string> ChemistryFlags,
    IReadOnlyDictionary<string, double>? OxidationStates, string? AheadOfBestKnown)
{
    /// <summary>What the candidate's window stands on: <c>on_hull</c> (its own window) or <c>above_hull</c> (above its
    /// own hull by <see cref="EAboveHullEvPerAtom"/>: the window is that of its decomposition). Candidates are entries,
    /// so never <c>no_entry</c>.</summary>
    public string DataStatus => EAboveHullEvPerAtom > 0 ? "above_hull" : "on_hull";
}

/// <summary>A known coating or interlayer in the JSON output.</summary>
/// <param name="Formula">Formula.</param>
/// <param name="Side"><c>cathode</c> coating or <c>anode</c> interlayer.</param>
/// <param name="Rank">Rank (or the rank its score would have when it is not a candidate).</param>
/// <param name="Score">Score 0–1.</param>
/// <param name="IsCandidate">Among the ranked candidates.</param>
/// <param name="Note">Why it is not a candidate, when it is not.</param>
/// <param name="Costs">Costliest criteria.</param>
/// <param name="Source">Seed citation or the assumption behind the entry.</param>
public sealed record KnownLayerRow(string Formula, string Side, int? Rank, double? Score, bool IsCandidate, string? Note,
    IReadOnlyList<string> Costs, string Source);

/// <summary>A candidate left out of the screen.</summary>
/// <param name="Formula">Formula.</param>
/// <param name="Reason">Why (radioactive or highly toxic element).</param>
public sealed record ExcludedRow(string Formula, string Reason);

/// <summary>The JSON document of a screen.</summary>
/// <param name="Cathode">Discharged cathode.</param>
/// <param name="ChargedCathode">Charged cathode used.</param>
/// <param name="TopOfChargeV">Top of charge, V vs Li/Li+.</param>
/// <param name="TopOfChargeBasis">Where the charged state and voltage come from.</param>
/// <param name="TopOfChargeSource">Reference of the charged-state table entry, when used.</param>
/// <param name="Electrolyte">Electrolyte.</param>
/// <param name="Anode">Anode.</param>
/// <param name="AnodeV">Anode potential, V vs Li/Li+.</param>
/// <param name="MaxEAboveHullEvPerAtom">Candidate energy-above-hull limit, eV/atom.</param>
/// <param name="ReactionLimitEvPerAtom">Reaction pass line, eV/atom (magnitude).</param>
/// <param name="LayerThicknessNm">Layer thickness for the ASR, nm.</param>
/// <param name="Exclude">Excluded elements.</param>
/// <param name="Require">Required elements.</param>
/// <param name="AllowElements">Radioactive/toxic elements admitted.</param>
/// <param name="Practicality">Practicality scored and hazardous elements excluded.</param>
/// <param name="Weights">Weight of each criterion of the screen.</param>
/// <param name="Ranking">The ranking rule.</param>
/// <param name="CandidateCount">Candidates ranked.</param>
/// <param name="PassingCount">Candidates past the midpoint of every judged criterion.</param>
/// <param name="ExcludedCount">Candidates left out for radioactive or highly toxic elements.</param>
/// <param name="ReactionCount">Interface reactions computed.</param>
/// <param name="LpSolves">Linear programs solved.</param>
/// <param name="Seconds">Wall time, s.</param>
/// <param name="Known">The literature's layers with rank and score.</param>
/// <param name="Excluded">Candidates left out, with the reason.</param>
/// <param name="Candidates">Ranked rows (top N).</param>
/// <param name="Processing">The electrolyte's processing the candidates were checked against.</param>
/// <param name="ProcessingC">Its temperature, °C.</param>
/// <param name="FailingCount">Candidates that fail a rule outright (ranked last).</param>
/// <param name="Sensitivity">How the top 10 moves when each weight is scaled by 0.5 and 1.5.</param>
public sealed record ScreeningJson(
    string? Cathode, string? ChargedCathode, double? TopOfChargeV, string? TopOfChargeBasis, string? TopOfChargeSource, string Electrolyte,
    string? Anode, double? AnodeV, double MaxEAboveHullEvPerAtom, double ReactionLimitEvPerAtom, double LayerThicknessNm,
    IReadOnlyList<string> Exclude, IReadOnlyList<string> Require, IReadOnlyList<string> AllowElements, bool Practicality,
    IReadOnlyDictionary<string, double> Weights, string Ranking, int CandidateCount, int PassingCount, int ExcludedCount,
    int ReactionCount, long LpSolves, double Seconds, IReadOnlyList<KnownLayerRow> Known, IReadOnlyList<ExcludedRow> Excluded,
    IReadOnlyList<ScreeningRow> Candidates, string? Processing, double? ProcessingC, int FailingCount, IReadOnlyList<SensitivityCase> Sensitivity);

/// <summary>CSV, JSON-ready rows and HTML-report sections of a screening result.</summary>
public static class ScreeningExport
{
    /// <summary>The ranking rule in words.</summary>
    public const string RankingRule = "candidates failing a rule (oxidiser, toxic oxidation state, melts or decomposes below the processing temperature, "
        + "measured ASR above 100 Ω·cm², known Li⁺ blocker) last; then score = Σ weight × satisfaction / Σ weight over the criteria (each through a soft margin, 0–1), highest first";

    /// <summary>Rows for serialisation (best first).</summary>
    public static IEnumerable<ScreeningRow> Rows(ScreeningResult result)
    {
        var best = ScreeningAnalysis.BestKnown(result);
        return result.Candidates.Select(c => Row(c, best));
    }

    private static ScreeningRow Row(ScreenedCandidate c, KnownLayerResult? best) => new(
        c.Rank, c.Formula, Math.Round(c.Score, 6), c.Failed, CostList(c), Round(c.WorstReactionEnergy), Round(c.EnergyAboveHull),
        Rxn(c, Criteria.RxnCathode), Rxn(c, Criteria.RxnChargedCathode), Rxn(c, Criteria.RxnElectrolyte), Rxn(c, Criteria.RxnAnode),
        c.ReductionVolts is { } r ? Math.Round(r, 4) : null, c.OxidationVolts is { } o ? Math.Round(o, 4) : null,
        c.Electronic.ToString().ToLowerInvariant(), c.IonicConductivity, c.BandGap, c.AsrOhmCm2 is { } a ? Math.Round(a, 6) : null,
        c.Practicality?.HhiProduction is { } h ? Math.Round(h) : null, c.Practicality?.PriceUsdPerKg is { } p ? Math.Round(p, 2) : null,
        c.Practicality?.Flags ?? [], c.Criteria.Select(k => k with
        {
            Satisfaction = Math.Round(k.Satisfaction, 6), Contribution = Math.Round(k.Contribution, 6), Cost = Math.Round(k.Cost, 6),
        }).ToList(),
        c.Transport?.BasisName ?? "unknown", c.Transport?.Detail, c.Fails, c.Chemistry?.Matches.Select(m => m.Describe()).ToList() ?? [],
        c.Chemistry?.States is { } st ? st.ToDictionary(kv => kv.Key, kv => Math.Round(kv.Value, 3)) : null,
        ScreeningAnalysis.GainsText(c, best));

    /// <summary>The costliest criteria of a candidate as text (<c>oxidation_limit −0.062</c>).</summary>
    public static IReadOnlyList<string> CostList(ScreenedCandidate c) =>
        c.Costs.Take(3).Select(k => $"{k.Key} −{Fixed(k.Cost, 3)}").ToList();

    /// <summary>The JSON document: the setup, the weights, the known layers and the ranked rows.</summary>
    public static ScreeningJson JsonModel(ScreeningResult result, int? top = null)
    {
        var o = result.Options;
        return new ScreeningJson(
            o.Cathode?.ToString(), result.ChargedCathode?.ToString(), result.MaxVolts, result.TopOfCharge?.Basis,
            result.TopOfCharge?.TableEntry?.Source.Display(), o.Electrolyte.ToString(), o.Anode?.ToString(),
            o.Anode is null ? null : o.AnodeVolts, o.MaxEnergyAboveHull, o.ReactionLimit, o.LayerThicknessNm,
            o.Exclude.Select(e => e.Symbol).ToList(), o.Require.Select(e => e.Symbol).ToList(), o.AllowElements.Select(e => e.Symbol).ToList(),
            !o.NoPracticality, result.CriterionKeys.ToDictionary(k => k, o.Scoring.Weight), RankingRule,
            result.Candidates.Count, result.Candidates.Count(c => c.PassesAll), result.Excluded?.Count ?? 0,
            result.ReactionCount, result.LpSolves, Math.Round(result.Seconds, 3),
            (result.Known ?? []).Select(KnownRow).ToList(),
            (result.Excluded ?? []).Select(x => new ExcludedRow(x.Formula, x.Reason)).ToList(),
            Rows(result).Take(top ?? int.MaxValue).ToList(), result.Processing?.Describe(), result.Processing?.TemperatureC,
            result.Candidates.Count(c => c.Vetoed), ScreeningAnalysis.Sensitivity(result));
    }

    private static KnownLayerRow KnownRow(KnownLayerResult k) => new(
        k.Layer.Formula, k.Layer.Side.ToString().ToLowerInvariant(), k.Rank, k.Candidate is { } c ? Math.Round(c.Score, 6) : null,
        k.IsCandidate, k.Note, k.Candidate is { } c2 ? CostList(c2) : [], Source(k.Layer));

    /// <summary>Where a known layer comes from (seed citation, or the flag saying why there is none).</summary>
    public static string Source(KnownLayer layer) =>
        layer.Citation?.ToString() ?? string.Join("; ", layer.Flags.Select(f => $"{f.Kind}: {f.Note}"));

    /// <summary>Writes the ranked table as CSV (one row per candidate, values in the units of the column names).</summary>
    public static void WriteCsv(ScreeningResult result, TextWriter writer)
    {
        var keys = result.CriterionKeys;
        var head = new List<string> { "rank", "formula", "score", "failed", "costs", "worst_rxn_ev_per_atom", "e_above_hull_ev_per_atom",
            "rxn_cathode_ev_per_atom", "rxn_charged_cathode_ev_per_atom", "rxn_electrolyte_ev_per_atom", "rxn_anode_ev_per_atom",
            "reduction_limit_v", "oxidation_limit_v", "electronic", "ionic_conductivity_s_cm", "band_gap_ev", "asr_ohm_cm2",
            "hhi_production", "price_usd_per_kg", "flags", "transport_basis", "fails", "chemistry_flags" };
        foreach (var k in keys)
        {
            head.Add(k + "_satisfaction");
            head.Add(k + "_contribution");
        }
        head.Add("products");
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = Environment.NewLine }, leaveOpen: true);
        foreach (var h in head) csv.WriteField(h);
        csv.EndRecord();
        foreach (var (row, c) in Rows(result).Zip(result.Candidates))
        {
            var f = new List<string>
            {
                row.Rank.ToString(CultureInfo.InvariantCulture), row.Formula, N(row.Score), row.Failed.ToString(CultureInfo.InvariantCulture),
                string.Join("; ", row.Costs), N(row.WorstRxnEvPerAtom), N(row.EAboveHullEvPerAtom), N(row.RxnCathodeEvPerAtom),
                N(row.RxnChargedCathodeEvPerAtom), N(row.RxnElectrolyteEvPerAtom), N(row.RxnAnodeEvPerAtom), N(row.ReductionLimitV),
                N(row.OxidationLimitV), row.Electronic, N(row.IonicConductivitySPerCm), N(row.BandGapEv), N(row.AsrOhmCm2),
                N(row.HhiProduction), N(row.PriceUsdPerKg), string.Join("; ", row.Flags), row.TransportBasis, string.Join("; ", row.Fails),
                string.Join("; ", row.ChemistryFlags),
            };
            foreach (var k in keys)
            {
                var cr = row.Criteria.FirstOrDefault(x => x.Key == k);
                f.Add(N(cr?.Satisfaction));
                f.Add(N(cr?.Contribution));
            }
            f.Add(string.Join("; ", c.Criteria.Where(k => k.Key.StartsWith("rxn_", StringComparison.Ordinal) && k.Detail is not null)
                .Select(k => $"{k.Key[4..]}: {k.Detail}")));
            foreach (var field in f) csv.WriteField(field);
            csv.EndRecord();
        }
        csv.Flush();
    }

    /// <summary>The ranked table as CSV text.</summary>
    public static string ToCsv(ScreeningResult result)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture);
        WriteCsv(result, sw);
        return sw.ToString();
    }

    /// <summary>
    /// Adds a screening section to a report: the setup, the score and its weights, the top <paramref name="top"/>
    /// candidates with every criterion, and where the literature's layers (and any chosen compounds) rank.
    /// </summary>
    /// <param name="report">The report to extend.</param>
    /// <param name="result">The screen.</param>
    /// <param name="top">Rows to show.</param>
    /// <param name="highlight">Further formulas whose ranks are listed below the table.</param>
    /// <param name="heading">Section heading.</param>
    public static HtmlReport AddScreeningSection(this HtmlReport report, ScreeningResult result, int top = 25,
        IEnumerable<string>? highlight = null, string heading = "Coating and interlayer screening")
    {
        var o = result.Options;
        string V(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
        report.Section(heading);
        report.Paragraph("Criteria of Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1.4 (and the screening of Xiao et al., Joule 2019, that it reviews): " +
            "phase stability (energy above hull), chemical stability (most exothermic pseudo-binary reaction energy with each neighbour, " +
            "reactants at their hull energies), electrochemical stability (Li window against the cathode's top of charge and the anode's " +
            "potential), electronic insulation, Li-ion transport (ASR = L/σ of a layer) and practicality (element supply risk and price; " +
            "radioactive and highly toxic elements left out). Each criterion is scored 0–1 through a soft margin; the score is their weighted mean. " +
            "Candidates that fail a rule (oxidiser, toxic oxidation state, melting or decomposing below the processing temperature, a measured " +
            "ASR above 100 Ω·cm², a known Li⁺ blocker) rank last; a conductivity that is not measured for the deposited form earns no credit.");
        report.KeyValues(new (string, object?)[]
        {
            ("Cathode (discharged)", o.Cathode?.ToString() ?? "—"),
            ("Cathode (charged)", result.TopOfCharge is { } t ? $"{t.Charged} — {t.Basis}" : "—"),
            ("Top of charge", result.MaxVolts is { } mv ? $"{V(mv)} V vs Li/Li+" : "—"),
            ("Electrolyte", o.Electrolyte.ToString()),
            ("Anode", o.Anode is null ? "—" : $"{o.Anode} at {V(o.AnodeVolts)} V vs Li/Li+"),
            ("Candidates", $"{result.Candidates.Count} Li compounds within {V(o.MaxEnergyAboveHull)} eV/atom of the hull"
                + (result.Excluded is { Count: > 0 } ex ? $"; {ex.Count} left out for radioactive or highly toxic elements" : "")),
            ("Past the midpoint of every criterion", result.Candidates.Count(c => c.PassesAll)),
            ("Processing", result.Processing?.Describe() ?? "—"),
            ("Failing a rule (ranked last)", result.Candidates.Count(c => c.Vetoed)),
            ("Weights", result.WeightsText),
            ("Ranking", RankingRule),
        });
        var keys = result.CriterionKeys;
        var headers = new List<string> { "rank", "formula", "score" };
        headers.AddRange(keys.Select(Label));
        headers.Add("costs");
        var rows = result.Candidates.Take(top).Select(c =>
        {
            var r = new List<object?> { c.Rank, FormulaCell(c), Fixed(c.Score, 3) };
            r.AddRange(keys.Select(k => (object?)Cell(c.Criterion(k))));
            r.Add(string.Join(", ", CostList(c)) + (c.Vetoed ? " — fails: " + string.Join("; ", c.Fails) : ""));
            return (IReadOnlyList<object?>)r;
        });
        report.Table(headers, rows, $"Top {Math.Min(top, result.Candidates.Count)} of {result.Candidates.Count}; ✓ past the midpoint of the margin, ✗ short of it");
        if (AboveHullNote(result.Candidates.Take(top)) is { } hullNote) report.Note(hullNote, Verdict.Info);
        foreach (var k in result.Known ?? [])
        {
            if (k.Candidate is not { } c) { report.Note($"{k.Layer.Formula} (known {SideName(k.Layer.Side)}): {k.Note}", Verdict.Info); continue; }
            var verdict = c.Score >= 0.8 ? Verdict.Ok : c.Score >= 0.6 ? Verdict.Warning : Verdict.Fail;
            report.Note($"{c.Formula} (known {SideName(k.Layer.Side)}): {(k.IsCandidate ? "rank" : "would rank")} {k.Rank} of {result.Candidates.Count}, score {Fixed(c.Score, 3)}"
                + (CostList(c) is { Count: > 0 } costs ? $"; costs {string.Join(", ", costs)}" : "")
                + (k.IsCandidate ? "" : $" ({k.Note})"), verdict);
        }
        foreach (var f in highlight ?? [])
        {
            var c = result.Find(f);
            if (c is null) { report.Note($"{f}: not among the candidates", Verdict.Info); continue; }
            if (result.Known?.Any(k => k.Layer.Formula == c.Formula) == true) continue;
            var verdict = c.Score >= 0.8 ? Verdict.Ok : c.Score >= 0.6 ? Verdict.Warning : Verdict.Fail;
            report.Note($"{c.Formula}: rank {c.Rank} of {result.Candidates.Count}, score {Fixed(c.Score, 3)}"
                + (CostList(c) is { Count: > 0 } costs ? $"; costs {string.Join(", ", costs)}" : ""), verdict);
        }
        return report;
    }

    /// <summary>Marks a candidate that lies above its hull in tables: its window and reactions are those of its decomposition.</summary>
    public const string AboveHullMark = "†";

    /// <summary>The formula as a table shows it: marked with <see cref="AboveHullMark"/> when the candidate lies above the hull.</summary>
    public static string FormulaCell(ScreenedCandidate c) => c.EnergyAboveHull > 0 ? $"{c.Formula} {AboveHullMark}" : c.Formula;

    /// <summary>The footnote for <see cref="AboveHullMark"/>, or null when no shown candidate is above the hull.</summary>
    public static string? AboveHullNote(IEnumerable<ScreenedCandidate> shown) =>
        shown.Count(c => c.EnergyAboveHull > 0) is var n and > 0
            ? $"{AboveHullMark} above the hull (data_status above_hull, {n} shown): the window and reactions are those of the phases it decomposes into; all others are on the hull"
            : null;

    /// <summary>"coating" or "interlayer".</summary>
    public static string SideName(LayerSide side) => side == LayerSide.Cathode ? "coating" : "interlayer";

    private static string Label(string key) => key switch
    {
        Criteria.EAboveHull => "E hull (eV/atom)",
        Criteria.RxnCathode => "rxn cathode (eV/atom)",
        Criteria.RxnChargedCathode => "rxn charged (eV/atom)",
        Criteria.RxnElectrolyte => "rxn electrolyte (eV/atom)",
        Criteria.RxnAnode => "rxn anode (eV/atom)",
        Criteria.OxidationLimit => "oxidation limit (V)",
        Criteria.ReductionLimit => "reduction limit (V)",
        Criteria.Electronic => "electronic",
        Criteria.LiTransport => "ASR (Ω·cm²)",
        Criteria.Practicality => "practicality",
        _ => key,
    };

    /// <summary>A criterion's value as short text with its pass mark (✓ past the midpoint, ✗ short of it).</summary>
    public static string Cell(CriterionResult? c)
    {
        if (c is null) return "";
        string mark = c.Passed switch { true => " ✓", false => " ✗", _ => "" };
        return CellValue(c) + mark;
    }

    /// <summary>A criterion's value as short text (∞ for never oxidised, the character for electronic).</summary>
    public static string CellValue(CriterionResult c) =>
        c.Key == Criteria.Electronic && c.Detail?.Contains(':') == true ? c.Detail.Split(':')[0]
        : c.Key == Criteria.LiTransport && c.Value is { } a ? a.ToString("0.##E+0", CultureInfo.InvariantCulture) + " " + Basis(c)
        : c.Key == Criteria.LiTransport ? Basis(c)
        : c.Value is { } v ? Fixed(v, c.Unit == "V" ? 2 : c.Key == Criteria.Practicality ? 2 : 3)
        : c.Key == Criteria.OxidationLimit && c.Detail == "never oxidised" ? "∞"
        : c.Key == Criteria.Electronic ? "?" : "—";

    // The transport basis the criterion's detail starts with (measured, blocker, unknown).
    private static string Basis(CriterionResult c) => c.Detail?.Split(':')[0] ?? "unknown";

    /// <summary>Fixed-point text without a negative zero (−0.0001 at 3 digits reads 0.000).</summary>
    public static string Fixed(double v, int digits)
    {
        double r = Math.Round(v, digits);
        return (r == 0 ? 0 : r).ToString("F" + digits, CultureInfo.InvariantCulture);
    }

    private static double Round(double v) => Math.Round(v, 5);
    private static double? Rxn(ScreenedCandidate c, string key) => c.Reactions.TryGetValue(key, out var r) ? Round(r.EnergyPerAtom) : null;
    private static string N(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
}
