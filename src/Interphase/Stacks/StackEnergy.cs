using System.Globalization;
using System.Reflection;
using Interphase.Cell;
using Interphase.Knowledge;

namespace Interphase.Stacks;

/// <summary>Where a density used in the energy of a stack came from.</summary>
/// <param name="Layer">Layer or constituent.</param>
/// <param name="DensityGPerCm3">Density, g/cm³.</param>
/// <param name="Source">stack file, knowledge base citation, or assumed value with its source.</param>
public sealed record DensitySource(string Layer, double DensityGPerCm3, string Source);

/// <summary>
/// The energy of a <see cref="CellStack"/> as a cell, with the same model as <c>cell energy</c>
/// (<see cref="CellEnergyModel"/>, Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3): the stack is turned into a <see cref="CellSpec"/>
/// (composite cathode, cathode coating, every electrolyte layer and anode interlayer as the separator, the anode and
/// the current collectors) and evaluated; the result is compared with the review's liquid NCA/graphite cell.
/// </summary>
/// <remarks>
/// Defaults, each stated in the result's assumptions: the composite cathode of Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1 scaled to the stack's
/// loading (active material 69 vol%, i.e. 19.5 mg/cm² of NCA in 60 µm; carbon black at 5:80 by mass to the active
/// material; 10 % porosity; the first electrolyte filling the rest); a cathode coating as a shell of its thickness on
/// 5 µm-radius particles; a dense anode sized to 20 % excess capacity (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1); 10 µm Al and 5 µm Cu collectors
/// (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3). Densities come from the stack file (<c>density_g_cm3</c>), else the knowledge base; a value found in
/// neither is named and the energy is not computed.
/// </remarks>
public static class StackEnergy
{
    /// <summary>Active-material volume fraction of the review's solid cathode: 19.5 mg/cm² of NCA (4.7 g/cm³) in 60 µm.</summary>
    public const double ReviewActiveVolumeFraction = 19.5 / 4.7 * 10.0 / 60.0;

    /// <summary>Carbon black to active material by mass in the review's solid cathode (5 : 80, Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1).</summary>
    public const double ReviewCarbonToActive = 5.0 / 80.0;

    /// <summary>Cathode porosity of the review's solid cell (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1).</summary>
    public const double ReviewPorosity = 0.10;

    /// <summary>Anode excess capacity of the review's cells (20 %, Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1).</summary>
    public const double ReviewExcess = 0.20;

    /// <summary>Particle radius assumed for a cathode coating's shell, µm.</summary>
    public const double AssumedParticleRadiusUm = 5.0;

    private const double UmPerMgOverDensity = 10.0;

    /// <summary>The energy of the stack against the liquid reference, or the values missing to compute it.</summary>
    public static EnergyComparison Evaluate(CellStack stack, KnowledgeBase knowledge)
    {
        var reference = CellEnergyModel.Evaluate(Template("liquid-reference"));
        var (cell, densities, assumptions, missing) = ToCell(stack, knowledge);
        if (cell is null)
            return new EnergyComparison(null, null, reference.SpecificEnergyWhPerKg, reference.EnergyDensityWhPerL,
                $"not computed: {string.Join("; ", missing)}", missing, assumptions, densities, null, null);
        CellEnergy energy;
        try { energy = CellEnergyModel.Evaluate(cell); }
        catch (InterphaseException ex)
        {
            var why = new List<string> { ex.Message };
            return new EnergyComparison(null, null, reference.SpecificEnergyWhPerKg, reference.EnergyDensityWhPerL,
                $"not computed: {ex.Message}", why, assumptions, densities, cell, null);
        }
        string basis = $"this stack as a cell with the model of `cell energy` (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3): {energy.CapacityMahPerCm2:0.###} mAh/cm² at {cell.AverageVoltageV:0.###} V, "
                       + $"{energy.MassMgPerCm2:0.#} mg/cm², {energy.ThicknessUm:0.#} µm; against the review's NCA/graphite liquid cell (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1)";
        return new EnergyComparison(energy.SpecificEnergyWhPerKg, energy.EnergyDensityWhPerL, reference.SpecificEnergyWhPerKg,
            reference.EnergyDensityWhPerL, basis, [], assumptions, densities, cell, energy.Layers);
    }

