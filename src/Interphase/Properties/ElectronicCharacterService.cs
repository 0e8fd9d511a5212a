using System.Globalization;
using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Properties;

/// <summary>
/// The electronic character of a compound, for the interphase classifier, the stack analysis and the screen:
/// (1) a gas at room temperature (O2, Cl2, F2, N2, SO2, …) is gas evolution, never a passivating layer;
/// (2) the knowledge base's curated character (explicit products and class rules, with citations) wins;
/// (3) else the band gap from the property data decides: below <see cref="ThresholdEv"/> the compound conducts
/// electrons (metal or small-gap semiconductor), at or above it it is an electronic insulator;
/// (4) with no data at all it stays unknown, and says so.
/// </summary>
/// <remarks>
/// The threshold is on PBE gaps (the Materials Project's), which underestimate experiment: over the 1,020 compounds
/// with a non-zero gap in both the shared <c>expt_gap.csv</c> and <c>mp_gap.csv</c> the median experimental/PBE ratio
/// is 1.40 (quartiles 1.14–1.88, median difference 0.66 eV; <see cref="GapComparison"/>), so the default 1.0 eV PBE
/// corresponds to roughly 1.4 eV measured. Against the experimental gaps, "PBE ≥ 1.0 eV" agrees with "measured
/// ≥ 1.5 eV" for 92 % of the 3,347 formulas in both files (metals included). A gap says nothing about Li⁺
/// conduction (left unknown).
/// Thread-safe when the property source is.
/// </remarks>
public sealed class ElectronicCharacterService : IProductCharacterSource
{
    /// <summary>Default band-gap threshold, eV (PBE): smaller gaps conduct electrons.</summary>
    public const double DefaultThresholdEv = 1.0;

    /// <summary>Citation of the gas rule.</summary>
    public const string GasCitation = "gas at 25 °C and 1 bar (standard state); O2 release on oxidation of oxides: Banerjee et al., Chem. Rev. 120, 6878 (2020), §3.1";

    // Compounds that are gases at 25 °C and 1 bar (standard states), as the thermodynamics writes them (reduced formulas).
    private static readonly HashSet<string> Gases = new(StringComparer.Ordinal)
    {
        "O2", "O3", "N2", "F2", "Cl2", "H2", "He", "Ne", "Ar", "Kr", "Xe", "Rn",
        "SO2", "SO3", "CO", "CO2", "NO", "NO2", "N2O", "NF3", "ClF", "ClF3", "ClO2", "Cl2O", "OF2", "SF4", "SF6", "S2F2",
        "H2S", "HCl", "HF", "HBr", "NH3", "PH3", "PF3", "PF5", "BF3", "SiF4", "SiH4", "GeH4", "AsH3", "CF4", "COF2", "COS", "CS2O",
        "POF3", "NOCl", "NO2F", "SO2F2", "SOF2", "SeF6", "TeF6", "WF6", "MoF6",
    };

    private readonly IProductCharacterSource _curated;
    private readonly IPropertySource _properties;
    private readonly Dictionary<string, ProductCharacter> _cache = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    /// <summary>Creates the service.</summary>
    /// <param name="curated">Curated characters (the knowledge base's product table, possibly with input overrides).</param>
    /// <param name="properties">Band gaps.</param>
    /// <param name="thresholdEv">Band gap below which a compound conducts electrons, eV (PBE).</param>
    public ElectronicCharacterService(IProductCharacterSource curated, IPropertySource properties, double thresholdEv = DefaultThresholdEv)
    {
        if (!(thresholdEv >= 0) || !double.IsFinite(thresholdEv)) throw new InterphaseException($"band-gap threshold {thresholdEv} eV must be a non-negative number");
        _curated = curated;
        _properties = properties;
        ThresholdEv = thresholdEv;
    }

    /// <summary>Band gap below which a compound conducts electrons, eV.</summary>
    public double ThresholdEv { get; }

    /// <summary>Where band gaps come from.</summary>
    public IPropertySource Properties => _properties;

    /// <summary>True when <paramref name="formula"/> is a gas at room temperature.</summary>
    public static bool IsGas(string formula) =>
        FormulaParser.TryParse(formula, out var c, out _) && Gases.Contains(c!.ReducedFormula);

    /// <inheritdoc />
    public ProductCharacter Classify(string reducedFormula)
    {
        lock (_lock)
            if (_cache.TryGetValue(reducedFormula, out var hit)) return hit;
        var result = Decide(reducedFormula);
        lock (_lock) _cache[reducedFormula] = result;
        return result;
    }

    private ProductCharacter Decide(string formula)
    {
        if (IsGas(formula))
            return new ProductCharacter(formula, ElectronicCharacter.Gas, false, "gas at room temperature: evolves instead of forming a passivating layer", GasCitation);
        var curated = _curated.Classify(formula);
        if (curated.Electronic != ElectronicCharacter.Unknown) return curated;
        var choice = PropertyChoice.Choose(_properties.Find(formula, MaterialProperty.BandGap));
        if (choice is null)
            return curated with { Reason = $"not in the knowledge base and no band gap in {_properties.Description}" };
        double gap = choice.Value;
        string g = gap.ToString("0.##", CultureInfo.InvariantCulture), t = ThresholdEv.ToString("0.##", CultureInfo.InvariantCulture);
        bool conducts = gap < ThresholdEv;
        string reason = conducts
            ? (gap == 0 ? "metallic (band gap 0 eV)" : $"band gap {g} eV < {t} eV: conducts electrons")
            : $"band gap {g} eV ≥ {t} eV: electronic insulator";
        return new ProductCharacter(formula, conducts ? ElectronicCharacter.Conducting : ElectronicCharacter.Insulating, null,
            $"{reason} ({choice.Rule})", CiteGap(choice), gap);
    }

    private static string CiteGap(PropertyChoice choice)
    {
        var c = choice.Chosen;
        string method = c?.Method ?? choice.Values.FirstOrDefault(v => v.Source == choice.Source)?.Method ?? "";
        string where = c is null ? "" : c.SourceId is { } id ? $", {id}" : c.Line is { } line ? $", line {line.ToString(CultureInfo.InvariantCulture)}" : "";
        return $"{(method.Length > 0 ? method + " " : "")}band gap: {choice.Source}{where}";
    }
}
