using System.Diagnostics;
using System.Globalization;
using Interphase.Chemistry;
using Interphase.Knowledge;
using Interphase.Properties;
using Interphase.Thermodynamics;

namespace Interphase.Screening;

/// <summary>
/// Ranks candidate coating and interlayer compounds (001_9ddcaf3869a721a2.txt, Section 4.1.4). Candidates are the
/// lowest polymorph of every Li-containing compound within <see cref="ScreeningOptions.MaxEnergyAboveHull"/> of the
/// hull of its own chemical system. For each, the most exothermic closed interface reaction (reactants at their hull
/// energies, eV/atom of the mixture) with the discharged cathode, the charged cathode, the electrolyte and the anode
/// (those given), and its Li stability window (oxidation limit ≥ top of charge; reduction limit ≤ anode potential).
/// <para>
/// Ranking (lexicographic): fewer failed criteria first; then the least exothermic worst reaction (max over
/// candidates of min over partners of the reaction energy); then lower energy above hull; then formula.
/// A reaction criterion fails below −<see cref="ScreeningOptions.ReactionLimit"/>; a compound that conducts
/// electrons (curated product-character table, else its band gap: <see cref="ElectronicCharacterService"/>) fails the
/// electronic criterion; a compound with neither is not judged.
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

    /// <summary>Prepares a screener: computes every entry's energy above hull (all cores).</summary>
    /// <param name="engine">Thermodynamic data.</param>
    /// <param name="knowledge">Reported conductivities, band gaps and product characters (default: the embedded knowledge base).</param>
    /// <param name="maxDegreeOfParallelism">Threads for the preparation (default: all cores).</param>
    /// <param name="properties">Band gaps for the electronic criterion where the knowledge base has no curated
    /// character (null: <see cref="PropertySources.Default"/>, the entry store or the shared property files).</param>
    public CoatingScreener(ThermoEngine engine, KnowledgeBase? knowledge = null, int maxDegreeOfParallelism = -1, IPropertySource? properties = null)
    {
        Engine = engine;
        Hulls = OwnSystemHulls.Build(engine.Entries, maxDegreeOfParallelism);
        StableEngine = new ThermoEngine(Hulls.StableSet);
        knowledge ??= KnowledgeBase.Load();
        _characters = new ElectronicCharacterService(knowledge.Products, properties ?? PropertySources.Default());
        _reported = ReportedProperties(knowledge);
    }

    /// <summary>The engine on the full data.</summary>
    public ThermoEngine Engine { get; }

    /// <summary>Energies above hull of every entry, and the stable subset.</summary>
    public OwnSystemHulls Hulls { get; }

    /// <summary>The engine on the stable subset, used for all reactions and windows (same results, faster).</summary>
    public ThermoEngine StableEngine { get; }

    /// <summary>The candidates an options set admits (or the listed formulas): lowest polymorph of each Li-containing compound within the
    /// energy-above-hull limit and the element filters, with its energy above hull (eV/atom), by formula.</summary>
    /// <exception cref="ScreeningException">A formula of <see cref="ScreeningOptions.Formulas"/> has no entry.</exception>
    public IReadOnlyList<(PhaseEntry Entry, double EnergyAboveHull)> Candidates(ScreeningOptions options)
    {
        if (options.Formulas is { } formulas) return Listed(formulas);
        var lowest = new Dictionary<string, (PhaseEntry Entry, double EnergyAboveHull)>(StringComparer.Ordinal);
        foreach (var (e, above) in Hulls.All)
        {
            if (e.IsElement || !e.System.Contains(Li) || above > options.MaxEnergyAboveHull + OwnSystemHulls.StableTolerance) continue;
            if (options.Exclude.Any(e.System.Contains) || !options.Require.All(e.System.Contains)) continue;
            if (!lowest.TryGetValue(e.ReducedFormula, out var cur) || e.FormationEnergyPerAtom < cur.Entry.FormationEnergyPerAtom)
                lowest[e.ReducedFormula] = (e, Math.Max(0, above));
        }
        return lowest.Values.OrderBy(c => c.Entry.ReducedFormula, StringComparer.Ordinal).ToList();
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
        var charged = options.EffectiveChargedCathode;
        var partners = new List<(string Key, Composition Composition)>();
        if (options.Cathode is not null)
        {
            partners.Add(("rxn_cathode", options.Cathode));
            partners.Add(("rxn_charged_cathode", charged!));
        }
        partners.Add(("rxn_electrolyte", options.Electrolyte));
        if (options.Anode is not null) partners.Add(("rxn_anode", options.Anode));
        foreach (var (key, c) in partners) CheckReactant(key, c);

        var candidates = Candidates(options);
        if (candidates.Count == 0)
            throw new ScreeningException(
                $"no candidate: no Li-containing compound within {options.MaxEnergyAboveHull.ToString("G", CultureInfo.InvariantCulture)} eV/atom of the hull"
                + (options.Require.Count > 0 ? $" containing {string.Join(", ", options.Require.Select(e => e.Symbol))}" : "")
                + (options.Exclude.Count > 0 ? $" without {string.Join(", ", options.Exclude.Select(e => e.Symbol))}" : ""));

        var keys = new List<string> { "e_above_hull" };
        keys.AddRange(partners.Select(p => p.Key));
        if (options.Cathode is not null) keys.Add("oxidation_limit");
        if (options.Anode is not null) keys.Add("reduction_limit");
        keys.Add("electronic");

        var results = new ScreenedCandidate[candidates.Count];
        long solves = 0;
        int done = 0;
        var po = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellation };
        // Grouped by chemical system so the threads rarely build the same phase space at once.
        var order = Enumerable.Range(0, candidates.Count).OrderBy(i => candidates[i].Entry.System.Mask).ToArray();
        Parallel.ForEach(order, po, i =>
        {
            var (entry, above) = candidates[i];
            var comp = entry.Composition;
            var reactions = new Dictionary<string, ReactionMinimum>(StringComparer.Ordinal);
            long s = 0;
            foreach (var (key, partner) in partners)
            {
                var r = StableEngine.InterfaceReactionMinimum(comp, partner);
                reactions[key] = r;
                s += r.Solves;
            }
            var window = StableEngine.Window(comp, Li);
            Interlocked.Add(ref solves, s);
            results[i] = Judge(entry, above, reactions, window, options);
            int d = Interlocked.Increment(ref done);
            progress?.Report(new ScreeningProgress(d, candidates.Count));
        });

        var ranked = results
            .OrderBy(c => c.Failed)
            .ThenByDescending(c => Math.Round(c.WorstReactionEnergy, 6))
            .ThenBy(c => c.EnergyAboveHull)
            .ThenBy(c => c.Formula, StringComparer.Ordinal)
            .Select((c, i) => c with { Rank = i + 1 })
            .ToList();
        return new ScreeningResult(options, charged, ranked, keys, candidates.Count * partners.Count, solves, sw.Elapsed.TotalSeconds);
    }

    private void CheckReactant(string key, Composition c)
    {
        var role = key["rxn_".Length..].Replace('_', ' ');
        if (c.NumAtoms <= 0) throw new ScreeningException($"the {role} composition is empty");
        try { StableEngine.Space(ChemicalSystem.Of(c)); }
        catch (InterphaseException ex) { throw new ScreeningException($"{role} {c.ReducedFormula}: {ex.Message}"); }
    }

    private ScreenedCandidate Judge(PhaseEntry entry, double above, Dictionary<string, ReactionMinimum> reactions, StabilityWindow window,
        ScreeningOptions o)
    {
        static string F(double v, string fmt = "0.###") => v.ToString(fmt, CultureInfo.InvariantCulture);
        var criteria = new List<CriterionResult>
        {
            new("e_above_hull", above, "eV/atom", $"≤ {F(o.MaxEnergyAboveHull)} eV/atom", above <= o.MaxEnergyAboveHull + OwnSystemHulls.StableTolerance,
                above > 0 ? "metastable" : "on the hull"),
        };
        foreach (var (key, r) in reactions)
            criteria.Add(new CriterionResult(key, r.EnergyPerAtom, "eV/atom", $"≥ −{F(o.ReactionLimit)} eV/atom",
                r.EnergyPerAtom >= -o.ReactionLimit - 1e-9, r.EnergyPerAtom < -1e-9 ? string.Join(" + ", r.Products.Select(p => p.ReducedFormula)) : "no reaction"));
        double? red = window.ReductionVolts, ox = window.OxidationVolts;
        bool hasWindow = window.StableSegment is not null;
        if (o.Cathode is not null)
            criteria.Add(new CriterionResult("oxidation_limit", ox, "V", $"≥ {F(o.MaxVolts)} V",
                hasWindow && (ox is null || ox >= o.MaxVolts - 1e-9), hasWindow ? (ox is null ? "never oxidised" : null) : "no stable Li range"));
        if (o.Anode is not null)
            criteria.Add(new CriterionResult("reduction_limit", red, "V", $"≤ {F(o.AnodeVolts)} V",
                hasWindow && red <= o.AnodeVolts + 1e-9, hasWindow ? null : "no stable Li range"));
        var character = _characters.Classify(entry.ReducedFormula);
        // The value is the band gap (eV) when the character was decided from one; the detail names its source.
        criteria.Add(new CriterionResult("electronic", character.BandGapEv, character.BandGapEv is null ? "" : "eV", "not electronically conducting",
            character.Electronic switch { ElectronicCharacter.Conducting => false, ElectronicCharacter.Insulating => true, _ => null },
            character.Electronic == ElectronicCharacter.Unknown ? "unknown"
                : $"{character.Electronic.ToString().ToLowerInvariant()}: {character.Reason}{(character.BandGapEv is null ? "" : $" [{character.Citation}]")}"));
        var (sigma, gap) = _reported.GetValueOrDefault(entry.ReducedFormula);
        return new ScreenedCandidate(0, entry.ReducedFormula, entry, above, reactions, hasWindow ? red : null, hasWindow ? ox : null,
            character.Electronic, sigma, gap, criteria);
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
