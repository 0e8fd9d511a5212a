using MathNet.Numerics.LinearAlgebra;
using Interphase.Quantities;

namespace Interphase.Transport;

/// <summary>Result of an Arrhenius fit, with 1σ standard errors from the residual scatter.</summary>
/// <param name="Model">Best-fit model.</param>
/// <param name="ActivationEnergyStdErrEv">Standard error of Eₐ, eV (NaN with two points).</param>
/// <param name="LnPrefactorStdErr">Standard error of ln A (A is uncertain by a factor exp(±this)).</param>
/// <param name="CovLnPrefactorSlope">Covariance of ln A and the slope −Eₐ/k (K), for prediction errors.</param>
/// <param name="RSquared">Coefficient of determination of the linearised fit.</param>
/// <param name="RmsLogResidual">RMS residual of ln(σT) or ln σ.</param>
/// <param name="Points">Number of points.</param>
public sealed record ArrheniusFit(ArrheniusModel Model, double ActivationEnergyStdErrEv, double LnPrefactorStdErr,
    double CovLnPrefactorSlope, double RSquared, double RmsLogResidual, int Points)
{
    /// <summary>Standard error of Eₐ, kJ/mol.</summary>
    public double ActivationEnergyStdErrKjPerMol => ActivationEnergyStdErrEv * PhysicalConstants.KjPerMolPerEv;

    /// <summary>Conductivity (S/cm) at <paramref name="temperatureK"/> and its 1σ relative uncertainty (fractional, from ln σ).</summary>
    public (double ConductivitySPerCm, double RelativeStdErr) Predict(double temperatureK)
    {
        double x = 1.0 / temperatureK;
        double slopeVar = Math.Pow(ActivationEnergyStdErrEv / PhysicalConstants.BoltzmannEvPerK, 2);
        double varLn = LnPrefactorStdErr * LnPrefactorStdErr + x * x * slopeVar + 2 * x * CovLnPrefactorSlope;
        return (Model.ConductivitySPerCm(temperatureK), Math.Sqrt(Math.Max(varLn, 0)));
    }
}

/// <summary>Result of a VTF fit, with 1σ standard errors from the linearised covariance at the optimum.</summary>
/// <param name="Model">Best-fit model.</param>
/// <param name="LnSigma0StdErr">Standard error of ln σ₀.</param>
/// <param name="BStdErrK">Standard error of B, K.</param>
/// <param name="T0StdErrK">Standard error of T₀, K.</param>
/// <param name="RSquared">Coefficient of determination of ln(σ√T).</param>
/// <param name="RmsLogResidual">RMS residual of ln(σ√T).</param>
/// <param name="Points">Number of points.</param>
public sealed record VtfFit(VtfModel Model, double LnSigma0StdErr, double BStdErrK, double T0StdErrK, double RSquared,
    double RmsLogResidual, int Points)
{
    /// <summary>Standard error of the pseudo-activation energy k·B, eV.</summary>
    public double PseudoActivationEnergyStdErrEv => BStdErrK * PhysicalConstants.BoltzmannEvPerK;
}

/// <summary>Least-squares fits of conductivity data in log space (every point weighted equally in ln σ).</summary>
public static class ConductivityFit
{
    /// <summary>
    /// Fits ln(σT) (or ln σ) = ln A − (Eₐ/k)·(1/T) by ordinary least squares; standard errors from the residual
    /// variance with n − 2 degrees of freedom.
    /// </summary>
    public static ArrheniusFit Arrhenius(IReadOnlyList<ConductivityPoint> data, ArrheniusForm form = ArrheniusForm.SigmaT)
    {
        if (data.Count < 2) throw new InterphaseException($"an Arrhenius fit needs at least 2 points, got {data.Count}");
        var x = data.Select(p => 1.0 / p.TemperatureK).ToArray();
        var y = data.Select(p => Math.Log(form == ArrheniusForm.SigmaT ? p.ConductivitySPerCm * p.TemperatureK : p.ConductivitySPerCm)).ToArray();
        var (a, b, varA, varB, covAB, r2, rms, _) = Linear(x, y);
        var model = new ArrheniusModel(form, Math.Exp(a), -b * PhysicalConstants.BoltzmannEvPerK);
        return new ArrheniusFit(model, Math.Sqrt(varB) * PhysicalConstants.BoltzmannEvPerK, Math.Sqrt(varA), covAB, r2, rms, data.Count);
    }

