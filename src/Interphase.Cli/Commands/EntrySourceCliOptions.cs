using System.CommandLine;
using Interphase.Data;

namespace Interphase.Cli.Commands;

/// <summary>
/// The options every thermodynamics command shares to choose its entries: <c>--store</c>, <c>--source</c> and
/// <c>--allow-mixed-sources</c> (with the command's own <c>--data</c> files). Create one instance per command.
/// </summary>
public sealed class EntrySourceCliOptions
{
    /// <summary><c>--store PATH</c>.</summary>
    public Option<string?> Store { get; } = StoreOption();

    /// <summary><c>--source NAME</c>: only entries of one source.</summary>
    public Option<string?> Source { get; } = new("--source")
    {
        Description = "Use only the entries of this source (see `interphase data list`)",
    };

    /// <summary><c>--allow-mixed-sources</c>.</summary>
    public Option<bool> AllowMixed { get; } = new("--allow-mixed-sources")
    {
        Description = "Combine entries from sources with different elemental references (their energies are not strictly comparable)",
    };

    /// <summary>A <c>--store</c> option (shared wording for every command that opens the store).</summary>
    public static Option<string?> StoreOption() => new("--store")
    {
        Description = $"Entry store (SQLite) to use; default ${StoreLocation.EnvironmentVariable} or {StoreLocation.DefaultPath()}",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Add(Store);
        command.Add(Source);
        command.Add(AllowMixed);
    }

    /// <summary>The resolver options for a parse result and the command's <c>--data</c> files.</summary>
    public EntrySourceOptions Resolve(ParseResult parse, IReadOnlyList<string>? dataFiles = null) => new()
    {
        DataFiles = dataFiles ?? [],
        StorePath = parse.GetValue(Store),
        Source = parse.GetValue(Source),
        AllowMixedSources = parse.GetValue(AllowMixed),
    };
}
