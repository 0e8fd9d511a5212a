using System.Text.Json.Nodes;
using Interphase.Data;

namespace Interphase.Tests.Screening;

/// <summary>pymatgen reference results (shared/reference/thermo_public.json), read in place.</summary>
public sealed class Reference(JsonObject root)
{
    public static Reference Load() =>
        new(JsonNode.Parse(File.ReadAllText(SharedFiles.Path(Interphase.Tests.Thermodynamics.ThermoDataFixture.ReferenceFile)))!.AsObject());

    /// <summary>Reduction and oxidation limits (V vs Li/Li+) of a compound.</summary>
    public (double Reduction, double? Oxidation) Window(string formula)
    {
        var w = root["windows"]!.AsArray().First(x => x!["formula"]!.GetValue<string>() == formula)!["window_volts"]!.AsArray();
        return (w[0]!.GetValue<double>(), w[1]?.GetValue<double>());
    }

    /// <summary>The closed reactions: reactants and the most exothermic energy (eV/atom).</summary>
    public IEnumerable<(string A, string B, double MinEnergy)> ClosedReactions() =>
        root["reactions"]!.AsArray().Where(r => r!["volts"] is null)
            .Select(r => (r!["a"]!.GetValue<string>(), r["b"]!.GetValue<string>(), r["min_e_rxn_per_atom"]!.GetValue<double>()));
}
