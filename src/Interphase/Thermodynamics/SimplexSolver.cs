namespace Interphase.Thermodynamics;

/// <summary>
/// A dense linear program min cᵀλ subject to Aλ = b, λ ≥ 0 whose matrix holds a unit column for every row (the
/// elemental references), so the unit columns are always a feasible starting basis and no phase 1 is needed.
/// Column-major storage: column j occupies A[j·Rows .. j·Rows + Rows).
/// </summary>
internal sealed class LpProblem
{
    public LpProblem(int rows, int columns, double[] matrix, int[] unitColumns)
    {
        Rows = rows;
        Columns = columns;
        A = matrix;
        UnitColumns = unitColumns;
    }

    /// <summary>Number of equality rows (elements).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (phases).</summary>
    public int Columns { get; }

    /// <summary>Column-major constraint matrix (atom fractions).</summary>
    public double[] A { get; }

    /// <summary>For each row, the column that is the unit vector of that row.</summary>
    public int[] UnitColumns { get; }
}

/// <summary>
/// Revised primal simplex for <see cref="LpProblem"/>: explicit m×m basis inverse (m is the number of elements,
/// small), Dantzig pricing with a switch to Bland's rule after a run of degenerate pivots (anti-cycling), periodic
/// refactorisation, and a final refactorise-and-reprice so the reported optimum is accurate to rounding.
/// Written here because MathNet.Numerics has no LP solver. One instance per thread: it owns its workspace, and
/// allocates nothing while solving.
/// </summary>
internal sealed class SimplexSolver
{
    private const double ReducedCostTolerance = 1e-10;
    private const double PivotTolerance = 1e-11;
    private const double DegenerateStep = 1e-13;
    private const int RefactorInterval = 50;

    private readonly LpProblem _p;
    private readonly int _m;
    private readonly int[] _basis;
    private readonly double[] _binv;
    private readonly double[] _xb;
    private readonly double[] _y;
    private readonly double[] _u;
    private readonly double[] _lu;
    private readonly double[] _rhs;
    private double[] _cost = [];
    private bool _hasBasis;

    public SimplexSolver(LpProblem problem)
    {
        _p = problem;
        _m = problem.Rows;
        _basis = new int[_m];
        _binv = new double[_m * _m];
        _xb = new double[_m];
        _y = new double[_m];
        _u = new double[_m];
        _lu = new double[_m * _m * 2];
        _rhs = new double[_m];
    }

    /// <summary>The optimal objective of the last solve.</summary>
    public double Objective { get; private set; }

    /// <summary>Dual values (one per row) of the last solve: the chemical potentials of a supporting hyperplane.</summary>
    public ReadOnlySpan<double> Duals => _y;

    /// <summary>Basic columns of the last solve.</summary>
    public ReadOnlySpan<int> Basis => _basis;

    /// <summary>Values of the basic columns of the last solve.</summary>
    public ReadOnlySpan<double> BasicValues => _xb;

    /// <summary>Total simplex pivots performed by this instance (for diagnostics).</summary>
    public long Pivots { get; private set; }

    /// <summary>
    /// Solves with the given costs and right-hand side. With <paramref name="warmStart"/> the previous optimal basis
    /// is tried first (valid whenever it is still primal feasible, e.g. when only the costs changed).
    /// </summary>
    public double Solve(double[] cost, ReadOnlySpan<double> rhs, bool warmStart = true)
    {
        _cost = cost;
        rhs.CopyTo(_rhs);
        bool started = false;
        if (warmStart && _hasBasis && Factorize())
        {
            // Same costs, new right-hand side: the old basis stays dual feasible, so a few dual pivots restore it.
            started = ComputePrimal() || DualIterate();
        }
        if (!started) ColdStart();
        _hasBasis = true;
        for (int round = 0; ; round++)
        {
            Iterate();
            // Refactorise from scratch so accumulated update error does not leak into the answer, then confirm.
            if (!Factorize() || !ComputePrimal())
            {
                if (round > 3) throw new InvalidOperationException("simplex: basis became singular or infeasible");
                ColdStart();
                continue;
            }
            ComputeDuals();
            if (Price(false) < 0 || round > 5) break;
        }
        double obj = 0;
        for (int i = 0; i < _m; i++)
        {
            if (_xb[i] < 0) _xb[i] = 0;
            obj += cost[_basis[i]] * _xb[i];
        }
        Objective = obj;
        return obj;
    }

