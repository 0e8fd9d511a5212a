using System.Globalization;
using System.Text;

namespace Interphase.Quantities;

/// <summary>A unit Interphase recognises: its canonical symbol, dimension and factor to the dimension's base.</summary>
/// <param name="Symbol">Canonical symbol (e.g. <c>mS/cm</c>, <c>Ω·cm²</c>).</param>
/// <param name="Dimension">Physical dimension (e.g. <c>conductivity</c>).</param>
/// <param name="Factor">Multiply a value in this unit by it to get the dimension's base unit.</param>
public sealed record UnitInfo(string Symbol, string Dimension, double Factor);

/// <summary>
/// The one table of units (those used in the reviews, the knowledge base, inputs and models) and their normalisation. Every dimension has a base unit in which normalised
/// values are stored: S/cm, Ω·cm², mA/cm², mAh/cm², mAh/g, mA/g, MPa, eV, V, g/cm³, µm, %, h, K, C (rate),
/// mg/cm², cm²/s, Wh/kg, eV/nm². Temperatures (°C, K) convert affinely to K.
/// </summary>
public static class Units
{
    private static readonly Dictionary<string, UnitInfo> BySymbol = new(StringComparer.Ordinal);
    private static readonly Dictionary<string, string> BaseOfDimension = new(StringComparer.Ordinal);

    static Units()
    {
        Dim("conductivity", "S/cm", ("S/cm", 1), ("mS/cm", 1e-3), ("µS/cm", 1e-6), ("S/m", 1e-2), ("mS/m", 1e-5));
        Dim("area_resistance", "Ω·cm²", ("Ω·cm²", 1), ("kΩ·cm²", 1e3), ("Ω·m²", 1e4));
        Dim("resistance", "Ω", ("Ω", 1), ("kΩ", 1e3));
        Dim("current_density", "mA/cm²", ("mA/cm²", 1), ("µA/cm²", 1e-3), ("A/cm²", 1e3), ("A/m²", 0.1));
        Dim("areal_capacity", "mAh/cm²", ("mAh/cm²", 1), ("µAh/cm²", 1e-3));
        Dim("specific_capacity", "mAh/g", ("mAh/g", 1), ("Ah/kg", 1));
        Dim("specific_current", "mA/g", ("mA/g", 1), ("A/g", 1e3));
        Dim("c_rate", "C", ("C", 1));
        Dim("pressure", "MPa", ("MPa", 1), ("GPa", 1e3), ("kPa", 1e-3), ("Pa", 1e-6), ("psi", 6.894757e-3), ("bar", 0.1), ("atm", 0.101325));
        Dim("energy", "eV", ("eV", 1), ("meV", 1e-3), ("kJ/mol", 1 / PhysicalConstants.KjPerMolPerEv), ("eV/atom", 1));
        Dim("voltage", "V", ("V", 1), ("mV", 1e-3));
        Dim("density", "g/cm³", ("g/cm³", 1), ("kg/m³", 1e-3));
        Dim("length", "µm", ("µm", 1), ("nm", 1e-3), ("mm", 1e3), ("cm", 1e4), ("m", 1e6));
        Dim("fraction", "%", ("%", 1));
        Dim("time", "h", ("h", 1), ("min", 1 / 60.0), ("s", 1 / 3600.0));
        Dim("temperature", "K", ("K", 1), ("°C", 1));
        Dim("areal_loading", "mg/cm²", ("mg/cm²", 1));
        Dim("diffusivity", "cm²/s", ("cm²/s", 1), ("m²/s", 1e4));
        Dim("specific_energy", "Wh/kg", ("Wh/kg", 1));
        Dim("energy_density", "Wh/L", ("Wh/L", 1));
        Dim("adhesion", "eV/nm²", ("eV/nm²", 1));
        Dim("count", "", ("", 1));
    }

    private static void Dim(string dimension, string baseSymbol, params (string Symbol, double Factor)[] units)
    {
        BaseOfDimension[dimension] = baseSymbol;
        foreach (var (symbol, factor) in units)
            BySymbol[Key(symbol)] = new UnitInfo(symbol, dimension, factor);
    }

    /// <summary>All recognised units.</summary>
    public static IEnumerable<UnitInfo> All => BySymbol.Values;

    /// <summary>The base unit of a dimension (e.g. <c>S/cm</c> for <c>conductivity</c>).</summary>
    public static string BaseUnit(string dimension) =>
        BaseOfDimension.TryGetValue(dimension, out var s) ? s : throw new ArgumentException($"unknown dimension '{dimension}'");

    /// <summary>Looks up a unit written in any common spelling (<c>Ohm cm2</c>, <c>Ω cm^2</c>, <c>mS cm-1</c>, <c>uA/cm2</c>).</summary>
    public static bool TryFind(string written, out UnitInfo unit) => BySymbol.TryGetValue(Key(written), out unit!);

    /// <summary>Looks up a unit; throws <see cref="FormatException"/> for an unknown one.</summary>
    public static UnitInfo Find(string written) =>
        TryFind(written, out var u) ? u : throw new FormatException($"unknown unit '{written}'");

