using Interphase.Chemistry;

namespace Interphase.Stacks;

/// <summary>The kind of negative electrode, which fixes its potential and the mechanical checks that apply.</summary>
public enum AnodeKind
{
    /// <summary>Lithium metal at 0 V vs Li/Li+.</summary>
    LithiumMetal,
    /// <summary>Li–In alloy, about 0.62 V vs Li/Li+.</summary>
    LithiumIndium,
    /// <summary>Graphite (lithiated), about 0.1 V vs Li/Li+.</summary>
    Graphite,
    /// <summary>Another alloy or intercalation anode; its potential must be given.</summary>
    Other,
}

/// <summary>The positive electrode of a stack.</summary>
/// <param name="Name">Display name (e.g. NCM811).</param>
/// <param name="Composition">Discharged composition (e.g. LiNi0.8Co0.1Mn0.1O2).</param>
/// <param name="ChargedComposition">Composition at top of charge (e.g. Li0.2Ni0.8Co0.1Mn0.1O2).</param>
/// <param name="MinVolts">Lower cut-off, V vs Li/Li+.</param>
/// <param name="MaxVolts">Top of charge, V vs Li/Li+.</param>
/// <param name="LoadingMgPerCm2">Active-material loading, mg/cm² (null when unknown).</param>
/// <param name="CapacityMahPerG">Specific capacity, mAh/g (null when unknown).</param>
public sealed record CathodeLayer(string Name, Composition Composition, Composition ChargedComposition,
    double MinVolts, double MaxVolts, double? LoadingMgPerCm2, double? CapacityMahPerG)
{
    /// <summary>Density of the active material, g/cm³ (null: from the knowledge base).</summary>
    public double? DensityGPerCm3 { get; init; }
    /// <summary>Average discharge voltage, V (null: the middle of the voltage range).</summary>
    public double? AverageVoltageV { get; init; }
    /// <summary>Mass fraction of solid electrolyte in the composite cathode (null: it fills the cathode at the review's active volume fraction).</summary>
    public double? ElectrolyteWeightFraction { get; init; }
    /// <summary>Mass fraction of carbon black in the composite (null: 5 : 80 to the active material, Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1).</summary>
    public double? CarbonWeightFraction { get; init; }
    /// <summary>Porosity of the composite cathode (null: 10 %, Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1).</summary>
    public double? Porosity { get; init; }
    /// <summary>Composite cathode thickness, µm (the electrolyte fills what the other components leave).</summary>
    public double? ThicknessUm { get; init; }
    /// <summary>Al current collector thickness, µm (null: 10 µm; 0: none).</summary>
    public double? CurrentCollectorUm { get; init; }
}

/// <summary>A thin coating or interlayer between two layers.</summary>
/// <param name="Name">Display name.</param>
/// <param name="Composition">Composition.</param>
/// <param name="ThicknessNm">Thickness, nm (null when unknown).</param>
public sealed record CoatingLayer(string Name, Composition Composition, double? ThicknessNm)
{
    /// <summary>Density, g/cm³ (null: from the knowledge base).</summary>
    public double? DensityGPerCm3 { get; init; }
}

/// <summary>One solid-electrolyte layer.</summary>
/// <param name="Name">Display name (e.g. argyrodite).</param>
/// <param name="Composition">Composition (e.g. Li6PS5Cl).</param>
/// <param name="ThicknessUm">Thickness, µm.</param>
/// <param name="ConductivitySPerCm">Ionic conductivity at the stack temperature, S/cm (null: taken from the knowledge base).</param>
public sealed record ElectrolyteLayer(string Name, Composition Composition, double ThicknessUm, double? ConductivitySPerCm)
{
    /// <summary>Density, g/cm³ (null: from the knowledge base).</summary>
    public double? DensityGPerCm3 { get; init; }
}

/// <summary>The negative electrode of a stack.</summary>
/// <param name="Name">Display name (e.g. Li, Li–In).</param>
/// <param name="Kind">Kind of anode.</param>
/// <param name="Composition">Composition of the anode surface that meets the electrolyte (Li for Li metal).</param>
/// <param name="PotentialVolts">Electrode potential, V vs Li/Li+.</param>
public sealed record AnodeLayer(string Name, AnodeKind Kind, Composition Composition, double PotentialVolts)
{
    /// <summary>Thickness of a metal foil anode (Li, In), µm (null: sized by <see cref="Excess"/>).</summary>
    public double? ThicknessUm { get; init; }
    /// <summary>Excess capacity over the cathode's (0.2 = 20 %; null: 20 %, Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1, unless a thickness is given).</summary>
    public double? Excess { get; init; }
    /// <summary>Density of the anode host, g/cm³ (null: knowledge base or built-in default).</summary>
    public double? DensityGPerCm3 { get; init; }
    /// <summary>Specific capacity of the anode host, mAh/g (needed for <see cref="AnodeKind.Other"/>).</summary>
    public double? CapacityMahPerG { get; init; }
    /// <summary>Cu current collector thickness, µm (null: 5 µm; 0: none).</summary>
    public double? CurrentCollectorUm { get; init; }
}

