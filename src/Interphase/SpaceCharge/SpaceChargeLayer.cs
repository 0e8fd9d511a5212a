using Interphase.Quantities;
using MathNet.Numerics.Integration;

namespace Interphase.SpaceCharge;

/// <summary>
/// A semi-infinite space-charge layer in one phase at temperature T, solved exactly through the first integral of
/// Poisson's equation.
/// </summary>
/// <remarks>
/// <para>Model (per phase, SI units inside): mobile Li⁺ on NS sites with lattice-gas (Fermi–Dirac) occupancy
/// θ(ψ) = θ0 / (θ0 + (1 − θ0)·e^y), y = eψ/kT, θ0 = C0/NS, ψ the electrostatic potential relative to the bulk; a fixed
/// background of density C0 keeps the bulk neutral; an optional electronic carrier density n_e screens linearly
/// (Debye–Hückel, ρ_e = −ε ψ/λ_e², λ_e = √(εkT/(e²n_e))). Poisson: ε ψ'' = −ρ(ψ), ρ = e·NS·(θ − θ0) + ρ_e.</para>
/// <para>First integral (field zero in the bulk): ½ ε E² = F(ψ) = −∫₀^ψ ρ dψ', with the closed form
/// F = NS·kT·[θ0·y + ln(1 + θ0·(e^(−y) − 1))] + ε ψ²/(2λ_e²). Hence the surface charge Q = −sign(ψs)·√(2εF(ψs)) (exact,
/// Gouy–Chapman in the Boltzmann limit NS ≫ C0: Q = −sign·√(2εC0kT(e^(−y) + y − 1))), the differential capacitance
/// C = |ρ(ψs)|/E(ψs), and the profile by quadrature of dx = dψ/E(ψ). The space-charge resistance (Maier's linear
/// response, σ ∝ Li⁺ concentration) is R = (1/σ)∫(C0/c − 1)dx = (1/σ)∫₀^ψs (C0/c(ψ) − 1)/E(ψ) dψ.</para>
/// <para>Sources: lattice-gas space-charge model as set up by de Klerk &amp; Wagemaker, ACS Appl. Energy Mater. 1, 5609
/// (2018); Gouy–Chapman / Mott–Schottky limits (e.g. Maier, Prog. Solid State Chem. 23, 171 (1995), cited in
/// Xia et al., Chem 5, 753 (2019)).</para>
/// </remarks>
internal sealed class SpaceChargeLayer
{
    /// <summary>Largest |eψ/kT| the layer accepts: beyond it e^|y| overflows and no result can be trusted.</summary>
    public const double MaxReducedPotential = 700;

    // Adaptive Gauss–Kronrod: relative target and a depth cap that bounds the work of every quadrature.
    private const double QuadratureTolerance = 1e-9;
    private const int QuadratureDepth = 12;

    private readonly double _theta0;
    private readonly double _ns;       // m⁻³
    private readonly double _c0;       // m⁻³
    private readonly double _eps;      // F/m
    private readonly double _kt;       // J
    private readonly double _thermalV; // V
    private readonly double _invLambdaE2; // 1/m² (0: no electronic screening)

    /// <summary>Creates the layer for a validated phase at <paramref name="temperatureK"/>.</summary>
    /// <exception cref="InterphaseException">Bad parameters or temperature.</exception>
    public SpaceChargeLayer(SpaceChargePhase phase, double temperatureK)
    {
        Phase = phase.Validated();
        if (!double.IsFinite(temperatureK) || temperatureK <= 0 || temperatureK > 5000)
            throw new InterphaseException($"temperature {temperatureK:G4} K must be between 0 and 5000 K");
        TemperatureK = temperatureK;
        _theta0 = phase.BulkOccupancy;
        _ns = phase.SiteDensityPerCm3 * 1e6;
        _c0 = phase.MobileDensityPerCm3 * 1e6;
        _eps = phase.EpsilonR * PhysicalConstants.VacuumPermittivityFPerM;
        _thermalV = PhysicalConstants.BoltzmannEvPerK * temperatureK;
        _kt = _thermalV * PhysicalConstants.ElementaryChargeC;
        if (phase.ScreensElectronically)
            _invLambdaE2 = PhysicalConstants.ElementaryChargeC * PhysicalConstants.ElementaryChargeC * phase.ElectronicCarrierDensityPerCm3!.Value * 1e6 / (_eps * _kt);
    }

