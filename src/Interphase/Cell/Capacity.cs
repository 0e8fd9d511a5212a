using Interphase.Quantities;

namespace Interphase.Cell;

/// <summary>Theoretical specific capacity and Coulombic-efficiency capacity retention.</summary>
public static class Capacity
{

    /// <summary>
    /// Theoretical specific capacity, mAh/g, of <paramref name="formula"/> exchanging <paramref name="electrons"/>
    /// electrons per formula unit: Q = n·F/(3.6·M). Li (n = 1): 3861 mAh/g; S → Li₂S (n = 2): 1672 mAh/g.
    /// </summary>
    /// <remarks>The mass is that of the formula as written (the host before lithiation for a cathode, e.g. S for S → Li₂S).</remarks>
    public static double TheoreticalMahPerG(string formula, double electrons)
    {
        CellValidation.Positive(electrons, "electrons transferred");
        return electrons * PhysicalConstants.FaradayCPerMol / (3.6 * MolarMass.Of(formula));
    }

    /// <summary>
    /// Fraction of capacity left after <paramref name="cycles"/> cycles at a constant Coulombic efficiency
    /// (0 &lt; CE ≤ 1): CEⁿ. 99.98 % over 1000 cycles leaves 81.9 %.
    /// </summary>
    /// <remarks>Assumes every coulomb lost per cycle is lithium inventory lost for good (no reservoir, no recovery).</remarks>
    public static double Retention(double coulombicEfficiency, int cycles)
    {
        if (!(coulombicEfficiency > 0 && coulombicEfficiency <= 1))
            throw new InterphaseException($"Coulombic efficiency {coulombicEfficiency} must be in (0, 1] (a fraction, not a percentage)");
        if (cycles < 0) throw new InterphaseException($"cycles = {cycles} must not be negative");
        return Math.Pow(coulombicEfficiency, cycles);
    }

    /// <summary>Number of cycles until retention falls to <paramref name="retention"/> (e.g. 0.8) at a constant Coulombic efficiency.</summary>
    public static double CyclesTo(double coulombicEfficiency, double retention)
    {
        if (!(coulombicEfficiency > 0 && coulombicEfficiency < 1))
            throw new InterphaseException($"Coulombic efficiency {coulombicEfficiency} must be in (0, 1)");
        if (!(retention > 0 && retention < 1))
            throw new InterphaseException($"retention {retention} must be in (0, 1)");
        return Math.Log(retention) / Math.Log(coulombicEfficiency);
    }
}

/// <summary>Theoretical capacity of a host and, when a Coulombic efficiency is given, its retention (<c>cell capacity --json</c>).</summary>
/// <param name="Formula">Formula of the host as written.</param>
/// <param name="Electrons">Electrons transferred per formula unit.</param>
/// <param name="MolarMassGPerMol">Molar mass of the formula, g/mol.</param>
/// <param name="CapacityMahPerG">Theoretical specific capacity nF/(3.6·M), mAh/g.</param>
/// <param name="CoulombicEfficiency">Coulombic efficiency (fraction), when given.</param>
/// <param name="Cycles">Cycles of the retention estimate (null without a Coulombic efficiency).</param>
/// <param name="Retention">Fraction of capacity left after <paramref name="Cycles"/> cycles, CEⁿ.</param>
public sealed record CapacityResult(string Formula, double Electrons, double MolarMassGPerMol, double CapacityMahPerG,
    double? CoulombicEfficiency, int? Cycles, double? Retention)
{
    /// <summary>Capacity of <paramref name="formula"/> with <paramref name="electrons"/> e⁻ per formula unit; retention after <paramref name="cycles"/> when <paramref name="coulombicEfficiency"/> is given.</summary>
    public static CapacityResult Evaluate(string formula, double electrons, double? coulombicEfficiency, int cycles)
    {
        double q = Capacity.TheoreticalMahPerG(formula, electrons);
        double? retention = coulombicEfficiency is { } ce ? Capacity.Retention(ce, cycles) : null;
        return new CapacityResult(formula, electrons, MolarMass.Of(formula), q, coulombicEfficiency, retention is null ? null : cycles, retention);
    }
}

/// <summary>Molar mass of a chemical formula.</summary>
internal static class MolarMass
{
    /// <summary>Molar mass, g/mol, of a formula such as <c>Li7La3Zr2O12</c> or <c>Li1.3Al0.3Ti1.7(PO4)3</c>.</summary>
    public static double Of(string formula)
    {
        double m = Interphase.Chemistry.Composition.Parse(formula).Weight;
        if (!(m > 0)) throw new InterphaseException($"formula '{formula}' has no atoms");
        return m;
    }
}
