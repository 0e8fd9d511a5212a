namespace Interphase.Cell;

/// <summary>Separator thicknesses at which a cell matches (or beats by a factor) a reference cell.</summary>
/// <param name="ReferenceSpecificEnergyWhPerKg">Reference E_S, Wh/kg.</param>
/// <param name="ReferenceEnergyDensityWhPerL">Reference E_V, Wh/L.</param>
/// <param name="GainFactor">Target ratio to the reference (1 = break-even, 1.5 = a 50 % gain).</param>
/// <param name="GravimetricUm">Largest separator thickness reaching the gravimetric target, µm (negative: unreachable even at zero thickness; +∞: the separator weighs nothing).</param>
/// <param name="VolumetricUm">Largest separator thickness reaching the volumetric target, µm (negative: unreachable).</param>
public sealed record BreakEvenResult(double ReferenceSpecificEnergyWhPerKg, double ReferenceEnergyDensityWhPerL, double GainFactor,
    double GravimetricUm, double VolumetricUm)
{
    /// <summary>True when some non-negative thickness reaches the gravimetric target.</summary>
    public bool GravimetricReachable => GravimetricUm >= 0;
    /// <summary>True when some non-negative thickness reaches the volumetric target.</summary>
    public bool VolumetricReachable => VolumetricUm >= 0;
}

/// <summary>
/// Break-even separator thickness (BET) of a cell against a reference cell (Wu et al., J. Mater. Chem. A 4, 15266
/// (2016), §3, Fig. 3b–c; McCloskey's d_be in Table 2): the separator thickness at which the cell's E_S (or E_V) equals the
/// reference's times a gain factor.
/// </summary>
/// <remarks>
/// Mass and thickness of the stack are linear in separator thickness, so the BET is exact:
/// L = (E/(g·E_ref) − M₀)/(dM/dL) with M₀ the stack mass at zero separator thickness.
/// </remarks>
public static class BreakEven
{
    /// <summary>Separator thicknesses (µm) at which <paramref name="cell"/> reaches <paramref name="gainFactor"/> × the reference.</summary>
    public static BreakEvenResult Solve(CellSpec cell, CellSpec reference, double gainFactor = 1.0) =>
        Solve(cell, CellEnergyModel.Evaluate(reference), gainFactor);

    /// <summary>As <see cref="Solve(CellSpec, CellSpec, double)"/> against an already evaluated reference.</summary>
    public static BreakEvenResult Solve(CellSpec cell, CellEnergy reference, double gainFactor = 1.0)
    {
        CellValidation.Positive(gainFactor, "gain factor");
        var at0 = CellEnergyModel.Evaluate(WithSeparator(cell, 0.0));
        var at1 = CellEnergyModel.Evaluate(WithSeparator(cell, 1.0));
        double massPerUm = at1.MassMgPerCm2 - at0.MassMgPerCm2;

        double targetEs = gainFactor * reference.SpecificEnergyWhPerKg;
        double targetEv = gainFactor * reference.EnergyDensityWhPerL;
        double allowedMass = 1000.0 * at0.EnergyMwhPerCm2 / targetEs;
        double allowedThickness = 1.0e4 * at0.EnergyMwhPerCm2 / targetEv;
        double grav = massPerUm > 0 ? (allowedMass - at0.MassMgPerCm2) / massPerUm
            : allowedMass >= at0.MassMgPerCm2 ? double.PositiveInfinity : double.NegativeInfinity;
        double vol = allowedThickness - at0.ThicknessUm;
        return new BreakEvenResult(reference.SpecificEnergyWhPerKg, reference.EnergyDensityWhPerL, gainFactor, grav, vol);
    }

    /// <summary>The cell with its separator set to <paramref name="thicknessUm"/>.</summary>
    public static CellSpec WithSeparator(CellSpec cell, double thicknessUm) =>
        cell with { Separator = cell.Separator with { ThicknessUm = thicknessUm } };
}