    /// <summary>The phase.</summary>
    public SpaceChargePhase Phase { get; }

    /// <summary>Temperature, K.</summary>
    public double TemperatureK { get; }

    /// <summary>Thermal voltage kT/e, V.</summary>
    public double ThermalVoltage => _thermalV;

    /// <summary>Permittivity ε = ε_r·ε0, F/m.</summary>
    public double Permittivity => _eps;

    /// <summary>Debye length of the mobile Li⁺, √(εkT/(e²C0)), m.</summary>
    public double DebyeLengthM => Math.Sqrt(_eps * _kt / (PhysicalConstants.ElementaryChargeC * PhysicalConstants.ElementaryChargeC * _c0));

    /// <summary>
    /// Linear screening length of the phase, m: Li⁺ lattice gas (√(εkT/(e²C0(1 − θ0)))) and electronic carriers together.
    /// </summary>
    public double ScreeningLengthM
    {
        get
        {
            double e = PhysicalConstants.ElementaryChargeC;
            double inv2 = e * e * _c0 * (1 - _theta0) / (_eps * _kt) + _invLambdaE2;
            return 1 / Math.Sqrt(inv2);
        }
    }

    /// <summary>Electronic (Debye–Hückel) screening length, m, or null for an electronic insulator.</summary>
    public double? ElectronicScreeningLengthM => _invLambdaE2 > 0 ? 1 / Math.Sqrt(_invLambdaE2) : null;

    /// <summary>Reduced potential y = eψ/kT, checked against <see cref="MaxReducedPotential"/>.</summary>
    /// <exception cref="InterphaseException">ψ is not finite or too large.</exception>
    public double Reduced(double psiV)
    {
        if (!double.IsFinite(psiV)) throw new InterphaseException($"{Phase.Name}: potential {psiV} V is not a finite number");
        double y = psiV / _thermalV;
        if (Math.Abs(y) > MaxReducedPotential)
            throw new InterphaseException(
                $"{Phase.Name}: a potential step of {psiV:G4} V is {Math.Abs(y):G4} kT/e at {TemperatureK:G4} K; the solver cannot converge beyond {MaxReducedPotential} kT/e (|ψ| ≤ {MaxReducedPotential * _thermalV:G3} V)");
        return y;
    }

    /// <summary>Li⁺ concentration at potential ψ (relative to the bulk), cm⁻³.</summary>
    public double ConcentrationPerCm3(double psiV) => Phase.SiteDensityPerCm3 * Occupancy(Reduced(psiV));

    private double Occupancy(double y)
    {
        // θ = θ0/(θ0 + (1−θ0)e^y), written to avoid overflow for large |y|.
        if (y > 0)
        {
            double t = Math.Exp(-y);
            return _theta0 * t / (_theta0 * t + (1 - _theta0));
        }
        return _theta0 / (_theta0 + (1 - _theta0) * Math.Exp(y));
    }

    // g(y) = F_ion/(NS kT) = θ0 y + ln(1 + θ0 (e^(−y) − 1)) ≥ 0, to ~1e-11 relative for every θ0 and y (checked against
    // a 50-digit evaluation in the tests). An integrand that is noisy at the quadrature tolerance makes every adaptive
    // quadrature of the profile subdivide to its depth cap, so accuracy here is also what keeps the solver fast.
    internal double G(double y)
    {
        if (Math.Abs(y) < 1e-3)
        {
            // Taylor series (relative error ~|y|³): avoids the cancellation of the closed form near y = 0.
            double p = 1 - _theta0;
            return _theta0 * p * y * y * (0.5 + (0.5 - p) * y / 3 + (1.0 / 6 - p + p * p) * y * y / 4);
        }
        double em = Expm1(-y);
        double a = _theta0 * em;
        if (a > 1e300) return _theta0 * y + Math.Log(_theta0) - y; // ln(θ0 e^(−y)) for huge accumulation
        // Small a: θ0·y and ln(1 + a) ≈ a cancel, so add θ0(y + e^(−y) − 1) and ln(1 + a) − a instead.
        if (Math.Abs(a) < 0.5) return _theta0 * (y + em) + Log1pMinusX(a);
        return _theta0 * y + Log1p(a); // a ≥ −θ0 > −1
    }

