using System.Globalization;

namespace Interphase.Properties;

/// <summary>A material property the entry store keeps beside the formation energies.</summary>
public enum MaterialProperty
{
    /// <summary>Electronic band gap, eV (DFT values are PBE unless the source says otherwise).</summary>
    BandGap,
    /// <summary>Shear modulus G, GPa (Voigt–Reuss–Hill average for Materials Project data).</summary>
    ShearModulus,
    /// <summary>Bulk modulus K, GPa (Voigt–Reuss–Hill average for Materials Project data).</summary>
    BulkModulus,
    /// <summary>Refractive index n (dimensionless).</summary>
    RefractiveIndex,
    /// <summary>Static dielectric constant (dimensionless).</summary>
    DielectricConstant,
    /// <summary>Density, g/cm³.</summary>
    Density,
}

/// <summary>How a property file writes its values.</summary>
public enum ValueScale
{
    /// <summary>The value itself, in the property's unit.</summary>
    Linear,
    /// <summary>log10 of the value in the property's unit (Matbench writes moduli as log10 GPa).</summary>
    Log10,
}

/// <summary>Names, units and valid ranges of <see cref="MaterialProperty"/> (one definition for files, store, CLI and JSON).</summary>
public static class MaterialProperties
{
    /// <summary>Every property, in display order.</summary>
    public static IReadOnlyList<MaterialProperty> All { get; } = Enum.GetValues<MaterialProperty>();

    /// <summary>The name used in files, the store, the CLI and JSON, e.g. <c>band_gap</c>.</summary>
    public static string Name(MaterialProperty p) => p switch
    {
        MaterialProperty.BandGap => "band_gap",
        MaterialProperty.ShearModulus => "shear_modulus",
        MaterialProperty.BulkModulus => "bulk_modulus",
        MaterialProperty.RefractiveIndex => "refractive_index",
        MaterialProperty.DielectricConstant => "dielectric_constant",
        _ => "density",
    };

    /// <summary>Unit of stored values (empty for dimensionless ones).</summary>
    public static string Unit(MaterialProperty p) => p switch
    {
        MaterialProperty.BandGap => "eV",
        MaterialProperty.ShearModulus or MaterialProperty.BulkModulus => "GPa",
        MaterialProperty.Density => "g/cm³",
        _ => "",
    };

    /// <summary>The JSON key of the value, with its unit suffix (README "Conventions"), e.g. <c>band_gap_ev</c>.</summary>
    public static string JsonKey(MaterialProperty p) => p switch
    {
        MaterialProperty.BandGap => "band_gap_ev",
        MaterialProperty.ShearModulus => "shear_modulus_gpa",
        MaterialProperty.BulkModulus => "bulk_modulus_gpa",
        MaterialProperty.Density => "density_g_cm3",
        _ => Name(p),
    };

    /// <summary>Parses a property name (<c>band_gap</c>, <c>shear_modulus</c>, … ; also with '-' instead of '_').</summary>
    /// <exception cref="InterphaseException">Unknown name (the message lists the known ones).</exception>
    public static MaterialProperty Parse(string? name)
    {
        string n = (name ?? "").Trim().ToLowerInvariant().Replace('-', '_');
        foreach (var p in All)
            if (Name(p) == n) return p;
        throw new InterphaseException($"unknown property '{name}' (use {string.Join(", ", All.Select(Name))})");
    }

    /// <summary>Parses <c>linear</c> or <c>log10</c>.</summary>
    /// <exception cref="InterphaseException">Anything else.</exception>
    public static ValueScale ParseScale(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "linear" => ValueScale.Linear,
        "log10" => ValueScale.Log10,
        _ => throw new InterphaseException($"unknown value scale '{text}' (use linear or log10)"),
    };

    /// <summary>
    /// Null when <paramref name="value"/> (in the property's unit) is physically possible, else what is wrong:
    /// gaps ≥ 0 eV, moduli and densities &gt; 0, refractive indices ≥ 1, dielectric constants ≥ 1.
    /// </summary>
    public static string? Problem(MaterialProperty p, double value)
    {
        if (!double.IsFinite(value)) return "is not a finite number";
        string v = value.ToString("G6", CultureInfo.InvariantCulture);
        return p switch
        {
            MaterialProperty.BandGap when value < 0 => $"band gap {v} eV is negative",
            MaterialProperty.ShearModulus or MaterialProperty.BulkModulus or MaterialProperty.Density when value <= 0 =>
                $"{Name(p).Replace('_', ' ')} {v} {Unit(p)} must be positive",
            MaterialProperty.RefractiveIndex or MaterialProperty.DielectricConstant when value < 1 =>
                $"{Name(p).Replace('_', ' ')} {v} must be at least 1",
            _ => null,
        };
    }
}
