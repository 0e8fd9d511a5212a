using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Interphase.Cell;

/// <summary>Reads model inputs from YAML (snake_case keys); unknown keys and malformed values are errors naming file and line.</summary>
public static class YamlInput
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
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

/// <summary>Loads cell specifications from YAML files.</summary>
public static class CellFile
{
    /// <summary>Loads and validates a cell; errors name the file and the key.</summary>
    public static CellSpec Load(string path)
    {
        var cell = YamlInput.Load<CellSpec>(path);
        try
        {
            CellValidation.Validate(cell);
        }
        catch (InterphaseException ex)
        {
            throw new InterphaseException($"{path}: {ex.Message}", ex);
        }
        return string.IsNullOrEmpty(cell.Name) ? cell with { Name = Path.GetFileNameWithoutExtension(path) } : cell;
    }

    /// <summary>Parses and validates a cell from YAML text.</summary>
    public static CellSpec Parse(string yaml, string source = "<yaml>")
    {
        var cell = YamlInput.Parse<CellSpec>(yaml, source);
        try { CellValidation.Validate(cell); }
        catch (InterphaseException ex) { throw new InterphaseException($"{source}: {ex.Message}", ex); }
        return cell;
    }
}
