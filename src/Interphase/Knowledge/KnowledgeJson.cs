namespace Interphase.Knowledge;

/// <summary>A flag on a value as the <c>kb</c> commands write it.</summary>
/// <param name="Kind">Kind: <c>contradiction</c>, <c>misprint</c>, <c>assumption</c>, <c>ambiguous</c>.</param>
/// <param name="Note">What is wrong or assumed.</param>
/// <param name="Alternative">The other reading, when there is one.</param>
/// <param name="Citation">Where the other reading is, when it is elsewhere.</param>
public sealed record FlagJson(string Kind, string Note, string? Alternative, string? Citation)
{
    /// <summary>The flags, or null when there are none (the key is then left out).</summary>
    public static IReadOnlyList<FlagJson>? List(IReadOnlyList<DataFlag> flags) =>
        flags.Count == 0 ? null : flags.Select(f => new FlagJson(f.Kind, f.Note, f.Alternative, f.Citation?.ToString())).ToList();
}

/// <summary>A material in a list (<c>kb materials --json</c>).</summary>
/// <param name="Id">Short id.</param>
/// <param name="Name">Name or nominal composition.</param>
/// <param name="Formula">Nominal formula, when a single compound.</param>
/// <param name="Family">Family.</param>
/// <param name="Role">Role.</param>
/// <param name="Aliases">Other names.</param>
/// <param name="Values">Number of reported values.</param>
public sealed record MaterialSummaryJson(string Id, string Name, string? Formula, string Family, string Role, IReadOnlyList<string> Aliases, int Values)
{
    /// <summary>The summary of <paramref name="m"/>.</summary>
    public static MaterialSummaryJson Of(Material m) => new(m.Id, m.Name, m.Formula, m.Family, m.Role, m.Aliases, m.Properties.Count);
}

/// <summary>One reported value of a material (<c>kb show --json</c>): the number as written in its unit and normalised to the base unit.</summary>
/// <param name="Property">Property key.</param>
/// <param name="Value">Value as reported, in <paramref name="Unit"/>.</param>
/// <param name="Low">Lower end of a reported range, in <paramref name="Unit"/>.</param>
/// <param name="High">Upper end of a reported range, in <paramref name="Unit"/>.</param>
/// <param name="Qualifier">Qualifier as written (<c>&gt;</c>, <c>~</c>, …).</param>
/// <param name="Unit">Unit as reported.</param>
/// <param name="NormalizedValue">Value in <paramref name="NormalizedUnit"/>.</param>
/// <param name="NormalizedUnit">Base unit of the dimension.</param>
/// <param name="Text">Qualitative statement or remark.</param>
/// <param name="Products">Interphase products, for <c>interphase_with_*</c> properties.</param>
/// <param name="Temperature">Temperature as written.</param>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="Method">Method.</param>
/// <param name="Citation">The review and locator, as researchers cite it.</param>
/// <param name="Doi">The cited review's DOI.</param>
/// <param name="Flags">Contradictions, misprints and assumptions.</param>
public sealed record PropertyValueJson(string Property, double? Value, double? Low, double? High, string? Qualifier, string? Unit,
    double? NormalizedValue, string? NormalizedUnit, string? Text, IReadOnlyList<string>? Products, string? Temperature, double? TemperatureK,
    string? Method, string Citation, string Doi, IReadOnlyList<FlagJson>? Flags)
{
    /// <summary>The JSON form of <paramref name="p"/>.</summary>
    public static PropertyValueJson Of(PropertyValue p)
    {
        var q = p.Quantity;
        return new PropertyValueJson(p.Property, q?.Value, q?.Low, q?.High, KnowledgeText.NullIfEmpty(q?.Qualifier), q?.Unit,
            q?.NormalizedValue, q?.NormalizedUnit, p.Text, p.Products.Count > 0 ? p.Products : null,
            p.Conditions.Temperature, p.Conditions.TemperatureK, p.Conditions.Method, p.Citation.ToString(), p.Citation.Doi, FlagJson.List(p.Flags));
    }
}

/// <summary>A material with every cited value (<c>kb show --json</c>).</summary>
/// <param name="Id">Short id.</param>
/// <param name="Name">Name or nominal composition.</param>
/// <param name="Formula">Nominal formula, when a single compound.</param>
/// <param name="Family">Family.</param>
/// <param name="Role">Role.</param>
/// <param name="Aliases">Other names.</param>
/// <param name="Properties">Every reported value.</param>
public sealed record MaterialJson(string Id, string Name, string? Formula, string Family, string Role, IReadOnlyList<string> Aliases,
    IReadOnlyList<PropertyValueJson> Properties)
{
    /// <summary>The JSON form of <paramref name="m"/>.</summary>
    public static MaterialJson Of(Material m) =>
        new(m.Id, m.Name, m.Formula, m.Family, m.Role, m.Aliases, m.Properties.Select(PropertyValueJson.Of).ToList());
}

