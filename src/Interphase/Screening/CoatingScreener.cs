using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Interphase.Chemistry;
using Interphase.Knowledge;
using Interphase.Properties;
using Interphase.Thermodynamics;

namespace Interphase.Screening;

/// <summary>
/// Ranks candidate coating and interlayer compounds (Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.1.4). Candidates are the
/// lowest polymorph of every Li-containing compound within <see cref="ScreeningOptions.MaxEnergyAboveHull"/> of the
/// hull of its own chemical system, without radioactive or highly toxic elements (knowledge-base lists; see
/// <see cref="ScreeningOptions.AllowElements"/>). For each: the most exothermic closed interface reaction (reactants at
/// their hull energies, eV/atom of the mixture) with the discharged cathode, the charged cathode, the electrolyte and
/// the anode (those given); its Li stability window against the top of charge and the anode potential; its electronic
/// character; the ASR a layer of it adds where its conductivity is known; and its practicality.
/// <para>
/// Ranking: by the continuous score of <see cref="ScoringModel"/> (weighted mean of each criterion's satisfaction
/// through a soft margin), highest first; only equal scores fall back to the formula. Each candidate carries every
/// criterion's contribution and cost, so a row says what cost it its place.
/// The electronic criterion takes the knowledge base's curated character, else the band gap from the property data
/// (<see cref="ElectronicCharacterService"/>).
/// </para>
/// <para>
/// Speed: the hulls of all systems are computed once (<see cref="OwnSystemHulls"/>), reactions run on the stable
/// subset (same hulls, far fewer LP columns), only the minimum of each reaction is searched
/// (<see cref="ReactionMinimumSearch"/>), phase spaces are cached per chemical system and candidates run in parallel.
/// One instance can run several screens. Thread-safe.
/// </para>
/// </summary>
public sealed class CoatingScreener
{
    private static readonly Element Li = PeriodicTable.Get("Li");
    private readonly Dictionary<string, (double? Sigma, double? Gap)> _reported;
    private readonly IProductCharacterSource _characters;
    private readonly PracticalityAssessor _practicality;
    private readonly LiTransportTable _transport;

    /// <summary>The chemistry rules (oxidation states, anion classes, thermal limits).</summary>
    public ChemistryRules Chemistry { get; }

