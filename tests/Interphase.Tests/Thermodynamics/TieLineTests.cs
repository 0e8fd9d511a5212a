using FsCheck;
using FsCheck.Fluent;
using Interphase.Chemistry;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Thermodynamics;

/// <summary>Tie-lines of a chemical system (the lines of a phase diagram) against pymatgen, and their invariants.</summary>
public sealed class TieLineTests(ThermoDataFixture data) : IClassFixture<ThermoDataFixture>
{
    // pymatgen 2022.11.7 (Debian python3-pymatgen) on ../shared/data/thermo/mp_e_form.csv with the elements at 0 eV/atom
    // (entries as in ../shared/tools/pmg_reference.py): the edges of PhaseDiagram(entries).facets, reduced formulas.
    private static readonly Dictionary<string, string[]> Pymatgen = new()
    {
        ["Li-P-S"] =
        [
            "Li|Li2S", "Li|Li3P", "Li2S|Li3P", "Li2S|Li3P7", "Li2S|Li3PS4", "Li2S|LiP", "Li2S|LiP7", "Li2S|LiS4", "Li2S|P",
            "Li3P|LiP", "Li3P7|LiP", "Li3P7|LiP7", "Li3PS4|LiS4", "Li3PS4|P", "Li3PS4|P2S5", "Li3PS4|P2S7", "Li3PS4|P4S3",
            "Li3PS4|P4S7", "Li3PS4|P4S9", "LiP7|P", "LiS4|P2S7", "LiS4|S", "P|P4S3", "P2S5|P2S7", "P2S5|P4S9", "P2S7|S",
            "P4S3|P4S7", "P4S7|P4S9",
        ],
        ["Li-Nb-O"] =
        [
            "Li|Li2O", "Li|Nb", "Li2O|Li2O2", "Li2O|Li8Nb2O9", "Li2O|LiNbO2", "Li2O|Nb", "Li2O2|Li3NbO4", "Li2O2|Li8Nb2O9",
            "Li2O2|O2", "Li3NbO4|Li8Nb2O9", "Li3NbO4|LiNbO2", "Li3NbO4|LiNbO3", "Li3NbO4|O2", "Li8Nb2O9|LiNbO2", "LiNbO2|LiNbO3",
            "LiNbO2|Nb", "LiNbO2|Nb2O5", "LiNbO2|NbO", "LiNbO2|NbO2", "LiNbO3|Nb2O5", "LiNbO3|O2", "Nb|NbO", "Nb2O5|NbO2",
            "Nb2O5|O2", "NbO|NbO2",
        ],
    };

    private static string Key(string a, string b)
    {
        string ra = Composition.Parse(a).ReducedFormula, rb = Composition.Parse(b).ReducedFormula;
        return string.CompareOrdinal(ra, rb) < 0 ? $"{ra}|{rb}" : $"{rb}|{ra}";
    }

    [Theory]
    [InlineData("Li-P-S", 15)]
    [InlineData("Li-Nb-O", 12)]
    public void Tie_lines_are_pymatgens_facet_edges(string system, int stableCount)
    {
        var sys = ChemicalSystem.Parse(system);
        Assert.Equal(stableCount, data.Engine.StableEntries(sys).Count);
        var ours = data.Engine.TieLines(sys).Select(t => Key(t.A.ReducedFormula, t.B.ReducedFormula)).Order(StringComparer.Ordinal).ToList();
        var expected = Pymatgen[system].Select(p => p.Split('|')).Select(p => Key(p[0], p[1])).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, ours);
    }

    [Fact]
    public void Every_hull_decomposition_uses_phases_joined_by_tie_lines_and_ternary_lines_never_cross()
    {
        var sys = ChemicalSystem.Parse("Li-La-O"); // a ternary with several stable oxides
        var lines = data.Engine.TieLines(sys);
        var keys = lines.Select(t => Key(t.A.ReducedFormula, t.B.ReducedFormula)).ToHashSet();
        var elements = sys.Elements.ToList();

        // Any composition of the ternary decomposes into phases that pairwise share a tie-line (one facet).
        var gen = Gen.Choose(0, 1000).Three().Where(t => t.Item1 + t.Item2 + t.Item3 > 0);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var c = Composition.Of(elements[0], t.Item1 + 1e-3) + Composition.Of(elements[1], t.Item2 + 1e-3) + Composition.Of(elements[2], t.Item3 + 1e-3);
            var phases = data.Engine.Hull(c, sys).Decomposition.Select(p => p.Formula).Distinct().ToList();
            for (int i = 0; i < phases.Count; i++)
                for (int j = i + 1; j < phases.Count; j++)
                    if (!keys.Contains(Key(phases[i], phases[j]))) return false;
            return true;
        }).QuickCheckQuietly();

        // A triangulation: no two tie-lines cross in their interiors (2D barycentric coordinates).
        (double X, double Y) P(PhaseEntry e) => (e.Composition.AtomFraction(elements[1]) + 0.5 * e.Composition.AtomFraction(elements[2]),
            0.8660254 * e.Composition.AtomFraction(elements[2]));
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) => (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        foreach (var l1 in lines)
            foreach (var l2 in lines)
            {
                var (a, b, c, d) = (P(l1.A), P(l1.B), P(l2.A), P(l2.B));
                double d1 = Cross(a, b, c), d2 = Cross(a, b, d), d3 = Cross(c, d, a), d4 = Cross(c, d, b);
                bool proper = d1 * d2 < -1e-12 && d3 * d4 < -1e-12;
                Assert.False(proper, $"{l1.A.ReducedFormula}–{l1.B.ReducedFormula} crosses {l2.A.ReducedFormula}–{l2.B.ReducedFormula}");
            }
        Assert.All(data.Engine.StableEntries(sys), e => Assert.Contains(lines, l => l.A == e || l.B == e));
    }
}
