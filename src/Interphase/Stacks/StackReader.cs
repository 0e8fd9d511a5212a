using Interphase.Chemistry;

namespace Interphase.Stacks;

/// <summary>
/// Reads a stack file (YAML, snake_case keys). Unknown keys, missing layers and impossible values are errors that name
/// the file and the key. See <c>examples/stacks/</c> for the format.
/// </summary>
public static class StackReader
{
    /// <summary>Default potentials (V vs Li/Li+) of anode kinds when the file gives none.</summary>
    public static double DefaultPotential(AnodeKind kind) => kind switch
    {
        AnodeKind.LithiumMetal => 0.0,
        AnodeKind.LithiumIndium => 0.62, // Li–In two-phase plateau, the usual reference electrode of sulfide ASSBs
        AnodeKind.Graphite => 0.1,
        _ => double.NaN,
    };

    /// <summary>Most electrolyte layers a stack may have (real cells have one to three).</summary>
    public const int MaxElectrolyteLayers = 10;

    /// <summary>Reads a stack file.</summary>
    /// <exception cref="InterphaseException">Missing file, malformed YAML, unknown key, missing layer or impossible value.</exception>
    public static CellStack ReadFile(string path)
    {
        if (!File.Exists(path)) throw new InterphaseException($"stack file '{path}' not found");
        return Read(File.ReadAllText(path), path);
    }

    /// <summary>Reads a stack from YAML text; <paramref name="origin"/> names it in errors.</summary>
    public static CellStack Read(string yaml, string origin = "stack")
    {
        return Build(Parse(yaml, origin), origin);
    }

    /// <summary>Parses stack YAML into its file model without checking values (a form edits this model).</summary>
    /// <exception cref="InterphaseException">Malformed YAML or an unknown key.</exception>
    public static StackDto Parse(string yaml, string origin = "stack") => YamlInput.Parse<StackDto>(yaml, origin);

    /// <summary>Checks a stack file model and builds the stack (the same checks as <see cref="Read"/>).</summary>
    /// <exception cref="InterphaseException">A missing layer or an impossible value.</exception>
    public static CellStack Build(StackDto file, string origin = "stack") => new Builder(origin).Build(file);

