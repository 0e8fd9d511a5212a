using System.Numerics;

namespace Interphase.Impedance;

/// <summary>
/// A circuit element type: its impedance Z(ω, p) and the derivatives ∂Z/∂p used by the fitter's Jacobian.
/// Definitions and parameter order follow impedance.py, so parameters carry the same names (<c>CPE1_0</c> is Q,
/// <c>CPE1_1</c> is α).
/// </summary>
public abstract class ElementType
{
    /// <summary>Type name as written in circuit strings (R, C, CPE, Wo, …).</summary>
    public abstract string Name { get; }
    /// <summary>Units of each parameter, in order.</summary>
    public abstract string[] Units { get; }
    /// <summary>Number of parameters.</summary>
    public int ParameterCount => Units.Length;
    /// <summary>One-line description with the formula.</summary>
    public abstract string Description { get; }
    /// <summary>Upper bound of each parameter for fitting (lower bounds are 0); +∞ unless the element says otherwise.</summary>
    public virtual double UpperBound(int index) => double.PositiveInfinity;

    /// <summary>Impedance at angular frequency <paramref name="w"/> (rad/s); writes ∂Z/∂p into <paramref name="dZ"/>.</summary>
    public abstract Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ);

    internal static readonly Complex J = Complex.ImaginaryOne;

    /// <summary>tanh that stays finite for large arguments (tanh → ±1 beyond |Re| ≈ 20).</summary>
    internal static Complex Tanh(Complex x)
    {
        if (x.Real > 20) return Complex.One;
        if (x.Real < -20) return -Complex.One;
        return Complex.Tanh(x);
    }

    /// <summary>All element types by name.</summary>
    public static readonly IReadOnlyDictionary<string, ElementType> All = new ElementType[]
    {
        new Resistor(), new Capacitor(), new Inductor(), new Cpe(), new Warburg(), new WarburgOpen(), new WarburgShort(),
        new Gerischer(), new GerischerFinite(), new ModifiedInductance(), new RcElement(), new Zarc(), new TransmissionLineQ(),
    }.ToDictionary(e => e.Name, StringComparer.Ordinal);
}

/// <summary>R: Z = R.</summary>
public sealed class Resistor : ElementType
{
    /// <inheritdoc />
    public override string Name => "R";
    /// <inheritdoc />
    public override string[] Units => ["Ohm"];
    /// <inheritdoc />
    public override string Description => "resistor, Z = R";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ) { dZ[0] = 1; return p[0]; }
}

/// <summary>C: Z = 1/(jωC).</summary>
public sealed class Capacitor : ElementType
{
    /// <inheritdoc />
    public override string Name => "C";
    /// <inheritdoc />
    public override string[] Units => ["F"];
    /// <inheritdoc />
    public override string Description => "capacitor, Z = 1/(jωC)";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        var z = new Complex(0, -1 / (w * p[0]));
        dZ[0] = -z / p[0];
        return z;
    }
}

/// <summary>L: Z = jωL.</summary>
public sealed class Inductor : ElementType
{
    /// <inheritdoc />
    public override string Name => "L";
    /// <inheritdoc />
    public override string[] Units => ["H"];
    /// <inheritdoc />
    public override string Description => "inductor, Z = jωL";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ) { dZ[0] = new Complex(0, w); return new Complex(0, w * p[0]); }
}

/// <summary>CPE: Z = 1/(Q (jω)^α), parameters Q (Ω⁻¹·s^α) and α (0…1).</summary>
public sealed class Cpe : ElementType
{
    /// <inheritdoc />
    public override string Name => "CPE";
    /// <inheritdoc />
    public override string[] Units => ["Ohm^-1 sec^a", ""];
    /// <inheritdoc />
    public override string Description => "constant phase element, Z = 1/(Q (jω)^α)";
    /// <inheritdoc />
    public override double UpperBound(int index) => index == 1 ? 1 : double.PositiveInfinity;
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        double q = p[0], a = p[1];
        // (jω)^-α = ω^-α · e^{-jαπ/2}
        double mag = Math.Pow(w, -a) / q, ph = -a * Math.PI / 2;
        var z = new Complex(mag * Math.Cos(ph), mag * Math.Sin(ph));
        dZ[0] = -z / q;
        dZ[1] = -z * new Complex(Math.Log(w), Math.PI / 2);
        return z;
    }
}

