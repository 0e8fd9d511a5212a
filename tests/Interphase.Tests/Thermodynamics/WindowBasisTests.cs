using System.Text.Json;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Tests.CliCommands;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>Every window says what it stands on: the compound's own entry, an entry above the hull, or no entry.</summary>
public sealed class WindowBasisTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    private WindowBasis Basis(string formula)
    {
        var c = Composition.Parse(formula);
        return WindowBasis.Of(data.Engine, c, data.Engine.Window(c));
    }

    [Fact]
    public void Li3YCl6HasNoEntryAndItsWindowIsThatOfLiClAndYCl3()
    {
        var b = Basis("Li3YCl6");
        Assert.Equal(WindowDataStatus.NoEntry, b.Status);
        Assert.Equal("no_entry", b.StatusName);
        Assert.Null(b.EnergyAboveHullEvPerAtom);
        Assert.Equal(["LiCl", "YCl3"], b.PhaseFormulas.Order(StringComparer.Ordinal));
        Assert.Contains("LiCl + YCl3", b.Explanation.Replace("YCl3 + LiCl", "LiCl + YCl3"));
    }

    [Fact]
    public void Li3OClIsAboveTheHullWithItsDecomposition()
    {
        var b = Basis("Li3OCl");
        Assert.Equal(WindowDataStatus.AboveHull, b.Status);
        // pymatgen on the shared data: Li3ClO 30 meV/atom above the hull, decomposing to LiCl + Li2O.
        Assert.Equal(0.030, b.EnergyAboveHullEvPerAtom!.Value, 0.002);
        Assert.Equal(["Li2O", "LiCl"], b.PhaseFormulas.Order(StringComparer.Ordinal));
        Assert.Contains("above the hull", b.Explanation);
    }

    [Fact]
    public void Li3PS4IsOnTheHull()
    {
        var b = Basis("Li3PS4");
        Assert.Equal(WindowDataStatus.OnHull, b.Status);
        Assert.Equal(0.0, b.EnergyAboveHullEvPerAtom);
        Assert.Equal(["Li3PS4"], b.PhaseFormulas);
    }

    [Fact]
    public void LiponSaysWhyItHasNoZeroUptakeRange()
    {
        var c = Composition.Parse("Li2.9PO3.3N0.46");
        var w = data.Engine.Window(c);
        Assert.Null(w.StableSegment);
        var b = WindowBasis.Of(data.Engine, c, w);
        Assert.Equal(WindowDataStatus.NoEntry, b.Status);
        // Li3PO4 + Li2PNO2 + Li2O + LiN3: four phases for four elements fix μ_Li, so the compound is in equilibrium
        // with Li at one potential only, where the uptake turns from +0.08 to −0.21 Li per formula unit.
        Assert.Contains("as many phases (4) as elements (4)", b.Explanation);
        Assert.Contains("only at 1.07 V", b.Explanation);
        Assert.Contains("+0.08 Li/f.u.", b.Explanation);
        Assert.Contains("-0.213 Li/f.u.", b.Explanation);
        int k = w.Profile.ToList().FindIndex(s => s.UptakePerFormulaUnit < 0);
        Assert.Equal(1.071, w.Profile[k].StartVolts, 0.001);
        Assert.True(w.Profile[k - 1].UptakePerFormulaUnit > 0);
    }
}

public sealed class WindowDataStatusCliTests
{
    [Theory]
    [InlineData("Li3YCl6", "no_entry")]
    [InlineData("Li3OCl", "above_hull")]
    [InlineData("Li3PS4", "on_hull")]
    public void WindowJsonCarriesTheDataStatus(string formula, string status)
    {
        var (code, output, err) = CliRunner.Run("window", formula, "--json", "--data", DefaultData.ThermoPath());
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(status, doc.RootElement.GetProperty("data_status").GetString());
        Assert.True(doc.RootElement.GetProperty("decomposition").GetArrayLength() >= 1);
        if (status == "above_hull") Assert.True(doc.RootElement.GetProperty("e_above_hull_ev_per_atom").GetDouble() > 0.02);
        var (_, table, _) = CliRunner.Run("window", formula, "--data", DefaultData.ThermoPath());
        Assert.Contains(status.Replace('_', ' '), table);
    }
}
