using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interphase;

/// <summary>
/// The JSON contract of every <c>--json</c> output, report and batch result: snake_case keys as the Python tools
/// write them, enums as snake_case strings (never numbers), nulls left out, NaN and ±Infinity written as named
/// literals, units such as Ω·cm² and µm kept readable. Keys carry their unit as a suffix (README "Conventions"):
/// <see cref="KeyPolicy"/> writes every key by that one rule, whatever the C# name.
/// </summary>
public static class JsonOutput
{
    /// <summary>
    /// The key naming rule: snake_case with the unit as a suffix, lower-case symbols, a quotient written with
    /// <c>_per_</c>, a product joined by <c>_</c>, powers as digits (<c>_ma_per_cm2</c>, <c>_s_per_cm</c>,
    /// <c>_ohm_cm2</c>, <c>_ev_per_atom</c>); volts as <c>_v</c> (<c>ReductionVolts</c> → <c>reduction_v</c>).
    /// </summary>
    public static JsonNamingPolicy KeyPolicy { get; } = new UnitSuffixPolicy();

    private sealed class UnitSuffixPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name)
        {
            string key = SnakeCaseLower.ConvertName(name);
            return key.EndsWith("_volts", StringComparison.Ordinal) ? key[..^"olts".Length] : key;
        }
    }

    /// <summary>The shared serializer options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = KeyPolicy,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Serialises a value with the shared options.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
