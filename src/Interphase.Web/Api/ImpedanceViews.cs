using Interphase.Impedance;

namespace Interphase.Web.Api;

/// <summary>Impedance inputs in the CLI's notation (weighting name, initial values, constants).</summary>
public static class ImpedanceViews
{
    /// <summary>Weighting by its CLI name.</summary>
    public static Weighting ParseWeighting(string? name) => (name ?? "unit").Trim().ToLowerInvariant() switch
    {
        "unit" or "none" or "" => Weighting.Unit,
        "proportional" => Weighting.Proportional,
        "modulus" => Weighting.Modulus,
        var w => throw new InterphaseException($"weighting '{w}': use unit, proportional or modulus"),
    };

    /// <summary>Fit options from the CLI's notation: initial values "a,b,c" in circuit order, constants "R0=0.015,C1=1e-6".</summary>
    public static FitOptions Options(Circuit circuit, string? initial, string? constants, string? weighting)
    {
        var held = new Dictionary<string, double>();
        foreach (var c in (constants ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = c.Split('=', 2);
            if (parts.Length != 2 || !double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                throw new InterphaseException($"constant '{c}': expected NAME=VALUE, e.g. R0=0.015");
            circuit.IndexOf(parts[0].Trim());
            held[parts[0].Trim()] = v;
        }
        double[]? start = string.IsNullOrWhiteSpace(initial) ? null
            : initial.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t =>
                double.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v
                    : throw new InterphaseException($"initial: '{t}' is not a number")).ToArray();
        return new FitOptions { Initial = start, Constants = held, Weighting = ParseWeighting(weighting) };
    }
}
