using Interphase.Quantities;

namespace Interphase.Knowledge;

/// <summary>
/// A note attached to a value: where a review contradicts itself (text vs table), a unit misprint, or an
/// assumption the transcription had to make. Both readings are kept; none is picked silently.
/// </summary>
/// <param name="Kind">Kind: <c>contradiction</c>, <c>misprint</c>, <c>assumption</c>, <c>ambiguous</c>.</param>
/// <param name="Note">What is wrong or assumed.</param>
/// <param name="Alternative">The other reading (e.g. the value the text gives), when there is one.</param>
/// <param name="Citation">Where the other reading is, when it is elsewhere.</param>
public sealed record DataFlag(string Kind, string Note, string? Alternative, Citation? Citation);

/// <summary>Measurement conditions of a value.</summary>
/// <param name="Temperature">Temperature as written (<c>RT</c>, <c>25 °C</c>, <c>300 K</c>), or null.</param>
/// <param name="TemperatureK">Temperature in K (RT taken as 298.15 K), or null.</param>
/// <param name="Pressure">Applied (stack) pressure, or null.</param>
/// <param name="Method">Method (EIS, CV, DFT, nanoindentation, ...), or null.</param>
public sealed record Conditions(string? Temperature, double? TemperatureK, Quantity? Pressure, string? Method)
{
    /// <summary>No conditions reported.</summary>
    public static Conditions None { get; } = new(null, null, null, null);

    /// <summary>Short human form (<c>25 °C, 0.2 MPa, EIS</c>).</summary>
    public string Display() =>
        string.Join(", ", new[] { Temperature, Pressure?.Display(), Method }.Where(s => !string.IsNullOrEmpty(s)));
}

/// <summary>One reported property of a material (numeric with a unit, or qualitative text), with its source.</summary>
/// <param name="Property">Property key (e.g. <c>ionic_conductivity</c>, see <see cref="PropertyKinds"/>).</param>
/// <param name="Quantity">The number, or null for a qualitative property.</param>
/// <param name="Text">Qualitative statement, or a remark on the number.</param>
/// <param name="Products">Interphase products (reduced formulas) for <c>interphase_with_*</c> properties.</param>
/// <param name="Conditions">Measurement conditions.</param>
/// <param name="Citation">Seed file and table/figure/section.</param>
/// <param name="Flags">Contradictions, misprints and assumptions.</param>
public sealed record PropertyValue(
    string Property, Quantity? Quantity, string? Text, IReadOnlyList<string> Products,
    Conditions Conditions, Citation Citation, IReadOnlyList<DataFlag> Flags);

