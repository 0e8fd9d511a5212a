using System.Text.Json.Nodes;
using Interphase.Data;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>
/// The built-in Materials Project formation energies and the pymatgen reference, loaded once per test run and shared by
/// every class that takes this fixture (a class fixture, so those classes still run in parallel).
/// </summary>
public sealed class ThermoDataFixture
{
    // The 132,752-row table is parsed once per test run and shared by every fixture (the engine is thread-safe).
    private static readonly Lazy<ThermoEngine> FullCsvEngine = new(() => ThermoEngine.Load(DefaultData.ThermoPath()));

    /// <summary>The pymatgen reference results relative to the shared folder: tests that read them are marked as needing it.</summary>
    public const string ReferenceFile = "reference/thermo_public.json";

    private static readonly Lazy<JsonObject> SharedReference = new(() =>
        JsonNode.Parse(File.ReadAllText(Interphase.Tests.SharedFiles.Path(ReferenceFile)))!.AsObject());

    private static readonly Lazy<Interphase.Screening.CoatingScreener> FullCsvScreener = new(() => new Interphase.Screening.CoatingScreener(SharedEngine));

    /// <summary>The engine on the full built-in table, loaded once for all fixtures.</summary>
    public static ThermoEngine SharedEngine => FullCsvEngine.Value;

    /// <summary>One screener on <see cref="SharedEngine"/> for every test that screens.</summary>
    public static Interphase.Screening.CoatingScreener SharedScreener => FullCsvScreener.Value;

    public ThermoDataFixture()
    {
        CsvPath = DefaultData.ThermoPath();
        Engine = SharedEngine;
    }

    /// <summary>The built-in Materials Project formation energies (the same rows as shared/data/thermo/mp_e_form.csv).</summary>
    public string CsvPath { get; }
    public ThermoEngine Engine { get; }

    /// <summary>The pymatgen reference (<see cref="ReferenceFile"/>); only for tests marked as needing it.</summary>
    public JsonObject Reference => SharedReference.Value;

    public JsonObject Case(string kind, int index) => Reference[kind]![index]!.AsObject();

    /// <summary>Products of a pymatgen reaction string, as reduced formulas.</summary>
    public static SortedSet<string> Products(string reaction) =>
        new(reaction.Split("->")[1].Split(" + ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => t.Split(' ')[^1]), StringComparer.Ordinal);
}
