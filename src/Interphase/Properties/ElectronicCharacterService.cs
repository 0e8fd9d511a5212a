using System.Globalization;
using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Properties;

/// <summary>
/// The electronic character of a compound, for the interphase classifier, the stack analysis and the screen:
/// (1) a gas at room temperature (O2, Cl2, F2, N2, SO2, …) is gas evolution, never a passivating layer;
/// (2) the knowledge base's curated character (explicit products and class rules, with citations) wins;
/// (3) else a measured band gap decides where one exists (at or above <see cref="MeasuredInsulatorEv"/> an electronic
/// insulator), (4) else the DFT (PBE) gap against <see cref="ThresholdEv"/>, a threshold calibrated on the compounds
/// that have both; (5) with no data at all it stays unknown, and says so.
/// </summary>
/// <remarks>
/// PBE gaps underestimate experiment: over the 1,020 compounds with a non-zero gap in both the built-in
/// <c>expt_gap.csv</c> and <c>mp_gap.csv</c> the median experimental/PBE ratio is 1.40 (quartiles 1.14–1.88, median
/// difference 0.66 eV; <see cref="GapComparison"/>). An interphase blocks electrons when its measured gap is at least
/// 1.5 eV: its intrinsic carrier density at 25 °C, ~2.5·10¹⁹ cm⁻³·exp(−E_g/2kT), is then ~10⁶ cm⁻³ (10¹¹ at 1 eV,
/// enough for ~10⁻⁷ S/cm, comparable with the Li⁺ conductivity of an SEI). The PBE threshold that best reproduces
/// "measured ≥ 1.5 eV" over the 3,347 formulas in both files is 0.9 eV (agreement 91.8 %, against 92.0 % with the
/// former 1.0 eV cut-off on metals-included pairs; <see cref="GapComparison.Calibrate"/>, asserted in the tests).
/// A gap says nothing about Li⁺ conduction (left unknown). Thread-safe when the property source is.
/// </remarks>
public sealed class ElectronicCharacterService : IProductCharacterSource
{
    /// <summary>Default band-gap threshold, eV (PBE): smaller gaps conduct electrons; calibrated against the measured
    /// gaps (see the remarks).</summary>
    public const double DefaultThresholdEv = 0.9;

    /// <summary>Measured band gap at or above which a compound is an electronic insulator, eV.</summary>
    public const double MeasuredInsulatorEv = 1.5;

    /// <summary>The method name of measured band gaps (the built-in <c>expt_gap.csv</c>).</summary>
    public const string MeasuredMethod = "experimental";

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
        var all = _properties.Find(formula, MaterialProperty.BandGap);
        var measured = all.Where(v => v.Method == MeasuredMethod).ToList();
        var choice = PropertyChoice.Choose(measured.Count > 0 ? measured : all);
        if (choice is null)
            return curated with { Reason = $"not in the knowledge base and no band gap in {_properties.Description}" };
        double gap = choice.Value;
        bool isMeasured = measured.Count > 0;
        double threshold = isMeasured ? MeasuredInsulatorEv : ThresholdEv;
        string g = gap.ToString("0.##", CultureInfo.InvariantCulture), t = threshold.ToString("0.##", CultureInfo.InvariantCulture);
        string kind = isMeasured ? "measured band gap" : "band gap";
        bool conducts = gap < threshold;
        string reason = conducts
            ? (gap == 0 ? $"metallic ({kind} 0 eV)" : $"{kind} {g} eV < {t} eV: conducts electrons")
            : $"{kind} {g} eV ≥ {t} eV: electronic insulator";
        if (!isMeasured && all.Count > 0) reason += " (no measured gap; the PBE threshold is calibrated on the measured ones)";
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
