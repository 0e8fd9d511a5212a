using System.Reflection;
using YamlDotNet.Core;

namespace Interphase.Knowledge;

/// <summary>
/// Reads the knowledge-base YAML files (embedded in the library) into typed records, validating every entry:
/// citations name a seed file and a table/figure/section, units are recognised and match the property, ids are
/// unique. A malformed file throws <see cref="KnowledgeDataException"/> naming the file and the entry.
/// </summary>
internal static class KnowledgeLoader
{
    private const string ResourcePrefix = "Interphase.Knowledge.Data.";

    /// <summary>The embedded data files: (file name, YAML text).</summary>
    public static IEnumerable<(string Name, string Text)> EmbeddedFiles()
    {
        var asm = typeof(KnowledgeLoader).Assembly;
        foreach (var res in asm.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(res)!;
            using var reader = new StreamReader(stream);
            yield return (res[ResourcePrefix.Length..], reader.ReadToEnd());
        }
    }

    /// <summary>Parses and validates a set of data files into a knowledge base.</summary>
    public static KnowledgeBase Load(IEnumerable<(string Name, string Text)> files)
    {
        var materials = new List<Material>();
        var interfaces = new List<InterfaceRecord>();
        var cells = new List<CellResult>();
        var products = new List<ProductCharacter>();
        var productFlags = new Dictionary<string, IReadOnlyList<DataFlag>>(StringComparer.Ordinal);
        var rules = new List<ProductRule>();
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var (name, text) in files)
        {
            KnowledgeFileDto dto;
            try
            {
                dto = YamlInput.Deserializer.Deserialize<KnowledgeFileDto>(text) ?? new KnowledgeFileDto();
            }
            catch (YamlException ex)
            {
                var inner = ex.InnerException?.Message is { } m ? $" ({m})" : "";
                throw new KnowledgeDataException(name, null, $"line {ex.Start.Line}, column {ex.Start.Column}: {ex.Message}{inner}", ex);
            }

            void Unique(string? id, string what)
            {
                if (string.IsNullOrWhiteSpace(id)) throw new KnowledgeDataException(name, null, $"a {what} has no id");
                if (ids.TryGetValue(id, out var other)) throw new KnowledgeDataException(name, id, $"id is also used in {other}");
                ids[id] = name;
            }

            foreach (var (m, i) in dto.Materials.Select((m, i) => (m, i)))
            {
                Unique(m.Id, "material");
                materials.Add(Guard(name, m.Id!, () => ToMaterial(m)));
            }
            foreach (var r in dto.Interfaces)
            {
                Unique(r.Id, "interface record");
                interfaces.Add(Guard(name, r.Id!, () => ToInterface(r)));
            }
            foreach (var c in dto.Cells)
            {
                Unique(c.Id, "cell result");
                cells.Add(Guard(name, c.Id!, () => ToCell(c)));
            }
            foreach (var p in dto.Products)
            {
                var entry = p.Formula ?? "(no formula)";
                products.Add(Guard(name, entry, () => ToProduct(p)));
                productFlags[entry] = Guard(name, entry, () => Flags(p.Flags));
            }
            foreach (var r in dto.Rules)
                rules.Add(Guard(name, r.Name ?? "(unnamed rule)", () => ToRule(r)));
        }