    /// <summary>
    /// The cell specification of the stack (what <c>cell energy</c> would evaluate), with the densities used, the
    /// assumptions made and, when it cannot be built, the values that are missing (cell null).
    /// </summary>
    public static (CellSpec? Cell, IReadOnlyList<DensitySource> Densities, IReadOnlyList<string> Assumptions, IReadOnlyList<string> Missing)
        ToCell(CellStack stack, KnowledgeBase knowledge)
    {
        var densities = new List<DensitySource>();
        var assumptions = new List<string>();
        var missing = new List<string>();
        var c = stack.Cathode;

        double? Density(string layer, string key, double? given, params string[] names)
        {
            if (given is { } g) { densities.Add(new DensitySource(layer, g, "stack file")); return g; }
            foreach (var name in names)
            {
                var material = knowledge.FindMaterial(name);
                var values = material?.Values("density").Where(v => v.Quantity is not null).ToList() ?? [];
                // The cell model's own source (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1) first, so Li is 0.54 g/cm³ as in the review's cells.
                var v = values.FirstOrDefault(x => x.Citation.ReviewKey == "Wu2016") ?? values.FirstOrDefault();
                if (v is not null)
                {
                    densities.Add(new DensitySource(layer, v.Quantity!.NormalizedValue, $"knowledge base: {v.Citation}"));
                    return v.Quantity.NormalizedValue;
                }
            }
            missing.Add($"density of {layer} (give {key})");
            return null;
        }

        if (c.LoadingMgPerCm2 is null) missing.Add("cathode loading (give cathode.loading_mg_cm2)");
        if (c.CapacityMahPerG is null) missing.Add("cathode specific capacity (give cathode.capacity_mah_g)");
        double? activeDensity = Density(c.Name, "cathode.density_g_cm3", c.DensityGPerCm3, c.Composition.ReducedFormula, c.Name);
        double? carbonDensity = Density("carbon black", "—", null, "carbon black");
        var catholyte = stack.Electrolytes[0];
        double? catholyteDensity = Density(catholyte.Name, "electrolytes[0].density_g_cm3", catholyte.DensityGPerCm3, catholyte.Composition.ReducedFormula, catholyte.Name);
        double? coatingDensity = stack.CathodeCoating is { } coat
            ? Density(coat.Name, "cathode_coating.density_g_cm3", coat.DensityGPerCm3, coat.Composition.ReducedFormula, coat.Name) : null;
        var layerDensities = stack.Electrolytes.Select((e, i) => i == 0 ? catholyteDensity
            : Density(e.Name, $"electrolytes[{i}].density_g_cm3", e.DensityGPerCm3, e.Composition.ReducedFormula, e.Name)).ToList();
        double? interlayerDensity = stack.AnodeInterlayer is { } il
            ? Density(il.Name, "anode_interlayer.density_g_cm3", il.DensityGPerCm3, il.Composition.ReducedFormula, il.Name) : null;
        if (stack.CathodeCoating is { ThicknessNm: null } nc) missing.Add($"thickness of the coating {nc.Name} (give cathode_coating.thickness_nm)");
        if (stack.AnodeInterlayer is { ThicknessNm: null } ni) missing.Add($"thickness of the interlayer {ni.Name} (give anode_interlayer.thickness_nm)");
        var anode = AnodeSpec(stack, knowledge, Density, assumptions, missing, layerDensities[^1]);

        double voltage;
        if (c.AverageVoltageV is { } av) voltage = av;
        else if (Knowledge.ScreeningTables.Default.FindChargedState(c.Composition) is { AverageVolts: { } typical } state
                 && typical >= c.MinVolts && typical <= c.MaxVolts)
        {
            // A cathode's capacity is delivered mostly on its plateau, not at the middle of the cut-offs (LFP: 3.45 V
            // within 2.5–3.6 V), so a cathode the table knows takes its typical average voltage.
            voltage = typical;
            var src = state.AverageVoltageSource!;
            assumptions.Add($"average voltage {voltage:0.###} V, typical of {state.Id} ({ShortCitation(src)}{(src.Verified ? "" : ", not checked against the paper here")}; give cathode.average_voltage_v)");
        }
        else
        {
            voltage = (c.MinVolts + c.MaxVolts) / 2;
            assumptions.Add($"average voltage {voltage:0.###} V, the middle of the cathode's {c.MinVolts:0.##}–{c.MaxVolts:0.##} V range (give cathode.average_voltage_v)");
        }
        if (missing.Count > 0) return (null, densities, assumptions, missing);

        // Composite cathode.
        double loading = c.LoadingMgPerCm2!.Value;
        double carbonFraction = c.CarbonWeightFraction ?? ReviewCarbonToActive * (1 - (c.ElectrolyteWeightFraction ?? 0)) / (1 + ReviewCarbonToActive);
        if (c.CarbonWeightFraction is null) assumptions.Add("carbon black at 5:80 by mass to the active material (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1)");
        double porosity = c.Porosity ?? ReviewPorosity;
        if (c.Porosity is null) assumptions.Add("cathode porosity 10 % (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1)");
        var components = new List<CellComponent>();
        double? thickness = null;
        double activeFraction;
        if (c.ElectrolyteWeightFraction is { } seFraction)
        {
            activeFraction = 1 - seFraction - carbonFraction;
            if (activeFraction <= 0)
            {
                missing.Add($"a positive active-material fraction (electrolyte {seFraction:0.###} + carbon {carbonFraction:0.###} leave none)");
                return (null, densities, assumptions, missing);
            }
            components.Add(new CellComponent { Name = catholyte.Name, WeightFraction = seFraction, DensityGPerCm3 = catholyteDensity!.Value });
        }
        else
        {
            activeFraction = 1 - carbonFraction;
            components.Add(new CellComponent { Name = catholyte.Name, Fill = true, DensityGPerCm3 = catholyteDensity!.Value });
            thickness = c.ThicknessUm ?? UmPerMgOverDensity * loading / activeDensity!.Value / ReviewActiveVolumeFraction;
            if (c.ThicknessUm is null)
                assumptions.Add($"cathode {thickness:0.#} µm thick: active material 69 vol% as in the review's solid cathode (19.5 mg/cm² of NCA in 60 µm, Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1), {catholyte.Name} filling the rest");
        }
        components.Insert(0, new CellComponent { Name = c.Name, Active = true, CapacityMahPerG = c.CapacityMahPerG, WeightFraction = activeFraction, DensityGPerCm3 = activeDensity!.Value });
        components.Insert(1, new CellComponent { Name = "carbon black", WeightFraction = carbonFraction, DensityGPerCm3 = carbonDensity!.Value });
        if (stack.CathodeCoating is { } coating)
        {
            // A shell of thickness t on spheres of radius r: 3t/r of the particle volume.
            double shellVolumePerActiveVolume = 3 * coating.ThicknessNm!.Value * 1e-3 / AssumedParticleRadiusUm;
            double coatingPerActiveMass = shellVolumePerActiveVolume * coatingDensity!.Value / activeDensity.Value;
            components.Add(new CellComponent { Name = coating.Name, WeightFraction = coatingPerActiveMass * activeFraction, DensityGPerCm3 = coatingDensity.Value });
            assumptions.Add($"{(coating.Name.EndsWith("coating", StringComparison.OrdinalIgnoreCase) ? coating.Name : coating.Name + " coating")} as a {coating.ThicknessNm:0.#} nm shell on {AssumedParticleRadiusUm:0} µm-radius particles");
            if (c.ElectrolyteWeightFraction is not null)
            {
                // Keep the weight fractions summing to 1: the coating comes out of the active share's complement.
                double sum = components.Where(k => !k.Fill).Sum(k => k.WeightFraction!.Value);
                components = components.Select(k => k with { WeightFraction = k.WeightFraction / sum }).ToList();
            }
        }

        // Separator: every electrolyte layer and the anode interlayer, as one dense layer of the same mass and thickness.
        var sepLayers = stack.Electrolytes.Select((e, i) => (e.Name, Um: e.ThicknessUm, Rho: layerDensities[i]!.Value)).ToList();
        if (stack.AnodeInterlayer is { } inter) sepLayers.Add((inter.Name, inter.ThicknessNm!.Value * 1e-3, interlayerDensity!.Value));
        double sepUm = sepLayers.Sum(l => l.Um);
        var separator = new SeparatorSpec
        {
            Name = string.Join(" + ", sepLayers.Select(l => l.Name)), ThicknessUm = sepUm,
            DensityGPerCm3 = sepLayers.Sum(l => l.Um * l.Rho) / sepUm, Porosity = 0,
        };
        var collectors = new CollectorsSpec
        {
            Cathode = c.CurrentCollectorUm is 0 ? null : new FoilSpec { Name = "Al", ThicknessUm = c.CurrentCollectorUm ?? 10, DensityGPerCm3 = 2.70 },
            Anode = stack.Anode.CurrentCollectorUm is 0 ? null : new FoilSpec { Name = "Cu", ThicknessUm = stack.Anode.CurrentCollectorUm ?? 5, DensityGPerCm3 = 8.96 },
        };
        if (c.CurrentCollectorUm is null || stack.Anode.CurrentCollectorUm is null)
            assumptions.Add("current collectors as in the review's base case: 10 µm Al, 5 µm Cu (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §3; handbook densities 2.70 and 8.96 g/cm³)");

        var cell = new CellSpec
        {
            Name = stack.Name,
            Source = "interphase analyze: the stack file with the defaults listed in its assumptions",
            AverageVoltageV = voltage,
            Electrolyte = new ElectrolyteSpec { Kind = "solid" },
            Cathode = new ElectrodeSpec { LoadingMgPerCm2 = loading, Porosity = porosity, ThicknessUm = thickness, Components = components },
            Anode = anode,
            Separator = separator,
            CurrentCollectors = collectors,
        };
        return (cell, densities, assumptions, missing);
    }

