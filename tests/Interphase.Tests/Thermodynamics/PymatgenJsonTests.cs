using Interphase.Tests.Data;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>
/// The pymatgen ComputedEntry path on shared/data/entries/Li-Fe-P-O_entries.json (raw energies plus corrections,
/// formation energies from the lowest elemental entries). Expected values from pymatgen 2022.11.7's PhaseDiagram
/// on the same file (get_decomp_and_e_above_hull, get_element_profile).
/// </summary>
public sealed class PymatgenJsonTests
{
    private static readonly Lazy<ThermoEngine> Engine = new(() =>
        ThermoEngine.Load(SharedFiles.Path(Interphase.Tests.Data.TestFiles.LiFePOEntriesFile)));

    [SharedTheory(TestFiles.LiFePOEntriesFile)]
    [InlineData("LiFePO4", -2.55092)]
    [InlineData("FePO4", -2.42705)]
    [InlineData("Li3PO4", -2.76709)]
    [InlineData("Fe2O3", -1.88617)]
    [InlineData("LiFeO2", -2.07686)]
    public void OlivineAndFriendsLieOnTheHull(string formula, double formation)
    {
        var s = Engine.Value.Stability(Composition.Parse(formula));
        Assert.Equal(formation, s.FormationEnergyPerAtom!.Value, 1e-5);
        Assert.Equal(0.0, s.EnergyAboveHull!.Value, 1e-9);
    }

    [SharedFact(TestFiles.LiFePOEntriesFile)]
    public void MetastablePyrophosphateDecomposesAsInPymatgen()
    {
        var s = Engine.Value.Stability(Composition.Parse("Li2FeP2O7"));
        Assert.Equal(-2.62162, s.FormationEnergyPerAtom!.Value, 1e-5);
        Assert.Equal(0.00331, s.EnergyAboveHull!.Value, 1e-5);
        var d = s.Decomposition!.ToDictionary(p => p.Formula, p => p.Fraction);
        Assert.Equal(2, d.Count);
        Assert.Equal(0.63889, d["Li2Fe3(P2O7)2"], 1e-4);
        Assert.Equal(0.36111, d["Li4P2O7"], 1e-4);
    }

    [SharedFact(TestFiles.LiFePOEntriesFile)]
    public void StableSetHas43Phases()
    {
        var stable = Engine.Value.StableEntries(ChemicalSystem.Parse("Li-Fe-P-O"));
        Assert.Equal(43, stable.Count);
        Assert.Contains(stable, p => p.ReducedFormula == "Li2Fe12P7");
    }

    [SharedFact(TestFiles.LiFePOEntriesFile)]
    public void LiFePO4ProfileMatchesPymatgen()
    {
        var w = Engine.Value.Window(Composition.Parse("LiFePO4"));
        double[] volts = [0, 0.4109, 0.7522, 0.7666, 0.7949, 0.8318, 2.1401, 3.2789, 3.3246];
        double[] uptake = [10, 8, 5.0833, 4.5, 3.6667, 2, 0, -0.6667, -1];
        Assert.Equal(volts.Length, w.Profile.Count);
        for (int i = 0; i < volts.Length; i++)
        {
            Assert.Equal(volts[i], w.Profile[i].StartVolts, 0.005);
            Assert.Equal(uptake[i], w.Profile[i].UptakePerFormulaUnit, 1e-3);
        }
        Assert.Equal(["Fe", "Li2O", "Li3P"], w.Profile[0].ProductFormulas);
        Assert.Equal(["Fe7(PO4)6", "Li3Fe2(PO4)3"], w.Profile[7].ProductFormulas);
        Assert.Equal(2.1401, w.ReductionVolts!.Value, 0.005);
        Assert.Equal(3.2789, w.OxidationVolts!.Value, 0.005);
    }
}