    private static readonly YamlDotNet.Serialization.ISerializer Writer = new YamlDotNet.Serialization.SerializerBuilder()
        .WithNamingConvention(YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(YamlDotNet.Serialization.DefaultValuesHandling.OmitNull)
        .Build();

    /// <summary>Writes a stack file model as YAML that <see cref="Read"/> reads back (keys in file order, unset keys left out; comments are not kept).</summary>
    public static string ToYaml(StackDto file) => Writer.Serialize(file);

    private sealed class Builder(string origin)
    {
        private InterphaseException Error(string message) => new($"{origin}: {message}");

        private Composition Formula(string? text, string key)
        {
            if (string.IsNullOrWhiteSpace(text)) throw Error($"'{key}' is required");
            try { return Interphase.Knowledge.CompositionResolver.Resolve(text); }
            catch (InterphaseException ex) { throw Error($"'{key}': {ex.Message}"); }
        }

        private double Positive(double? value, string key, bool required = true)
        {
            if (value is null)
            {
                if (required) throw Error($"'{key}' is required");
                return double.NaN;
            }
            if (!double.IsFinite(value.Value) || value.Value <= 0) throw Error($"'{key}' must be a positive number (got {value})");
            return value.Value;
        }

        private double? OptionalPositive(double? value, string key) => value is null ? null : Positive(value, key);

        private double? OptionalLoading(double? value, string key) =>
            value is null ? null : Quantities.PhysicalLimits.LoadingProblem(value.Value) is { } problem ? throw Error($"'{key}' {problem}") : value;

        private double? OptionalDensity(double? value, string key) =>
            value is null ? null : Quantities.PhysicalLimits.DensityProblem(value.Value) is { } problem ? throw Error($"'{key}' {problem}") : value;

        public CellStack Build(StackDto dto)
        {
            var cathodeDto = dto.Cathode ?? throw Error("the 'cathode' layer is missing");
            var anodeDto = dto.Anode ?? throw Error("the 'anode' layer is missing");
            if (dto.Electrolytes is null || dto.Electrolytes.Count == 0) throw Error("at least one layer under 'electrolytes' is required");
            if (dto.Electrolytes.Count > MaxElectrolyteLayers)
                throw Error($"{dto.Electrolytes.Count:N0} layers under 'electrolytes': a stack has at most {MaxElectrolyteLayers}");

            var cathode = BuildCathode(cathodeDto);
            var electrolytes = dto.Electrolytes.Select((e, i) => new ElectrolyteLayer(
                e.Name ?? e.Composition ?? $"electrolyte {i + 1}",
                Formula(e.Composition, $"electrolytes[{i}].composition"),
                Positive(e.ThicknessUm, $"electrolytes[{i}].thickness_um"),
                OptionalPositive(e.ConductivitySCm, $"electrolytes[{i}].conductivity_s_cm"))
            {
                DensityGPerCm3 = OptionalDensity(e.DensityGCm3, $"electrolytes[{i}].density_g_cm3"),
            }).ToList();
            var anode = BuildAnode(anodeDto);
            if (anode.PotentialVolts >= cathode.MinVolts)
                throw Error($"the anode potential ({anode.PotentialVolts} V) must be below the cathode's lower cut-off ({cathode.MinVolts} V)");

            if (dto.TemperatureC is { } t && (t < -273.15 || t > 1000)) throw Error($"'temperature_c' must be between -273.15 and 1000 °C (got {t})");
            if (dto.StackPressureMpa is { } p && (!double.IsFinite(p) || p < 0)) throw Error($"'stack_pressure_mpa' must be zero or positive (got {p})");
            if (dto.CurrentDensityMaCm2 is { } j && (!double.IsFinite(j) || j < 0)) throw Error($"'current_density_ma_cm2' must be zero or positive (got {j})");

            return new CellStack
            {
                Name = dto.Name ?? $"{cathode.Name} | {string.Join(" | ", electrolytes.Select(e => e.Name))} | {anode.Name}",
                Cathode = cathode,
                CathodeCoating = dto.CathodeCoating is { } cc ? Coating(cc, "cathode_coating") : null,
                Electrolytes = electrolytes,
                AnodeInterlayer = dto.AnodeInterlayer is { } ai ? Coating(ai, "anode_interlayer") : null,
                Anode = anode,
                TemperatureC = dto.TemperatureC ?? 25,
                StackPressureMpa = dto.StackPressureMpa ?? 0,
                CurrentDensityMaPerCm2 = dto.CurrentDensityMaCm2 ?? 0,
            };
        }

        private CathodeLayer BuildCathode(CathodeDto c)
        {
            var composition = Formula(c.Composition, "cathode.composition");
            if (c.VoltageRangeV is not { Count: 2 } range) throw Error("'cathode.voltage_range_v' must be [low, high] in V vs Li/Li+");
            if (!(range[0] >= 0 && range[1] > range[0] && range[1] < 10))
                throw Error($"'cathode.voltage_range_v' must satisfy 0 ≤ low < high < 10 V (got [{range[0]}, {range[1]}])");
            Composition charged;
            if (c.ChargedComposition is not null)
            {
                if (c.DelithiationFraction is not null) throw Error("give either 'cathode.charged_composition' or 'cathode.delithiation_fraction', not both");
                charged = Formula(c.ChargedComposition, "cathode.charged_composition");
            }
            else
            {
                double f = c.DelithiationFraction ?? 0.5;
                if (!(f > 0 && f < 1)) throw Error($"'cathode.delithiation_fraction' must be between 0 and 1 (got {f})");
                var li = PeriodicTable.Get("Li");
                double nLi = composition[li];
                if (nLi <= 0) throw Error("the cathode composition has no Li; give 'cathode.charged_composition'");
                charged = composition - Composition.Of(li, nLi * f);
            }
            double? avg = OptionalPositive(c.AverageVoltageV, "cathode.average_voltage_v");
            if (avg is { } v && (v < range[0] || v > range[1]))
                throw Error($"'cathode.average_voltage_v' ({v} V) must lie within the voltage range [{range[0]}, {range[1]}] V");
            double? Fraction(double? f, string key) => f is null ? null
                : f is > 0 and < 1 ? f : throw Error($"'{key}' must be between 0 and 1 (got {f})");
            double? porosity = c.Porosity is null ? null : c.Porosity is >= 0 and < 1 ? c.Porosity : throw Error($"'cathode.porosity' must be in [0, 1) (got {c.Porosity})");
            if (c.ElectrolyteWeightFraction is not null && c.ThicknessUm is not null)
                throw Error("give either 'cathode.electrolyte_weight_fraction' or 'cathode.thickness_um' (the electrolyte then fills the cathode), not both");
            return new CathodeLayer(c.Name ?? composition.ToString(), composition, charged, range[0], range[1],
                OptionalLoading(c.LoadingMgCm2, "cathode.loading_mg_cm2"), OptionalPositive(c.CapacityMahG, "cathode.capacity_mah_g"))
            {
                DensityGPerCm3 = OptionalDensity(c.DensityGCm3, "cathode.density_g_cm3"),
                AverageVoltageV = avg,
                ElectrolyteWeightFraction = Fraction(c.ElectrolyteWeightFraction, "cathode.electrolyte_weight_fraction"),
                CarbonWeightFraction = c.CarbonWeightFraction is 0 ? 0 : Fraction(c.CarbonWeightFraction, "cathode.carbon_weight_fraction"),
                Porosity = porosity,
                ThicknessUm = OptionalPositive(c.ThicknessUm, "cathode.thickness_um"),
                CurrentCollectorUm = NonNegative(c.CurrentCollectorUm, "cathode.current_collector_um"),
            };
        }

        private AnodeLayer BuildAnode(AnodeDto a)
        {
            var kind = (a.Kind ?? "li-metal").Trim().ToLowerInvariant() switch
            {
                "li-metal" or "li" or "lithium" or "lithium-metal" => AnodeKind.LithiumMetal,
                "li-in" or "li–in" or "liin" or "lithium-indium" => AnodeKind.LithiumIndium,
                "graphite" => AnodeKind.Graphite,
                "other" or "alloy" => AnodeKind.Other,
                var k => throw Error($"'anode.kind' '{k}' is not one of li-metal, li-in, graphite, other"),
            };
            string defaultComposition = kind switch { AnodeKind.LithiumMetal => "Li", AnodeKind.LithiumIndium => "LiIn", AnodeKind.Graphite => "LiC6", _ => "" };
            var composition = Formula(a.Composition ?? defaultComposition, "anode.composition");
            double potential = a.PotentialV ?? DefaultPotential(kind);
            if (double.IsNaN(potential)) throw Error("'anode.potential_v' is required for this anode kind");
            if (potential < 0 || potential > 5) throw Error($"'anode.potential_v' must be between 0 and 5 V vs Li/Li+ (got {potential})");
            string name = a.Name ?? kind switch { AnodeKind.LithiumMetal => "Li", AnodeKind.LithiumIndium => "Li–In", AnodeKind.Graphite => "graphite", _ => composition.ToString() };
            if (a.ThicknessUm is not null && a.Excess is not null) throw Error("give either 'anode.thickness_um' or 'anode.excess', not both");
            return new AnodeLayer(name, kind, composition, potential)
            {
                ThicknessUm = OptionalPositive(a.ThicknessUm, "anode.thickness_um"),
                Excess = NonNegative(a.Excess, "anode.excess"),
                DensityGPerCm3 = OptionalDensity(a.DensityGCm3, "anode.density_g_cm3"),
                CapacityMahPerG = OptionalPositive(a.CapacityMahG, "anode.capacity_mah_g"),
                CurrentCollectorUm = NonNegative(a.CurrentCollectorUm, "anode.current_collector_um"),
            };
        }

        private CoatingLayer Coating(CoatingDto c, string key) =>
            new(c.Name ?? c.Composition ?? key, Formula(c.Composition, $"{key}.composition"), OptionalPositive(c.ThicknessNm, $"{key}.thickness_nm"))
            {
                DensityGPerCm3 = OptionalDensity(c.DensityGCm3, $"{key}.density_g_cm3"),
            };

        private double? NonNegative(double? value, string key) =>
            value is null ? null : double.IsFinite(value.Value) && value.Value >= 0 ? value : throw Error($"'{key}' must be zero or positive (got {value})");
    }

    // YAML shapes; names map to snake_case keys (cathode_coating, voltage_range_v, …).
    /// <summary>The stack file as written (every key optional here; <see cref="Build"/> checks them): the model behind a stack form and the YAML it round-trips with.</summary>
    public sealed class StackDto
    {
        /// <summary><c>name</c>.</summary>
        public string? Name { get; set; }
        /// <summary><c>cathode</c>.</summary>
        public CathodeDto? Cathode { get; set; }
        /// <summary><c>cathode_coating</c>.</summary>
        public CoatingDto? CathodeCoating { get; set; }
        /// <summary><c>electrolytes</c>.</summary>
        public List<ElectrolyteDto>? Electrolytes { get; set; }
        /// <summary><c>anode_interlayer</c>.</summary>
        public CoatingDto? AnodeInterlayer { get; set; }
        /// <summary><c>anode</c>.</summary>
        public AnodeDto? Anode { get; set; }
        /// <summary><c>temperature_c</c>.</summary>
        public double? TemperatureC { get; set; }
        /// <summary><c>stack_pressure_mpa</c>.</summary>
        public double? StackPressureMpa { get; set; }
        /// <summary><c>current_density_ma_cm2</c>.</summary>
        public double? CurrentDensityMaCm2 { get; set; }
    }

    /// <summary>The <c>cathode</c> section.</summary>
    public sealed class CathodeDto
    {
        /// <summary><c>name</c>.</summary>
        public string? Name { get; set; }
        /// <summary><c>composition</c>.</summary>
        public string? Composition { get; set; }
        /// <summary><c>charged_composition</c>.</summary>
        public string? ChargedComposition { get; set; }
        /// <summary><c>delithiation_fraction</c>.</summary>
        public double? DelithiationFraction { get; set; }
        /// <summary><c>voltage_range_v</c>.</summary>
        public List<double>? VoltageRangeV { get; set; }
        /// <summary><c>loading_mg_cm2</c>.</summary>
        public double? LoadingMgCm2 { get; set; }
        /// <summary><c>capacity_mah_g</c>.</summary>
        public double? CapacityMahG { get; set; }
        /// <summary><c>density_g_cm3</c>.</summary>
        public double? DensityGCm3 { get; set; }
        /// <summary><c>average_voltage_v</c>.</summary>
        public double? AverageVoltageV { get; set; }
        /// <summary><c>electrolyte_weight_fraction</c>.</summary>
        public double? ElectrolyteWeightFraction { get; set; }
        /// <summary><c>carbon_weight_fraction</c>.</summary>
        public double? CarbonWeightFraction { get; set; }
        /// <summary><c>porosity</c>.</summary>
        public double? Porosity { get; set; }
        /// <summary><c>thickness_um</c>.</summary>
        public double? ThicknessUm { get; set; }
        /// <summary><c>current_collector_um</c>.</summary>
        public double? CurrentCollectorUm { get; set; }
    }

    /// <summary>A <c>cathode_coating</c> or <c>anode_interlayer</c> section.</summary>
    public sealed class CoatingDto
    {
        /// <summary><c>name</c>.</summary>
        public string? Name { get; set; }
        /// <summary><c>composition</c>.</summary>
        public string? Composition { get; set; }
        /// <summary><c>thickness_nm</c>.</summary>
        public double? ThicknessNm { get; set; }
        /// <summary><c>density_g_cm3</c>.</summary>
        public double? DensityGCm3 { get; set; }
    }

    /// <summary>One item of <c>electrolytes</c>.</summary>
    public sealed class ElectrolyteDto
    {
        /// <summary><c>name</c>.</summary>
        public string? Name { get; set; }
        /// <summary><c>composition</c>.</summary>
        public string? Composition { get; set; }
        /// <summary><c>thickness_um</c>.</summary>
        public double? ThicknessUm { get; set; }
        /// <summary><c>conductivity_s_cm</c>.</summary>
        public double? ConductivitySCm { get; set; }
        /// <summary><c>density_g_cm3</c>.</summary>
        public double? DensityGCm3 { get; set; }
    }

    /// <summary>The <c>anode</c> section.</summary>
    public sealed class AnodeDto
    {
        /// <summary><c>name</c>.</summary>
        public string? Name { get; set; }
        /// <summary><c>kind</c>.</summary>
        public string? Kind { get; set; }
        /// <summary><c>composition</c>.</summary>
        public string? Composition { get; set; }
        /// <summary><c>potential_v</c>.</summary>
        public double? PotentialV { get; set; }
        /// <summary><c>thickness_um</c>.</summary>
        public double? ThicknessUm { get; set; }
        /// <summary><c>excess</c>.</summary>
        public double? Excess { get; set; }
        /// <summary><c>density_g_cm3</c>.</summary>
        public double? DensityGCm3 { get; set; }
        /// <summary><c>capacity_mah_g</c>.</summary>
        public double? CapacityMahG { get; set; }
        /// <summary><c>current_collector_um</c>.</summary>
        public double? CurrentCollectorUm { get; set; }
    }
}
