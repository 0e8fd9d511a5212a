using Interphase.Anode.Interphases;
using Interphase.Cell;
using Interphase.Reporting;
using Interphase.Quantities;

namespace Interphase.Anode;

/// <summary>Sweeps of the anode models as tables (CSV) and charts.</summary>
public static class AnodeCharts
{
    /// <summary>Critical stripping current against stack pressure at each temperature (K).</summary>
    public static (SweepTable Table, Chart Chart) CriticalCurrent(double[] pressuresMPa, double[] temperaturesK, StrippingParameters? p = null)
    {
        var table = new SweepTable("pressure_mpa", "temperature_k", "diffusion_ma_per_cm2", "creep_ma_per_cm2", "critical_ma_per_cm2");
        var chart = new Chart
        {
            Title = "Critical stripping current (three-flux balance)",
            XLabel = "Stack pressure (MPa)", YLabel = "Critical stripping current (mA/cm²)", LogY = true,
        };
        foreach (var t in temperaturesK)
        {
            var limits = pressuresMPa.Select(pr => StrippingVoids.Limit(pr, t, p)).ToList();
            foreach (var l in limits) table.Add(l.PressureMPa, t, l.DiffusionMaPerCm2, l.CreepMaPerCm2, l.CriticalMaPerCm2);
            chart.Series.Add(new Series($"{t - PhysicalConstants.ZeroCelsiusK:G4} °C", pressuresMPa, limits.Select(l => l.CriticalMaPerCm2).ToArray()));
        }
        return (table, chart);
    }

    /// <summary>Contact angle of Li against work of adhesion.</summary>
    public static (SweepTable Table, Chart Chart) ContactAngle(double[] adhesionJPerM2, double surfaceEnergyJPerM2 = LithiumMetal.SurfaceEnergyJPerM2)
    {
        var table = new SweepTable("work_of_adhesion_j_per_m2", "contact_angle_deg");
        var angles = adhesionJPerM2.Select(w => Wetting.ContactAngleDeg(w, surfaceEnergyJPerM2)).ToArray();
        for (int i = 0; i < angles.Length; i++) table.Add(adhesionJPerM2[i], angles[i]);
        var chart = new Chart { Title = $"Li contact angle (Young–Dupré, γ_Li = {surfaceEnergyJPerM2:G3} J/m²)", XLabel = "Work of adhesion (J/m²)", YLabel = "Contact angle (°)" };
        chart.Series.Add(new Series("θ", adhesionJPerM2, angles));
        chart.HorizontalMarkers.Add((90, "lithiophilic below"));
        return (table, chart);
    }

    /// <summary>Constriction ASR against stack pressure.</summary>
    public static (SweepTable Table, Chart Chart) ConstrictionAsr(double[] pressuresMPa, double conductivitySPerCm, double areaCm2 = 1,
        double hardnessMPa = LithiumMetal.VickersHardnessMPa, int spots = 1)
    {
        var table = new SweepTable("pressure_mpa", "force_n", "contact_fraction", "resistance_ohm", "asr_ohm_cm2");
        var results = pressuresMPa.Select(p => ConstrictionResistance.Evaluate(p, conductivitySPerCm, areaCm2, hardnessMPa, spots)).ToList();
        for (int i = 0; i < results.Count; i++)
            table.Add(pressuresMPa[i], results[i].ForceN, results[i].ContactFraction, results[i].ResistanceOhm, results[i].AsrOhmCm2);
        var chart = new Chart
        {
            Title = "Constriction resistance against stack load (Eq. 1)", XLabel = "Stack pressure (MPa)", YLabel = "ASR (Ω·cm²)",
            LogX = true, LogY = true,
        };
        // Full-contact points (ASR 0) cannot go on log axes; the marker shows where Eq. 1 stops.
        var partial = Enumerable.Range(0, results.Count).Where(i => !results[i].FullContact).ToArray();
        chart.Series.Add(new Series("R·A", partial.Select(i => pressuresMPa[i]).ToArray(), partial.Select(i => results[i].AsrOhmCm2).ToArray()));
        chart.VerticalMarkers.Add((hardnessMPa, "full contact (p = H)"));
        return (table, chart);
    }

    /// <summary>Interphase thickness and resistance against time.</summary>
    public static (SweepTable Table, Chart Chart) Growth(GrowthParameters p, double endH, int steps = 101)
    {
        var pts = InterphaseGrowth.Series(p, endH, steps);
        var table = new SweepTable("time_h", "thickness_nm", "asr_ohm_cm2");
        foreach (var g in pts) table.Add(g.TimeH, g.ThicknessNm, g.AsrOhmCm2);
        var chart = new Chart { Title = $"Interphase resistance ({p.Law} growth)", XLabel = "Time (h)", YLabel = "Interphase ASR (Ω·cm²)" };
        chart.Series.Add(new Series("R_SEI", pts.Select(g => g.TimeH).ToArray(), pts.Select(g => g.AsrOhmCm2).ToArray()));
        if (p.FailureAsrOhmCm2 is { } f) chart.HorizontalMarkers.Add((f, "failure"));
        return (table, chart);
    }
}
