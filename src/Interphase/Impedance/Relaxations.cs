namespace Interphase.Impedance;

/// <summary>
/// A part of a circuit with one time constant: an R‖C or R‖CPE group, a Zarc, a TLMQ transmission line, a finite
/// Warburg, a Gerischer or an RC element. The fitter keeps these time constants inside the measured window.
/// </summary>
/// <param name="Label">How the user wrote it: <c>p(R1,CPE1)</c>, <c>Zarc1</c>, <c>Wo1</c>.</param>
/// <param name="ResistanceIndex">Index of its resistance parameter (R1, Zarc1_0, Wo1_0, TLMQ1_0).</param>
/// <param name="TauIndex">The τ parameter when <paramref name="Direct"/>; else the Q (or C) from which τ = (R·Q)^(1/α).</param>
/// <param name="AlphaIndex">Index of the exponent α of τ = (R·Q)^(1/α); −1 for a capacitor (α = 1) or a direct τ.</param>
/// <param name="Direct">τ is a parameter itself.</param>
internal sealed record Relaxation(string Label, int ResistanceIndex, int TauIndex, int AlphaIndex, bool Direct)
{
    /// <summary>The time constant (s) at parameters <paramref name="p"/>.</summary>
    public double Tau(ReadOnlySpan<double> p) =>
        Direct ? p[TauIndex] : Math.Pow(p[ResistanceIndex] * p[TauIndex], 1 / (AlphaIndex >= 0 ? p[AlphaIndex] : 1));

    /// <summary>Every relaxation of <paramref name="circuit"/>, in the order written.</summary>
    public static IReadOnlyList<Relaxation> Of(Circuit circuit)
    {
        var list = new List<Relaxation>();
        void Walk(CircuitNode node)
        {
            switch (node)
            {
                case ParallelNode { Children.Count: 2 } q
                    when q.Children.OfType<ElementNode>().Count(e => e.Type is Resistor) == 1
                      && q.Children.OfType<ElementNode>().Count(e => e.Type is Capacitor or Cpe) == 1:
                {
                    var r = q.Children.OfType<ElementNode>().First(e => e.Type is Resistor);
                    var c = q.Children.OfType<ElementNode>().First(e => e.Type is Capacitor or Cpe);
                    list.Add(new Relaxation(q.ToString(), r.ParameterStart, c.ParameterStart, c.Type is Cpe ? c.ParameterStart + 1 : -1, false));
                    break;
                }
                case ParallelNode pn: foreach (var ch in pn.Children) Walk(ch); break;
                case SeriesNode sn: foreach (var ch in sn.Children) Walk(ch); break;
                case ElementNode { Type: TransmissionLineQ } e:
                    list.Add(new Relaxation(e.Name, e.ParameterStart, e.ParameterStart + 1, e.ParameterStart + 2, false));
                    break;
                case ElementNode { Type: Zarc or WarburgOpen or WarburgShort or Gerischer or GerischerFinite or RcElement } e:
                    list.Add(new Relaxation(e.Name, e.ParameterStart, e.ParameterStart + 1, -1, true));
                    break;
            }
        }
        Walk(circuit.Root);
        return list;
    }
}