        ProductCharacterTable table;
        try
        {
            table = new ProductCharacterTable(products, rules);
        }
        catch (ArgumentException ex)
        {
            throw new KnowledgeDataException("products", null, ex.Message, ex);
        }
        return new KnowledgeBase(materials, interfaces, cells, table, productFlags);
    }

    private static T Guard<T>(string file, string entry, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or KeyNotFoundException)
        {
            throw new KnowledgeDataException(file, entry, ex.Message, ex);
        }
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new FormatException($"'{field}' is missing") : value.Trim();

    private static Citation Cite(string? text) => Citation.Parse(Required(text, "cite"));

    private static IReadOnlyList<DataFlag> Flags(List<FlagDto>? flags) =>
        (flags ?? []).Select(f =>
        {
            var kind = Required(f.Kind, "flags.kind");
            if (kind is not ("contradiction" or "misprint" or "assumption" or "ambiguous"))
                throw new FormatException($"flag kind '{kind}' is not contradiction, misprint, assumption or ambiguous");
            return new DataFlag(kind, Required(f.Note, "flags.note"), f.Alt, f.Cite is null ? null : Citation.Parse(f.Cite));
        }).ToList();

    private static Quantity? Q(string? text, string field, params string[] dimensions)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim() is "–" or "-" or "N/A") return null;
        Quantity q;
        try
        {
            q = Quantity.Parse(text, dimensions.Contains("count") ? "" : null);
        }
        catch (FormatException ex)
        {
            throw new FormatException($"'{field}': {ex.Message}", ex);
        }
        if (dimensions.Length > 0 && !dimensions.Contains(q.Dimension))
            throw new FormatException($"'{field}' = '{text}' has unit {q.Unit} ({q.Dimension}); expected {string.Join(" or ", dimensions)}");
        return q;
    }

    internal static Conditions ToConditions(string? temperature, string? pressure, string? method)
    {
        double? kelvin = null;
        if (!string.IsNullOrWhiteSpace(temperature))
        {
            var t = temperature.Trim();
            kelvin = t.Equals("RT", StringComparison.OrdinalIgnoreCase) ? 298.15 : Q(t, "temperature", "temperature")!.NormalizedValue;
        }
        return new Conditions(string.IsNullOrWhiteSpace(temperature) ? null : temperature.Trim(), kelvin, Q(pressure, "pressure", "pressure"), method);
    }

    private static Material ToMaterial(MaterialDto m)
    {
        var role = Required(m.Role, "role");
        if (role is not ("electrolyte" or "cathode" or "anode" or "coating" or "component"))
            throw new FormatException($"role '{role}' is not electrolyte, cathode, anode, coating or component");
        var props = m.Properties.Select((p, i) =>
        {
            var key = Required(p.Property, $"properties[{i}].property");
            if (!PropertyKinds.Dimensions.TryGetValue(key, out var dim))
                throw new FormatException($"properties[{i}]: unknown property '{key}'");
            var q = dim is null ? null : Q(p.Value, $"{key}.value", dim);
            if (dim is not null && q is null) throw new FormatException($"properties[{i}] ({key}) needs a value with a unit");
            if (dim is null && p.Value is not null) throw new FormatException($"properties[{i}] ({key}) is qualitative; put the statement in 'text'");
            if (dim is null && string.IsNullOrWhiteSpace(p.Text) && (p.Products?.Count ?? 0) == 0)
                throw new FormatException($"properties[{i}] ({key}) needs 'text' or 'products'");
            return new PropertyValue(key, q, p.Text?.Trim(), p.Products ?? [], ToConditions(p.Temperature, p.Pressure, p.Method),
                Cite(p.Cite), Flags(p.Flags));
        }).ToList();
        return new Material(m.Id!.Trim(), Required(m.Name, "name"), m.Formula, m.Aliases ?? [], Required(m.Family, "family"), role, props);
    }

    private static InterfaceRecord ToInterface(InterfaceDto r) => new(
        r.Id!.Trim(), Required(r.Category, "category"), Required(r.Electrolyte, "electrolyte"), Required(r.Family, "family"),
        Required(r.Electrode, "electrode"), r.Treatment, r.Interlayer, r.Assembly,
        Q(r.AsrBefore, "asr_before", "area_resistance", "resistance"), Q(r.Asr, "asr", "area_resistance", "resistance"),
        Q(r.CurrentDensity, "current_density", "current_density", "specific_current"),
        Q(r.Capacity, "capacity", "areal_capacity"), Q(r.Ccd, "ccd", "current_density"),
        Q(r.StackPressure, "stack_pressure", "pressure"), Q(r.Duration, "duration", "time"), r.Performance,
        ToConditions(r.Temperature, null, r.Method), r.Ref, Cite(r.Cite), Flags(r.Flags))
    {
        MaterialId = r.Material,
    };

    private static CellResult ToCell(CellDto c) => new(
        c.Id!.Trim(), c.Year, Required(c.Anode, "anode"), Required(c.Electrolyte, "electrolyte"), Required(c.Cathode, "cathode"),
        ToConditions(c.Temperature, null, null),
        Q(c.Rate, "rate", "c_rate", "current_density", "specific_current"),
        Q(c.Loading, "loading", "areal_loading", "length"), Q(c.VoltageRange, "voltage_range", "voltage"),
        Q(c.Capacity, "capacity", "specific_capacity"), Q(c.Retention, "retention", "fraction"), c.Cycles,
        c.Ref, Cite(c.Cite), Flags(c.Flags))
    {
        RateText = c.RateText,
    };

    private static ElectronicCharacter Electronic(string? text) => Required(text, "electronic") switch
    {
        "insulating" => ElectronicCharacter.Insulating,
        "conducting" => ElectronicCharacter.Conducting,
        var other => throw new FormatException($"electronic '{other}' is not insulating or conducting"),
    };

    private static ProductCharacter ToProduct(ProductDto p)
    {
        var formula = Required(p.Formula, "formula");
        if (FormulaElements.TryRead(formula) is null) throw new FormatException($"'{formula}' is not a plain reduced formula");
        return new ProductCharacter(formula, Electronic(p.Electronic), p.Ionic, Required(p.Reason, "reason"), Cite(p.Cite).ToString());
    }

    private static ProductRule ToRule(RuleDto r)
    {
        var kind = Required(r.Kind, "kind");
        if (kind is not ("element" or "li_binary" or "binary" or "oxide"))
            throw new FormatException($"rule kind '{kind}' is not element, li_binary, binary or oxide");
        if (kind == "oxide" && r.Oxidation is not ("at_max" or "below_max"))
            throw new FormatException("oxide rules need oxidation: at_max or below_max");
        return new ProductRule(Required(r.Name, "name"), kind, (r.Elements ?? []).ToHashSet(StringComparer.Ordinal),
            (r.Partners ?? []).ToHashSet(StringComparer.Ordinal), r.Oxidation, r.MaxOxidation ?? [],
            Electronic(r.Electronic), r.Ionic, Required(r.Reason, "reason"), Cite(r.Cite));
    }

    // YAML shapes. Values stay strings so that "≈75 Ω·cm²" and "<1" are read by Quantity.Parse with their units.
    private sealed class KnowledgeFileDto
    {
        public List<MaterialDto> Materials { get; set; } = [];
        public List<InterfaceDto> Interfaces { get; set; } = [];
        public List<CellDto> Cells { get; set; } = [];
        public List<ProductDto> Products { get; set; } = [];
        public List<RuleDto> Rules { get; set; } = [];
    }

    private sealed class FlagDto
    {
        public string? Kind { get; set; }
        public string? Note { get; set; }
        public string? Alt { get; set; }
        public string? Cite { get; set; }
    }

    private sealed class MaterialDto
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public string? Formula { get; set; }
        public List<string>? Aliases { get; set; }
        public string? Family { get; set; }
        public string? Role { get; set; }
        public List<PropertyDto> Properties { get; set; } = [];
    }

    private sealed class PropertyDto
    {
        public string? Property { get; set; }
        public string? Value { get; set; }
        public string? Text { get; set; }
        public List<string>? Products { get; set; }
        public string? Temperature { get; set; }
        public string? Pressure { get; set; }
        public string? Method { get; set; }
        public string? Cite { get; set; }
        public List<FlagDto>? Flags { get; set; }
    }

    private sealed class InterfaceDto
    {
        public string? Id { get; set; }
        public string? Category { get; set; }
        public string? Material { get; set; }
        public string? Electrolyte { get; set; }
        public string? Family { get; set; }
        public string? Electrode { get; set; }
        public string? Treatment { get; set; }
        public string? Interlayer { get; set; }
        public string? Assembly { get; set; }
        public string? AsrBefore { get; set; }
        public string? Asr { get; set; }
        public string? CurrentDensity { get; set; }
        public string? Capacity { get; set; }
        public string? Ccd { get; set; }
        public string? StackPressure { get; set; }
        public string? Duration { get; set; }
        public string? Performance { get; set; }
        public string? Temperature { get; set; }
        public string? Method { get; set; }
        public string? Ref { get; set; }
        public string? Cite { get; set; }
        public List<FlagDto>? Flags { get; set; }
    }

    private sealed class CellDto
    {
        public string? Id { get; set; }
        public int? Year { get; set; }
        public string? Anode { get; set; }
        public string? Electrolyte { get; set; }
        public string? Cathode { get; set; }
        public string? Temperature { get; set; }
        public string? Rate { get; set; }
        public string? RateText { get; set; }
        public string? Loading { get; set; }
        public string? VoltageRange { get; set; }
        public string? Capacity { get; set; }
        public string? Retention { get; set; }
        public int? Cycles { get; set; }
        public string? Ref { get; set; }
        public string? Cite { get; set; }
        public List<FlagDto>? Flags { get; set; }
    }

    private sealed class ProductDto
    {
        public string? Formula { get; set; }
        public string? Electronic { get; set; }
        public bool? Ionic { get; set; }
        public string? Reason { get; set; }
        public string? Cite { get; set; }
        public List<FlagDto>? Flags { get; set; }
    }

    private sealed class RuleDto
    {
        public string? Name { get; set; }
        public string? Kind { get; set; }
        public List<string>? Elements { get; set; }
        public List<string>? Partners { get; set; }
        public string? Oxidation { get; set; }
        public Dictionary<string, double>? MaxOxidation { get; set; }
        public string? Electronic { get; set; }
        public bool? Ionic { get; set; }
        public string? Reason { get; set; }
        public string? Cite { get; set; }
    }
}
