namespace Interphase.Impedance;

/// <summary>
/// Puts interchangeable arcs in the order they are written, fastest first. In <c>p(R1,CPE1)-p(R2,CPE2)</c> the two
/// groups can swap without changing Z, so a fit may land on either labelling; users write arcs from high to low
/// frequency (bulk, grain boundary, interface), and this restores that reading.
/// </summary>
public static class ArcOrdering
{
    /// <summary>Reorders parameter blocks of identical top-level groups in <paramref name="p"/> by ascending time constant.</summary>
    public static void SortByTimeConstant(Circuit circuit, double[] p, bool[] isConstant)
    {
        if (circuit.Root is not SeriesNode root) return;
        var groups = root.Children
            .Where(c => c is ParallelNode)
            .Where(c => !Enumerable.Range(c.ParameterStart, c.ParameterCount).Any(k => isConstant[k]))
            .GroupBy(Shape);
        foreach (var same in groups)
        {
            var nodes = same.ToList();
            if (nodes.Count < 2) continue;
            var taus = nodes.Select(n => TimeConstant(n, p)).ToList();
            if (taus.Any(t => !double.IsFinite(t))) continue;
            var blocks = nodes.Select(n => p[n.ParameterStart..(n.ParameterStart + n.ParameterCount)]).ToList();
            var order = Enumerable.Range(0, nodes.Count).OrderBy(i => taus[i]).ToList();
            for (int i = 0; i < nodes.Count; i++)
                Array.Copy(blocks[order[i]], 0, p, nodes[i].ParameterStart, nodes[i].ParameterCount);
        }
    }

    /// <summary>The structure of a subtree with element indices removed, e.g. <c>p(R,CPE)</c>.</summary>
    static string Shape(CircuitNode node) => node switch
    {
        ElementNode e => e.Type.Name,
        SeriesNode s => string.Join("-", s.Children.Select(Shape)),
        ParallelNode q => $"p({string.Join(",", q.Children.Select(Shape))})",
        _ => "?",
    };

    /// <summary>τ of an R‖C or R‖CPE group: RC or (RQ)^(1/α); NaN for other shapes.</summary>
    public static double TimeConstant(CircuitNode node, double[] p)
    {
        if (node is not ParallelNode { Children.Count: 2 } q) return double.NaN;
        var r = q.Children.OfType<ElementNode>().FirstOrDefault(e => e.Type is Resistor);
        var c = q.Children.OfType<ElementNode>().FirstOrDefault(e => e.Type is Capacitor or Cpe);
        if (r is null || c is null) return double.NaN;
        double rv = p[r.ParameterStart];
        return c.Type is Capacitor ? rv * p[c.ParameterStart] : Math.Pow(rv * p[c.ParameterStart], 1 / p[c.ParameterStart + 1]);
    }
}
