using System.Text.Json;
using System.Text.Json.Serialization;

namespace Interphase.Web.Api;

/// <summary>JSON settings of the API: the same as the CLI's <c>--json</c> (snake_case keys, nulls left out).</summary>
public static class ApiJson
{
    /// <summary>Applies the settings to the framework's serializer options.</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        o.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        o.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
