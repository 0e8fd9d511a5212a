namespace Interphase.Impedance;

/// <summary>
/// Non-negative quadratic minimisation: min ½xᵀQx − cᵀx subject to x ≥ 0 (for the columns flagged non-negative),
/// by the Lawson–Hanson active-set method working on the normal equations.
/// </summary>
internal static class Nnls
{
    /// <summary>Solves for symmetric positive-definite row-major <paramref name="q"/> (n×n).</summary>
    public static double[] Solve(double[] q, double[] c, int n, bool[]? nonNegative = null, int maxIterations = 0)
    {
        nonNegative ??= Enumerable.Repeat(true, n).ToArray();
        if (maxIterations <= 0) maxIterations = 5 * n + 20;
        var x = new double[n];
        var passive = new bool[n];
        for (int i = 0; i < n; i++) passive[i] = !nonNegative[i];
        var z = SolvePassive(q, c, n, passive);
        for (int i = 0; i < n; i++) x[i] = passive[i] ? z[i] : 0;
        for (int it = 0; it < maxIterations; it++)
        {
            // gradient of the negative objective: w = c − Qx
            int best = -1;
            double bestW = 1e-12 * (1 + c.Max(Math.Abs));
            for (int i = 0; i < n; i++)
            {
                if (passive[i]) continue;
                double wi = c[i];
                for (int k = 0; k < n; k++) wi -= q[i * n + k] * x[k];
                if (wi > bestW) { bestW = wi; best = i; }
            }
            if (best < 0) break;
            passive[best] = true;
            while (true)
            {
                z = SolvePassive(q, c, n, passive);
                double alpha = 1;
                int hit = -1;
                for (int i = 0; i < n; i++)
                    if (passive[i] && nonNegative[i] && z[i] <= 0)
                    {
                        double t = x[i] / (x[i] - z[i]);
                        if (t < alpha) { alpha = t; hit = i; }
                    }
                if (hit < 0)
                {
                    for (int i = 0; i < n; i++) x[i] = passive[i] ? z[i] : 0;
                    break;
                }
                for (int i = 0; i < n; i++)
                {
                    x[i] = passive[i] ? x[i] + alpha * (z[i] - x[i]) : 0;
                    if (passive[i] && nonNegative[i] && x[i] <= 1e-300) { passive[i] = false; x[i] = 0; }
                }
                passive[hit] = false;
                x[hit] = 0;
            }
        }
        return x;
    }

    static double[] SolvePassive(double[] q, double[] c, int n, bool[] passive)
    {
        var idx = Enumerable.Range(0, n).Where(i => passive[i]).ToArray();
        int p = idx.Length;
        var z = new double[n];
        if (p == 0) return z;
        var a = new double[p * p];
        var b = new double[p];
        for (int i = 0; i < p; i++)
        {
            b[i] = c[idx[i]];
            for (int k = 0; k < p; k++) a[i * p + k] = q[idx[i] * n + idx[k]];
        }
        if (!Cholesky.Solve(a, b, p))
        {
            // nearly singular subproblem: a tiny ridge keeps the factorisation going
            for (int i = 0; i < p; i++)
            {
                b[i] = c[idx[i]];
                for (int k = 0; k < p; k++) a[i * p + k] = q[idx[i] * n + idx[k]] + (i == k ? 1e-12 * Math.Abs(q[idx[i] * n + idx[i]]) + 1e-300 : 0);
            }
            Cholesky.Solve(a, b, p);
        }
        for (int i = 0; i < p; i++) z[idx[i]] = b[i];
        return z;
    }
}