    // e^x − 1 to a few ulps (Kahan's correction). MathNet's SpecialFunctions.Expm1 truncates its series (relative error
    // 7e-9 at x = −0.03, measured) and double.ExpM1 is Exp(x) − 1, so neither is accurate enough for g(y).
    private static double Expm1(double x)
    {
        double u = Math.Exp(x);
        if (u == 1) return x;
        double um1 = u - 1;
        if (um1 == -1 || double.IsPositiveInfinity(u)) return um1;
        return um1 * x / Math.Log(u);
    }

    // ln(1 + a) to a few ulps (Goldberg's correction of the rounding of 1 + a).
    private static double Log1p(double a)
    {
        double u = 1 + a;
        return u == 1 ? a : Math.Log(u) * a / (u - 1);
    }

    // ln(1 + a) − a without cancellation: its series −a²/2 + a³/3 − … for small |a|.
    private static double Log1pMinusX(double a)
    {
        if (Math.Abs(a) >= 0.01) return Log1p(a) - a;
        double term = a, sum = 0;
        for (int k = 2; k < 12; k++)
        {
            term *= -a;
            sum += term / k;
        }
        return sum;
    }

    /// <summary>F(ψ) = ½εE², J/m³.</summary>
    private double F(double y) => _ns * _kt * G(y) + 0.5 * _eps * _invLambdaE2 * (y * _thermalV) * (y * _thermalV);

    /// <summary>Magnitude of the electric field at potential ψ, V/m.</summary>
    public double FieldVPerM(double psiV) => FieldReduced(Reduced(psiV));

    private double FieldReduced(double y) => Math.Sqrt(2 * Math.Max(F(y), 0) / _eps);

    /// <summary>Space charge per area of the whole layer for surface potential ψs, C/m² (negative for depletion, ψs &gt; 0).</summary>
    public double ChargeCPerM2(double surfacePotentialV)
    {
        double y = Reduced(surfacePotentialV);
        return -Math.Sign(y) * Math.Sqrt(2 * _eps * Math.Max(F(y), 0));
    }

    /// <summary>Charge density at potential ψ, C/m³ (ions and electronic carriers).</summary>
    public double ChargeDensityCPerM3(double psiV) => ChargeDensityReduced(Reduced(psiV));

    private double ChargeDensityReduced(double y) =>
        PhysicalConstants.ElementaryChargeC * _ns * (Occupancy(y) - _theta0) - _eps * _invLambdaE2 * y * _thermalV;

    /// <summary>d(charge density)/dψ, C/(m³·V) (negative: more positive potential, less positive charge).</summary>
    public double ChargeDensitySlope(double psiV)
    {
        double y = Reduced(psiV);
        double th = Occupancy(y);
        return -PhysicalConstants.ElementaryChargeC * _ns * th * (1 - th) / _thermalV - _eps * _invLambdaE2;
    }

    /// <summary>Differential capacitance −dQ/dψs of the layer, F/m².</summary>
    public double CapacitanceFPerM2(double surfacePotentialV)
    {
        double y = Reduced(surfacePotentialV);
        if (Math.Abs(y) < 1e-6) return _eps / ScreeningLengthM;
        return Math.Abs(ChargeDensityReduced(y)) / FieldReduced(y);
    }

    /// <summary>
    /// Distance from the interface at which the Li⁺ concentration comes within <paramref name="tolerance"/> (relative) of
    /// C0, m; 0 when the surface itself is within it.
    /// </summary>
    public double WidthM(double surfacePotentialV, double tolerance = 0.01)
    {
        double ys = Reduced(surfacePotentialV);
        double yw = ToleranceReducedPotential(ys, tolerance);
        if (double.IsNaN(yw) || Math.Abs(ys) <= Math.Abs(yw)) return 0;
        return DistanceBetween(ys, yw);
    }

    // The reduced potential (same sign as ys) where |c/C0 − 1| = tolerance; NaN when ys = 0.
    private double ToleranceReducedPotential(double ys, double tolerance)
    {
        if (ys == 0) return double.NaN;
        // c/C0 = 1/(θ0 + (1−θ0)e^y): depletion (y>0) c/C0 = 1 − tol; accumulation c/C0 = 1 + tol.
        double ratio = ys > 0 ? 1 - tolerance : 1 + tolerance;
        double ey = (1 / ratio - _theta0) / (1 - _theta0);
        if (ey <= 0) return double.NaN; // accumulation cannot reach 1 + tol below NS (θ0 close to 1)
        return Math.Log(ey);
    }

