using Interphase.Chemistry;
using YamlDotNet.Core;

namespace Interphase.Knowledge;

/// <summary>A publication or compilation a screening table value comes from (outside the seed reviews).</summary>
/// <param name="Id">Short id used in the tables (e.g. <c>gaultois2013</c>).</param>
/// <param name="Reference">Full reference (authors, title, journal, year, pages, DOI).</param>
/// <param name="Note">What the source gives and how it was transcribed.</param>
/// <param name="Verified">False when the values were transcribed from a secondary compilation and could not be checked
/// against the primary source; shown with that label.</param>
public sealed record ExternalSource(string Id, string Reference, string? Note, bool Verified)
{
    /// <summary>The reference, with "(not verified against the source)" when <see cref="Verified"/> is false.</summary>
    public string Display() => Verified ? Reference : $"{Reference} (not verified against the source)";
}

/// <summary>Supply risk and price of one element.</summary>
/// <param name="Symbol">Element symbol.</param>
/// <param name="HhiProduction">Herfindahl–Hirschman index of world production (0–10,000), or null.</param>
/// <param name="HhiReserve">Herfindahl–Hirschman index of world reserves (0–10,000), or null.</param>
/// <param name="PriceUsdPerKg">Price of the element, USD/kg, or null.</param>
/// <param name="PriceSource">Where the price comes from.</param>
/// <param name="PriceUsed">False when the listed price is not comparable with the others (e.g. quoted for the pure
/// element in laboratory grade) and so is not used in the cost estimate.</param>
/// <param name="PriceNote">Why the price is not used, when it is not.</param>
public sealed record ElementSupply(string Symbol, double? HhiProduction, double? HhiReserve, double? PriceUsdPerKg,
    ExternalSource? PriceSource, bool PriceUsed, string? PriceNote);

/// <summary>An element excluded from screens by default because it is highly toxic.</summary>
/// <param name="Symbol">Element symbol.</param>
/// <param name="Reason">Why (classification).</param>
/// <param name="Source">Classification source.</param>
public sealed record ToxicElement(string Symbol, string Reason, ExternalSource Source);

/// <summary>The practical top of charge of a common cathode.</summary>
/// <param name="Id">Short name (LCO, NCM811, ...).</param>
/// <param name="Name">Display name.</param>
/// <param name="Discharged">Discharged composition.</param>
/// <param name="Charged">Composition at the upper cut-off voltage.</param>
/// <param name="TopOfChargeVolts">Upper cut-off voltage, V vs Li/Li+.</param>
/// <param name="Source">Where the practical capacity and voltage come from.</param>
public sealed record CathodeChargedState(string Id, string Name, Composition Discharged, Composition Charged, double TopOfChargeVolts,
    ExternalSource Source)
{
    /// <summary>Typical average discharge voltage, V vs Li/Li+, or null when the table gives none.</summary>
    public double? AverageVolts { get; init; }
    /// <summary>Where <see cref="AverageVolts"/> comes from.</summary>
    public ExternalSource? AverageVoltageSource { get; init; }
}

/// <summary>Which side of the cell a known layer protects.</summary>
public enum LayerSide
{
    /// <summary>Cathode coating (between the cathode and the electrolyte).</summary>
    Cathode,
    /// <summary>Anode interlayer (between the electrolyte and the anode).</summary>
    Anode,
}

/// <summary>A coating or interlayer the literature uses, shown with its rank in screens of its side.</summary>
/// <param name="Formula">The Li compound the screen ranks for it.</param>
/// <param name="Side">Cathode coating or anode interlayer.</param>
/// <param name="Note">What was reported.</param>
/// <param name="Citation">Seed passage, or null when the seeds do not name it (then a flag says so).</param>
/// <param name="Flags">Assumptions.</param>
public sealed record KnownLayer(string Formula, LayerSide Side, string Note, Citation? Citation, IReadOnlyList<DataFlag> Flags);

