using Interphase.Chemistry;
using Interphase.Knowledge;
using YamlDotNet.Core;

namespace Interphase.SpaceCharge;

/// <summary>One parameter value with where it comes from.</summary>
/// <param name="Value">The number (unit given by the property name).</param>
/// <param name="Source">What the value is (reference, derivation or modelling choice).</param>
/// <param name="Cite">The review's citation as printed (authors, journal, year, section) when a review gives it, else null.</param>
/// <param name="Assumed">True when no review gives the value (an order of magnitude or a modelling choice).</param>
public sealed record SourcedValue(double Value, string Source, string? Cite, bool Assumed)
{
    /// <summary>Short provenance for tables: the citation, or "assumed: …".</summary>
    public string Provenance => Assumed ? $"assumed ({Source}{(Cite is null ? "" : "; " + Cite)})" : Cite ?? Source;
}

/// <summary>
/// A material of the space-charge parameter table (knowledge base, <c>Knowledge/Data/SpaceCharge/</c>): structure
/// (density, Li sites), Li potential, permittivity, conductivity and electronic character, each value sourced.
/// </summary>
/// <param name="Id">Short id (<c>LCO</c>, <c>LPSCl</c>).</param>
/// <param name="Name">Name.</param>
/// <param name="Formula">Formula of the fully lithiated compound.</param>
/// <param name="Role"><c>cathode</c>, <c>electrolyte</c> or <c>coating</c>.</param>
/// <param name="DensityGCm3">Density, g/cm³.</param>
/// <param name="SitesPerLi">Li sites per Li of the formula.</param>
/// <param name="LiFraction">Li occupancy x of a cathode at its state of charge (null for other roles).</param>
/// <param name="PotentialV">Li potential vs Li/Li⁺ when given directly.</param>
/// <param name="WindowLowV">Stability window, reduction limit (V vs Li/Li⁺), when known.</param>
/// <param name="WindowHighV">Stability window, oxidation limit (V vs Li/Li⁺), when known.</param>
/// <param name="WindowSource">Source of the window.</param>
/// <param name="EpsilonR">Static relative permittivity.</param>
/// <param name="IonicConductivitySPerCm">Li⁺ conductivity, S/cm.</param>
/// <param name="HolesPerExtractedLi">Electronic carriers per extracted Li (mixed conductors), or null.</param>
public sealed record SpaceChargeMaterial(
    string Id, string Name, string Formula, string Role, SourcedValue DensityGCm3, SourcedValue SitesPerLi,
    SourcedValue? LiFraction, SourcedValue? PotentialV, double? WindowLowV, double? WindowHighV, SourcedValue? WindowSource,
    SourcedValue EpsilonR, SourcedValue IonicConductivitySPerCm, SourcedValue? HolesPerExtractedLi)
{
    /// <summary>Formula units per cm³ (ρ·N_A/M).</summary>
    public double FormulaUnitsPerCm3 => DensityGCm3.Value * Quantities.PhysicalConstants.AvogadroPerMol / Composition.Parse(Formula).Weight;

    /// <summary>Li per formula unit when fully lithiated.</summary>
    public double LiPerFormula => Composition.Parse(Formula)["Li"];

    /// <summary>
    /// The Li potential used by default, V vs Li/Li⁺, with how it was obtained: the given potential, else the middle
    /// of the stability window.
    /// </summary>
    public (double Volts, string Provenance) DefaultPotential()
    {
        if (PotentialV is { } p) return (p.Value, p.Provenance);
        if (WindowLowV is { } lo && WindowHighV is { } hi)
            return ((lo + hi) / 2, $"middle of the stability window {lo:G3}–{hi:G3} V ({WindowSource?.Provenance})");
        throw new InterphaseException($"{Name}: no Li potential or stability window in the parameter table; give the potential");
    }

    /// <summary>
    /// The model phase: C0 = x·Li per formula·ρN_A/M (x = 1 unless a cathode), NS = sites per Li × full Li density,
    /// electronic carriers = holes per extracted Li × (1 − x)·Li density for mixed conductors.
    /// </summary>
    public SpaceChargePhase ToPhase(double? liFraction = null)
    {
        double x = liFraction ?? LiFraction?.Value ?? 1.0;
        if (!(x is > 0 and <= 1)) throw new InterphaseException($"{Name}: Li fraction {x:G4} must lie in (0, 1]");
        double full = LiPerFormula * FormulaUnitsPerCm3;
        double? electrons = HolesPerExtractedLi is { } h && h.Value > 0 ? h.Value * Math.Max(1 - x, 0.01) * full : null;
        return new SpaceChargePhase(Name, EpsilonR.Value, x * full, SitesPerLi.Value * full, electrons, IonicConductivitySPerCm.Value);
    }
}

/// <summary>The space-charge parameter table embedded in the library.</summary>
public static class SpaceChargeMaterials
{
    private const string Resource = "Interphase.SpaceCharge.Data.space_charge_parameters.yaml";
    private static readonly Lazy<IReadOnlyList<SpaceChargeMaterial>> Cached = new(() => Load(ReadEmbedded()));

    /// <summary>All materials of the table.</summary>
    public static IReadOnlyList<SpaceChargeMaterial> All => Cached.Value;

    /// <summary>
    /// Finds a material by id, name, formula or a knowledge-base alias (<c>LCO</c>, <c>LiCoO2</c>, <c>argyrodite</c>);
    /// throws <see cref="InterphaseException"/> listing the known ones.
    /// </summary>
    public static SpaceChargeMaterial Get(string name)
    {
        var found = Find(name);
        if (found is not null) return found;
        throw new InterphaseException($"no space-charge parameters for '{name}'; known: {string.Join(", ", All.Select(m => m.Id))} (or give the parameters explicitly)");
    }