    /// <summary>
    /// Fits ln(σ√T) = ln σ₀ − B/(T − T₀): for each T₀ below the lowest temperature the problem is linear, so T₀ is
    /// found by a profile search (coarse grid, then golden section) and the standard errors come from the Jacobian
    /// of all three parameters at the optimum (n − 3 degrees of freedom). Needs at least 4 points.
    /// </summary>
    public static VtfFit Vtf(IReadOnlyList<ConductivityPoint> data)
    {
        if (data.Count < 4) throw new InterphaseException($"a VTF fit needs at least 4 points, got {data.Count}");
        var t = data.Select(p => p.TemperatureK).ToArray();
        var y = data.Select(p => Math.Log(p.ConductivitySPerCm * Math.Sqrt(p.TemperatureK))).ToArray();
        double tMin = t.Min();
        double Sse(double t0) => Linear(t.Select(ti => 1.0 / (ti - t0)).ToArray(), y).Sse;

        // Profile over T₀ ∈ [0, T_min − δ): coarse grid then golden section around the best grid point.
        double hi = tMin * (1 - 1e-4);
        const int grid = 400;
        int best = 0;
        double bestSse = double.PositiveInfinity;
        for (int i = 0; i <= grid; i++)
        {
            double s = Sse(hi * i / grid);
            if (s < bestSse) { bestSse = s; best = i; }
        }
        double lo = hi * Math.Max(best - 1, 0) / grid, up = hi * Math.Min(best + 1, grid) / grid;
        double g = (Math.Sqrt(5) - 1) / 2;
        double c = up - g * (up - lo), d = lo + g * (up - lo);
        for (int it = 0; it < 200 && up - lo > 1e-9 * tMin; it++)
        {
            if (Sse(c) < Sse(d)) { up = d; } else { lo = c; }
            c = up - g * (up - lo);
            d = lo + g * (up - lo);
        }
        double t0 = (lo + up) / 2;
        var u = t.Select(ti => 1.0 / (ti - t0)).ToArray();
        var lin = Linear(u, y);
        double lnS0 = lin.A, bK = -lin.B;

        int n = data.Count;
        var j = Matrix<double>.Build.Dense(n, 3, (r, col) => col switch
        {
            0 => 1.0,
            1 => -u[r],
            _ => -bK * u[r] * u[r],
        });
        double s2 = lin.Sse / (n - 3);
        double[] se = { double.NaN, double.NaN, double.NaN };
        var jtj = j.TransposeThisAndMultiply(j);
        if (n > 3 && Math.Abs(jtj.Determinant()) > 0)
        {
            var cov = jtj.Inverse() * s2;
            for (int k = 0; k < 3; k++) se[k] = Math.Sqrt(Math.Max(cov[k, k], 0));
        }
        return new VtfFit(new VtfModel(Math.Exp(lnS0), bK, t0), se[0], se[1], se[2], lin.R2, lin.Rms, n);
    }

    private static (double A, double B, double VarA, double VarB, double CovAB, double R2, double Rms, double Sse) Linear(double[] x, double[] y)
    {
        int n = x.Length;
        double mx = x.Average(), my = y.Average();
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
            syy += (y[i] - my) * (y[i] - my);
        }
        if (!(sxx > 0)) throw new InterphaseException("the data need at least two different temperatures");
        double b = sxy / sxx, a = my - b * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) sse += Math.Pow(y[i] - a - b * x[i], 2);
        double s2 = n > 2 ? sse / (n - 2) : double.NaN;
        double r2 = syy > 0 ? 1 - sse / syy : 1;
        return (a, b, s2 * (1.0 / n + mx * mx / sxx), s2 / sxx, -mx * s2 / sxx, r2, Math.Sqrt(sse / n), sse);
    }
}