/// <summary>A measured Li⁺ conductivity of one form of a compound (crystalline, amorphous film, glass, ...).</summary>
/// <param name="Formula">Reduced formula.</param>
/// <param name="Form">The form measured (e.g. "amorphous thin film (ALD, 50 °C)").</param>
/// <param name="SigmaSPerCm">Li⁺ conductivity near room temperature, S/cm.</param>
/// <param name="Deposited">True for the form coatings are made in: the only form the screen's ASR uses.</param>
/// <param name="Uncertain">True when the value is an order of magnitude not checked against the paper.</param>
/// <param name="Citation">Review passage, when the value is from a review.</param>
/// <param name="Source">Outside source, when it is not.</param>
public sealed record LiConductivity(string Formula, string Form, double SigmaSPerCm, bool Deposited, bool Uncertain, Citation? Citation,
    ExternalSource? Source)
{
    /// <summary>True when the conductivity is at most <see cref="SigmaSPerCm"/> (the ASR it gives is a lower bound).</summary>
    public bool UpperBound { get; init; }

    /// <summary>Where the value comes from, as text.</summary>
    public string SourceText => Citation?.ToString() ?? Source!.Display();
}

/// <summary>What an anion class or oxidation state means for a coating.</summary>
public enum ChemistryKind
{
    /// <summary>Strong oxidiser (fails the candidate).</summary>
    Oxidiser,
    /// <summary>Toxic oxidation state or element compound (fails the candidate).</summary>
    ToxicState,
    /// <summary>Energetic, gas-releasing on decomposition (fails the candidate).</summary>
    Energetic,
    /// <summary>Releases a gas on heating (CO2, NOx, O2, H2O, H2, SO2): a flag; its temperature limit is checked.</summary>
    GasForming,
    /// <summary>Hygroscopic or reacting with moisture: a flag, and halved practicality outside a dry room.</summary>
    MoistureSensitive,
}

/// <summary>A class of compounds recognised from the formula and oxidation states (nitrate: N(+5) with O).</summary>
/// <param name="Id">Short id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Element">The element whose oxidation state defines the class.</param>
/// <param name="MinState">Lowest oxidation state of <paramref name="Element"/> in the class.</param>
/// <param name="MaxState">Highest.</param>
/// <param name="With">Elements the compound must contain.</param>
/// <param name="Without">Elements it must not contain.</param>
/// <param name="Kinds">What the class means.</param>
/// <param name="LimitC">Temperature from which the class melts or decomposes, °C, when known.</param>
/// <param name="Reference">Source of the classification.</param>
/// <param name="LimitReference">Source of <paramref name="LimitC"/>.</param>
public sealed record AnionClass(string Id, string Name, string Element, double MinState, double MaxState, IReadOnlyList<string> With,
    IReadOnlyList<string> Without, IReadOnlyList<ChemistryKind> Kinds, double? LimitC, string Reference, string? LimitReference);

/// <summary>Melting or decomposition temperature of one salt.</summary>
/// <param name="Formula">Reduced formula.</param>
/// <param name="TemperatureC">Temperature, °C.</param>
/// <param name="Decomposes">True: decomposes; false: melts.</param>
/// <param name="Reference">Source.</param>
public sealed record ThermalLimit(string Formula, double TemperatureC, bool Decomposes, string Reference);

/// <summary>How an electrolyte family is processed with the cathode.</summary>
/// <param name="Id">cold-press, co-sinter, sputter.</param>
/// <param name="Name">Display name.</param>
/// <param name="TemperatureC">Processing temperature, °C.</param>
/// <param name="DryRoom">Handled in a dry room (moisture-sensitive electrolyte).</param>
/// <param name="Families">Electrolyte families it is the default for (sulfide, halide, nitride, oxide, oxynitride).</param>
/// <param name="Reference">Source.</param>
public sealed record ProcessingRoute(string Id, string Name, double TemperatureC, bool DryRoom, IReadOnlyList<string> Families, string Reference);

/// <summary>
/// The knowledge base's tables for coating/interlayer screening (<c>Knowledge/Data/screening/*.yaml</c>): element
/// supply risk and price, the radioactive and highly toxic elements excluded by default, the practical top-of-charge
/// state of common cathodes, and the coatings and interlayers the literature uses. Every value names its source.
/// </summary>
public sealed class ScreeningTables
{
    private const string ResourcePrefix = "Interphase.Knowledge.Screening.";
    private static readonly Lazy<ScreeningTables> Cached = new(() => Load(EmbeddedFiles()));
    private readonly Dictionary<string, ElementSupply> _elements;