    /// <summary>Distance along the profile between reduced potentials y1 (closer to the surface) and y2 (same sign, smaller), m.</summary>
    internal double DistanceBetween(double y1, double y2)
    {
        if (Math.Abs(y2) >= Math.Abs(y1)) return 0;
        // u = ln|y|: dx = (kT/e)|y| du / E(y), bounded as y → 0 (Debye tail) and smooth near the surface.
        double s = Math.Sign(y1);
        double u1 = Math.Log(Math.Abs(y1)), u2 = Math.Log(Math.Abs(y2));
        double Integrand(double u)
        {
            double y = s * Math.Exp(u);
            return _thermalV * Math.Abs(y) / FieldReduced(y);
        }
        return GaussKronrodRule.Integrate(Integrand, u2, u1, out _, out _, QuadratureTolerance, QuadratureDepth, 15);
    }

    /// <summary>
    /// Space-charge resistance ∫(1/σ(x) − 1/σ_bulk)dx of the layer with σ ∝ the Li⁺ concentration, Ω·m²
    /// (negative for accumulation: the layer conducts better than the bulk).
    /// </summary>
    public double ResistanceOhmM2(double surfacePotentialV, double conductivitySPerM)
    {
        double ys = Reduced(surfacePotentialV);
        if (ys == 0) return 0;
        // (C0/c − 1) = (1 − θ0)(e^y − 1); scaled by e^(−max(ys,0)) so the integrand stays O(1) for deep depletion.
        double shift = Math.Max(ys, 0);
        double Integrand(double y)
        {
            double field = FieldReduced(y);
            if (field == 0) return 0;
            double excess = (1 - _theta0) * (Math.Exp(y - shift) - Math.Exp(-shift));
            return excess * _thermalV / field;
        }
        double lo = Math.Min(0, ys), hi = Math.Max(0, ys);
        double integral = GaussKronrodRule.Integrate(Integrand, lo, hi, out _, out _, QuadratureTolerance, QuadratureDepth, 15);
        // x runs from the surface into the bulk; for either sign of ψs, dx = dψ/E over [min, max] (no sign flip).
        double scaled = integral * Math.Exp(shift);
        return scaled / conductivitySPerM;
    }

    /// <summary>
    /// The profile from the interface (x = 0) into the bulk: <paramref name="points"/> points, equally spaced in
    /// ln|ψ| from the surface potential down to <paramref name="tailFraction"/> of it.
    /// </summary>
    public IReadOnlyList<ProfilePoint> Profile(double surfacePotentialV, int points = 200, double tailFraction = 1e-3)
    {
        if (points < 2) throw new InterphaseException("a profile needs at least 2 points");
        if (!(tailFraction is > 0 and < 1)) throw new InterphaseException("the profile tail fraction must lie between 0 and 1");
        double ys = Reduced(surfacePotentialV);
        var list = new List<ProfilePoint>(points);
        if (ys == 0)
        {
            double l = ScreeningLengthM;
            for (int i = 0; i < points; i++)
                list.Add(new ProfilePoint(i * 10 * l / (points - 1) * 1e9, 0, Phase.MobileDensityPerCm3));
            return list;
        }
        double s = Math.Sign(ys);
        double u1 = Math.Log(Math.Abs(ys)), u0 = Math.Log(Math.Abs(ys) * tailFraction);
        double x = 0, prevY = ys;
        for (int i = 0; i < points; i++)
        {
            double u = u1 + (u0 - u1) * i / (points - 1);
            double y = s * Math.Exp(u);
            if (i > 0) x += DistanceBetween(prevY, y);
            prevY = y;
            list.Add(new ProfilePoint(x * 1e9, y * _thermalV, Phase.SiteDensityPerCm3 * Occupancy(y)));
        }
        return list;
    }
}

/// <summary>One point of a space-charge profile.</summary>
/// <param name="XNm">Distance from the interface, nm.</param>
/// <param name="PotentialV">Electrostatic potential relative to the bulk of the phase, V.</param>
/// <param name="ConcentrationPerCm3">Li⁺ concentration, cm⁻³.</param>
public sealed record ProfilePoint(double XNm, double PotentialV, double ConcentrationPerCm3);