/// <summary>An interface record (<c>kb interfaces --json</c>), numbers in base units named in the keys.</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Category">Category.</param>
/// <param name="Electrolyte">Electrolyte as reported.</param>
/// <param name="Family">Electrolyte family.</param>
/// <param name="Material">Knowledge-base material id of the electrolyte, when assigned.</param>
/// <param name="Electrode">Electrode in contact.</param>
/// <param name="Treatment">Surface treatment.</param>
/// <param name="Interlayer">Interlayer or coating.</param>
/// <param name="Assembly">How the interface was made.</param>
/// <param name="AsrBeforeOhmCm2">Area-specific resistance before the treatment, Ω·cm² (when reported per area).</param>
/// <param name="AsrOhmCm2">Area-specific resistance, Ω·cm² (when reported per area).</param>
/// <param name="ResistanceBeforeOhm">Resistance before the treatment, Ω (when reported without an area).</param>
/// <param name="ResistanceOhm">Resistance, Ω (when reported without an area).</param>
/// <param name="AsrQualifier">Qualifier of the ASR as written.</param>
/// <param name="CurrentDensityMaPerCm2">Cycling current density, mA/cm².</param>
/// <param name="SpecificCurrentMaPerG">Cycling current per mass, mA/g (when so reported).</param>
/// <param name="CapacityMahPerCm2">Areal capacity per half cycle, mAh/cm².</param>
/// <param name="CcdMaPerCm2">Critical current density, mA/cm².</param>
/// <param name="StackPressureMpa">Stack pressure, MPa.</param>
/// <param name="DurationH">Cycling time, h.</param>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="Performance">Performance or observation.</param>
/// <param name="Reference">Reference in the review.</param>
/// <param name="Citation">The review and locator, as researchers cite it.</param>
/// <param name="Doi">The cited review's DOI.</param>
/// <param name="Flags">Contradictions, misprints and assumptions.</param>
public sealed record InterfaceRecordJson(string Id, string Category, string Electrolyte, string Family, string? Material, string Electrode,
    string? Treatment, string? Interlayer, string? Assembly, double? AsrBeforeOhmCm2, double? AsrOhmCm2, double? ResistanceBeforeOhm,
    double? ResistanceOhm, string? AsrQualifier, double? CurrentDensityMaPerCm2, double? SpecificCurrentMaPerG, double? CapacityMahPerCm2,
    double? CcdMaPerCm2, double? StackPressureMpa, double? DurationH, double? TemperatureK, string? Performance, string? Reference,
    string Citation, string Doi, IReadOnlyList<FlagJson>? Flags)
{
    /// <summary>The JSON form of <paramref name="r"/>.</summary>
    public static InterfaceRecordJson Of(InterfaceRecord r) => new(
        r.Id, r.Category, r.Electrolyte, r.ElectrolyteFamily, r.MaterialId, r.Electrode, r.Treatment, r.Interlayer, r.Assembly,
        Of(r.AsrBefore, "area_resistance"), Of(r.Asr, "area_resistance"), Of(r.AsrBefore, "resistance"), Of(r.Asr, "resistance"),
        KnowledgeText.NullIfEmpty(r.Asr?.Qualifier), Of(r.CurrentDensity, "current_density"), Of(r.CurrentDensity, "specific_current"),
        r.Capacity?.NormalizedValue, r.CriticalCurrentDensity?.NormalizedValue, r.StackPressure?.NormalizedValue, r.Duration?.NormalizedValue,
        r.Conditions.TemperatureK, r.Performance, r.Reference, r.Citation.ToString(), r.Citation.Doi, FlagJson.List(r.Flags));

    // A quantity in its base unit when it has the dimension the key names.
    private static double? Of(Quantity? q, string dimension) => q is not null && q.Dimension == dimension ? q.NormalizedValue : null;
}

