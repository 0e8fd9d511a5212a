namespace Interphase.Cell;

/// <summary>Thickness and areal mass of one layer of the stack.</summary>
/// <param name="Layer">Layer name (cathode, anode, separator, cathode collector, anode collector).</param>
/// <param name="ThicknessUm">Thickness, µm.</param>
/// <param name="SolidMassMgPerCm2">Mass of the solids, mg/cm².</param>
/// <param name="LiquidMassMgPerCm2">Mass of liquid electrolyte in its pores, mg/cm² (0 in a solid cell).</param>
/// <param name="CompositionMgPerCm2">Mass of each constituent, mg/cm².</param>
public sealed record LayerResult(string Layer, double ThicknessUm, double SolidMassMgPerCm2, double LiquidMassMgPerCm2,
    IReadOnlyDictionary<string, double> CompositionMgPerCm2)
{
    /// <summary>Total areal mass, mg/cm².</summary>
    public double MassMgPerCm2 => SolidMassMgPerCm2 + LiquidMassMgPerCm2;
}

/// <summary>Cell-level energy of a stack.</summary>
/// <param name="Name">Cell name.</param>
/// <param name="CapacityMahPerCm2">Areal capacity (cathode-limited), mAh/cm².</param>
/// <param name="EnergyMwhPerCm2">Areal energy, mWh/cm².</param>
/// <param name="MassMgPerCm2">Stack mass, mg/cm².</param>
/// <param name="ThicknessUm">Stack thickness, µm.</param>
/// <param name="SpecificEnergyWhPerKg">Gravimetric energy density E_S, Wh/kg.</param>
/// <param name="EnergyDensityWhPerL">Volumetric energy density E_V, Wh/L.</param>
/// <param name="Layers">Per-layer breakdown.</param>
public sealed record CellEnergy(string Name, double CapacityMahPerCm2, double EnergyMwhPerCm2, double MassMgPerCm2,
    double ThicknessUm, double SpecificEnergyWhPerKg, double EnergyDensityWhPerL, IReadOnlyList<LayerResult> Layers);

/// <summary>
/// Cell-level gravimetric and volumetric energy density from the layers of a stack (Wu et al., J. Mater. Chem. A 2016,
/// Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3): E_S = C_A·m_A·V̄ / Σwᵢ and E_V = C_A·m_A·V̄ / Σ(wᵢ/ρᵢ).
/// </summary>
/// <remarks>
/// Assumptions (as in the review): 100 % utilisation of the cathode active material, constant average voltage,
/// single-sided layers per cm², no packaging or tabs. In a liquid cell the electrolyte fills every pore of cathode,
/// anode and separator and takes no extra volume; in a solid cell pores stay empty. The anode is sized to the
/// cathode capacity times (1 + excess). An electrode's thickness is its solid volume divided by (1 − porosity),
/// unless it has a fill component, in which case the thickness is fixed and the fill component takes the remaining
/// solid volume.
/// </remarks>
public static class CellEnergyModel
{
    // mg/cm² divided by g/cm³ is 1e-3 cm = 10 µm.
    private const double UmPerMgOverDensity = 10.0;

    /// <summary>Evaluates a cell; throws <see cref="InterphaseException"/> when the specification is impossible.</summary>
    public static CellEnergy Evaluate(CellSpec cell)
    {
        CellValidation.Validate(cell);
        double liquidDensity = cell.Electrolyte.IsLiquid ? cell.Electrolyte.DensityGPerCm3!.Value : 0.0;

        var cathodeActive = cell.Cathode.Components.Single(c => c.Active);
        double activeMass = cell.Cathode.LoadingMgPerCm2!.Value;
        double capacity = activeMass * cathodeActive.CapacityMahPerG!.Value / 1000.0;
        double energy = capacity * cell.AverageVoltageV;

        var layers = new List<LayerResult> { Electrode("cathode", cell.Cathode, activeMass, liquidDensity) };
        if (cell.Anode is { } anode)
        {
            var anodeActive = anode.Components.Single(c => c.Active);
            double anodeMass = capacity * (1.0 + (anode.Excess ?? 0.0)) / anodeActive.CapacityMahPerG!.Value * 1000.0;
            layers.Add(Electrode("anode", anode, anodeMass, liquidDensity));
        }
        layers.Add(Separator(cell.Separator, liquidDensity));
        if (cell.CurrentCollectors.Cathode is { } alFoil) layers.Add(Foil("cathode collector", alFoil));
        if (cell.CurrentCollectors.Anode is { } cuFoil) layers.Add(Foil("anode collector", cuFoil));

        double mass = layers.Sum(l => l.MassMgPerCm2);
        double thickness = layers.Sum(l => l.ThicknessUm);
        // mWh/mg = 1000 Wh/kg; mWh/(µm·cm²) = 1e4 Wh/L.
        return new CellEnergy(cell.Name, capacity, energy, mass, thickness, 1000.0 * energy / mass, 1.0e4 * energy / thickness, layers);
    }

    private static LayerResult Electrode(string layer, ElectrodeSpec e, double activeMass, double liquidDensity)
    {
        var active = e.Components.Single(c => c.Active);
        var composition = new Dictionary<string, double>();
        double solidUm = 0.0;
        CellComponent? fill = null;
        foreach (var c in e.Components)
        {
            if (c.Fill) { fill = c; continue; }
            double m = activeMass * c.WeightFraction!.Value / active.WeightFraction!.Value;
            Add(composition, c.Name, m);
            solidUm += UmPerMgOverDensity * m / c.DensityGPerCm3;
        }

        double thickness;
        if (fill is not null)
        {
            thickness = e.ThicknessUm!.Value;
            double fillUm = thickness * (1.0 - e.Porosity) - solidUm;
            if (fillUm < 0)
                throw new InterphaseException(
                    $"{layer}.thickness_um = {thickness:G4} µm is too thin: the other components already take {solidUm / (1.0 - e.Porosity):G4} µm at porosity {e.Porosity:G3}");
            Add(composition, fill.Name, fillUm * fill.DensityGPerCm3 / UmPerMgOverDensity);
        }
        else
        {
            thickness = solidUm / (1.0 - e.Porosity);
        }
        double solid = composition.Values.Sum();
        double liquid = e.Porosity * thickness * liquidDensity / UmPerMgOverDensity;
        return new LayerResult(layer, thickness, solid, liquid, composition);
    }

    private static LayerResult Separator(SeparatorSpec s, double liquidDensity)
    {
        double solid = (1.0 - s.Porosity) * s.ThicknessUm * s.DensityGPerCm3 / UmPerMgOverDensity;
        double liquid = s.Porosity * s.ThicknessUm * liquidDensity / UmPerMgOverDensity;
        return new LayerResult("separator", s.ThicknessUm, solid, liquid, new Dictionary<string, double> { [s.Name] = solid });
    }

    private static LayerResult Foil(string layer, FoilSpec f)
    {
        double m = f.ThicknessUm * f.DensityGPerCm3 / UmPerMgOverDensity;
        return new LayerResult(layer, f.ThicknessUm, m, 0.0, new Dictionary<string, double> { [f.Name] = m });
    }

    private static void Add(Dictionary<string, double> d, string key, double value) =>
        d[key] = d.TryGetValue(key, out var v) ? v + value : value;
}