/// <summary>
/// A whole solid-state cell stack, positive to negative: cathode | optional coating | electrolyte layer(s) |
/// optional anode interlayer | anode, with operating conditions.
/// </summary>
public sealed class CellStack
{
    /// <summary>Stack name (e.g. "NCM811 | LiNbO3 | Li6PS5Cl | Li–In").</summary>
    public required string Name { get; init; }

    /// <summary>Positive electrode.</summary>
    public required CathodeLayer Cathode { get; init; }

    /// <summary>Cathode coating, if any.</summary>
    public CoatingLayer? CathodeCoating { get; init; }

    /// <summary>Electrolyte layers from the cathode side to the anode side (at least one).</summary>
    public required IReadOnlyList<ElectrolyteLayer> Electrolytes { get; init; }

    /// <summary>Anode interlayer, if any.</summary>
    public CoatingLayer? AnodeInterlayer { get; init; }

    /// <summary>Negative electrode.</summary>
    public required AnodeLayer Anode { get; init; }

    /// <summary>Operating temperature, °C.</summary>
    public double TemperatureC { get; init; } = 25;

    /// <summary>Stack pressure, MPa.</summary>
    public double StackPressureMpa { get; init; }

    /// <summary>Current density, mA/cm².</summary>
    public double CurrentDensityMaPerCm2 { get; init; }

    /// <summary>The chemical systems the analysis needs entries for: one per interface (both layers' elements), e.g.
    /// Co-Cl-Li-Mn-Ni-O-P-S for NCM811 | Li6PS5Cl.</summary>
    public IReadOnlyList<string> ChemicalSystems() => Interfaces()
        .Select(i => ChemicalSystem.Of(i.Positive.Elements.Concat(i.Negative.Elements)).ToString())
        .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The stack's interfaces from cathode to anode, each naming the two materials that meet, which side of the cell
    /// it is on and the potential range (V vs Li/Li+) it sees: the cathode's range where a layer touches the cathode,
    /// the anode's potential where it touches the anode; an interface between two electrolytes is fixed by neither.
    /// </summary>
    public IReadOnlyList<StackInterface> Interfaces()
    {
        var layers = new List<(string Name, Composition Composition, string Role)>
        {
            (Cathode.Name, Cathode.Composition, "cathode"),
        };
        if (CathodeCoating is { } c) layers.Add((c.Name, c.Composition, "cathode coating"));
        foreach (var e in Electrolytes) layers.Add((e.Name, e.Composition, "electrolyte"));
        if (AnodeInterlayer is { } i) layers.Add((i.Name, i.Composition, "anode interlayer"));
        layers.Add((Anode.Name, Anode.Composition, "anode"));

        var result = new List<StackInterface>();
        for (int k = 0; k + 1 < layers.Count; k++)
        {
            var side = layers[k].Role is "cathode" or "cathode coating" ? InterfaceSide.Cathode
                : layers[k + 1].Role is "anode" or "anode interlayer" ? InterfaceSide.Anode
                : InterfaceSide.Internal;
            var (lo, hi) = side switch
            {
                InterfaceSide.Cathode => (Cathode.MinVolts, Cathode.MaxVolts),
                InterfaceSide.Anode => (Anode.PotentialVolts, Anode.PotentialVolts),
                _ => (Anode.PotentialVolts, Cathode.MaxVolts),
            };
            result.Add(new StackInterface(k, layers[k].Name, layers[k].Composition, layers[k].Role,
                layers[k + 1].Name, layers[k + 1].Composition, layers[k + 1].Role, lo, hi, side));
        }
        return result;
    }
}

/// <summary>Where in the stack an interface sits, which fixes the potential it sees.</summary>
public enum InterfaceSide
{
    /// <summary>Touches the cathode (or its coating): sees the cathode's potentials.</summary>
    Cathode,
    /// <summary>Between two electrolyte layers: no electrode fixes its potential.</summary>
    Internal,
    /// <summary>Touches the anode (or its interlayer): sees the anode's potential.</summary>
    Anode,
}

/// <summary>Two layers in contact.</summary>
/// <param name="Index">Position from the cathode (0 = first interface).</param>
/// <param name="PositiveName">Name of the layer on the cathode side.</param>
/// <param name="Positive">Its composition.</param>
/// <param name="PositiveRole">Its role (cathode, cathode coating, electrolyte, anode interlayer).</param>
/// <param name="NegativeName">Name of the layer on the anode side.</param>
/// <param name="Negative">Its composition.</param>
/// <param name="NegativeRole">Its role.</param>
/// <param name="MinVolts">Lowest potential the interface sees, V vs Li/Li+.</param>
/// <param name="MaxVolts">Highest potential the interface sees, V vs Li/Li+.</param>
/// <param name="Side">Which side of the cell the interface is on.</param>
public sealed record StackInterface(int Index, string PositiveName, Composition Positive, string PositiveRole,
    string NegativeName, Composition Negative, string NegativeRole, double MinVolts, double MaxVolts, InterfaceSide Side)
{
    /// <summary>"A | B".</summary>
    public string Label => $"{PositiveName} | {NegativeName}";

    /// <summary>True when an electrode is one of the two layers: only then can it supply the electrons an
    /// electrochemical reaction needs (with a coating, interlayer or second electrolyte in between it is suppressed).</summary>
    public bool TouchesElectrode => PositiveRole == "cathode" || NegativeRole == "anode";
}