    private void ColdStart()
    {
        Array.Clear(_binv);
        for (int i = 0; i < _m; i++)
        {
            _basis[i] = _p.UnitColumns[i];
            _binv[i * _m + i] = 1;
            _xb[i] = Math.Max(0, _rhs[i]);
        }
    }

    private void Iterate()
    {
        int m = _m;
        int degenerateRun = 0, sinceRefactor = 0;
        bool bland = false;
        int maxIterations = 50 * (_p.Columns + m) + 1000;
        for (int iter = 0; iter < maxIterations; iter++)
        {
            if (sinceRefactor >= RefactorInterval)
            {
                if (Factorize()) ComputePrimal();
                sinceRefactor = 0;
            }
            ComputeDuals();
            int q = Price(bland);
            if (q < 0) return;

            // u = B⁻¹ a_q
            int off = q * m;
            for (int i = 0; i < m; i++)
            {
                double s = 0;
                int row = i * m;
                for (int k = 0; k < m; k++) s += _binv[row + k] * _p.A[off + k];
                _u[i] = s;
            }
            int r = -1;
            double best = double.PositiveInfinity;
            for (int i = 0; i < m; i++)
            {
                if (_u[i] <= PivotTolerance) continue;
                double ratio = Math.Max(_xb[i], 0) / _u[i];
                if (r < 0 || ratio < best - 1e-14)
                {
                    r = i;
                    best = ratio;
                }
                else if (ratio <= best + 1e-14 && (bland ? _basis[i] < _basis[r] : _u[i] > _u[r]))
                {
                    r = i;
                    best = Math.Min(best, ratio);
                }
            }
            if (r < 0) throw new InvalidOperationException("simplex: unbounded direction (columns must be atom fractions)");
            Pivot(r, q, best);
            Pivots++;
            sinceRefactor++;
            if (best <= DegenerateStep)
            {
                if (++degenerateRun > 2 * m + 5) bland = true;
            }
            else
            {
                degenerateRun = 0;
                bland = false;
            }
        }
        throw new InvalidOperationException("simplex: iteration limit reached");
    }

    // Dual simplex from a dual-feasible basis; false when it does not finish (then the caller starts cold).
    private bool DualIterate()
    {
        int m = _m, n = _p.Columns;
        var a = _p.A;
        for (int iter = 0; iter < 4 * m + 20; iter++)
        {
            int r = -1;
            double worst = -1e-10;
            for (int i = 0; i < m; i++)
                if (_xb[i] < worst) { worst = _xb[i]; r = i; }
            if (r < 0) return true;
            ComputeDuals();
            int rowR = r * m;
            int q = -1;
            double best = double.PositiveInfinity, bestAlpha = 0;
            for (int j = 0, off = 0; j < n; j++, off += m)
            {
                double alpha = 0;
                for (int k = 0; k < m; k++) alpha += _binv[rowR + k] * a[off + k];
                if (alpha >= -PivotTolerance) continue;
                double d = _cost[j];
                for (int k = 0; k < m; k++) d -= _y[k] * a[off + k];
                if (d < -1e-9) return false; // not dual feasible after all
                double ratio = Math.Max(d, 0) / -alpha;
                if (ratio < best - 1e-14 || (ratio <= best + 1e-14 && -alpha > -bestAlpha))
                {
                    best = ratio;
                    bestAlpha = alpha;
                    q = j;
                }
            }
            if (q < 0) return false;
            int offq = q * m;
            for (int i = 0; i < m; i++)
            {
                double sum = 0;
                int row = i * m;
                for (int k = 0; k < m; k++) sum += _binv[row + k] * a[offq + k];
                _u[i] = sum;
            }
            Pivot(r, q, _xb[r] / _u[r]);
            Pivots++;
        }
        return false;
    }