    // A candidate's window, and its reaction with a partner, do not depend on the rest of the screen: kept, so a screen
    // against another cathode, with other weights or for the other electrode reuses them (the web app's screen page,
    // a stack analysis that screens each failing interface). Bounded: cleared past MaxCached.
    private readonly ConcurrentDictionary<string, StabilityWindow> _windows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Candidate, string Partner), ReactionMinimum> _reactions = new();
    private const int MaxCached = 200_000;
    private int _cached; // entries added to both; ConcurrentDictionary.Count takes every lock, too slow per candidate

    private void Remember<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value) where TKey : notnull
    {
        if (!cache.TryAdd(key, value) || Interlocked.Increment(ref _cached) <= MaxCached) return;
        _reactions.Clear();
        _windows.Clear();
        Interlocked.Exchange(ref _cached, 0);
    }

    /// <summary>Prepares a screener: computes every entry's energy above hull (all cores).</summary>
    /// <param name="engine">Thermodynamic data.</param>
    /// <param name="knowledge">Reported conductivities, band gaps and product characters (default: the embedded knowledge base).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the preparation (default: all cores).</param>
    /// <param name="tables">Element practicality, charged states and known layers (default: the embedded tables).</param>
    /// <param name="properties">Band gaps for the electronic criterion where the knowledge base has no curated
    /// character (null: <see cref="PropertySources.Default"/>, the entry store or the shared property files).</param>
    public CoatingScreener(ThermoEngine engine, KnowledgeBase? knowledge = null, int maxDegreeOfParallelism = -1, ScreeningTables? tables = null,
        IPropertySource? properties = null)
    {
        Engine = engine;
        Hulls = OwnSystemHulls.Build(engine.Entries, maxDegreeOfParallelism);
        StableEngine = new ThermoEngine(Hulls.StableSet);
        knowledge ??= KnowledgeBase.Load();
        _characters = new ElectronicCharacterService(knowledge.Products, properties ?? PropertySources.Default());
        _reported = ReportedProperties(knowledge);
        Tables = tables ?? ScreeningTables.Default;
        _practicality = new PracticalityAssessor(Tables);
        _transport = new LiTransportTable(Tables, _reported);
        Chemistry = new ChemistryRules(Tables);
    }

    /// <summary>Element practicality, cathode charged states and known layers.</summary>
    public ScreeningTables Tables { get; }

    /// <summary>The engine on the full data.</summary>
    public ThermoEngine Engine { get; }

    /// <summary>Energies above hull of every entry, and the stable subset.</summary>
    public OwnSystemHulls Hulls { get; }

    /// <summary>The engine on the stable subset, used for all reactions and windows (same results, faster).</summary>
    public ThermoEngine StableEngine { get; }

    /// <summary>The candidates an options set admits (or the listed formulas): lowest polymorph of each Li-containing compound within the
    /// energy-above-hull limit and the element filters, with its energy above hull (eV/atom), by formula.</summary>
    /// <exception cref="ScreeningException">A formula of <see cref="ScreeningOptions.Formulas"/> has no entry.</exception>
    public IReadOnlyList<(PhaseEntry Entry, double EnergyAboveHull)> Candidates(ScreeningOptions options) => Select(options).Candidates;

    // Candidates, and those left out for radioactive or highly toxic elements (formula, reason).
    private (List<(PhaseEntry Entry, double EnergyAboveHull)> Candidates, List<(string Formula, string Reason)> Excluded) Select(ScreeningOptions options)
    {
        if (options.Formulas is { } formulas) return (Listed(formulas), []);
        var hazardous = options.NoPracticality ? new HashSet<string>() : _practicality.DefaultExcluded(options.AllowElements);
        var lowest = new Dictionary<string, (PhaseEntry Entry, double EnergyAboveHull)>(StringComparer.Ordinal);
        foreach (var (e, above) in Hulls.All)
        {
            if (e.IsElement || !e.System.Contains(Li) || above > options.MaxEnergyAboveHull + OwnSystemHulls.StableTolerance) continue;
            if (options.Exclude.Any(e.System.Contains) || !options.Require.All(e.System.Contains)) continue;
            if (!lowest.TryGetValue(e.ReducedFormula, out var cur) || e.FormationEnergyPerAtom < cur.Entry.FormationEnergyPerAtom)
                lowest[e.ReducedFormula] = (e, Math.Max(0, above));
        }
        var kept = new List<(PhaseEntry, double)>();
        var excluded = new List<(string, string)>();
        foreach (var c in lowest.Values.OrderBy(c => c.Entry.ReducedFormula, StringComparer.Ordinal))
        {
            if (HazardReason(c.Entry.Composition, hazardous) is { } why) excluded.Add((c.Entry.ReducedFormula, why));
            else kept.Add(c);
        }
        return (kept, excluded);
    }

    private string? HazardReason(Composition c, IReadOnlySet<string> hazardous)
    {
        var hits = c.Elements.Select(e => e.Symbol).Where(hazardous.Contains).ToList();
        if (hits.Count == 0) return null;
        return string.Join("; ", hits.Select(s => Tables.Radioactive.Contains(s) ? $"{s} radioactive" : $"{s} highly toxic"));
    }

    private List<(PhaseEntry Entry, double EnergyAboveHull)> Listed(IReadOnlyList<Composition> formulas)
    {
        var list = new List<(PhaseEntry, double)>();
        foreach (var f in formulas.DistinctBy(f => f.ReducedFormula))
        {
            PhaseSpace space;
            try { space = Engine.Space(ChemicalSystem.Of(f)); }
            catch (InterphaseException ex) { throw new ScreeningException($"candidate {f.ReducedFormula}: {ex.Message}"); }
            var entry = space.Lowest(f) ?? throw new ScreeningException($"candidate {f.ReducedFormula}: no entry with this formula in the data");
            list.Add((entry, Math.Max(0, Hulls.EnergyAboveHull(entry) ?? Engine.EnergyAboveHull(entry))));
        }
        return list;
    }

    /// <summary>Runs a screen.</summary>
    /// <exception cref="ScreeningException">Bad options or no candidate.</exception>
    /// <exception cref="InterphaseException">A reactant has elements without data.</exception>
    public ScreeningResult Run(ScreeningOptions options, IProgress<ScreeningProgress>? progress = null, CancellationToken cancellation = default)
    {
        options.Validate();
        var sw = Stopwatch.StartNew();
        var top = options.ResolveTopOfCharge(Tables);
        var processing = ProcessingChoice.Resolve(options.Processing, options.Electrolyte, Tables);
        var partners = new List<(string Key, Composition Composition)>();
        if (options.Cathode is not null)
        {
            partners.Add((Criteria.RxnCathode, options.Cathode));
            partners.Add((Criteria.RxnChargedCathode, top!.Charged));
        }
        partners.Add((Criteria.RxnElectrolyte, options.Electrolyte));
        if (options.Anode is not null) partners.Add((Criteria.RxnAnode, options.Anode));
        foreach (var (key, c) in partners) CheckReactant(key, c);

        var keys = new List<string> { Criteria.EAboveHull };
        keys.AddRange(partners.Select(p => p.Key));
        if (options.Cathode is not null) keys.Add(Criteria.OxidationLimit);
        if (options.Anode is not null) keys.Add(Criteria.ReductionLimit);
        keys.Add(Criteria.Electronic);
        keys.Add(Criteria.LiTransport);
        if (!options.NoPracticality) keys.Add(Criteria.Practicality);
        if (keys.Sum(options.Scoring.Weight) <= 0)
            throw new ScreeningException($"weights: every criterion of this screen ({string.Join(", ", keys)}) has weight 0");

        var (candidates, excluded) = Select(options);
        if (candidates.Count == 0)
            throw new ScreeningException(
                $"no candidate: no Li-containing compound within {options.MaxEnergyAboveHull.ToString("G", CultureInfo.InvariantCulture)} eV/atom of the hull"
                + (options.Require.Count > 0 ? $" containing {string.Join(", ", options.Require.Select(e => e.Symbol))}" : "")
                + (options.Exclude.Count > 0 ? $" without {string.Join(", ", options.Exclude.Select(e => e.Symbol))}" : "")
                + (excluded.Count > 0 ? $" ({excluded.Count} left out for radioactive or highly toxic elements; --allow-elements admits them)" : ""));

        var results = new ScreenedCandidate[candidates.Count];
        long solves = 0;
        int done = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellation };
        // Grouped by chemical system so the threads rarely build the same phase space at once.
        var order = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i].Entry.System.Mask).ToArray();
        Parallel.ForEach(order, po, i =>
        {
            var (entry, above) = candidates[i];
            results[i] = Screen(entry, above, partners, keys, options, top, processing, ref solves);
            int d = Interlocked.Increment(ref done);
            progress?.Report(new ScreeningProgress(d, candidates.Count));
        });

        var ranked = Rank(results);
        var known = Known(options, ranked, excluded, partners, keys, top, processing);
        return new ScreeningResult(options, top?.Charged, ranked, keys, candidates.Count * partners.Count, solves, sw.Elapsed.TotalSeconds,
            top, excluded, known) { Processing = processing };
    }

    /// <summary>Ranks candidates: those that fail no rule (chemistry, processing, a measured ASR above the limit) first,
    /// then highest score first, equal scores by formula; ranks from 1.</summary>
    public static List<ScreenedCandidate> Rank(IEnumerable<ScreenedCandidate> candidates) => candidates
        .OrderBy(c => c.Vetoed)
        .ThenByDescending(c => c.Score)
        .ThenBy(c => c.Formula, StringComparer.Ordinal)
        .Select((c, i) => c with { Rank = i + 1 })
        .ToList();

    private ScreenedCandidate Screen(PhaseEntry entry, double above, List<(string Key, Composition Composition)> partners, List<string> keys,
        ScreeningOptions options, TopOfCharge? top, ProcessingChoice processing, ref long solves)
    {
        var comp = entry.Composition;
        var reactions = new Dictionary<string, ReactionMinimum>(StringComparer.Ordinal);
        long s = 0;
        string formula = comp.FullFormula;
        foreach (var (key, partner) in partners)
        {
            var cacheKey = (formula, partner.FullFormula);
            if (!_reactions.TryGetValue(cacheKey, out var r))
            {
                r = StableEngine.InterfaceReactionMinimum(comp, partner);
                s += r.Solves;
                Remember(_reactions, cacheKey, r);
            }
            reactions[key] = r;
        }
        if (!_windows.TryGetValue(formula, out var window))
        {
            window = StableEngine.Window(comp, Li);
            Remember(_windows, formula, window);
        }
        Interlocked.Add(ref solves, s);
        return Judge(entry, above, reactions, window, options, top, processing, keys);
    }

    // The literature's layers for the sides screened, with their rank; those that are not candidates are scored the same
    // way and given the rank their score would have.
    private List<KnownLayerResult> Known(ScreeningOptions options, List<ScreenedCandidate> ranked, List<(string Formula, string Reason)> excluded,
        List<(string Key, Composition Composition)> partners, List<string> keys, TopOfCharge? top, ProcessingChoice processing)
    {
        var sides = new List<LayerSide>();
        if (options.Cathode is not null) sides.Add(LayerSide.Cathode);
        if (options.Anode is not null) sides.Add(LayerSide.Anode);
        var list = new List<KnownLayerResult>();
        foreach (var layer in sides.SelectMany(Tables.Known).DistinctBy(k => k.Formula))
        {
            var hit = ranked.FirstOrDefault(c => c.Formula == layer.Formula);
            if (hit is not null) { list.Add(new KnownLayerResult(layer, hit, hit.Rank, true, null)); continue; }
            List<(PhaseEntry Entry, double EnergyAboveHull)> found;
            try { found = Listed([Composition.Parse(layer.Formula)]); }
            catch (InterphaseException ex) { list.Add(new KnownLayerResult(layer, null, null, false, ex.Message)); continue; }
            var (entry, above) = found[0];
            long ignored = 0;
            ScreenedCandidate c;
            try { c = Screen(entry, above, partners, keys, options, top, processing, ref ignored); }
            catch (InterphaseException ex) { list.Add(new KnownLayerResult(layer, null, null, false, ex.Message)); continue; }
            int rank = 1 + ranked.Count(r => (r.Vetoed ? 1 : 0, -r.Score).CompareTo((c.Vetoed ? 1 : 0, -c.Score)) < 0);
            string why = excluded.FirstOrDefault(x => x.Formula == layer.Formula).Reason is { } reason ? $"left out: {reason}"
                : above > options.MaxEnergyAboveHull + OwnSystemHulls.StableTolerance
                    ? $"{ScreeningExport.Fixed(above, 3)} eV/atom above the hull (limit {options.MaxEnergyAboveHull.ToString("0.###", CultureInfo.InvariantCulture)})"
                : !entry.System.Contains(Li) ? "contains no Li"
                : "outside the --exclude/--require/--candidates filters";
            list.Add(new KnownLayerResult(layer, c with { Rank = rank }, rank, false, why));
        }
        return list;
    }

    private void CheckReactant(string key, Composition c)
    {
        var role = key["rxn_".Length..].Replace('_', ' ');
        if (c.NumAtoms <= 0) throw new ScreeningException($"the {role} composition is empty");
        try { StableEngine.Space(ChemicalSystem.Of(c)); }
        catch (InterphaseException ex) { throw new ScreeningException($"{role} {c.ReducedFormula}: {ex.Message}"); }
    }

    private ScreenedCandidate Judge(PhaseEntry entry, double above, Dictionary<string, ReactionMinimum> reactions, StabilityWindow window,
        ScreeningOptions o, TopOfCharge? top, ProcessingChoice processing, List<string> keys)
    {
        static string F(double v, string fmt = "0.###") => v.ToString(fmt, CultureInfo.InvariantCulture);
        static string Margin(SoftMargin m, string what) => $"{what}: {F(m.Good)} → {F(m.Bad)} {m.Unit}";
        var raw = new List<CriterionResult>();
        void Add(string key, double? value, string unit, string requirement, double satisfaction, string? detail, bool judged = true) =>
            raw.Add(new CriterionResult(key, value, unit, requirement, judged ? satisfaction >= 0.5 : null, detail, satisfaction));

        Add(Criteria.EAboveHull, above, "eV/atom", Margin(ScoringModel.EnergyAboveHullMargin, "E hull"),
            ScoringModel.EnergyAboveHullMargin.Satisfaction(above), above > 0 ? "metastable" : "on the hull");
        var rxnMargin = ScoringModel.ReactionMargin(o.ReactionLimit);
        foreach (var (key, r) in reactions)
            Add(key, r.EnergyPerAtom, "eV/atom", Margin(rxnMargin, "reaction energy"), rxnMargin.Satisfaction(r.EnergyPerAtom),
                r.EnergyPerAtom < -1e-9 ? string.Join(" + ", r.Products.Select(p => p.ReducedFormula)) : "no reaction");
        double? red = window.ReductionVolts, ox = window.OxidationVolts;
        bool hasWindow = window.StableSegment is not null;
        if (top is not null)
        {
            double sat = !hasWindow ? 0 : ox is null ? 1 : ScoringModel.VoltageMargin.Satisfaction(ox.Value - top.Volts);
            Add(Criteria.OxidationLimit, hasWindow ? ox : null, "V", $"oxidation limit − {F(top.Volts)} V: {F(ScoringModel.VoltageMargin.Good)} → {F(ScoringModel.VoltageMargin.Bad)} V",
                sat, hasWindow ? (ox is null ? "never oxidised" : null) : "no stable Li range");
        }
        if (o.Anode is not null)
        {
            double sat = !hasWindow || red is null ? 0 : ScoringModel.VoltageMargin.Satisfaction(o.AnodeVolts - red.Value);
            Add(Criteria.ReductionLimit, hasWindow ? red : null, "V", $"{F(o.AnodeVolts)} V − reduction limit: {F(ScoringModel.VoltageMargin.Good)} → {F(ScoringModel.VoltageMargin.Bad)} V",
                sat, hasWindow ? null : "no stable Li range");
        }
        var (_, gap) = _reported.GetValueOrDefault(entry.ReducedFormula);
        var character = _characters.Classify(entry.ReducedFormula);
        switch (character.Electronic)
        {
            case ElectronicCharacter.Insulating or ElectronicCharacter.Conducting when character.BandGapEv is { } pbe && gap is null:
                // Decided from a PBE gap: scored on the band-gap margin like a reported gap (PBE underestimates, so this is conservative).
                Add(Criteria.Electronic, pbe, "eV", Margin(ScoringModel.BandGapMargin, "PBE band gap"), ScoringModel.BandGapMargin.Satisfaction(pbe),
                    $"{character.Electronic.ToString().ToLowerInvariant()}: {character.Reason} [{character.Citation}]");
                break;
            case ElectronicCharacter.Insulating:
            case ElectronicCharacter.Conducting:
                Add(Criteria.Electronic, gap, gap is null ? "" : "eV", "insulating 1, conducting 0 (knowledge base)",
                    character.Electronic == ElectronicCharacter.Insulating ? 1 : 0,
                    $"{character.Electronic.ToString().ToLowerInvariant()}: {character.Reason}{(character.BandGapEv is null ? "" : $" [{character.Citation}]")}");
                break;
            default:
                if (gap is { } g)
                    Add(Criteria.Electronic, g, "eV", Margin(ScoringModel.BandGapMargin, "band gap"), ScoringModel.BandGapMargin.Satisfaction(g), "reported band gap");
                else
                    Add(Criteria.Electronic, null, "", "insulating 1, conducting 0; unknown 0.5", ScoringModel.Unknown, "unknown", judged: false);
                break;
        }
        var fails = new List<string>();
        var chem = Chemistry.Assess(entry.Composition);
        foreach (var h in chem.Hazards) fails.Add($"chemistry: {h.Describe()}");
        if (chem.Limit is { } lim && lim.TemperatureC < processing.TemperatureC)
            fails.Add($"processing: {lim.Basis}, below the electrolyte's {F(processing.TemperatureC, "0")} °C");
        var transport = _transport.Lookup(entry.ReducedFormula, character.IonicConductor, character.Reason);
        double? asr = transport.SigmaSPerCm is { } sg ? o.LayerThicknessNm * 1e-7 / sg : null;
        string asrRule = $"ASR = L/σ at {F(o.LayerThicknessNm)} nm: 1 → 100 Ω·cm² (measured σ of the deposited form); unknown 0, no credit";
        if (asr is { } a)
        {
            Add(Criteria.LiTransport, a, "Ω·cm²", asrRule, ScoringModel.AsrMargin.Satisfaction(Math.Log10(a)), $"measured: {transport.Detail}");
            if (a > ScoringModel.MaxAsrOhmCm2 || (transport.UpperBound && a >= ScoringModel.MaxAsrOhmCm2))
                fails.Add($"li_transport: measured σ gives {(transport.UpperBound ? "≥ " : "")}{F(a, "0.#")} Ω·cm² at {F(o.LayerThicknessNm)} nm "
                    + $"({(transport.UpperBound ? "≥" : ">")} {F(ScoringModel.MaxAsrOhmCm2)})");
        }
        else if (transport.Basis == TransportBasis.Blocker)
        {
            Add(Criteria.LiTransport, null, "Ω·cm²", asrRule, 0, $"blocker: {transport.Detail}");
            fails.Add($"li_transport: {transport.Detail}");
        }
        else
            Add(Criteria.LiTransport, null, "Ω·cm²", asrRule, ScoringModel.UnknownTransport, $"unknown: {transport.Detail}", judged: false);
        var practical = _practicality.Assess(entry.Composition);
        if (chem.MoistureSensitive && !processing.DryRoom)
            practical = practical with { Satisfaction = practical.Satisfaction * ScoringModel.MoistureFactor };
        if (!o.NoPracticality)
        {
            var bits = new List<string>();
            if (practical.HhiProduction is { } h) bits.Add($"HHI {F(h, "0")}");
            if (practical.PriceUsdPerKg is { } p) bits.Add($"{F(p, "0.#")} USD/kg");
            bits.AddRange(practical.Flags);
            if (chem.MoistureSensitive)
                bits.Add(processing.DryRoom ? "moisture-sensitive (handled in the electrolyte's dry room)" : "moisture-sensitive: ×0.5 outside a dry room");
            Add(Criteria.Practicality, practical.Satisfaction, "", "supply HHI 2500 → 10000, price 100 → 10000 USD/kg; ×0.5 with H; ×0.5 moisture-sensitive outside a dry room",
                practical.Satisfaction, string.Join("; ", bits));
        }

        var sats = raw.Where(c => keys.Contains(c.Key)).ToDictionary(c => c.Key, c => c.Satisfaction, StringComparer.Ordinal);
        var (score, parts) = o.Scoring.Score(sats);
        var criteria = raw.Where(c => keys.Contains(c.Key))
            .Select(c => c with { Contribution = parts[c.Key].Contribution, Cost = parts[c.Key].Cost }).ToList();
        return new ScreenedCandidate(0, entry.ReducedFormula, entry, above, reactions, hasWindow ? red : null, hasWindow ? ox : null,
            character.Electronic, transport.SigmaSPerCm, gap, criteria, score, practical, asr)
        {
            Fails = fails, Transport = transport, Chemistry = chem,
        };
    }

    // Highest reported Li-ion conductivity (S/cm) and band gap (eV) of knowledge-base materials with a single formula.
    private static Dictionary<string, (double? Sigma, double? Gap)> ReportedProperties(KnowledgeBase kb)
    {
        var map = new Dictionary<string, (double? Sigma, double? Gap)>(StringComparer.Ordinal);
        foreach (var m in kb.Materials)
        {
            if (m.Formula is null || !FormulaParser.TryParse(m.Formula, out var comp, out _)) continue;
            double? Max(string property) => m.Values(property).Where(v => v.Quantity is not null)
                .Select(v => (double?)v.Quantity!.NormalizedValue).Max();
            var sigma = Max("ionic_conductivity");
            var gap = Max("band_gap");
            if (sigma is null && gap is null) continue;
            var key = comp!.ReducedFormula;
            var cur = map.GetValueOrDefault(key);
            map[key] = (Larger(cur.Sigma, sigma), Larger(cur.Gap, gap));
        }
        return map;
    }

    private static double? Larger(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
