namespace Interphase.Anode.Interphases;

/// <summary>Growth law of an interphase layer.</summary>
public enum GrowthLaw
{
    /// <summary>No growth (stable or kinetically stabilised interface).</summary>
    None,
    /// <summary>Diffusion-limited (passivating SEI): L² = L₀² + k_p·t.</summary>
    Parabolic,
    /// <summary>Electron-supplied (mixed conductor): L = L₀ + v·t, until failure.</summary>
    Linear,
}

/// <summary>Parameters of interphase growth.</summary>
/// <param name="Law">Growth law.</param>
/// <param name="Rate">k_p in nm²/h (parabolic) or v in nm/h (linear).</param>
/// <param name="IonicConductivitySPerCm">Li⁺ conductivity of the interphase, S/cm (sets its resistance L/σ).</param>
/// <param name="InitialThicknessNm">L₀, nm.</param>
/// <param name="FailureAsrOhmCm2">Interphase resistance at which the cell is counted as failed, Ω·cm² (null: none).</param>
public sealed record GrowthParameters(GrowthLaw Law, double Rate, double IonicConductivitySPerCm, double InitialThicknessNm = 0,
    double? FailureAsrOhmCm2 = null)
{
    /// <summary>The unit of <see cref="Rate"/>, which depends on the law (as <c>prefactor_unit</c> in a conductivity fit).</summary>
    public string RateUnit => Law == GrowthLaw.Parabolic ? "nm²/h" : "nm/h";
}

/// <summary>Interphase state at one time.</summary>
/// <param name="TimeH">Time, h.</param>
/// <param name="ThicknessNm">Thickness, nm.</param>
/// <param name="AsrOhmCm2">Interphase resistance L/σ, Ω·cm².</param>
public readonly record struct GrowthPoint(double TimeH, double ThicknessNm, double AsrOhmCm2);

/// <summary>
/// Interphase thickness and resistance against time: parabolic (diffusion-limited) for a passivating SEI and linear
/// for a mixed-conducting interphase, which grows until the cell fails (Banerjee et al., Chem. Rev. 120, 6878 (2020), §5.1: Wenzel et al.'s
/// diffusion-controlled growth model; LGPS's impedance keeps rising while LPS/LPSCl level off).
/// </summary>
/// <remarks>
/// Resistance is that of a uniform, dense layer, R = L/σ; contact loss and charge transfer are not included. Rate
/// constants are inputs (measured impedance growth gives them: R² ∝ t for a parabolic law).
/// </remarks>
internal static class InterphaseGrowth
{
    /// <summary>The growth law a classification implies.</summary>
    public static GrowthLaw LawFor(InterphaseKind kind) => kind switch
    {
        InterphaseKind.PassivatingSei => GrowthLaw.Parabolic,
        InterphaseKind.MixedConducting => GrowthLaw.Linear,
        InterphaseKind.Undetermined => throw new InterphaseException("the growth law of an undetermined interphase is not known: give it explicitly"),
        InterphaseKind.GasEvolution => throw new InterphaseException("a gas-evolving interface forms no layer with a growth law: give the law explicitly if a solid layer grows as well"),
        _ => GrowthLaw.None,
    };

    /// <summary>State at time <paramref name="timeH"/> (h).</summary>
    public static GrowthPoint At(GrowthParameters p, double timeH)
    {
        Validate(p);
        if (!(timeH >= 0)) throw new InterphaseException($"time {timeH} h must not be negative");
        double l = p.Law switch
        {
            GrowthLaw.Parabolic => Math.Sqrt(p.InitialThicknessNm * p.InitialThicknessNm + p.Rate * timeH),
            GrowthLaw.Linear => p.InitialThicknessNm + p.Rate * timeH,
            _ => p.InitialThicknessNm,
        };
        return new GrowthPoint(timeH, l, l * 1e-7 / p.IonicConductivitySPerCm);
    }

    /// <summary>States at evenly spaced times from 0 to <paramref name="endH"/>.</summary>
    public static IReadOnlyList<GrowthPoint> Series(GrowthParameters p, double endH, int steps = 101)
    {
        if (!(endH > 0)) throw new InterphaseException($"end time {endH} h must be positive");
        if (steps < 2) throw new InterphaseException($"steps = {steps} must be at least 2");
        return Enumerable.Range(0, steps).Select(i => At(p, endH * i / (steps - 1))).ToList();
    }

    /// <summary>Time, h, at which the resistance reaches the failure value; null if it never does.</summary>
    public static double? TimeToFailureH(GrowthParameters p)
    {
        Validate(p);
        if (p.FailureAsrOhmCm2 is not { } rMax) return null;
        double lMax = rMax * p.IonicConductivitySPerCm * 1e7;
        if (lMax <= p.InitialThicknessNm) return 0;
        return p.Law switch
        {
            GrowthLaw.Parabolic => (lMax * lMax - p.InitialThicknessNm * p.InitialThicknessNm) / p.Rate,
            GrowthLaw.Linear => (lMax - p.InitialThicknessNm) / p.Rate,
            _ => null,
        };
    }

    private static void Validate(GrowthParameters p)
    {
        if (!(p.IonicConductivitySPerCm > 0)) throw new InterphaseException($"interphase conductivity {p.IonicConductivitySPerCm} S/cm must be positive");
        if (!(p.InitialThicknessNm >= 0)) throw new InterphaseException($"initial thickness {p.InitialThicknessNm} nm must not be negative");
        if (p.Law != GrowthLaw.None && !(p.Rate > 0)) throw new InterphaseException($"growth rate {p.Rate} must be positive");
        if (p.FailureAsrOhmCm2 is { } f && !(f > 0)) throw new InterphaseException($"failure ASR {f} Ω·cm² must be positive");
    }
}

/// <summary>Interphase growth over a time span (<c>anode growth --json</c>).</summary>
/// <param name="Parameters">The growth parameters.</param>
/// <param name="AtEnd">Thickness and resistance at the end of the span.</param>
/// <param name="TimeToFailureH">Time at which the resistance reaches the failure ASR, h (null: no failure ASR, or never).</param>
public sealed record GrowthReport(GrowthParameters Parameters, GrowthPoint AtEnd, double? TimeToFailureH)
{
    /// <summary>Growth under <paramref name="p"/> after <paramref name="hours"/> h.</summary>
    public static GrowthReport Over(GrowthParameters p, double hours) => new(p, InterphaseGrowth.At(p, hours), InterphaseGrowth.TimeToFailureH(p));
}
