using System.Text.Json;

namespace Interphase.Web.Api;

/// <summary>JSON settings of the API: the library's <see cref="JsonOutput"/> contract, as the CLI's <c>--json</c>.</summary>
public static class ApiJson
{
    /// <summary>Applies the shared settings to the framework's serializer options.</summary>
    public static void Configure(JsonSerializerOptions o)
    {
        var shared = JsonOutput.Options;
        o.PropertyNamingPolicy = shared.PropertyNamingPolicy;
        o.DictionaryKeyPolicy = shared.DictionaryKeyPolicy;
        o.DefaultIgnoreCondition = shared.DefaultIgnoreCondition;
        o.NumberHandling = shared.NumberHandling;
        o.Encoder = shared.Encoder;
        foreach (var c in shared.Converters) o.Converters.Add(c);
    }
}
