namespace Interphase.Cell;

/// <summary>
/// One constituent of a composite electrode (active material, conductive carbon, binder, solid electrolyte).
/// </summary>
public sealed record CellComponent
{
    /// <summary>Display name (e.g. <c>NCA</c>, <c>carbon black</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>True for the one component that stores charge; it needs <see cref="CapacityMahPerG"/>.</summary>
    public bool Active { get; init; }

    /// <summary>Specific capacity of the active material, mAh/g (used at 100 % utilisation).</summary>
    public double? CapacityMahPerG { get; init; }

    /// <summary>
    /// Mass fraction in the composite solids. In an electrode with a <see cref="Fill"/> component the fractions of
    /// the other components only fix their mass ratio to the active material.
    /// </summary>
    public double? WeightFraction { get; init; }

    /// <summary>Skeletal density, g/cm³.</summary>
    public double DensityGPerCm3 { get; init; }

    /// <summary>
    /// This component (usually the solid electrolyte of a composite cathode) takes whatever solid volume is left
    /// at the electrode's fixed <see cref="ElectrodeSpec.ThicknessUm"/> and porosity, so its mass fraction follows
    /// from its density (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3).
    /// </summary>
    public bool Fill { get; init; }
}

/// <summary>A composite electrode layer (single-sided, per cm² of cell area).</summary>
public sealed record ElectrodeSpec
{
    /// <summary>Active-material loading, mg/cm² (cathode: required; it sets the cell capacity).</summary>
    public double? LoadingMgPerCm2 { get; init; }

    /// <summary>Anode capacity excess over the cathode's (0.20 = 20 % excess, N/P = 1.2). Anode only.</summary>
    public double? Excess { get; init; }

    /// <summary>Volume fraction of pores (0 ≤ porosity &lt; 1). Filled by the liquid in a liquid cell, empty in a solid one.</summary>
    public double Porosity { get; init; }

    /// <summary>Fixed layer thickness, µm; only with a <see cref="CellComponent.Fill"/> component.</summary>
    public double? ThicknessUm { get; init; }

    /// <summary>The constituents; exactly one is <see cref="CellComponent.Active"/>.</summary>
    public List<CellComponent> Components { get; init; } = new();
}

/// <summary>Separator layer (porous polymer in a liquid cell, dense solid electrolyte in a solid cell).</summary>
public sealed record SeparatorSpec
{
    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Thickness, µm.</summary>
    public double ThicknessUm { get; init; }
    /// <summary>Skeletal density, g/cm³.</summary>
    public double DensityGPerCm3 { get; init; }
    /// <summary>Volume fraction of pores (0 for a dense solid electrolyte).</summary>
    public double Porosity { get; init; }
}

/// <summary>A metal foil current collector.</summary>
public sealed record FoilSpec
{
    /// <summary>Display name (Al, Cu).</summary>
    public string Name { get; init; } = "";
    /// <summary>Thickness, µm (0 = none).</summary>
    public double ThicknessUm { get; init; }
    /// <summary>Density, g/cm³.</summary>
    public double DensityGPerCm3 { get; init; }
}

/// <summary>Cathode and anode current collectors; either may be absent.</summary>
public sealed record CollectorsSpec
{
    /// <summary>Cathode foil (Al), or null for none.</summary>
    public FoilSpec? Cathode { get; init; }
    /// <summary>Anode foil (Cu), or null for none (Li metal as its own collector).</summary>
    public FoilSpec? Anode { get; init; }
}

/// <summary>The electrolyte: a liquid filling every pore, or a solid (pores stay empty).</summary>
public sealed record ElectrolyteSpec
{
    /// <summary><c>liquid</c> or <c>solid</c>.</summary>
    public string Kind { get; init; } = "solid";
    /// <summary>Liquid density, g/cm³ (liquid cells only).</summary>
    public double? DensityGPerCm3 { get; init; }

    /// <summary>True for a liquid electrolyte.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsLiquid => string.Equals(Kind, "liquid", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A cell stack (one cathode, separator, anode and their collectors per cm²), as in the cell-level energy model of
/// Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3, Table 1).
/// </summary>
public sealed record CellSpec
{
    /// <summary>Display name.</summary>
    public string Name { get; init; } = "";
    /// <summary>Where the numbers come from.</summary>
    public string? Source { get; init; }
    /// <summary>Free-text notes (assumptions, values the source leaves unstated).</summary>
    public string? Notes { get; init; }
    /// <summary>Average discharge voltage, V.</summary>
    public double AverageVoltageV { get; init; }
    /// <summary>Electrolyte kind.</summary>
    public ElectrolyteSpec Electrolyte { get; init; } = new();
    /// <summary>Positive electrode; its active loading sets the capacity.</summary>
    public ElectrodeSpec Cathode { get; init; } = new();
    /// <summary>Negative electrode, sized from the cathode capacity and its excess; null for an anode-free cell.</summary>
    public ElectrodeSpec? Anode { get; init; }
    /// <summary>Separator.</summary>
    public SeparatorSpec Separator { get; init; } = new();
    /// <summary>Current collectors.</summary>
    public CollectorsSpec CurrentCollectors { get; init; } = new();
}
