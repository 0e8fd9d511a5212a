using System.Text.Json;
using Interphase.Quantities;

namespace Interphase.Tests.CliCommands;

/// <summary>
/// The <c>--json</c> of the model commands (cell, anode, transport) through the command line: the keys the README's
/// unit-suffix rule names and the values the reviews or the closed-form models give.
/// </summary>
public sealed class ModelCommandJsonTests
{
    private static string ExampleFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "examples", relative))) return Path.Combine(dir.FullName, "examples", relative);
        throw new FileNotFoundException(relative);
    }

    [Fact]
    public void CellOhmicGivesTheReviewsLargestThicknessAndTheDropOfAGivenLayer()
    {
        // Wu et al., J. Mater. Chem. A 4, 15266 (2016), §1: "a 50 mV drop at 3 mA/cm² and 0.1 mS/cm allows at most 16.7 µm".
        var max = CliRunner.Json("cell", "ohmic", "--current", "3", "--conductivity", "0.1", "--max-drop", "50");
        Assert.Equal(16.7, max.GetProperty("thickness_um").GetDouble(), 1);
        Assert.Equal(50, max.GetProperty("drop_mv").GetDouble());
        Assert.Equal(1e-4, max.GetProperty("conductivity_s_per_cm").GetDouble(), 12);
        Assert.Equal(3, max.GetProperty("current_ma_per_cm2").GetDouble());
        // L/σ = 16.67e-4 cm / 1e-4 S/cm.
        Assert.Equal(16.67, max.GetProperty("asr_ohm_cm2").GetDouble(), 2);

        // 30 µm at 1 mS/cm and 1 mA/cm²: ΔE = J·L/σ = 1e-3 · 30e-4 / 1e-3 V = 3 mV; ASR 3 Ω·cm².
        var drop = CliRunner.Json("cell", "ohmic", "--current", "1", "--conductivity", "1", "--thickness", "30");
        Assert.Equal(3.0, drop.GetProperty("drop_mv").GetDouble(), 9);
        Assert.Equal(3.0, drop.GetProperty("asr_ohm_cm2").GetDouble(), 9);

        var (code, _, err) = CliRunner.Run("cell", "ohmic", "--current", "1", "--conductivity", "1", "--thickness", "30", "--max-drop", "5");
        Assert.Equal(2, code);
        Assert.Contains("exactly one of --thickness", err);
    }

    [Fact]
    public void CellCapacityGivesTheTextbookCapacitiesAndRetention()
    {
        var li = CliRunner.Json("cell", "capacity", "Li", "--ce", "0.9998", "--cycles", "1000");
        Assert.Equal(3861, li.GetProperty("capacity_mah_per_g").GetDouble(), 0);     // Li: 3861 mAh/g
        Assert.Equal(6.94, li.GetProperty("molar_mass_g_per_mol").GetDouble(), 2);
        Assert.Equal(0.819, li.GetProperty("retention").GetDouble(), 3);             // 0.9998^1000 = 81.9 %
        Assert.Equal(1000, li.GetProperty("cycles").GetInt32());

        var s = CliRunner.Json("cell", "capacity", "S", "--electrons", "2");
        Assert.Equal(1672, s.GetProperty("capacity_mah_per_g").GetDouble(), 0);     // S → Li2S: 1672 mAh/g
        Assert.False(s.TryGetProperty("retention", out _));                          // no CE, no retention
        Assert.False(s.TryGetProperty("cycles", out _));
    }

    [Fact]
    public void CellSweepJsonNamesTheSweptParameterWithItsUnit()
    {
        string cell = ExampleFile("cells/solid-llzo.yaml");
        var runs = CliRunner.Json("cell", "sweep", cell, "--param", "separator", "--from", "20", "--to", "100", "--steps", "5");
        var run = Assert.Single(runs.EnumerateArray());
        Assert.Equal("separator_um", run.GetProperty("parameter").GetString());
        var points = run.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal([20.0, 40, 60, 80, 100], points.Select(p => p.GetProperty("value").GetDouble()));
        // A thicker separator only adds mass and volume: both energy densities fall.
        var es = points.Select(p => p.GetProperty("specific_energy_wh_per_kg").GetDouble()).ToList();
        var ev = points.Select(p => p.GetProperty("energy_density_wh_per_l").GetDouble()).ToList();
        Assert.True(es.Zip(es.Skip(1)).All(p => p.Second < p.First), string.Join(", ", es));
        Assert.True(ev.Zip(ev.Skip(1)).All(p => p.Second < p.First), string.Join(", ", ev));
        // The file's own separator is 20 µm: the first point is what `cell energy` gives for the file (one model).
        var energy = CliRunner.Json("cell", "energy", cell);
        Assert.Equal(energy.GetProperty("specific_energy_wh_per_kg").GetDouble(), es[0], 9);
        Assert.Equal(energy.GetProperty("energy_density_wh_per_l").GetDouble(), ev[0], 9);
    }

    [Fact]
    public void AnodeWettingGivesTheReviewsContactAngles()
    {
        // Wang et al., Adv. Energy Mater. 10, 2001318 (2020), §2.2: W_ad 0.10 J/m² (Li2CO3) → 142°, 0.67 J/m² (clean Al-LLZO) → 62°; clean LLZO is lithiophilic.
        var rows = CliRunner.Json("anode", "wetting", "--adhesion", "0.10", "--adhesion", "0.67").EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(142, rows[0].GetProperty("contact_angle_deg").GetDouble(), 0.6);
        Assert.False(rows[0].GetProperty("lithiophilic").GetBoolean());
        Assert.Equal(62, rows[1].GetProperty("contact_angle_deg").GetDouble(), 1.0);
        Assert.True(rows[1].GetProperty("lithiophilic").GetBoolean());
        Assert.Equal(0.46, rows[1].GetProperty("surface_energy_j_per_m2").GetDouble());
        Assert.Equal(0.67, rows[1].GetProperty("work_of_adhesion_j_per_m2").GetDouble());
    }

    [Fact]
    public void AnodeGrowthWritesTheLawAsTextAndTheClosedFormState()
    {
        // Linear: L = v·t = 2 nm/h · 500 h = 1000 nm; R = L/σ = 1e-4 cm / 1e-8 S/cm = 1e4 Ω·cm²;
        // failure at 100 Ω·cm² ⇔ L = 10 nm ⇔ t = 5 h.
        var r = CliRunner.Json("anode", "growth", "--law", "linear", "--rate", "2", "--conductivity", "1e-8", "--failure-asr", "100");
        Assert.Equal("linear", r.GetProperty("parameters").GetProperty("law").GetString());
        Assert.Equal("nm/h", r.GetProperty("parameters").GetProperty("rate_unit").GetString());
        Assert.Equal(1000, r.GetProperty("at_end").GetProperty("thickness_nm").GetDouble(), 9);
        Assert.Equal(1e4, r.GetProperty("at_end").GetProperty("asr_ohm_cm2").GetDouble(), 6);
        Assert.Equal(5, r.GetProperty("time_to_failure_h").GetDouble(), 9);

        // Parabolic: L = √(k_p·t) = √(200 nm²/h · 500 h) = 316.2 nm.
        var p = CliRunner.Json("anode", "growth", "--law", "parabolic", "--rate", "200", "--conductivity", "1e-8");
        Assert.Equal("parabolic", p.GetProperty("parameters").GetProperty("law").GetString());
        Assert.Equal("nm²/h", p.GetProperty("parameters").GetProperty("rate_unit").GetString());
        Assert.Equal(Math.Sqrt(1e5), p.GetProperty("at_end").GetProperty("thickness_nm").GetDouble(), 9);
        Assert.False(p.TryGetProperty("time_to_failure_h", out _));
    }

    [Fact]
    public void AnodeCoatingGivesTheStrainAndTheNoFractureRule()
    {
        // Banerjee et al., Chem. Rev. 120, 6878 (2020), §4.2: 30 % particle expansion strains a conformal coating by about 10 % (cube root: 9.14 %); LPS glass
        // (2.8 J/m²) is below the 4 J/m² of the cohesive-zone rule, so fracture is possible.
        var r = CliRunner.Json("anode", "coating", "--volume-change", "0.30", "--fracture-energy", "2.8");
        Assert.Equal(Math.Cbrt(1.3) - 1, r.GetProperty("strain").GetProperty("linear_strain").GetDouble(), 12);
        Assert.Equal(Math.Pow(1.3, 2.0 / 3) - 1, r.GetProperty("strain").GetProperty("areal_strain").GetDouble(), 12);
        Assert.False(r.GetProperty("no_fracture").GetBoolean());
        Assert.False(r.GetProperty("fracture").GetProperty("fracture_energy_ok").GetBoolean());
        Assert.False(r.GetProperty("fracture").GetProperty("expansion_ok").GetBoolean());

        var ok = CliRunner.Json("anode", "coating", "--volume-change", "0.05", "--fracture-energy", "5");
        Assert.True(ok.GetProperty("no_fracture").GetBoolean());
        var strainOnly = CliRunner.Json("anode", "coating", "--volume-change", "0.05");
        Assert.False(strainOnly.TryGetProperty("no_fracture", out _));
    }

    [Fact]
    public void TransportFitRecoversTheSyntheticParametersOfTheExamples()
    {
        // examples/transport/llzo-arrhenius.csv: σT = A·exp(−Ea/kT) with Ea = 0.35 eV, σ(25 °C) = 0.40 mS/cm, 3 % scatter.
        var a = CliRunner.Json("transport", "fit", ExampleFile("transport/llzo-arrhenius.csv"), "--at", "25C");
        Assert.Equal("arrhenius", a.GetProperty("model").GetString());
        Assert.Equal(0.35, a.GetProperty("activation_energy_ev").GetDouble(), 0.02);
        double stderr = a.GetProperty("activation_energy_stderr_ev").GetDouble();
        Assert.InRange(stderr, 1e-4, 0.02);
        Assert.Equal(a.GetProperty("activation_energy_ev").GetDouble() * PhysicalConstants.KjPerMolPerEv,
            a.GetProperty("activation_energy_kj_per_mol").GetDouble(), 9);
        Assert.Equal("S*K/cm", a.GetProperty("prefactor_unit").GetString());
        var at25 = Assert.Single(a.GetProperty("predictions").EnumerateArray());
        Assert.Equal(298.15, at25.GetProperty("temperature_k").GetDouble(), 9);
        Assert.Equal(4.0e-4, at25.GetProperty("conductivity_s_per_cm").GetDouble(), 0.2e-4);
        Assert.True(at25.GetProperty("relative_std_err").GetDouble() > 0);

        // examples/transport/peo-vtf.yaml: σ0 = 5 S·K^½/cm, B = 1200 K, T0 = 210 K with 3 % scatter.
        var v = CliRunner.Json("transport", "fit", ExampleFile("transport/peo-vtf.yaml"), "--model", "vtf");
        Assert.Equal("vtf", v.GetProperty("model").GetString());
        double b = v.GetProperty("b_k").GetDouble(), bErr = v.GetProperty("b_stderr_k").GetDouble();
        Assert.InRange(1200, b - 3 * bErr, b + 3 * bErr);
        double t0 = v.GetProperty("t0_k").GetDouble(), t0Err = v.GetProperty("t0_stderr_k").GetDouble();
        Assert.InRange(210, t0 - 3 * t0Err, t0 + 3 * t0Err);
        Assert.Equal(b * PhysicalConstants.BoltzmannEvPerK, v.GetProperty("pseudo_activation_energy_ev").GetDouble(), 12);
    }

    [Fact]
    public void TransportPredictFollowsTheArrheniusLawThroughTheMeasuredPoint()
    {
        // σT form through 1 mS/cm at 25 °C with Ea = 0.3 eV: σ(T) = σ1·(T1/T)·exp(−Ea/k·(1/T − 1/T1)).
        var r = CliRunner.Json("transport", "predict", "--ea", "0.3", "--sigma", "1", "--to", "60C", "--to", "-20C");
        Assert.Equal("sigma_t", r.GetProperty("model").GetProperty("form").GetString());
        Assert.Equal(0.3, r.GetProperty("model").GetProperty("activation_energy_ev").GetDouble());
        var p = r.GetProperty("predictions").EnumerateArray().ToList();
        double t1 = 298.15, k = PhysicalConstants.BoltzmannEvPerK;
        foreach (var (row, t) in p.Zip(new[] { 333.15, 253.15 }))
        {
            Assert.Equal(t, row.GetProperty("temperature_k").GetDouble(), 9);
            double expected = 1e-3 * t1 / t * Math.Exp(-0.3 / k * (1 / t - 1 / t1));
            Assert.Equal(expected, row.GetProperty("conductivity_s_per_cm").GetDouble(), expected * 1e-9);
        }
        Assert.Equal(60, p[0].GetProperty("temperature_c").GetDouble(), 9);
    }
}
