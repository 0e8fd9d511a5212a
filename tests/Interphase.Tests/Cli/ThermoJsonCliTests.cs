using System.Text.Json;
using Interphase.Tests.Data;

namespace Interphase.Tests.CliCommands;

/// <summary>
/// The <c>--json</c> of <c>hull</c>, <c>window</c> and <c>react</c>: exactly the keys of the README's unit-suffix rule
/// (energies <c>_ev_per_atom</c>, potentials <c>_v</c>) and values a hand calculation gives on a five-entry data set.
/// </summary>
public sealed class ThermoJsonCliTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly string _data;

    public ThermoJsonCliTests() =>
        _data = _tmp.Write("li-s-o.csv", "formula,e_form_per_atom\nLi1,0\nS1,0\nO1,0\nLi2S1,-1.5608\nLi2O1,-2.0712\n");

    public void Dispose() => _tmp.Dispose();

    private JsonElement Json(params string[] args)
    {
        var (code, output, err) = CliRunner.Run([.. args, "--data", _data, "--json"]);
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.Clone();
    }

    private static string[] Keys(JsonElement o) => [.. o.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void HullGivesTheFormationEnergyAndTheHullInEvPerAtom()
    {
        var h = Json("hull", "Li2S");
        Assert.Equal(["formula", "n_entries", "e_form_ev_per_atom", "e_above_hull_ev_per_atom", "decomposition", "hull_energy_ev_per_atom"], Keys(h));
        Assert.Equal(-1.5608, h.GetProperty("e_form_ev_per_atom").GetDouble(), 10);
        Assert.Equal(0, h.GetProperty("e_above_hull_ev_per_atom").GetDouble(), 10);
        Assert.Equal(-1.5608, h.GetProperty("hull_energy_ev_per_atom").GetDouble(), 10);
        Assert.Equal(1, h.GetProperty("decomposition").GetProperty("Li2S").GetDouble());
    }

    [Fact]
    public void WindowOfLi2SEndsWhereItGivesUpItsLithium()
    {
        // Li2S → 2 Li + S: 3 atoms × 1.5608 eV for 2 Li, so the oxidation limit is 2.3412 V vs Li/Li+; no reduction.
        var w = Json("window", "Li2S");
        Assert.Equal(["formula", "open_element", "n_entries", "window_v", "data_status", "e_above_hull_ev_per_atom", "decomposition", "data_note", "profile"], Keys(w));
        var window = w.GetProperty("window_v").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(0, window[0], 10);
        Assert.Equal(2.3412, window[1], 10);
        Assert.Equal("on_hull", w.GetProperty("data_status").GetString());
        var segment = w.GetProperty("profile")[0];
        Assert.Equal(["start_v", "end_v", "uptake_per_fu", "products", "reaction"], Keys(segment));
        Assert.Equal(0, segment.GetProperty("start_v").GetDouble());
    }

    [Fact]
    public void ReactionKinksCarryTheirEnergiesAndTheOpenPotential()
    {
        // Li + S: the most exothermic mixture is Li2S itself, x = 2/3 Li atoms, −1.5608 eV/atom.
        var r = Json("react", "Li", "S");
        Assert.Equal(["a", "b", "n_entries", "n_elements", "min_x", "min_e_rxn_ev_per_atom", "min_reaction", "kinks"], Keys(r));
        Assert.Equal(2.0 / 3, r.GetProperty("min_x").GetDouble(), 10);
        Assert.Equal(-1.5608, r.GetProperty("min_e_rxn_ev_per_atom").GetDouble(), 10);
        Assert.All(r.GetProperty("kinks").EnumerateArray(), k => Assert.Equal(["x", "e_rxn_ev_per_atom", "reaction"], Keys(k)));

        // Open to Li at 2 V (μ_Li = −2 eV): O2 takes up Li to Li2O, grand potential per O atom
        // 3·(−2.0712) − 2·(−2) = −2.2136 eV; the potential and the part from the reactants meeting are in the document.
        var open = Json("react", "Li2S", "O2", "--volts", "2", "--open", "Li");
        Assert.Equal(2, open.GetProperty("potential_v").GetDouble());
        Assert.Equal(-2.2136, open.GetProperty("min_e_rxn_ev_per_atom").GetDouble(), 10);
        Assert.Equal("Li", open.GetProperty("open_element").GetString());
        Assert.All(open.GetProperty("kinks").EnumerateArray(), k => Assert.Equal(["x", "e_rxn_ev_per_atom", "e_mixing_ev_per_atom", "reaction"], Keys(k)));
    }
}