/// <summary>W: semi-infinite Warburg, Z = A_W (1 − j)/√ω.</summary>
public sealed class Warburg : ElementType
{
    /// <inheritdoc />
    public override string Name => "W";
    /// <inheritdoc />
    public override string[] Units => ["Ohm sec^-1/2"];
    /// <inheritdoc />
    public override string Description => "semi-infinite Warburg, Z = A_W (1 - j)/sqrt(ω)";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        var d = new Complex(1, -1) / Math.Sqrt(w);
        dZ[0] = d;
        return p[0] * d;
    }
}

/// <summary>Wo: finite-space (open, reflective) Warburg, Z = Z0 coth(√(jωτ))/√(jωτ).</summary>
public sealed class WarburgOpen : ElementType
{
    /// <inheritdoc />
    public override string Name => "Wo";
    /// <inheritdoc />
    public override string[] Units => ["Ohm", "sec"];
    /// <inheritdoc />
    public override string Description => "open (finite-space) Warburg, Z = Z0 coth(sqrt(jωτ))/sqrt(jωτ)";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ) => FiniteWarburg(w, p, dZ, open: true);

    /// <summary>Z0·f(s)/s with s = √(jωτ) and f = coth (open) or tanh (short), with its parameter derivatives.</summary>
    internal static Complex FiniteWarburg(double w, ReadOnlySpan<double> p, Span<Complex> dZ, bool open)
    {
        double z0 = p[0], tau = p[1];
        var s = Complex.Sqrt(new Complex(0, w * tau));
        var f = open ? 1 / Tanh(s) : Tanh(s);
        var g = f / s;
        dZ[0] = g;
        // d/dτ [f(s)/s] with ds/dτ = s/(2τ); coth and tanh both satisfy f' = 1 − f².
        dZ[1] = z0 / (2 * tau) * (1 - f * f - f / s);
        return z0 * g;
    }
}

/// <summary>Ws: finite-length (short, transmissive) Warburg, Z = Z0 tanh(√(jωτ))/√(jωτ).</summary>
public sealed class WarburgShort : ElementType
{
    /// <inheritdoc />
    public override string Name => "Ws";
    /// <inheritdoc />
    public override string[] Units => ["Ohm", "sec"];
    /// <inheritdoc />
    public override string Description => "short (finite-length) Warburg, Z = Z0 tanh(sqrt(jωτ))/sqrt(jωτ)";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ) => WarburgOpen.FiniteWarburg(w, p, dZ, open: false);
}

/// <summary>G: Gerischer, Z = R_G/√(1 + jωt_G).</summary>
public sealed class Gerischer : ElementType
{
    /// <inheritdoc />
    public override string Name => "G";
    /// <inheritdoc />
    public override string[] Units => ["Ohm", "sec"];
    /// <inheritdoc />
    public override string Description => "Gerischer, Z = R_G/sqrt(1 + jωt_G)";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        var u = new Complex(1, w * p[1]);
        var g = 1 / Complex.Sqrt(u);
        dZ[0] = g;
        dZ[1] = -p[0] * g * new Complex(0, w) / (2 * u);
        return p[0] * g;
    }
}

/// <summary>Gs: finite-length Gerischer, Z = R_G/(√(1 + jωt_G) tanh(φ√(1 + jωt_G))).</summary>
public sealed class GerischerFinite : ElementType
{
    /// <inheritdoc />
    public override string Name => "Gs";
    /// <inheritdoc />
    public override string[] Units => ["Ohm", "sec", ""];
    /// <inheritdoc />
    public override string Description => "finite-length Gerischer, Z = R_G/(sqrt(1 + jωt_G) tanh(φ sqrt(1 + jωt_G)))";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        double r = p[0], t = p[1], phi = p[2];
        var u = Complex.Sqrt(new Complex(1, w * t));
        var th = Tanh(phi * u);
        var g = 1 / (u * th);
        var sech2 = 1 - th * th;
        // h(u) = 1/(u tanh(φu)); dh/du = -(th + φ u sech²)/(u th)²; du/dt = jω/(2u)
        var dhdu = -(th + phi * u * sech2) / (u * th * u * th);
        dZ[0] = g;
        dZ[1] = r * dhdu * new Complex(0, w) / (2 * u);
        dZ[2] = -r * sech2 / (th * th);
        return r * g;
    }
}

