using System.Text.Json.Nodes;
using Interphase.Data;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>Loads the shared Materials Project formation energies and the pymatgen reference once per test run.</summary>
public sealed class ThermoDataFixture
{
    public ThermoDataFixture()
    {
        var shared = SharedData.FindDirectory()
                     ?? throw new InvalidOperationException("shared data directory not found (set INTERPHASE_SHARED)");
        SharedDirectory = shared;
        CsvPath = Path.Combine(shared, "data/thermo/mp_e_form.csv");
        Engine = ThermoEngine.Load(CsvPath);
        Reference = JsonNode.Parse(File.ReadAllText(Path.Combine(shared, "reference/thermo_public.json")))!.AsObject();
    }

    public string SharedDirectory { get; }
    public string CsvPath { get; }
    public ThermoEngine Engine { get; }
    public JsonObject Reference { get; }

    public JsonObject Case(string kind, int index) => Reference[kind]![index]!.AsObject();

    /// <summary>Products of a pymatgen reaction string, as reduced formulas.</summary>
    public static SortedSet<string> Products(string reaction) =>
        new(reaction.Split("->")[1].Split(" + ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Split(' ')[^1]), StringComparer.Ordinal);
}

[CollectionDefinition(Name)]
public sealed class ThermoDataCollection : ICollectionFixture<ThermoDataFixture>
{
    public const string Name = "thermo data";
}
