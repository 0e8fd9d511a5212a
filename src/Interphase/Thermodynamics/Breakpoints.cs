namespace Interphase.Thermodynamics;

/// <summary>
/// Finds every breakpoint of a convex piecewise-linear function on an interval from values and subgradients only
/// (the tangent-intersection or "sandwich" recursion): if a tangent at one end passes through the value at the other
/// end the function is linear between them; otherwise evaluate where the two tangents cross; if the function meets
/// the tangents there it is a breakpoint, else recurse on both halves. The recursion ends with the interval cut into
/// pieces on which the function is linear with a known slope (an exact dual, not a difference quotient); the
/// breakpoints are the cuts where that slope changes, which also catches kinks that happened to be evaluated as
/// ordinary points. Needs about two evaluations per breakpoint.
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
    /// <param name="slopeTolerance">Smallest slope change counted as a breakpoint.</param>
    public static List<double> Convex(Func<double, (double Value, double Slope)> eval, double lo, double hi,
        (double Value, double Slope)? atLo = null, (double Value, double Slope)? atHi = null, double tolerance = 1e-9,
        double slopeTolerance = 1e-7)
    {
        var pieces = new List<(double From, double To, double Slope)>();
        var stack = new Stack<(double L, double VL, double GL, double R, double VR, double GR)>();
        var l = atLo ?? eval(lo);
        var r = atHi ?? eval(hi);
        stack.Push((lo, l.Value, l.Slope, hi, r.Value, r.Slope));
        int budget = 100_000;
        while (stack.Count > 0)
        {
            var (x0, v0, g0, x1, v1, g1) = stack.Pop();
            double width = x1 - x0;
            double tol = tolerance * (1 + Math.Max(Math.Abs(v0), Math.Abs(v1)));
            if (width <= 1e-11 * (1 + Math.Abs(x0)) || budget-- <= 0) { pieces.Add((x0, x1, (v1 - v0) / Math.Max(width, 1e-300))); continue; }
            if (Math.Abs(v1 - (v0 + g0 * width)) <= tol) { pieces.Add((x0, x1, g0)); continue; }
            if (Math.Abs(v0 - (v1 - g1 * width)) <= tol) { pieces.Add((x0, x1, g1)); continue; }
            double dg = g1 - g0;
            if (dg <= 0) { pieces.Add((x0, x1, (v1 - v0) / width)); continue; } // rounding only: a convex f has g1 > g0
            double xs = Math.Clamp((v0 - v1 + g1 * x1 - g0 * x0) / dg, x0, x1);
            double ts = v0 + g0 * (xs - x0);
            if (xs - x0 <= 1e-11 || x1 - xs <= 1e-11)
            {
                pieces.Add((x0, xs, g0));
                pieces.Add((xs, x1, g1));
                continue;
            }
            var s = eval(xs);
            if (s.Value - ts <= tol)
            {
                pieces.Add((x0, xs, g0));
                pieces.Add((xs, x1, g1));
                continue;
            }
            stack.Push((xs, s.Value, s.Slope, x1, v1, g1));
            stack.Push((x0, v0, g0, xs, s.Value, s.Slope));
        }
        pieces.Sort((a, b) => a.From.CompareTo(b.From));
        var kinks = new List<double>();
        for (int i = 1; i < pieces.Count; i++)
        {
            if (pieces[i].To - pieces[i].From <= 0) continue;
            // Compare with the last piece of non-zero width before this one.
            int j = i - 1;
            while (j > 0 && pieces[j].To - pieces[j].From <= 0) j--;
            if (pieces[i].Slope - pieces[j].Slope > slopeTolerance * (1 + Math.Abs(pieces[j].Slope)))
            {
                double x = pieces[i].From;
                if (x > lo && x < hi && (kinks.Count == 0 || x - kinks[^1] > 1e-9)) kinks.Add(x);
            }
        }
        return kinks;
    }
}