    private delegate double? DensityLookup(string layer, string key, double? given, params string[] names);

    private static ElectrodeSpec? AnodeSpec(CellStack stack, KnowledgeBase knowledge, DensityLookup density,
        List<string> assumptions, List<string> missing, double? lastElectrolyteDensity)
    {
        var a = stack.Anode;
        string name; double? capacity; double? rho; double porosity = 0;
        var extra = new List<CellComponent>();
        switch (a.Kind)
        {
            case AnodeKind.LithiumMetal:
                name = "Li";
                capacity = Capacity.TheoreticalMahPerG("Li", 1);
                rho = density("Li", "anode.density_g_cm3", a.DensityGPerCm3, "Li");
                break;
            case AnodeKind.LithiumIndium:
                // In + Li → LiIn: the In foil is the host; its capacity is one Li per In.
                name = "In";
                capacity = a.CapacityMahPerG ?? Capacity.TheoreticalMahPerG("In", 1);
                rho = a.DensityGPerCm3 ?? 7.31;
                if (a.DensityGPerCm3 is null) assumptions.Add("Li–In anode as In foil taking one Li per In (233 mAh/g of In), In at 7.31 g/cm³ (handbook density)");
                break;
            case AnodeKind.Graphite:
                name = "graphite";
                capacity = a.CapacityMahPerG ?? 372;
                rho = density("graphite", "anode.density_g_cm3", a.DensityGPerCm3, "graphite");
                porosity = ReviewPorosity;
                if (lastElectrolyteDensity is { } se)
                {
                    extra.Add(new CellComponent { Name = stack.Electrolytes[^1].Name, WeightFraction = 0.3, DensityGPerCm3 = se });
                    assumptions.Add($"graphite anode: 372 mAh/g (LiC6), 70:30 by mass with {stack.Electrolytes[^1].Name}, 10 % porosity (assumed)");
                }
                break;
            default:
                name = a.Name;
                capacity = a.CapacityMahPerG;
                rho = a.DensityGPerCm3;
                if (capacity is null) missing.Add("anode specific capacity (give anode.capacity_mah_g)");
                if (rho is null) missing.Add("anode density (give anode.density_g_cm3)");
                break;
        }
        if (capacity is null || rho is null) return null;

        double? excess = a.Excess;
        if (a.ThicknessUm is { } t)
        {
            if (a.Kind == AnodeKind.Graphite || extra.Count > 0)
            {
                missing.Add("anode.thickness_um is only used for metal foils; give anode.excess for a composite anode");
                return null;
            }
            // A dense foil of t µm holds t·ρ/10 mg/cm²; the model sizes the anode from the cathode's capacity and the excess.
            double foilMah = t * rho.Value / UmPerMgOverDensity * capacity.Value / 1000.0;
            double cathodeMah = (stack.Cathode.LoadingMgPerCm2 ?? 0) * (stack.Cathode.CapacityMahPerG ?? 0) / 1000.0;
            if (cathodeMah > 0)
            {
                excess = foilMah / cathodeMah - 1;
                if (excess < 0)
                {
                    missing.Add($"an anode that holds the cathode's capacity: {t:0.#} µm of {name} holds {foilMah:0.###} mAh/cm², less than the cathode's {cathodeMah:0.###} mAh/cm²");
                    return null;
                }
            }
        }
        else if (excess is null)
        {
            excess = ReviewExcess;
            assumptions.Add($"anode sized to 20 % excess capacity over the cathode (Wu et al., J. Mater. Chem. A 4, 15266 (2016), Table 1; give anode.thickness_um or anode.excess)");
        }
        double activeFraction = 1 - extra.Sum(e => e.WeightFraction!.Value);
        return new ElectrodeSpec
        {
            Excess = excess, Porosity = porosity,
            Components = [new CellComponent { Name = name, Active = true, CapacityMahPerG = capacity, WeightFraction = activeFraction, DensityGPerCm3 = rho.Value }, .. extra],
        };
    }

    private static CellSpec Template(string name)
    {
        using var stream = typeof(StackEnergy).Assembly.GetManifestResourceStream($"Interphase.Cells.{name}.yaml")
            ?? throw new InterphaseException($"built-in cell template '{name}' is missing");
        using var reader = new StreamReader(stream);
        return CellFile.Parse(reader.ReadToEnd(), name);
    }

    // "Noh et al. 2013" for a journal reference, the seed file and section for a review.
    private static string ShortCitation(Knowledge.ExternalSource source)
    {
        string r = source.Reference;
        if (r.Length > 0 && char.IsDigit(r[0])) return r.Split(':')[0];
        var year = System.Text.RegularExpressions.Regex.Match(r, @"\b(19|20)\d\d\b");
        string first = r.Split([',', ';'])[0].Trim();
        return $"{first} et al.{(year.Success ? " " + year.Value : "")}";
    }
}
