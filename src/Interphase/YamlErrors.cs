using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Interphase;

/// <summary>
/// Describes YAML input errors in the terms of the input file (unknown key, not a number, list expected) instead of
/// .NET type names, for every YAML input. The shared deserializer (<see cref="YamlInput"/>) detects these cases
/// itself — a type inspector that knows the keys of the type being read, a node deserializer that checks the shape
/// of each node and reads numbers — and throws <see cref="YamlInputException"/>; nothing here reads YamlDotNet's
/// message text.
/// </summary>
internal static class YamlErrors
{
    /// <summary>"line L, column C: what is wrong" for an error while reading YAML.</summary>
    public static string Describe(YamlException ex)
    {
        // YamlDotNet wraps what a node deserializer or type inspector throws in a YamlException at the node's position.
        string what = ex.InnerException is YamlInputException inner ? inner.What
            : ex.InnerException is { } other and not YamlException ? $"{FirstLine(ex.Message)} ({other.Message})"
            : FirstLine(ex.Message);
        return $"line {ex.Start.Line}, column {ex.Start.Column}: {what}";
    }

    // YamlDotNet prefixes its own (syntax) messages with the position, which Describe already gives.
    private static string FirstLine(string message)
    {
        int k = message.LastIndexOf("): ", StringComparison.Ordinal);
        return (k >= 0 ? message[(k + 3)..] : message).Split('\n')[0].Trim();
    }

    /// <summary>Adds the checks to the shared deserializer set-up.</summary>
    public static DeserializerBuilder WithInputChecks(this DeserializerBuilder builder) => builder
        .WithTypeInspector(inner => new KnownKeys(inner))
        .WithNodeDeserializer(new ShapeAndNumbers(), s => s.OnTop());

    /// <summary>Unknown keys: the error lists the keys the type does have.</summary>
    private sealed class KnownKeys(ITypeInspector inner) : ITypeInspector
    {
        public IEnumerable<IPropertyDescriptor> GetProperties(Type type, object? container) => inner.GetProperties(type, container);

        public IPropertyDescriptor GetProperty(Type type, object? container, string name, bool ignoreUnmatched, bool caseInsensitivePropertyMatching)
        {
            var found = inner.GetProperty(type, container, name, true, caseInsensitivePropertyMatching);
            if (found is not null || ignoreUnmatched) return found!;
            var keys = inner.GetProperties(type, container).Where(p => p.CanWrite).Select(p => p.Name).ToList();
            throw new YamlInputException($"unknown key '{name}'" + (keys.Count == 0 ? "" : $" (known keys: {string.Join(", ", keys)})"));
        }

        public string GetEnumName(Type enumType, string name) => inner.GetEnumName(enumType, name);

        public string GetEnumValue(object enumValue) => inner.GetEnumValue(enumValue);
    }

    /// <summary>A list or mapping where a single value belongs (and the reverse), and numbers read invariantly.</summary>
    private sealed class ShapeAndNumbers : INodeDeserializer
    {
        public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value,
            ObjectDeserializer rootDeserializer)
        {
            value = null;
            var type = Nullable.GetUnderlyingType(expectedType) ?? expectedType;
            bool scalarType = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal);
            if (scalarType && reader.Current is SequenceStart or MappingStart)
                throw new YamlInputException("expected a single value here, found a list or mapping");
            // Only for lists, dictionaries and Interphase's own input types: other types may be read from a scalar.
            bool structured = IsList(type) || IsDictionary(type) || type.Assembly == typeof(YamlErrors).Assembly && type.IsClass;
            if (structured && reader.Current is Scalar { Value.Length: > 0 } s && !IsNull(s))
                throw new YamlInputException($"expected {(IsList(type) ? "a list" : "a mapping of keys")} here, found a single value");
            if (type == typeof(double) && reader.Current is Scalar number && !IsNull(number))
            {
                reader.MoveNext();
                value = double.TryParse(number.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d
                    : number.Value.Trim().ToLowerInvariant() is ".nan" ? double.NaN
                    : number.Value.Trim().ToLowerInvariant() is ".inf" or "+.inf" ? double.PositiveInfinity
                    : number.Value.Trim().ToLowerInvariant() is "-.inf" ? double.NegativeInfinity
                    : throw new YamlInputException($"'{number.Value}' is not a number");
                return true;
            }
            if (type == typeof(int) && reader.Current is Scalar integer && !IsNull(integer))
            {
                reader.MoveNext();
                value = int.TryParse(integer.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i
                    : throw new YamlInputException($"'{integer.Value}' is not a whole number");
                return true;
            }
            return false;
        }

        private static bool IsNull(Scalar s) => s.Style == ScalarStyle.Plain && s.Value is "" or "~" or "null" or "Null" or "NULL";

        private static bool IsList(Type type) => type != typeof(string) && (type.IsArray || type.IsGenericType && type.GetInterfaces().Append(type)
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)) && !IsDictionary(type));

        private static bool IsDictionary(Type type) => type.GetInterfaces().Append(type)
            .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
    }
}

/// <summary>A YAML input error found while reading, described in the input's terms.</summary>
/// <remarks>Not a <see cref="YamlException"/>, so that YamlDotNet wraps it in one carrying the key's position.</remarks>
internal sealed class YamlInputException(string what) : Exception(what)
{
    /// <summary>What is wrong, without a position.</summary>
    public string What { get; } = what;
}
