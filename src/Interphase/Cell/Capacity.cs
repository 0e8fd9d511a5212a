using System.Globalization;

namespace Interphase.Cell;

/// <summary>Theoretical specific capacity and Coulombic-efficiency capacity retention.</summary>
public static class Capacity
{
    /// <summary>Faraday constant, C/mol (CODATA 2018, exact).</summary>
    public const double Faraday = 96485.33212;

    /// <summary>
    /// Theoretical specific capacity, mAh/g, of <paramref name="formula"/> exchanging <paramref name="electrons"/>
    /// electrons per formula unit: Q = n·F/(3.6·M). Li (n = 1): 3861 mAh/g; S → Li₂S (n = 2): 1672 mAh/g.
    /// </summary>
    /// <remarks>The mass is that of the formula as written (the host before lithiation for a cathode, e.g. S for S → Li₂S).</remarks>
    public static double TheoreticalMahPerG(string formula, double electrons)
    {
        CellValidation.Positive(electrons, "electrons transferred");
        return electrons * Faraday / (3.6 * MolarMass.Of(formula));
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

/// <summary>Molar mass of a chemical formula (standard atomic weights, IUPAC).</summary>
public static class MolarMass
{
    private static readonly Dictionary<string, double> Weights = new(StringComparer.Ordinal)
    {
        ["H"] = 1.008, ["He"] = 4.0026, ["Li"] = 6.94, ["Be"] = 9.0122, ["B"] = 10.81, ["C"] = 12.011, ["N"] = 14.007,
        ["O"] = 15.999, ["F"] = 18.998, ["Ne"] = 20.180, ["Na"] = 22.990, ["Mg"] = 24.305, ["Al"] = 26.982, ["Si"] = 28.085,
        ["P"] = 30.974, ["S"] = 32.06, ["Cl"] = 35.45, ["Ar"] = 39.948, ["K"] = 39.098, ["Ca"] = 40.078, ["Sc"] = 44.956,
        ["Ti"] = 47.867, ["V"] = 50.942, ["Cr"] = 51.996, ["Mn"] = 54.938, ["Fe"] = 55.845, ["Co"] = 58.933, ["Ni"] = 58.693,
        ["Cu"] = 63.546, ["Zn"] = 65.38, ["Ga"] = 69.723, ["Ge"] = 72.630, ["As"] = 74.922, ["Se"] = 78.971, ["Br"] = 79.904,
        ["Kr"] = 83.798, ["Rb"] = 85.468, ["Sr"] = 87.62, ["Y"] = 88.906, ["Zr"] = 91.224, ["Nb"] = 92.906, ["Mo"] = 95.95,
        ["Tc"] = 98.0, ["Ru"] = 101.07, ["Rh"] = 102.91, ["Pd"] = 106.42, ["Ag"] = 107.87, ["Cd"] = 112.41, ["In"] = 114.82,
        ["Sn"] = 118.71, ["Sb"] = 121.76, ["Te"] = 127.60, ["I"] = 126.90, ["Xe"] = 131.29, ["Cs"] = 132.91, ["Ba"] = 137.33,
        ["La"] = 138.91, ["Ce"] = 140.12, ["Pr"] = 140.91, ["Nd"] = 144.24, ["Pm"] = 145.0, ["Sm"] = 150.36, ["Eu"] = 151.96,
        ["Gd"] = 157.25, ["Tb"] = 158.93, ["Dy"] = 162.50, ["Ho"] = 164.93, ["Er"] = 167.26, ["Tm"] = 168.93, ["Yb"] = 173.05,
        ["Lu"] = 174.97, ["Hf"] = 178.49, ["Ta"] = 180.95, ["W"] = 183.84, ["Re"] = 186.21, ["Os"] = 190.23, ["Ir"] = 192.22,
        ["Pt"] = 195.08, ["Au"] = 196.97, ["Hg"] = 200.59, ["Tl"] = 204.38, ["Pb"] = 207.2, ["Bi"] = 208.98, ["Th"] = 232.04,
        ["Pa"] = 231.04, ["U"] = 238.03, ["Np"] = 237.0, ["Pu"] = 244.0,
    };

    /// <summary>Molar mass, g/mol, of a formula such as <c>Li7La3Zr2O12</c>, <c>Li1.3Al0.3Ti1.7(PO4)3</c> or <c>LiNi0.8Co0.15Al0.05O2</c>.</summary>
    public static double Of(string formula)
    {
        if (string.IsNullOrWhiteSpace(formula)) throw new InterphaseException("empty formula");
        int i = 0;
        double m = Group(formula.Replace(" ", ""), ref i);
        if (i != formula.Replace(" ", "").Length)
            throw new InterphaseException($"formula '{formula}': unexpected '{formula.Replace(" ", "")[i]}' at position {i + 1}");
        if (!(m > 0)) throw new InterphaseException($"formula '{formula}' has no atoms");
        return m;
    }

    private static double Group(string f, ref int i)
    {
        double total = 0;
        while (i < f.Length && f[i] != ')')
        {
            double part;
            if (f[i] == '(')
            {
                i++;
                part = Group(f, ref i);
                if (i >= f.Length || f[i] != ')') throw new InterphaseException($"formula '{f}': unbalanced '('");
                i++;
            }
            else if (char.IsUpper(f[i]))
            {
                int start = i++;
                while (i < f.Length && char.IsLower(f[i])) i++;
                string symbol = f[start..i];
                if (!Weights.TryGetValue(symbol, out part))
                    throw new InterphaseException($"formula '{f}': unknown element '{symbol}'");
            }
            else throw new InterphaseException($"formula '{f}': unexpected '{f[i]}' at position {i + 1}");
            total += part * Count(f, ref i);
        }
        return total;
    }

    private static double Count(string f, ref int i)
    {
        int start = i;
        while (i < f.Length && (char.IsDigit(f[i]) || f[i] == '.')) i++;
        if (i == start) return 1;
        if (!double.TryParse(f[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw new InterphaseException($"formula '{f}': bad count '{f[start..i]}'");
        return n;
    }
}