    private ScreeningTables(IReadOnlyDictionary<string, ExternalSource> sources, Dictionary<string, ElementSupply> elements,
        IReadOnlySet<string> radioactive, ExternalSource radioactiveSource, IReadOnlyList<ToxicElement> toxic,
        IReadOnlyList<CathodeChargedState> chargedStates, IReadOnlyList<KnownLayer> knownLayers, ExternalSource? hhiSource, Chemistry chem)
    {
        Conductivities = chem.Conductivities;
        OxidationStates = chem.OxidationStates;
        OxidationStatesSource = chem.OxidationStatesSource;
        AnionClasses = chem.AnionClasses;
        ThermalLimits = chem.ThermalLimits;
        ProcessingRoutes = chem.Routes;
        Sources = sources;
        _elements = elements;
        Radioactive = radioactive;
        RadioactiveSource = radioactiveSource;
        Toxic = toxic;
        ChargedStates = chargedStates;
        KnownLayers = knownLayers;
        HhiSource = hhiSource;
    }

    /// <summary>The embedded tables (parsed once, then cached).</summary>
    public static ScreeningTables Default => Cached.Value;

    /// <summary>Every source by id.</summary>
    public IReadOnlyDictionary<string, ExternalSource> Sources { get; }

    /// <summary>Source of the Herfindahl–Hirschman indices.</summary>
    public ExternalSource? HhiSource { get; }

    /// <summary>Elements with no stable isotope (excluded from screens by default).</summary>
    public IReadOnlySet<string> Radioactive { get; }

    /// <summary>Source of the radioactive list.</summary>
    public ExternalSource RadioactiveSource { get; }

    /// <summary>Highly toxic elements (excluded from screens by default).</summary>
    public IReadOnlyList<ToxicElement> Toxic { get; }

    /// <summary>Practical top-of-charge states of common cathodes.</summary>
    public IReadOnlyList<CathodeChargedState> ChargedStates { get; }

    /// <summary>Coatings and interlayers the literature uses.</summary>
    public IReadOnlyList<KnownLayer> KnownLayers { get; }

    /// <summary>Measured Li⁺ conductivities by form.</summary>
    public IReadOnlyList<LiConductivity> Conductivities { get; }

    /// <summary>Common oxidation states of each element, most common first.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> OxidationStates { get; }

    /// <summary>Source of <see cref="OxidationStates"/>.</summary>
    public ExternalSource? OxidationStatesSource { get; }

    /// <summary>Anion classes and oxidation-state rules.</summary>
    public IReadOnlyList<AnionClass> AnionClasses { get; }

    /// <summary>Melting and decomposition temperatures of common salts.</summary>
    public IReadOnlyList<ThermalLimit> ThermalLimits { get; }

    /// <summary>Electrolyte processing routes and the families they are the default for.</summary>
    public IReadOnlyList<ProcessingRoute> ProcessingRoutes { get; }

    internal sealed record Chemistry(IReadOnlyList<LiConductivity> Conductivities, IReadOnlyDictionary<string, IReadOnlyList<double>> OxidationStates,
        ExternalSource? OxidationStatesSource, IReadOnlyList<AnionClass> AnionClasses, IReadOnlyList<ThermalLimit> ThermalLimits,
        IReadOnlyList<ProcessingRoute> Routes);

    /// <summary>Supply data of an element, or null when the table has none.</summary>
    public ElementSupply? Element(string symbol) => _elements.GetValueOrDefault(symbol);

    /// <summary>The toxic-list entry of an element, or null.</summary>
    public ToxicElement? ToxicEntry(string symbol) => Toxic.FirstOrDefault(t => t.Symbol == symbol);

    /// <summary>
    /// The charged state of a cathode given in its discharged composition: the entry whose discharged composition has
    /// the same atom fractions within 0.005 (so LiNi0.8Mn0.1Co0.1O2 and LiNi0.8Co0.1Mn0.1O2 match); null when none.
    /// </summary>
    public CathodeChargedState? FindChargedState(Composition cathode)
    {
        var f = cathode.Fractional;
        return ChargedStates.FirstOrDefault(s =>
        {
            var g = s.Discharged.Fractional;
            return f.Elements.Concat(g.Elements).Distinct().All(e => Math.Abs(f[e] - g[e]) <= 0.005);
        });
    }

