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
        Description = "Entry file(s): formula,e_form_per_atom CSV or pymatgen ComputedEntry JSON (default: the shared Materials Project CSV)",
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>An engine over the given files, or the default data when none are given.</summary>
    public static ThermoEngine Engine(string[]? files) =>
        ThermoEngine.Load(files is { Length: > 0 } ? files : [SharedData.DefaultThermoData()]);
}