/// <summary>La: modified inductance, Z = (jωL)^α.</summary>
public sealed class ModifiedInductance : ElementType
{
    /// <inheritdoc />
    public override string Name => "La";
    /// <inheritdoc />
    public override string[] Units => ["H sec", ""];
    /// <inheritdoc />
    public override string Description => "modified inductance, Z = (jωL)^α";
    /// <inheritdoc />
    public override double UpperBound(int index) => index == 1 ? 1 : double.PositiveInfinity;
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        double l = p[0], a = p[1];
        var z = Complex.Pow(new Complex(0, w * l), a);
        dZ[0] = a * z / l;
        dZ[1] = z * new Complex(Math.Log(w * l), Math.PI / 2);
        return z;
    }
}

/// <summary>K: RC element of the Kramers–Kronig test, Z = R/(1 + jωτ).</summary>
public sealed class RcElement : ElementType
{
    /// <inheritdoc />
    public override string Name => "K";
    /// <inheritdoc />
    public override string[] Units => ["Ohm", "sec"];
    /// <inheritdoc />
    public override string Description => "RC element, Z = R/(1 + jωτ)";
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        var d = 1 / new Complex(1, w * p[1]);
        dZ[0] = d;
        dZ[1] = -p[0] * new Complex(0, w) * d * d;
        return p[0] * d;
    }
}


/// <summary>
/// Zarc: an R‖CPE arc written with its resistance and time constant, Z = R/(1 + (jωτ)^γ) (Cole–Cole; impedance.py's
/// <c>Zarc</c>, parameters R, τ, γ). Its effective capacitance is τ/R, the Hsu–Mansfeld value of the equivalent R‖CPE.
/// </summary>
public sealed class Zarc : ElementType
{
    /// <inheritdoc />
    public override string Name => "Zarc";
    /// <inheritdoc />
    public override string[] Units => ["Ohm", "sec", ""];
    /// <inheritdoc />
    public override string Description => "R‖CPE arc with resistance and time constant, Z = R/(1 + (jωτ)^γ)";
    /// <inheritdoc />
    public override double UpperBound(int index) => index == 2 ? 1 : double.PositiveInfinity;
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        double r = p[0], tau = p[1], g = p[2];
        double mag = Math.Pow(w * tau, g), ph = g * Math.PI / 2;
        var s = new Complex(mag * Math.Cos(ph), mag * Math.Sin(ph)); // (jωτ)^γ
        var d = 1 / (1 + s);
        var z = r * d;
        var dzds = -z * d;
        dZ[0] = d;
        dZ[1] = dzds * g * s / tau;
        dZ[2] = dzds * s * new Complex(Math.Log(w * tau), Math.PI / 2);
        return z;
    }
}

/// <summary>
/// TLMQ: transmission line of a porous (composite) electrode with a CPE interface, Z = √(R_ion Z_s) coth √(R_ion/Z_s),
/// Z_s = 1/(Q (jω)^γ) (Landesfeind et al., J. Electrochem. Soc. 163, A1373 (2016), Eq. 11; impedance.py's <c>TLMQ</c>).
/// With γ = 1 it is the open Warburg with Z0 = R_ion and τ = R_ion·Q.
/// </summary>
public sealed class TransmissionLineQ : ElementType
{
    /// <inheritdoc />
    public override string Name => "TLMQ";
    /// <inheritdoc />
    public override string[] Units => ["Ohm", "F sec^(gamma - 1)", ""];
    /// <inheritdoc />
    public override string Description => "transmission line with CPE interface, Z = sqrt(R_ion Z_s) coth(sqrt(R_ion/Z_s)), Z_s = 1/(Q (jω)^γ)";
    /// <inheritdoc />
    public override double UpperBound(int index) => index == 2 ? 1 : double.PositiveInfinity;
    /// <inheritdoc />
    public override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        double rion = p[0], q = p[1], g = p[2];
        // x = √(R_ion Q (jω)^γ); Z = R_ion coth(x)/x
        double mag = Math.Sqrt(rion * q * Math.Pow(w, g)), ph = g * Math.PI / 4;
        var x = new Complex(mag * Math.Cos(ph), mag * Math.Sin(ph));
        var f = 1 / Tanh(x);
        var gx = f / x;
        // x·d(coth x/x)/dx = 1 − coth² x − coth x/x, and ∂x/∂ln p = x/2 for R_ion and Q, x/2·ln(jω) for γ
        var xdg = 1 - f * f - gx;
        dZ[0] = gx + 0.5 * xdg;
        dZ[1] = rion / (2 * q) * xdg;
        dZ[2] = rion / 2 * xdg * new Complex(Math.Log(w), Math.PI / 2);
        return rion * gx;
    }
}