    /// <summary>The known layers of one side, in table order.</summary>
    public IEnumerable<KnownLayer> Known(LayerSide side) => KnownLayers.Where(k => k.Side == side);

    /// <summary>The embedded table files: (file name, YAML text).</summary>
    public static IEnumerable<(string Name, string Text)> EmbeddedFiles()
    {
        var asm = typeof(ScreeningTables).Assembly;
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(res)!;
            using var reader = new StreamReader(stream);
            yield return (res[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }

    /// <summary>Parses and validates the table files.</summary>
    /// <exception cref="KnowledgeDataException">A malformed file or entry, named.</exception>
    public static ScreeningTables Load(IEnumerable<(string Name, string Text)> files)
    {
        var deserializer = YamlInput.Deserializer;
        var parsed = new List<(string Name, FileDto Dto)>();
        foreach (var (name, text) in files)
        {
            try { parsed.Add((name, deserializer.Deserialize<FileDto>(text) ?? new FileDto())); }
            catch (YamlException ex) { throw new KnowledgeDataException(name, null, YamlErrors.Describe(ex), ex); }
        }

        var sources = new Dictionary<string, ExternalSource>(StringComparer.Ordinal);
        foreach (var (name, dto) in parsed)
            foreach (var s in dto.Sources)
            {
                if (string.IsNullOrWhiteSpace(s.Id) || string.IsNullOrWhiteSpace(s.Reference))
                    throw new KnowledgeDataException(name, s.Id, "a source needs an id and a reference");
                if (!sources.TryAdd(s.Id, new ExternalSource(s.Id, s.Reference.Trim(), s.Note, s.Verified ?? false)))
                    throw new KnowledgeDataException(name, s.Id, "source id is listed twice");
            }
        ExternalSource Source(string file, string entry, string? id) =>
            id is not null && sources.TryGetValue(id, out var s) ? s : throw new KnowledgeDataException(file, entry, $"unknown source '{id}'");
        Element El(string file, string? symbol) =>
            symbol is not null && PeriodicTable.TryGet(symbol) is { } e ? e : throw new KnowledgeDataException(file, symbol, $"'{symbol}' is not an element");

        var elements = new Dictionary<string, ElementSupply>(StringComparer.Ordinal);
        var radioactive = new HashSet<string>(StringComparer.Ordinal);
        ExternalSource? radioactiveSource = null;
        var toxic = new List<ToxicElement>();
        var states = new List<CathodeChargedState>();
        var known = new List<KnownLayer>();
        ExternalSource? hhi = sources.GetValueOrDefault("gaultois2013");
        foreach (var (name, dto) in parsed)
        {
            foreach (var e in dto.Elements)
            {
                var sym = El(name, e.Symbol).Symbol;
                if (e.HhiProduction is < 0 or > 10000 || e.HhiReserve is < 0 or > 10000)
                    throw new KnowledgeDataException(name, sym, "a Herfindahl–Hirschman index is between 0 and 10,000");
                if (e.PriceUsdPerKg is <= 0) throw new KnowledgeDataException(name, sym, "price must be positive");
                if (e.PriceUsdPerKg is not null && e.PriceSource is null) throw new KnowledgeDataException(name, sym, "a price needs price_source");
                if (e.PriceUsed == false && string.IsNullOrWhiteSpace(e.PriceNote)) throw new KnowledgeDataException(name, sym, "an unused price needs price_note");
                var supply = new ElementSupply(sym, e.HhiProduction, e.HhiReserve, e.PriceUsdPerKg,
                    e.PriceSource is null ? null : Source(name, sym, e.PriceSource), e.PriceUsed ?? true, e.PriceNote);
                if (!elements.TryAdd(sym, supply)) throw new KnowledgeDataException(name, sym, "element listed twice");
            }
            if (dto.Radioactive is { } r)
            {
                foreach (var s in r.Elements) radioactive.Add(El(name, s).Symbol);
                radioactiveSource = Source(name, "radioactive", r.Source);
            }
            foreach (var t in dto.Toxic)
                toxic.Add(new ToxicElement(El(name, t.Symbol).Symbol,
                    string.IsNullOrWhiteSpace(t.Reason) ? throw new KnowledgeDataException(name, t.Symbol, "a toxic element needs a reason") : t.Reason,
                    Source(name, t.Symbol!, t.Source)));
            foreach (var s in dto.States)
            {
                var id = s.Id ?? throw new KnowledgeDataException(name, null, "a charged state has no id");
                try
                {
                    var dis = Composition.Parse(s.Discharged ?? throw new FormatException("'discharged' is missing"));
                    var ch = Composition.Parse(s.Charged ?? throw new FormatException("'charged' is missing"));
                    if (s.TopOfChargeV is not (> 0 and < 10)) throw new FormatException("'top_of_charge_v' must be a voltage between 0 and 10 V");
                    if (ch["Li"] >= dis["Li"] || dis.Elements.Any(e => e.Symbol != "Li" && Math.Abs(dis[e] - ch[e]) > 1e-9))
                        throw new FormatException("the charged state must be the discharged one with less Li");
                    if (s.AverageVoltageV is not null && !(s.AverageVoltageV > 0 && s.AverageVoltageV <= s.TopOfChargeV))
                        throw new FormatException("'average_voltage_v' must be positive and not above the top of charge");
                    states.Add(new CathodeChargedState(id, s.Name ?? id, dis, ch, s.TopOfChargeV.Value, Source(name, id, s.Source))
                    {
                        AverageVolts = s.AverageVoltageV,
                        AverageVoltageSource = s.AverageVoltageV is null ? null : Source(name, id, s.AverageVoltageSource ?? s.Source),
                    });
                }
                catch (InterphaseException ex) { throw new KnowledgeDataException(name, id, ex.Message, ex); }
                catch (FormatException ex) { throw new KnowledgeDataException(name, id, ex.Message, ex); }
            }
            foreach (var (list, side) in new[] { (dto.Coatings, LayerSide.Cathode), (dto.Interlayers, LayerSide.Anode) })
                foreach (var k in list)
                {
                    var f = k.Formula ?? throw new KnowledgeDataException(name, null, "a known layer has no formula");
                    try
                    {
                        var reduced = Composition.Parse(f).ReducedFormula;
                        var flags = (k.Flags ?? []).Select(x => new DataFlag(x.Kind ?? "assumption", x.Note ?? throw new FormatException("a flag needs a note"), null, null)).ToList();
                        Citation? cite = k.Cite is null ? null : Citation.Parse(k.Cite);
                        if (cite is null && flags.Count == 0) throw new FormatException("give a seed citation, or a flag saying why there is none");
                        known.Add(new KnownLayer(reduced, side, k.Note ?? "", cite, flags));
                    }
                    catch (InterphaseException ex) { throw new KnowledgeDataException(name, f, ex.Message, ex); }
                    catch (FormatException ex) { throw new KnowledgeDataException(name, f, ex.Message, ex); }
                }
        }
        if (radioactiveSource is null) throw new KnowledgeDataException("screening", null, "no radioactive list");
        return new ScreeningTables(sources, elements, radioactive, radioactiveSource, toxic, states, known, hhi, ParseChemistry(parsed, Source));
    }

    // The conductivity table, oxidation states, anion classes, thermal limits and processing routes.
    private static Chemistry ParseChemistry(List<(string Name, FileDto Dto)> parsed, Func<string, string, string?, ExternalSource> source)
    {
        string Ref(string file, string entry, string? cite, string? id)
        {
            if (cite is not null)
            {
                try { return Citation.Parse(cite).ToString(); }
                catch (FormatException ex) { throw new KnowledgeDataException(file, entry, ex.Message, ex); }
            }
            if (id is null) throw new KnowledgeDataException(file, entry, "give cite (a review passage) or source (an outside source id)");
            return source(file, entry, id).Display();
        }
        string Reduced(string file, string? formula)
        {
            if (formula is null) throw new KnowledgeDataException(file, null, "an entry has no formula");
            try { return Composition.Parse(formula).ReducedFormula; }
            catch (InterphaseException ex) { throw new KnowledgeDataException(file, formula, ex.Message, ex); }
        }
        var sigma = new List<LiConductivity>();
        var states = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        ExternalSource? statesSource = null;
        var classes = new List<AnionClass>();
        var limits = new List<ThermalLimit>();
        var routes = new List<ProcessingRoute>();
        foreach (var (name, dto) in parsed)
        {
            foreach (var c in dto.Conductivities)
            {
                var f = Reduced(name, c.Formula);
                if (c.SigmaSPerCm is not (> 0 and < 1e3)) throw new KnowledgeDataException(name, f, "sigma_s_per_cm must be a conductivity in S/cm (> 0)");
                if (string.IsNullOrWhiteSpace(c.Form)) throw new KnowledgeDataException(name, f, "a conductivity needs the form it was measured on");
                Citation? cite = null;
                if (c.Cite is not null)
                {
                    try { cite = Citation.Parse(c.Cite); }
                    catch (FormatException ex) { throw new KnowledgeDataException(name, f, ex.Message, ex); }
                }
                else if (c.Source is null) throw new KnowledgeDataException(name, f, "give cite (a review passage) or source (an outside source id)");
                sigma.Add(new LiConductivity(f, c.Form.Trim(), c.SigmaSPerCm.Value, c.Deposited ?? false, c.Uncertain ?? false, cite,
                    cite is null ? source(name, f, c.Source) : null) { UpperBound = c.UpperBound ?? false });
            }
            foreach (var (sym, list) in dto.OxidationStates)
            {
                if (PeriodicTable.TryGet(sym) is null) throw new KnowledgeDataException(name, sym, $"'{sym}' is not an element");
                if (list is null || list.Count == 0) throw new KnowledgeDataException(name, sym, "an element needs at least one oxidation state");
                if (!states.TryAdd(sym, list)) throw new KnowledgeDataException(name, sym, "element listed twice");
            }
            if (dto.OxidationStatesSource is { } oss) statesSource = source(name, "oxidation_states", oss);
            foreach (var a in dto.AnionClasses)
            {
                var id = a.Id ?? throw new KnowledgeDataException(name, null, "an anion class has no id");
                if (a.Element is null || PeriodicTable.TryGet(a.Element) is null) throw new KnowledgeDataException(name, id, $"'{a.Element}' is not an element");
                if (a.Min is not { } lo || a.Max is not { } hi || lo > hi) throw new KnowledgeDataException(name, id, "give min ≤ max oxidation states");
                var kinds = new List<ChemistryKind>();
                foreach (var k in a.Kinds)
                    kinds.Add(k switch
                    {
                        "oxidiser" => ChemistryKind.Oxidiser,
                        "toxic_state" => ChemistryKind.ToxicState,
                        "energetic" => ChemistryKind.Energetic,
                        "gas_forming" => ChemistryKind.GasForming,
                        "moisture_sensitive" => ChemistryKind.MoistureSensitive,
                        _ => throw new KnowledgeDataException(name, id, $"unknown kind '{k}' (oxidiser, toxic_state, energetic, gas_forming, moisture_sensitive)"),
                    });
                if (kinds.Count == 0) throw new KnowledgeDataException(name, id, "an anion class needs at least one kind");
                foreach (var e in a.With.Concat(a.Without))
                    if (PeriodicTable.TryGet(e) is null) throw new KnowledgeDataException(name, id, $"'{e}' is not an element");
                classes.Add(new AnionClass(id, a.Name ?? id, a.Element, lo, hi, a.With, a.Without, kinds, a.LimitC, Ref(name, id, a.Cite, a.Source),
                    a.LimitC is null ? null : Ref(name, id, a.LimitCite, a.LimitSource ?? a.Source)));
            }
            foreach (var t in dto.ThermalLimits)
            {
                var f = Reduced(name, t.Formula);
                if ((t.MeltsC is null) == (t.DecomposesC is null)) throw new KnowledgeDataException(name, f, "give either melts_c or decomposes_c");
                limits.Add(new ThermalLimit(f, (t.MeltsC ?? t.DecomposesC)!.Value, t.DecomposesC is not null, Ref(name, f, t.Cite, t.Source)));
            }
            foreach (var r in dto.Processing)
            {
                var id = r.Id ?? throw new KnowledgeDataException(name, null, "a processing route has no id");
                if (r.TemperatureC is not { } tc || !double.IsFinite(tc)) throw new KnowledgeDataException(name, id, "a processing route needs temperature_c");
                routes.Add(new ProcessingRoute(id, r.Name ?? id, tc, r.DryRoom ?? false, r.Families, Ref(name, id, r.Cite, r.Source)));
            }
        }
        return new Chemistry(sigma, states, statesSource, classes, limits, routes);
    }

    private sealed class FileDto
    {
        public List<SourceDto> Sources { get; set; } = [];
        public RadioactiveDto? Radioactive { get; set; }
        public List<ToxicDto> Toxic { get; set; } = [];
        public List<ElementDto> Elements { get; set; } = [];
        public List<StateDto> States { get; set; } = [];
        public List<LayerDto> Coatings { get; set; } = [];
        public List<LayerDto> Interlayers { get; set; } = [];
        public List<ConductivityDto> Conductivities { get; set; } = [];
        public Dictionary<string, List<double>> OxidationStates { get; set; } = [];
        public string? OxidationStatesSource { get; set; }
        public List<AnionClassDto> AnionClasses { get; set; } = [];
        public List<ThermalDto> ThermalLimits { get; set; } = [];
        public List<RouteDto> Processing { get; set; } = [];
    }

    private sealed class ConductivityDto
    {
        public string? Formula { get; set; }
        public string? Form { get; set; }
        public double? SigmaSPerCm { get; set; }
        public bool? Deposited { get; set; }
        public bool? Uncertain { get; set; }
        public bool? UpperBound { get; set; }
        public string? Cite { get; set; }
        public string? Source { get; set; }
    }

    private sealed class AnionClassDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Element { get; set; }
        public double? Min { get; set; }
        public double? Max { get; set; }
        public List<string> With { get; set; } = [];
        public List<string> Without { get; set; } = [];
        public List<string> Kinds { get; set; } = [];
        public double? LimitC { get; set; }
        public string? Cite { get; set; }
        public string? Source { get; set; }
        public string? LimitCite { get; set; }
        public string? LimitSource { get; set; }
    }

    private sealed class ThermalDto
    {
        public string? Formula { get; set; }
        public double? MeltsC { get; set; }
        public double? DecomposesC { get; set; }
        public string? Cite { get; set; }
        public string? Source { get; set; }
    }

    private sealed class RouteDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public double? TemperatureC { get; set; }
        public bool? DryRoom { get; set; }
        public List<string> Families { get; set; } = [];
        public string? Cite { get; set; }
        public string? Source { get; set; }
    }