/// <summary>A full-cell result (<c>kb cells --json</c>).</summary>
/// <param name="Id">Unique id.</param>
/// <param name="Year">Publication year.</param>
/// <param name="Anode">Anode.</param>
/// <param name="Electrolyte">Electrolyte.</param>
/// <param name="Cathode">Cathode.</param>
/// <param name="Temperature">Temperature as written.</param>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="Rate">Rate or current as written.</param>
/// <param name="Loading">Cathode loading as written.</param>
/// <param name="VoltageLowV">Lower cut-off, V.</param>
/// <param name="VoltageHighV">Upper cut-off, V.</param>
/// <param name="CapacityMahPerG">Specific capacity, mAh/g.</param>
/// <param name="CapacityLowMahPerG">Lower end of a reported capacity range, mAh/g.</param>
/// <param name="CapacityHighMahPerG">Upper end of a reported capacity range, mAh/g.</param>
/// <param name="CapacityQualifier">Qualifier of the capacity as written.</param>
/// <param name="RetentionPercent">Capacity retention, %.</param>
/// <param name="Cycles">Number of cycles.</param>
/// <param name="Reference">Reference in the review.</param>
/// <param name="Citation">The review and table, as researchers cite it.</param>
/// <param name="Doi">The cited review's DOI.</param>
/// <param name="Flags">Contradictions, misprints and assumptions.</param>
public sealed record CellResultJson(string Id, int? Year, string Anode, string Electrolyte, string Cathode, string? Temperature, double? TemperatureK,
    string? Rate, string? Loading, double? VoltageLowV, double? VoltageHighV, double? CapacityMahPerG, double? CapacityLowMahPerG,
    double? CapacityHighMahPerG, string? CapacityQualifier, double? RetentionPercent, int? Cycles, string? Reference, string Citation,
    string Doi, IReadOnlyList<FlagJson>? Flags)
{
    /// <summary>The JSON form of <paramref name="c"/>.</summary>
    public static CellResultJson Of(CellResult c) => new(
        c.Id, c.Year, c.Anode, c.Electrolyte, c.Cathode, c.Conditions.Temperature, c.Conditions.TemperatureK,
        c.Rate?.Display() ?? c.RateText, c.Loading?.Display(), c.VoltageRange?.Low, c.VoltageRange?.High,
        c.Capacity?.Value, c.Capacity?.Low, c.Capacity?.High, KnowledgeText.NullIfEmpty(c.Capacity?.Qualifier), c.Retention?.Value, c.Cycles,
        c.Reference, c.Citation.ToString(), c.Citation.Doi, FlagJson.List(c.Flags));
}

/// <summary>A class rule of the product-character table as <c>kb products --json</c> writes it.</summary>
/// <param name="Name">Rule name.</param>
/// <param name="Kind">Rule kind.</param>
/// <param name="Electronic">Character the rule assigns.</param>
/// <param name="IonicConductor">Li⁺ conduction the rule assigns, or null.</param>
/// <param name="Reason">Why.</param>
/// <param name="Citation">Source.</param>
/// <param name="Doi">The cited review's DOI.</param>
public sealed record ProductRuleJson(string Name, string Kind, ElectronicCharacter Electronic, bool? IonicConductor, string Reason, string Citation, string Doi)
{
    /// <summary>The JSON form of <paramref name="r"/>.</summary>
    public static ProductRuleJson Of(ProductRule r) => new(r.Name, r.Kind, r.Electronic, r.Ionic, r.Reason, r.Citation.ToString(), r.Citation.Doi);
}

/// <summary>A review cited in an output, as its reference list gives it (the <c>references</c> of a JSON document).</summary>
/// <param name="Key">The review's key.</param>
/// <param name="Citation">As cited in running text.</param>
/// <param name="Reference">Authors, title, journal, volume, pages and year.</param>
/// <param name="Doi">Digital object identifier.</param>
public sealed record ReferenceJson(string Key, string Citation, string Reference, string Doi)
{
    /// <summary>The reviews cited anywhere in <paramref name="text"/> (e.g. a serialised document).</summary>
    public static IReadOnlyList<ReferenceJson> CitedIn(string text) =>
        [.. Reviews.CitedIn(text).Select(r => new ReferenceJson(r.Key, r.Short, r.Reference, r.Doi))];
}

/// <summary>Interphase products and, when no formula was asked, the class rules (<c>kb products --json</c>).</summary>
/// <param name="Products">Character of each product.</param>
/// <param name="Rules">The class rules (null when formulas were asked).</param>
public sealed record ProductListing(IReadOnlyList<ProductCharacter> Products, IReadOnlyList<ProductRuleJson>? Rules);

internal static class KnowledgeText
{
    public static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