    /// <summary>Finds a material, or null.</summary>
    public static SpaceChargeMaterial? Find(string name)
    {
        string Key(string s) => new string(s.Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '_' and not '(' and not ')').ToArray()).ToLowerInvariant();
        var k = Key(name);
        var direct = All.FirstOrDefault(m => Key(m.Id) == k || Key(m.Name) == k || Key(m.Formula) == k);
        if (direct is not null) return direct;
        // A knowledge-base alias (e.g. "argyrodite", "NMC811", "garnet") names the same material.
        var kb = KnowledgeBase.Load().FindMaterial(name);
        if (kb is not null)
            return All.FirstOrDefault(m => Key(m.Id) == Key(kb.Id) || (kb.Formula is not null && Key(m.Formula) == Key(kb.Formula)));
        if (FormulaParser.TryParse(name, out var comp, out _) && comp is not null)
            return All.FirstOrDefault(m => Composition.Parse(m.Formula).Reduced.AlmostEquals(comp.Reduced, 1e-3));
        return null;
    }

    private static string ReadEmbedded()
    {
        using var stream = typeof(SpaceChargeMaterials).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"embedded resource {Resource} is missing");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Parses and validates the table (every value needs a source; citations must name a seed review).</summary>
    /// <exception cref="KnowledgeDataException">A malformed entry.</exception>
    public static IReadOnlyList<SpaceChargeMaterial> Load(string yaml)
    {
        const string file = "space_charge_parameters.yaml";
        FileDto dto;
        try
        {
            dto = YamlInput.Deserializer.Deserialize<FileDto>(yaml) ?? new FileDto();
        }
        catch (YamlException ex)
        {
            throw new KnowledgeDataException(file, null, $"line {ex.Start.Line}: {ex.Message}", ex);
        }
        var list = new List<SpaceChargeMaterial>();
        foreach (var m in dto.Materials)
        {
            string id = m.Id ?? throw new KnowledgeDataException(file, null, "a material has no id");
            SourcedValue V(ValueDto? v, string field, bool required = true)
            {
                if (v is null) return required ? throw new KnowledgeDataException(file, id, $"'{field}' is missing") : null!;
                if (v.Value is null || !double.IsFinite(v.Value.Value)) throw new KnowledgeDataException(file, id, $"'{field}' has no value");
                if (string.IsNullOrWhiteSpace(v.Source)) throw new KnowledgeDataException(file, id, $"'{field}' has no source");
                string? cite = null;
                if (v.Cite is not null)
                {
                    try { cite = Citation.Parse(v.Cite).ToString(); }
                    catch (FormatException ex) { throw new KnowledgeDataException(file, id, $"'{field}': {ex.Message}", ex); }
                }
                return new SourcedValue(v.Value.Value, v.Source.Trim(), cite, v.Assumed ?? false);
            }
            string role = m.Role ?? "";
            if (role is not ("cathode" or "electrolyte" or "coating")) throw new KnowledgeDataException(file, id, $"role '{role}' is not cathode, electrolyte or coating");
            SourcedValue? window = null;
            if (m.WindowV is { } w)
            {
                if (w.Low is null || w.High is null || w.High < w.Low) throw new KnowledgeDataException(file, id, "window_v needs low ≤ high");
                window = V(new ValueDto { Value = w.High - w.Low, Source = w.Source, Cite = w.Cite, Assumed = w.Assumed }, "window_v");
            }
            var mat = new SpaceChargeMaterial(id, m.Name ?? id, m.Formula ?? throw new KnowledgeDataException(file, id, "'formula' is missing"), role,
                V(m.DensityGCm3, "density_g_cm3"), V(m.SitesPerLi, "sites_per_li"),
                m.LiFraction is null ? null : V(m.LiFraction, "li_fraction"), m.PotentialV is null ? null : V(m.PotentialV, "potential_v"),
                m.WindowV?.Low, m.WindowV?.High, window, V(m.EpsilonR, "epsilon_r"), V(m.IonicConductivitySCm, "ionic_conductivity_s_cm"),
                m.Electronic is null ? null : V(m.Electronic, "electronic"));
            if (role == "cathode" && (mat.LiFraction is null || mat.PotentialV is null))
                throw new KnowledgeDataException(file, id, "a cathode needs li_fraction and potential_v");
            if (mat.PotentialV is null && window is null)
                throw new KnowledgeDataException(file, id, "needs potential_v or window_v");
            try { mat.ToPhase().Validated(); }
            catch (Exception ex) when (ex is InterphaseException or FormulaException)
            {
                throw new KnowledgeDataException(file, id, ex.Message, ex);
            }
            list.Add(mat);
        }
        return list;
    }

    private sealed class FileDto
    {
        public List<MaterialDto> Materials { get; set; } = [];
    }

    private sealed class MaterialDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Formula { get; set; }
        public string? Role { get; set; }
        public ValueDto? DensityGCm3 { get; set; }
        public ValueDto? SitesPerLi { get; set; }
        public ValueDto? LiFraction { get; set; }
        public ValueDto? PotentialV { get; set; }
        public WindowDto? WindowV { get; set; }
        public ValueDto? EpsilonR { get; set; }
        public ValueDto? IonicConductivitySCm { get; set; }
        public ValueDto? Electronic { get; set; }
    }

    private sealed class ValueDto
    {
        public double? Value { get; set; }
        public string? Source { get; set; }
        public string? Cite { get; set; }
        public bool? Assumed { get; set; }
    }

    private sealed class WindowDto
    {
        public double? Low { get; set; }
        public double? High { get; set; }
        public string? Source { get; set; }
        public string? Cite { get; set; }
        public bool? Assumed { get; set; }
    }
}
