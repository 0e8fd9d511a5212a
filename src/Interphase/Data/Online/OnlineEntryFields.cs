using System.Text.Json;
using Interphase.Chemistry;

namespace Interphase.Data.Online;

/// <summary>
/// The two fields every online formation-energy source sends with an entry, read one way: an energy that may be absent
/// and a formula that must be there and parse. A malformed field is an <see cref="OnlineSourceException"/> that starts
/// with <c>where</c> (the source, the request and the entry).
/// </summary>
internal static class OnlineEntryFields
{
    /// <summary>The number in <paramref name="field"/> (eV/atom); null when the entry has none (absent or JSON null).</summary>
    public static double? Energy(JsonElement fields, string field, string where)
    {
        if (!fields.TryGetProperty(field, out var e) || e.ValueKind == JsonValueKind.Null) return null;
        if (e.ValueKind != JsonValueKind.Number) throw new OnlineSourceException($"{where}: '{field}' is not a number");
        return e.GetDouble();
    }

    /// <summary>The formula in <paramref name="field"/>, parsed.</summary>
    public static Composition Formula(JsonElement fields, string field, string where)
    {
        if (!fields.TryGetProperty(field, out var f) || f.ValueKind != JsonValueKind.String)
            throw new OnlineSourceException($"{where}: no '{field}'");
        try
        {
            return FormulaParser.Parse(f.GetString()!);
        }
        catch (FormulaException ex)
        {
            throw new OnlineSourceException($"{where}: {ex.Message}", ex);
        }
    }
}
