using System.CommandLine;
using Interphase.Data;
using Interphase.Thermodynamics;

namespace Interphase.Cli;

/// <summary>Where thermodynamic entries come from for commands that need a <see cref="ThermoEngine"/>.</summary>
public static class CliData
{
    /// <summary>The repeatable <c>--data FILE</c> option (CSV or pymatgen entry JSON).</summary>
    public static Option<string[]> DataOption() => new("--data")
    {
        Description = "Entry file: formula,e_form_per_atom CSV or a pymatgen ComputedEntry JSON list (repeatable; default: the entry store, or the shared Materials Project CSV while the store is empty)",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>An engine over the given files, else the entry store (<c>INTERPHASE_STORE</c> or the per-user default),
    /// else the shared default CSV when the store is missing or empty. Entries from more than one source are refused
    /// unless <see cref="EntrySourceOptions.AllowMixedSources"/> (see <see cref="EntrySourceResolver"/>).</summary>
    public static ThermoEngine Engine(string[]? files, EntrySourceOptions? options = null) =>
        new(new EntrySet(EntrySourceResolver.ResolveAll((options ?? new EntrySourceOptions()) with { DataFiles = files ?? [] })));
}
