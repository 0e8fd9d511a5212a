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
        IReadOnlyList<CathodeChargedState> chargedStates, IReadOnlyList<KnownLayer> knownLayers, ExternalSource? hhiSource)
    {
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
        return new ScreeningTables(sources, elements, radioactive, radioactiveSource, toxic, states, known, hhi);
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