/// <summary>A material of the knowledge base: a solid electrolyte, an electrode, or a coating/interlayer.</summary>
/// <param name="Id">Short id (e.g. <c>LLZO</c>).</param>
/// <param name="Name">Name or nominal composition (e.g. <c>Li7La3Zr2O12</c>).</param>
/// <param name="Formula">Nominal formula when it is a single compound, else null.</param>
/// <param name="Aliases">Other names (abbreviations, doped variants).</param>
/// <param name="Family">Family (<c>garnet</c>, <c>sulfide</c>, <c>halide</c>, <c>NASICON</c>, <c>perovskite</c>, ...).</param>
/// <param name="Role">Role: <c>electrolyte</c>, <c>cathode</c>, <c>anode</c>, <c>coating</c>, <c>component</c> (inactive cell part).</param>
/// <param name="Properties">Reported properties.</param>
public sealed record Material(
    string Id, string Name, string? Formula, IReadOnlyList<string> Aliases, string Family, string Role,
    IReadOnlyList<PropertyValue> Properties)
{
    /// <summary>The values reported for one property key.</summary>
    public IEnumerable<PropertyValue> Values(string property) =>
        Properties.Where(p => string.Equals(p.Property, property, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One reported electrode/electrolyte interface result: a table row (treatment, interlayer, ASR, current, capacity),
/// a before/after resistance, a critical current density or a stack-pressure observation.
/// </summary>
/// <param name="Id">Unique id (e.g. <c>garnet-t1-16</c>).</param>
/// <param name="Category">Category: <c>li-garnet</c>, <c>protection-layer</c>, <c>before-after</c>, <c>ccd</c>, <c>stack-pressure</c>, <c>cathode-coating</c>.</param>
/// <param name="Electrolyte">Electrolyte as reported (composition).</param>
/// <param name="ElectrolyteFamily">Family of the electrolyte.</param>
/// <param name="Electrode">Electrode in contact (Li, Li–In, LCO, ...).</param>
/// <param name="Treatment">Surface treatment of the electrolyte, or null.</param>
/// <param name="Interlayer">Interlayer/coating material, or null.</param>
/// <param name="Assembly">How the interface was made (annealing, pressing), or null.</param>
/// <param name="AsrBefore">Area-specific resistance before the treatment (Ω·cm²), or null.</param>
/// <param name="Asr">Area-specific resistance reported (after the treatment, Ω·cm²), or null.</param>
/// <param name="CurrentDensity">Cycling current density (mA/cm², or mA/g when so reported), or null.</param>
/// <param name="Capacity">Areal capacity per half cycle (mAh/cm²), or null.</param>
/// <param name="CriticalCurrentDensity">Critical current density (mA/cm²), or null.</param>
/// <param name="StackPressure">Stack pressure (MPa), or null.</param>
/// <param name="Duration">Cycling time, or null.</param>
/// <param name="Performance">Cell performance or observation as text, or null.</param>
/// <param name="Conditions">Temperature and method.</param>
/// <param name="Reference">Reference number in the review (e.g. <c>[27]</c>).</param>
/// <param name="Citation">Seed file and table/section.</param>
/// <param name="Flags">Contradictions, misprints and assumptions.</param>
public sealed record InterfaceRecord(
    string Id, string Category, string Electrolyte, string ElectrolyteFamily, string Electrode,
    string? Treatment, string? Interlayer, string? Assembly,
    Quantity? AsrBefore, Quantity? Asr, Quantity? CurrentDensity, Quantity? Capacity,
    Quantity? CriticalCurrentDensity, Quantity? StackPressure, Quantity? Duration, string? Performance,
    Conditions Conditions, string? Reference, Citation Citation, IReadOnlyList<DataFlag> Flags)
{
    /// <summary>Id of the knowledge-base material the electrolyte belongs to (e.g. <c>LLZO</c>), when assigned.</summary>
    public string? MaterialId { get; init; }
}

/// <summary>One reported full-cell result (a row of a review's cell-performance table).</summary>
/// <param name="Id">Unique id (e.g. <c>limetal-t1-03</c>).</param>
/// <param name="Year">Publication year when the table gives it.</param>
/// <param name="Anode">Anode.</param>
/// <param name="Electrolyte">Electrolyte (or electrolyte stack).</param>
/// <param name="Cathode">Cathode (composition of the composite cathode).</param>
/// <param name="Conditions">Temperature.</param>
/// <param name="Rate">Rate or current as written (<c>0.1 C</c>, <c>6.4 µA/cm²</c>), or null.</param>
/// <param name="Loading">Cathode loading, or null.</param>
/// <param name="VoltageRange">Voltage window (V), or null.</param>
/// <param name="Capacity">Specific capacity (mAh/g), or null.</param>
/// <param name="Retention">Capacity retention (%), or null.</param>
/// <param name="Cycles">Number of cycles, or null.</param>
/// <param name="Reference">Reference in the review.</param>
/// <param name="Citation">Seed file and table.</param>
/// <param name="Flags">Contradictions, misprints and assumptions.</param>
public sealed record CellResult(
    string Id, int? Year, string Anode, string Electrolyte, string Cathode, Conditions Conditions,
    Quantity? Rate, Quantity? Loading, Quantity? VoltageRange, Quantity? Capacity, Quantity? Retention, int? Cycles,
    string? Reference, Citation Citation, IReadOnlyList<DataFlag> Flags)
{
    /// <summary>Rate as written when it cannot be read as a number with a unit (e.g. <c>0.05</c> without unit).</summary>
    public string? RateText { get; init; }
}

/// <summary>The property keys the knowledge base knows and the dimension each numeric one must have.</summary>
public static class PropertyKinds
{
    /// <summary>Property key → required dimension (null for qualitative properties).</summary>
    public static IReadOnlyDictionary<string, string?> Dimensions { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        ["ionic_conductivity"] = "conductivity",
        ["electronic_conductivity"] = "conductivity",
        ["activation_energy"] = "energy",
        ["stability_window"] = "voltage",
        ["band_gap"] = "energy",
        ["shear_modulus"] = "pressure",
        ["youngs_modulus"] = "pressure",
        ["bulk_modulus"] = "pressure",
        ["hardness"] = "pressure",
        ["fracture_toughness"] = null,
        ["density"] = "density",
        ["critical_current_density"] = "current_density",
        ["li_diffusivity"] = "diffusivity",
        ["voltage"] = "voltage",
        ["specific_capacity"] = "specific_capacity",
        ["volume_change"] = "fraction",
        ["transference_number"] = "count",
        ["decomposition_energy"] = "energy",
        ["thickness"] = "length",
        ["break_even_thickness"] = "length",
        ["mass_fraction"] = "fraction",
        ["porosity"] = "fraction",
        ["air_stability"] = null,
        ["interphase_with_li"] = null,
        ["interphase_with_cathode"] = null,
        ["processing"] = null,
        ["note"] = null,
    };

    /// <summary>Preferred display unit (moduli in GPa, the rest in the dimension's base unit).</summary>
    public static string DisplayUnit(string property, string dimension) =>
        property is "shear_modulus" or "youngs_modulus" or "bulk_modulus" or "hardness" ? "GPa" : Units.BaseUnit(dimension);
}
