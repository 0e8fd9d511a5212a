using System.Globalization;

namespace Interphase.Web.Components.Shared;

/// <summary>
/// Reads the numbers and flags of a page's address: an address is typed or edited by hand, so a value that is not a
/// number shows a clear message on the page (not an internal error, which a typed query parameter would give).
/// </summary>
public static class QueryValues
{
    /// <summary>The number of <paramref name="name"/>=, or null when absent.</summary>
    /// <exception cref="InterphaseException">The value is not a finite number.</exception>
    public static double? Number(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw new InterphaseException($"the address's {name}={Interphase.Quoted.Cap(text, 40)} is not a number");
    }

    /// <summary>The flag of <paramref name="name"/>= (true/false, 1/0), or null when absent.</summary>
    /// <exception cref="InterphaseException">The value is not a flag.</exception>
    public static bool? Flag(string? text, string name) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => throw new InterphaseException($"the address's {name}={Interphase.Quoted.Cap(text, 40)} is not true or false"),
    };
}
