using System.Text.Json.Nodes;
using Interphase.Data;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>
/// The shared Materials Project formation energies and the pymatgen reference, loaded once per test run and shared by
/// every class that takes this fixture (a class fixture, so those classes still run in parallel).
/// </summary>
public sealed class ThermoDataFixture
{
    // The 132,752-row CSV is parsed once per test run and shared by every fixture (the engine is thread-safe).
    private static readonly Lazy<ThermoEngine> FullCsvEngine = new(() => ThermoEngine.Load(DefaultData.ThermoPath()));

    private static readonly Lazy<JsonObject> SharedReference = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedData.FindDirectory()!, "reference/thermo_public.json")))!.AsObject());

    private static readonly Lazy<Interphase.Screening.CoatingScreener> FullCsvScreener = new(() => new Interphase.Screening.CoatingScreener(SharedEngine));

    /// <summary>The engine on the full shared CSV, loaded once for all fixtures.</summary>
    public static ThermoEngine SharedEngine => FullCsvEngine.Value;

    /// <summary>One screener on <see cref="SharedEngine"/> for every test that screens.</summary>
    public static Interphase.Screening.CoatingScreener SharedScreener => FullCsvScreener.Value;

    public ThermoDataFixture()
    {
        var shared = SharedData.FindDirectory()
                     ?? throw new InvalidOperationException("shared data directory not found (set INTERPHASE_SHARED)");
        SharedDirectory = shared;
        CsvPath = Path.Combine(shared, "data/thermo/mp_e_form.csv");
        Engine = SharedEngine;
        Reference = SharedReference.Value;
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
