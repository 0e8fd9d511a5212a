using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Interphase;

/// <summary>
/// Reads every YAML input (cells, stacks, conductivity data, interphase files, the knowledge base) with one
/// deserializer set-up: snake_case keys; unknown keys and malformed values are errors naming file and line.
/// <see cref="Parse{T}"/> also refuses
/// what no real input has: duplicate keys, empty list items and keys without a value, a mapping or list where a single
/// value belongs, and alias expansion beyond <see cref="MaxAliases"/> aliases or <see cref="MaxExpandedNodes"/> nodes.
/// </summary>
internal static class YamlInput
{
    /// <summary>Most aliases (<c>*name</c>) a file may use.</summary>
    public const int MaxAliases = 100;

    /// <summary>Most YAML nodes a file may hold once its aliases are expanded.</summary>
    public const int MaxExpandedNodes = 100_000;

    /// <summary>Deepest nesting of mappings and lists.</summary>
    public const int MaxDepth = 32;

    /// <summary>Largest YAML input, in characters.</summary>
    public const int MaxCharacters = 10_000_000;

    /// <summary>The one deserializer set-up for YAML inputs (duplicate keys and a mapping or list for a single value are errors).</summary>
    internal static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithInputChecks()
        .WithNodeDeserializer(new SingleValueCheck(), s => s.OnTop())
        .Build();

    /// <summary>Parses YAML text into <typeparamref name="T"/>; <paramref name="source"/> names the input in errors.</summary>
    /// <exception cref="InterphaseException">Malformed YAML, an unknown key, a value of the wrong shape, or a limit exceeded.</exception>
    public static T Parse<T>(string yaml, string source) where T : class
    {
        if (yaml.Length > MaxCharacters)
            throw new InterphaseException($"{source}: {yaml.Length:N0} characters is more than any input of this kind (at most {MaxCharacters:N0})");
        try
        {
            CheckStructure(yaml);
            return Deserializer.Deserialize<T>(yaml)
                   ?? throw new InterphaseException($"{source}: the file is empty");
        }
        catch (YamlException ex)
        {
            throw new InterphaseException($"{source}: {YamlErrors.Describe(ex)}", ex);
        }
        catch (YamlInputException ex) // the document itself has the wrong shape (no key to place it at)
        {
            throw new InterphaseException($"{source}: {ex.What}", ex);
        }
        catch (InvalidOperationException ex) when (IsParserFault(ex))
        {
            throw new InterphaseException($"{source}: {ParserFaultMessage}", ex);
        }
    }

    /// <summary>What to tell the user when YamlDotNet's scanner fails without a position (its own bug on some broken input).</summary>
    internal const string ParserFaultMessage =
        "not valid YAML: the reader stopped inside a '{ }' or '[ ]' list or mapping; check for a bracket or quote that is not closed";

    // YamlDotNet's scanner throws a bare InvalidOperationException on some malformed input (e.g. an unclosed '{'
    // followed by a line indented less), instead of a YamlException with the position.
    internal static bool IsParserFault(InvalidOperationException ex) =>
        ex.TargetSite?.DeclaringType?.Namespace?.StartsWith("YamlDotNet", StringComparison.Ordinal) == true;

    /// <summary>Reads and parses a YAML file.</summary>
    public static T Load<T>(string path) where T : class
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        return Parse<T>(File.ReadAllText(path), path);
    }

    // One pass over the parser's events (no tree is built, so nothing is expanded): nesting depth, aliases and the
    // size they expand to, empty list items and keys without a value.
    private static void CheckStructure(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal); // anchor -> expanded node count
        var open = new Stack<Frame>();
        long expanded = 0;
        int aliases = 0;
        while (parser.MoveNext())
        {
            var e = parser.Current!;
            switch (e)
            {
                case MappingStart or SequenceStart:
                    Item(open, e, isNull: false);
                    expanded++;
                    if (open.Count >= MaxDepth) throw new YamlException(e.Start, e.End, $"nested more than {MaxDepth} levels deep");
                    open.Push(new Frame(e is MappingStart, ((NodeEvent)e).Anchor.IsEmpty ? null : ((NodeEvent)e).Anchor.Value, expanded));
                    break;
                case MappingEnd or SequenceEnd:
                    var f = open.Pop();
                    if (f.Anchor is not null) sizes[f.Anchor] = expanded - f.StartCount + 1;
                    break;
                case Scalar s:
                    Item(open, e, isNull: s.Style == ScalarStyle.Plain && s.Value is "" or "~" or "null" or "Null" or "NULL", key: s.Value);
                    expanded++;
                    if (!s.Anchor.IsEmpty) sizes[s.Anchor.Value] = 1;
                    break;
                case AnchorAlias a:
                    Item(open, e, isNull: false);
                    if (++aliases > MaxAliases)
                        throw new YamlException(e.Start, e.End, $"more than {MaxAliases} aliases; no real input needs that many");
                    if (!sizes.TryGetValue(a.Value.Value, out long size))
                        throw new YamlException(e.Start, e.End, $"alias *{a.Value.Value} refers to an anchor that is not complete here");
                    expanded += size;
                    break;
            }
            if (expanded > MaxExpandedNodes)
                throw new YamlException(e.Start, e.End, $"the file expands to more than {MaxExpandedNodes:N0} values (through aliases); no real input is that large");
        }
    }

    private static void Item(Stack<Frame> open, ParsingEvent e, bool isNull, string? key = null)
    {
        if (open.Count == 0) return;
        var f = open.Peek();
        if (!f.IsMapping)
        {
            if (isNull) throw new YamlException(e.Start, e.End, "empty list item; remove the '-' or give it a value");
            return;
        }
        if (f.ExpectKey)
        {
            f.LastKey = key;
        }
        else if (isNull)
        {
            throw new YamlException(e.Start, e.End, $"'{f.LastKey}' has no value; give one, or leave the key out");
        }
        f.ExpectKey = !f.ExpectKey;
    }

    private sealed class Frame(bool isMapping, string? anchor, long startCount)
    {
        public bool IsMapping { get; } = isMapping;
        public string? Anchor { get; } = anchor;
        public long StartCount { get; } = startCount;
        public bool ExpectKey { get; set; } = true;
        public string? LastKey { get; set; }
    }

    // YamlDotNet would otherwise read a mapping or list given for a number as "unset" or fail with a type name.
    private sealed class SingleValueCheck : INodeDeserializer
    {
        public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value,
            ObjectDeserializer rootDeserializer)
        {
            value = null;
            var type = Nullable.GetUnderlyingType(expectedType) ?? expectedType;
            if (!(type.IsPrimitive || type == typeof(string) || type == typeof(decimal) || type.IsEnum)) return false;
            if (reader.Current is MappingStart or SequenceStart)
            {
                string found = reader.Current is MappingStart ? "a mapping" : "a list";
                string want = type == typeof(string) ? "text" : type == typeof(bool) ? "true or false" : "a number";
                throw new YamlException(reader.Current.Start, reader.Current.End, $"expected {want} here, found {found}");
            }
            return false;
        }
    }
}