    private void Pivot(int r, int q, double theta)
    {
        int m = _m;
        for (int i = 0; i < m; i++) _xb[i] -= theta * _u[i];
        _xb[r] = theta;
        double inv = 1.0 / _u[r];
        int rowR = r * m;
        for (int k = 0; k < m; k++) _binv[rowR + k] *= inv;
        for (int i = 0; i < m; i++)
        {
            if (i == r) continue;
            double f = _u[i];
            if (f == 0) continue;
            int row = i * m;
            for (int k = 0; k < m; k++) _binv[row + k] -= f * _binv[rowR + k];
        }
        _basis[r] = q;
    }

    private void ComputeDuals()
    {
        int m = _m;
        for (int k = 0; k < m; k++) _y[k] = 0;
        for (int i = 0; i < m; i++)
        {
            double c = _cost[_basis[i]];
            if (c == 0) continue;
            int row = i * m;
            for (int k = 0; k < m; k++) _y[k] += c * _binv[row + k];
        }
    }

    // Entering column: most negative reduced cost (Dantzig) or the first negative one (Bland); -1 when optimal.
    private int Price(bool bland)
    {
        int m = _m, n = _p.Columns;
        var a = _p.A;
        var y = _y;
        int best = -1;
        double bestD = -ReducedCostTolerance;
        for (int j = 0, off = 0; j < n; j++, off += m)
        {
            double d = _cost[j];
            for (int k = 0; k < m; k++) d -= y[k] * a[off + k];
            if (d < bestD)
            {
                best = j;
                if (bland) return j;
                bestD = d;
            }
        }
        return best;
    }

    // B⁻¹ from the basis columns by Gauss–Jordan elimination with partial pivoting; false when singular.
    private bool Factorize()
    {
        int m = _m, w = 2 * m;
        var t = _lu;
        for (int i = 0; i < m; i++)
        {
            for (int k = 0; k < m; k++) t[i * w + k] = _p.A[_basis[k] * m + i];
            for (int k = 0; k < m; k++) t[i * w + m + k] = i == k ? 1 : 0;
        }
        for (int c = 0; c < m; c++)
        {
            int piv = c;
            double max = Math.Abs(t[c * w + c]);
            for (int i = c + 1; i < m; i++)
            {
                double v = Math.Abs(t[i * w + c]);
                if (v > max) { max = v; piv = i; }
            }
            if (max < 1e-12) return false;
            if (piv != c)
                for (int k = 0; k < w; k++) (t[c * w + k], t[piv * w + k]) = (t[piv * w + k], t[c * w + k]);
            double inv = 1.0 / t[c * w + c];
            for (int k = 0; k < w; k++) t[c * w + k] *= inv;
            for (int i = 0; i < m; i++)
            {
                if (i == c) continue;
                double f = t[i * w + c];
                if (f == 0) continue;
                for (int k = 0; k < w; k++) t[i * w + k] -= f * t[c * w + k];
            }
        }
        for (int i = 0; i < m; i++)
            for (int k = 0; k < m; k++) _binv[i * m + k] = t[i * w + m + k];
        return true;
    }

    // x_B = B⁻¹ b; false when clearly infeasible (a warm basis that no longer fits the right-hand side).
    private bool ComputePrimal()
    {
        int m = _m;
        bool ok = true;
        for (int i = 0; i < m; i++)
        {
            double s = 0;
            int row = i * m;
            for (int k = 0; k < m; k++) s += _binv[row + k] * _rhs[k];
            if (s < -1e-9) ok = false;
            _xb[i] = s;
        }
        return ok;
    }
}
