namespace Interphase.Cell;

/// <summary>
/// Ohmic polarisation of an electrolyte layer, ΔE = I·R = J·L/σ (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §1):
/// "a 50 mV drop at 3 mA/cm² and 0.1 mS/cm allows at most 16.7 µm".
/// </summary>
internal static class OhmicLoss
{
    /// <summary>Voltage drop, mV, across a layer of <paramref name="thicknessUm"/> µm at <paramref name="currentMaPerCm2"/> mA/cm² and conductivity <paramref name="conductivitySPerCm"/> S/cm.</summary>
    public static double VoltageDropMv(double currentMaPerCm2, double thicknessUm, double conductivitySPerCm)
    {
        CellValidation.NonNegative(currentMaPerCm2, "current density");
        CellValidation.NonNegative(thicknessUm, "thickness");
        CellValidation.Positive(conductivitySPerCm, "conductivity");
        // (A/cm²)·cm/(S/cm) = V.
        return currentMaPerCm2 * 1e-3 * thicknessUm * 1e-4 / conductivitySPerCm * 1e3;
    }

    /// <summary>Largest thickness, µm, for which the drop stays within <paramref name="allowedMv"/> mV.</summary>
    public static double MaxThicknessUm(double allowedMv, double currentMaPerCm2, double conductivitySPerCm)
    {
        CellValidation.NonNegative(allowedMv, "allowed drop");
        CellValidation.Positive(currentMaPerCm2, "current density");
        CellValidation.Positive(conductivitySPerCm, "conductivity");
        return allowedMv * 1e-3 * conductivitySPerCm / (currentMaPerCm2 * 1e-3) * 1e4;
    }

    /// <summary>Area-specific resistance, Ω·cm², of a layer (L/σ).</summary>
    public static double AreaSpecificResistance(double thicknessUm, double conductivitySPerCm)
    {
        CellValidation.NonNegative(thicknessUm, "thickness");
        CellValidation.Positive(conductivitySPerCm, "conductivity");
        return thicknessUm * 1e-4 / conductivitySPerCm;
    }
}

/// <summary>An ohmic-loss calculation: the layer, the drop across it and its resistance (<c>cell ohmic --json</c>).</summary>
/// <param name="CurrentMaPerCm2">Current density, mA/cm².</param>
/// <param name="ConductivitySPerCm">Ionic conductivity, S/cm.</param>
/// <param name="ThicknessUm">Layer thickness, µm (given, or the largest for the allowed drop).</param>
/// <param name="DropMv">Ohmic drop, mV (computed, or the allowed drop).</param>
/// <param name="AsrOhmCm2">Area-specific resistance L/σ, Ω·cm².</param>
public sealed record OhmicLossResult(double CurrentMaPerCm2, double ConductivitySPerCm, double ThicknessUm, double DropMv, double AsrOhmCm2)
{
    /// <summary>
    /// The drop across a layer of <paramref name="thicknessUm"/> µm, or, when only <paramref name="maxDropMv"/> is
    /// given, the largest thickness whose drop stays within it; exactly one of the two must be given.
    /// </summary>
    public static OhmicLossResult Evaluate(double currentMaPerCm2, double conductivitySPerCm, double? thicknessUm, double? maxDropMv)
    {
        if (thicknessUm is null == maxDropMv is null) throw new InterphaseException("give exactly one of --thickness (µm) and --max-drop (mV)");
        double l = thicknessUm ?? OhmicLoss.MaxThicknessUm(maxDropMv!.Value, currentMaPerCm2, conductivitySPerCm);
        double drop = maxDropMv ?? OhmicLoss.VoltageDropMv(currentMaPerCm2, l, conductivitySPerCm);
        return new OhmicLossResult(currentMaPerCm2, conductivitySPerCm, l, drop, OhmicLoss.AreaSpecificResistance(l, conductivitySPerCm));
    }
}
