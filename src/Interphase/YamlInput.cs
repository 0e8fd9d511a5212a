using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Interphase;

/// <summary>
/// Reads every YAML input (cells, stacks, conductivity data, interphase files, the knowledge base) with one
/// deserializer set-up: snake_case keys; unknown keys and malformed values are errors naming file and line.
/// </summary>
public static class YamlInput
{
    /// <summary>The one deserializer set-up for YAML inputs.</summary>
    internal static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Parses YAML text into <typeparamref name="T"/>; <paramref name="source"/> names the input in errors.</summary>
    public static T Parse<T>(string yaml, string source) where T : class
    {
        try
        {
            return Deserializer.Deserialize<T>(yaml)
                   ?? throw new InterphaseException($"{source}: the file is empty");
        }
        catch (YamlException ex)
        {
            throw new InterphaseException($"{source}: {YamlErrors.Describe(ex)}", ex);
        }
    }

    /// <summary>Reads and parses a YAML file.</summary>
    public static T Load<T>(string path) where T : class
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        return Parse<T>(File.ReadAllText(path), path);
    }
}