    private sealed class SourceDto
    {
        public string? Id { get; set; }
        public string? Reference { get; set; }
        public string? Note { get; set; }
        public bool? Verified { get; set; }
    }

    private sealed class RadioactiveDto
    {
        public List<string> Elements { get; set; } = [];
        public string? Source { get; set; }
    }

    private sealed class ToxicDto
    {
        public string? Symbol { get; set; }
        public string? Reason { get; set; }
        public string? Source { get; set; }
    }

    private sealed class ElementDto
    {
        public string? Symbol { get; set; }
        public double? HhiProduction { get; set; }
        public double? HhiReserve { get; set; }
        public double? PriceUsdPerKg { get; set; }
        public string? PriceSource { get; set; }
        public bool? PriceUsed { get; set; }
        public string? PriceNote { get; set; }
    }

    private sealed class StateDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Discharged { get; set; }
        public string? Charged { get; set; }
        public double? TopOfChargeV { get; set; }
        public double? AverageVoltageV { get; set; }
        public string? AverageVoltageSource { get; set; }
        public string? Source { get; set; }
    }

    private sealed class LayerDto
    {
        public string? Formula { get; set; }
        public string? Note { get; set; }
        public string? Cite { get; set; }
        public List<FlagDto>? Flags { get; set; }
    }

    private sealed class FlagDto
    {
        public string? Kind { get; set; }
        public string? Note { get; set; }
    }
}
