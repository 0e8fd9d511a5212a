namespace Interphase.Cell;

/// <summary>
/// Ohmic polarisation of an electrolyte layer, ΔE = I·R = J·L/σ (Wu et al. 2016, 000_1b9f07c347a22629.txt §1):
/// "a 50 mV drop at 3 mA/cm² and 0.1 mS/cm allows at most 16.7 µm".
/// </summary>
public static class OhmicLoss
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