    /// <summary>Converts a value between two units of the same dimension (temperatures affinely).</summary>
    public static double Convert(double value, string from, string to)
    {
        var a = Find(from);
        var b = Find(to);
        if (a.Dimension != b.Dimension)
            throw new FormatException($"cannot convert {a.Symbol} ({a.Dimension}) to {b.Symbol} ({b.Dimension})");
        if (a.Dimension == "temperature")
        {
            var kelvin = a.Symbol == "°C" ? value + PhysicalConstants.ZeroCelsiusK : value;
            return b.Symbol == "°C" ? kelvin - PhysicalConstants.ZeroCelsiusK : kelvin;
        }
        return value * a.Factor / b.Factor;
    }

    /// <summary>
    /// Factor from a conductivity unit (<c>S/cm</c>, <c>mS/cm</c>, <c>µS/cm</c>, <c>S/m</c>, <c>mS/m</c>, in any
    /// common spelling or case, or as a key suffix such as <c>ms_per_cm</c>) to S/cm.
    /// </summary>
    /// <exception cref="InterphaseException">Not a conductivity unit.</exception>
    public static double ConductivityToSPerCm(string unit)
    {
        string written = unit.Trim().Replace("_per_", "/", StringComparison.Ordinal);
        if (TryFind(written, out var u) && u.Dimension == "conductivity") return u.Factor;
        // Lower-case spellings (ms/cm, us/cm) are common in data file headers; no conductivity unit differs only by case.
        static string Fold(string k) => (k.StartsWith('u') ? "µ" + k[1..] : k).ToLowerInvariant();
        string key = Fold(Key(written));
        var match = BySymbol.Values.FirstOrDefault(v => v.Dimension == "conductivity" && Fold(Key(v.Symbol)) == key);
        return match?.Factor ?? throw new InterphaseException($"conductivity unit '{unit}': use S/cm, mS/cm, µS/cm or S/m");
    }

    /// <summary>True for <c>K</c>/<c>kelvin</c>, false for <c>C</c>/<c>°C</c>/<c>celsius</c>.</summary>
    /// <exception cref="InterphaseException">Neither.</exception>
    public static bool IsKelvin(string unit) => unit.Trim().TrimStart('°').ToLowerInvariant() switch
    {
        "k" or "kelvin" => true,
        "c" or "celsius" or "degc" => false,
        _ => throw new InterphaseException($"temperature unit '{unit}': use C or K"),
    };

    /// <summary>Converts a temperature in the given unit (<c>C</c> or <c>K</c>) to kelvin.</summary>
    public static double ToKelvin(double value, string unit) => IsKelvin(unit) ? value : value + PhysicalConstants.ZeroCelsiusK;

    /// <summary>
    /// Parses a temperature such as <c>25</c>, <c>25C</c>, <c>25°C</c> or <c>298.15K</c> to kelvin; a bare number
    /// is in <paramref name="defaultUnit"/>.
    /// </summary>
    /// <exception cref="InterphaseException">Not a number, or at or below absolute zero.</exception>
    public static double ParseTemperatureK(string text, string defaultUnit = "C")
    {
        var s = text.Trim();
        string unit = defaultUnit;
        if (s.EndsWith("K", StringComparison.OrdinalIgnoreCase)) { unit = "K"; s = s[..^1]; }
        else if (s.EndsWith("C", StringComparison.OrdinalIgnoreCase)) { unit = "C"; s = s[..^1].TrimEnd('°'); }
        if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new InterphaseException($"temperature '{text}': expected a number with optional C or K");
        double k = ToKelvin(v, unit);
        if (!(k > 0)) throw new InterphaseException($"temperature '{text}' is at or below absolute zero");
        return k;
    }

    // Longer spellings first so that "kg-1" is not read as "k" + "g-1".
    private static readonly (string, string)[] PowerSpellings =
    [
        ("cm-1", "/cm"), ("cm-2", "/cm2"), ("cm-3", "/cm3"), ("nm-2", "/nm2"), ("kg-1", "/kg"), ("mol-1", "/mol"),
        ("m-3", "/m3"), ("m-2", "/m2"), ("g-1", "/g"), ("s-1", "/s"),
    ];

    /// <summary>Canonical lookup key: spelling variants of the same unit map to one key.</summary>
    internal static string Key(string written)
    {
        var s = written.Trim();
        var sb = new StringBuilder();
        foreach (var ch in s)
        {
            switch (ch)
            {
                case ' ': case '·': case '*': case '⋅': case '^': case '{': case '}': continue;
                case '\u03A9': case '\u2126': sb.Append('\u03A9'); break;
                case '\u03BC': sb.Append('\u00B5'); break;
                case '²': sb.Append('2'); break;
                case '³': sb.Append('3'); break;
                case '⁻': sb.Append('-'); break;
                case '¹': sb.Append('1'); break;
                case '−': sb.Append('-'); break;
                case 'º': case '˚': sb.Append('°'); break;
                default: sb.Append(ch); break;
            }
        }
        var k = sb.ToString();
        k = k.Replace("ohm", "Ω", StringComparison.OrdinalIgnoreCase).Replace("Ohm", "Ω");
        if (k.StartsWith('u') && k.Length > 1 && char.IsUpper(k[1])) k = "µ" + k[1..];
        if (k is "degC" or "C°") k = "°C";
        // "mS cm-1" → "mS/cm", "mA cm-2" → "mA/cm2", "mAh g-1" → "mAh/g"
        foreach (var (from, to) in PowerSpellings)
            k = k.Replace(from, to, StringComparison.Ordinal);
        k = k.Replace("//", "/");
        return k;
    }
}
