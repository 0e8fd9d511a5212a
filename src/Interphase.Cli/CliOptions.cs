using System.CommandLine;

namespace Interphase.Cli;

/// <summary>Typed options shared by the commands.</summary>
public static class CliOptions
{
    /// <summary>
    /// The <c>--unit</c> of a conductivity option (S/cm or mS/cm, default mS/cm as the reviews quote them); convert with
    /// <see cref="Quantities.Units.ConductivityToSPerCm"/>.
    /// </summary>
    public static Option<string> ConductivityUnit() =>
        new("--unit") { Description = "Conductivity unit: S/cm or mS/cm", DefaultValueFactory = _ => "mS/cm" };

    /// <summary>
    /// An option taking one of a fixed set of named values, parsed to <typeparamref name="T"/>. The names (any case)
    /// are listed in help and offered for completion; any other value is a parse error naming the choices.
    /// </summary>
    public static Option<T> Choice<T>(string name, string description, T defaultValue, params (string Name, T Value)[] choices)
        where T : struct, Enum =>
        Choice(name, description, choices, defaultValue);

    /// <summary>A required option taking one of a fixed set of named values (see the overload with a default).</summary>
    public static Option<T> RequiredChoice<T>(string name, string description, params (string Name, T Value)[] choices)
        where T : struct, Enum =>
        Choice(name, description, choices, null);

    private static Option<T> Choice<T>(string name, string description, (string Name, T Value)[] choices, T? defaultValue)
        where T : struct, Enum
    {
        string names = string.Join(", ", choices.Select(c => c.Name));
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join('|', choices.Select(c => c.Name)),
            Required = defaultValue is null,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
                foreach (var (n, v) in choices)
                    if (string.Equals(n, text, StringComparison.OrdinalIgnoreCase)) return v;
                result.AddError($"{name} '{text}': use {names}");
                return default;
            },
        };
        if (defaultValue is { } value) option.DefaultValueFactory = _ => value;
        option.CompletionSources.Add(choices.Select(c => c.Name).ToArray());
        return option;
    }
}
