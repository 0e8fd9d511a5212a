using System.Globalization;

namespace Interphase.Transport;

/// <summary>Physical constants and unit conversions used by the transport models.</summary>
public static class Units
{
    /// <summary>Boltzmann constant, eV/K (CODATA 2018, exact).</summary>
    public const double BoltzmannEvPerK = 8.617333262e-5;

    /// <summary>kJ/mol per eV (per particle): N_A·e/1000.</summary>
    public const double KjPerMolPerEv = 96.48533212;

    /// <summary>0 °C in kelvin.</summary>
    public const double ZeroCelsiusK = 273.15;

    /// <summary>Factor from a conductivity unit (<c>S/cm</c>, <c>mS/cm</c>, <c>S/m</c>, <c>mS/m</c>) to S/cm.</summary>
    public static double ConductivityToSPerCm(string unit) => unit.Trim().Replace(" ", "").Replace("_per_", "/") switch
    {
        "S/cm" or "s/cm" => 1.0,
        "mS/cm" or "ms/cm" => 1e-3,
        "µS/cm" or "uS/cm" or "us/cm" => 1e-6,
        "S/m" or "s/m" => 1e-2,
        "mS/m" or "ms/m" => 1e-5,
        _ => throw new InterphaseException($"conductivity unit '{unit}': use S/cm, mS/cm, µS/cm or S/m"),
    };

    /// <summary>True for <c>K</c>/<c>kelvin</c>, false for <c>C</c>/<c>°C</c>/<c>celsius</c>.</summary>
    public static bool IsKelvin(string unit) => unit.Trim().TrimStart('°').ToLowerInvariant() switch
    {
        "k" or "kelvin" => true,
        "c" or "celsius" or "degc" => false,
        _ => throw new InterphaseException($"temperature unit '{unit}': use C or K"),
    };

    /// <summary>Converts a temperature in the given unit to kelvin.</summary>
    public static double ToKelvin(double value, string unit) => IsKelvin(unit) ? value : value + ZeroCelsiusK;

    /// <summary>
    /// Parses a temperature such as <c>25</c>, <c>25C</c>, <c>25°C</c> or <c>298.15K</c> to kelvin; a bare number
    /// is in <paramref name="defaultUnit"/>.
    /// </summary>
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
}
