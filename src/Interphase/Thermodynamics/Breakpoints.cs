namespace Interphase.Thermodynamics;

/// <summary>
/// Finds every breakpoint of a convex piecewise-linear function on an interval from values and subgradients only
/// (the tangent-intersection or "sandwich" recursion): if a tangent at one end passes through the value at the other
/// end the function is linear between them; otherwise evaluate where the two tangents cross; if the function meets
/// the tangents there it is a breakpoint, else recurse on both halves. Needs about two evaluations per breakpoint.
/// </summary>
internal static class Breakpoints
{
    /// <summary>Breakpoints strictly inside (lo, hi), ascending.</summary>
    /// <param name="eval">Value and a subgradient at a point.</param>
    /// <param name="lo">Left end.</param>
    /// <param name="hi">Right end.</param>
    /// <param name="atLo">Value and subgradient at <paramref name="lo"/> when already known.</param>
    /// <param name="atHi">Value and subgradient at <paramref name="hi"/> when already known.</param>
    /// <param name="tolerance">Relative tolerance on values deciding linearity.</param>
    public static List<double> Convex(Func<double, (double Value, double Slope)> eval, double lo, double hi,
        (double Value, double Slope)? atLo = null, (double Value, double Slope)? atHi = null, double tolerance = 1e-9)
    {
        var found = new List<double>();
        var stack = new Stack<(double L, double VL, double GL, double R, double VR, double GR)>();
        var l = atLo ?? eval(lo);
        var r = atHi ?? eval(hi);
        stack.Push((lo, l.Value, l.Slope, hi, r.Value, r.Slope));
        int budget = 100_000;
        while (stack.Count > 0 && budget-- > 0)
        {
            var (x0, v0, g0, x1, v1, g1) = stack.Pop();
            double width = x1 - x0;
            if (width <= 1e-11 * (1 + Math.Abs(x0))) continue;
            double tol = tolerance * (1 + Math.Max(Math.Abs(v0), Math.Abs(v1)));
            if (Math.Abs(v1 - (v0 + g0 * width)) <= tol || Math.Abs(v0 - (v1 - g1 * width)) <= tol) continue;
            double dg = g1 - g0;
            if (dg <= 0) continue; // cannot happen for a convex function beyond rounding
            double xs = (v0 - v1 + g1 * x1 - g0 * x0) / dg;
            if (!(xs > x0) || !(xs < x1)) xs = Math.Clamp(xs, x0, x1);
            double ts = v0 + g0 * (xs - x0);
            if (xs - x0 <= 1e-11 || x1 - xs <= 1e-11)
            {
                found.Add(xs);
                continue;
            }
            var s = eval(xs);
            if (s.Value - ts <= tol)
            {
                found.Add(xs);
                continue;
            }
            stack.Push((xs, s.Value, s.Slope, x1, v1, g1));
            stack.Push((x0, v0, g0, xs, s.Value, s.Slope));
        }
        found.Sort();
        var unique = new List<double>(found.Count);
        foreach (var x in found)
            if (unique.Count == 0 || x - unique[^1] > 1e-9) unique.Add(x);
        return unique;
    }
}
