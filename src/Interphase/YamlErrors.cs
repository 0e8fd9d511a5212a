using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization.NamingConventions;

namespace Interphase;

/// <summary>
/// Rewrites YamlDotNet's errors in the terms of the input file (unknown key, not a number, list expected) instead of
/// .NET type names, for every YAML input (cells, stacks, conductivity data, interphase files).
/// </summary>
internal static partial class YamlErrors
{
    /// <summary>"line L, column C: what is wrong" for an error while reading YAML.</summary>
    public static string Describe(YamlException ex)
    {
        string message = Clean(ex.Message);
        var inner = ex.InnerException is { } i and not YamlException ? i.Message : null;
        string what =
            UnknownKey().Match(message) is { Success: true } k ? $"unknown key '{k.Groups[1].Value}'{ValidKeys(k.Groups[2].Value)}"
            : (inner ?? message) is var m && NotNumber().Match(m) is { Success: true } n ? $"'{n.Groups[1].Value}' is not a number"
            : InvalidCast().Match(inner ?? message) is { Success: true } c ? $"expected {Shape(c.Groups[1].Value)} here, found a single value"
            : message.StartsWith("No node deserializer", StringComparison.Ordinal) ? "expected a single value here, found a list or mapping"
            : inner is null ? message : $"{message} ({inner})";
        return $"line {ex.Start.Line}, column {ex.Start.Column}: {what}";
    }

    // YamlDotNet prefixes messages with "(Line: a, Col: b, Idx: c) - (Line: ...): ".
    private static string Clean(string message)
    {
        int k = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (k >= 0 ? message[(k + 3)..] : message).Split('\n')[0].Trim();
    }

    private static string Shape(string typeName) =>
        typeName.Contains("List`", StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal) ? "a list" : "a mapping of keys";

    private static string ValidKeys(string typeName)
    {
        var type = AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        if (type is null) return "";
        var keys = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name))
            .ToList();
        return keys.Count == 0 ? "" : $" (known keys: {string.Join(", ", keys)})";
    }

    [GeneratedRegex(@"^Property '([^']*)' not found on type '([^']*)'")]
    private static partial Regex UnknownKey();

    [GeneratedRegex(@"The input string '([^']*)' was not in a correct format")]
    private static partial Regex NotNumber();

    [GeneratedRegex(@"Invalid cast from 'System\.String' to '([^']*)'")]
    private static partial Regex InvalidCast();
}
