using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using Interphase.Bench.Impedance;
using Interphase.Impedance;

namespace Interphase.Tests.Impedance;

/// <summary>
/// Fits that stay inside what was measured, parameters the data do not determine, the automatic circuit choice, the
/// Zarc and TLMQ elements against their definitions (and impedance.py, run side by side when it is present) and the
/// DRT's bootstrap bands.
/// </summary>
public sealed class IdentifiabilityTests
{
    static bool Inside(double tau, double lo, double hi) => tau >= lo * (1 - 1e-9) && tau <= hi * (1 + 1e-9);

    [Fact]
    public void EveryTimeConstantStaysWithinADecadeOfTheMeasuredWindow()
    {
        // the eis benchmark's hard spectra: garnet cells whose bulk arc lies in the MHz range, at or above f_max
        foreach (var c in HardSpectra.Generate(9))
        {
            var s = c.Spectrum("hard");
            var fit = CircuitFitter.Fit(Circuit.Parse(c.Circuit), s);
            double lo = 1 / (2 * Math.PI * s.Frequency.Max()) / 10, hi = 1 / (2 * Math.PI * s.Frequency.Min()) * 10;
            Assert.All(fit.Relaxations, r => Assert.True(Inside(r.TauSeconds, lo, hi), $"{c.Kind} {r.Label}: τ = {r.TauSeconds:G3} s outside {lo:G3}…{hi:G3} s"));
            Assert.All(fit.Parameters, v => Assert.True(v >= 0 && double.IsFinite(v)));
            // an arc given an origin has its apex inside the measured frequencies
            foreach (var a in FitInterpretation.Analyse(fit).Arcs.Where(a => a.Origin != ArcOrigin.Undetermined))
                Assert.InRange(a.PeakFrequencyHz!.Value, s.Frequency.Min() * 0.99, s.Frequency.Max() * 1.01);
        }
    }

    [Fact]
    public void WithoutTheWindowTheOldRunawayReturns()
    {
        // the same start as impedance.py, unbounded: the fit is free to send a τ beyond 10× the window, which the
        // bounded fit never does (case 0 sends R3's arc below the window in impedance.py's fit too)
        var c = HardSpectra.Generate(1)[0];
        var s = c.Spectrum("hard 0");
        var free = CircuitFitter.Fit(Circuit.Parse(c.Circuit), s, new FitOptions { Initial = c.Start, TimeConstantMarginDecades = double.PositiveInfinity });
        var bounded = CircuitFitter.Fit(Circuit.Parse(c.Circuit), s, new FitOptions { Initial = c.Start });
        double lo = 1 / (2 * Math.PI * s.Frequency.Max()) / 10, hi = 1 / (2 * Math.PI * s.Frequency.Min()) * 10;
        Assert.All(bounded.Relaxations, r => Assert.True(Inside(r.TauSeconds, lo, hi)));
        Assert.True(free.ChiSquare <= bounded.ChiSquare * (1 + 1e-6), "the unbounded fit can only reach a lower residual");
    }

    [Fact]
    public void AnArcAboveTheWindowLeavesOnlyTheInterceptDetermined()
    {
        // bulk arc at 160 MHz (τ = 1 ns) measured to 1 MHz: Z ≈ R0 + R1 there, so R0 and R1 are not separately
        // determined (correlation → −1); the data support R0-p(R2,CPE2) with R0 ≈ R0 + R1
        const string text = "R0-p(R1,CPE1)-p(R2,CPE2)";
        double[] truth = [20, 300, Math.Pow(1e-9, 0.95) / 300, 0.95, 1000, Math.Pow(1e-3, 0.85) / 1000, 0.85];
        var s = Synthetic.Spectrum(text, truth, Synthetic.Frequencies(1e6, 0.1, 10), 0.005, 3);
        var fit = CircuitFitter.Fit(Circuit.Parse(text), s);
        var c = fit.Circuit;
        Assert.True(fit.IsDetermined(c.IndexOf("R2")));
        Assert.InRange(fit["R2"] / 1000, 0.97, 1.03);
        // R1's arc is never assigned: it is outside the window, not determined, or (α < 0.5) no capacitor at all
        var report = FitInterpretation.Analyse(fit, areaCm2: 1, thicknessUm: 500);
        Assert.Equal(ResistanceRole.Undetermined, report.Resistances.Single(r => r.Name == "R1").Role);
        // what is reported as the bulk is the intercept R0 + R1 = 320 Ω, never R0 alone when R1 took part of it
        if (report.Resistances.Single(r => r.Name == "R0").Role == ResistanceRole.Bulk) Assert.InRange(fit["R0"] / 320, 0.97, 1.03);
        if (!fit.IsDetermined(c.IndexOf("R0"))) Assert.Contains(fit.SimplerCircuits, x => x.Circuit == "R0-p(R2,CPE2)");
        // the simpler circuit recovers the intercept R0 + R1 = 320 Ω
        var simple = CircuitFitter.Fit(Circuit.Parse("R0-p(R2,CPE2)"), s);
        Assert.InRange(simple["R0"] / 320, 0.97, 1.03);
        Assert.True(simple.NotDetermined.All(x => !x));
    }

    [Fact]
    public void StandardErrorsMatchTheScatterOverNoiseRealisations()
    {
        // 40 noise draws of one two-arc cell: the reported standard error of R1 and R2 is the scatter of the fitted
        // values (within 35 %, the sampling error of a standard deviation from 40 draws being ≈ 11 %)
        const string text = "R0-p(R1,CPE1)-p(R2,CPE2)";
        double[] truth = [20, 300, Math.Pow(1e-6, 0.9) / 300, 0.9, 1000, Math.Pow(1e-2, 0.85) / 1000, 0.85];
        var f = Synthetic.Frequencies(1e6, 0.01, 10);
        var fits = Enumerable.Range(0, 40).Select(seed => CircuitFitter.Fit(Circuit.Parse(text), Synthetic.Spectrum(text, truth, f, 0.005, 100 + seed),
            new FitOptions { Weighting = Weighting.Modulus, Initial = truth })).ToList();
        foreach (var name in new[] { "R1", "R2" })
        {
            int k = fits[0].Circuit.IndexOf(name);
            double scatter = MathNet.Numerics.Statistics.Statistics.StandardDeviation(fits.Select(x => x.Parameters[k]));
            double reported = fits.Average(x => x.Errors[k]);
            Assert.InRange(reported / scatter, 1 / 1.35, 1.35);
        }
        // the correlation matrix is symmetric with a unit diagonal
        var corr = fits[0].Correlation;
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(1, corr[i, i], 1e-9);
            for (int j = 0; j < 7; j++) Assert.Equal(corr[i, j], corr[j, i], 1e-9);
        }
    }

    [Fact]
    public void RecoveryCasesHaveEveryTimeConstantInsideTheWindow()
    {
        // the generator's promise, which makes every resistance of these cases a fair question to a fit
        foreach (var c in HardSpectra.Recovery(40))
            Assert.All(Circuit.Parse(c.Circuit).TimeConstants(c.Truth),
                t => Assert.True(Inside(t.TauSeconds, 1 / (2 * Math.PI * c.Frequency.Max()), 1 / (2 * Math.PI * c.Frequency.Min())), $"{c.Kind} {t.Label}"));
    }

    /// <summary>
    /// impedance.py's worst |R_fit/R_true − 1| on recovery cases 0–59 from their perturbed starts, from
    /// <c>dotnet run -c Release --project bench/Interphase.Bench -- eis --recovery 60 --verbose</c> (the
    /// "impedance.py worst" lines).
    /// </summary>
    static readonly double[] ImpedancePyWorst = RecoveryReference.ImpedancePyWorst;

    [Fact]
    public void FromTheSameStartTheMedianWorstResistanceErrorIsNoLargerThanImpedancePys()
    {
        var cases = HardSpectra.Recovery(ImpedancePyWorst.Length);
        var ours = cases.Select(c => HardSpectra.WorstResistanceError(c,
            CircuitFitter.Fit(Circuit.Parse(c.Circuit), c.Spectrum("recovery"), new FitOptions { Initial = c.Start }).Parameters)).ToArray();
        double Median(IEnumerable<double> v) { var a = v.Order().ToArray(); return 0.5 * (a[(a.Length - 1) / 2] + a[a.Length / 2]); }
        Assert.True(Median(ours) <= Median(ImpedancePyWorst) * (1 + 1e-3), $"ours {Median(ours):P2}, impedance.py {Median(ImpedancePyWorst):P2}");
    }

    [Fact]
    public void AutomaticChoiceFindsTheTrueCircuit()
    {
        // the first 8 recovery cases: two each of garnet (3 arcs), overlapping arcs, cathode + Warburg, cathode + TLM
        var cases = HardSpectra.Recovery(8);
        var misses = new List<string>();
        foreach (var c in cases)
        {
            var choice = CircuitSelection.Choose(c.Spectrum("recovery"));
            Assert.Equal(choice.Chosen, choice.Candidates[0]);
            Assert.Contains(choice.Candidates, x => x.Circuit == c.Circuit); // the true circuit was proposed
            if (choice.Chosen.Circuit != c.Circuit) misses.Add($"{c.Kind}: chose {choice.Chosen.Circuit} ({choice.Why})");
        }
        Assert.True(misses.Count <= 1, string.Join("; ", misses)); // the criterion is ≥ 80 %
    }

    [Fact]
    public void ZarcIsAnRCpeArcAndTlmqWithUnitExponentIsTheOpenWarburg()
    {
        var f = Synthetic.Frequencies(1e6, 1e-3, 5);
        // Zarc(R, τ, γ) = R‖CPE with Q = τ^γ/R
        double r = 250, tau = 3e-4, g = 0.83;
        var zarc = Circuit.Parse("Zarc1").Impedance(f, [r, tau, g]);
        var rq = Circuit.Parse("p(R1,CPE1)").Impedance(f, [r, Math.Pow(tau, g) / r, g]);
        Assert.All(zarc.Zip(rq), t => Assert.True((t.First - t.Second).Magnitude <= 1e-12 * t.Second.Magnitude));
        // TLMQ(R_ion, Q, 1) = Wo(Z0 = R_ion, τ = R_ion·Q)
        double rion = 40, q = 2e-3;
        var tlm = Circuit.Parse("TLMQ1").Impedance(f, [rion, q, 1]);
        var wo = Circuit.Parse("Wo1").Impedance(f, [rion, rion * q]);
        Assert.All(tlm.Zip(wo), t => Assert.True((t.First - t.Second).Magnitude <= 1e-10 * t.Second.Magnitude));
    }

    [SkippableFact]
    public void ZarcAndTlmqAgreeWithImpedancePy()
    {
        var runPy = ImpedancePy.RunPy();
        var f = Synthetic.Frequencies(1e5, 1e-2, 3);
        string code = "import sys, json; sys.path[:0] = [sys.argv[1], sys.argv[1] + '/stubs']\n" +
            "from impedance.models.circuits.elements import Zarc, TLMQ\n" +
            $"f = {JsonSerializer.Serialize(f)}\n" +
            "z1 = Zarc([250, 3e-4, 0.83], f); z2 = TLMQ([40, 2e-3, 0.8], f)\n" +
            "print(json.dumps([[v.real, v.imag] for v in list(z1) + list(z2)]))";
        var rows = JsonSerializer.Deserialize<double[][]>(ImpedancePy.Python(code, runPy))!;
        var ours = Circuit.Parse("Zarc1").Impedance(f, [250, 3e-4, 0.83]).Concat(Circuit.Parse("TLMQ1").Impedance(f, [40, 2e-3, 0.8])).ToArray();
        Assert.Equal(ours.Length, rows.Length);
        for (int i = 0; i < rows.Length; i++)
            Assert.True((ours[i] - new Complex(rows[i][0], rows[i][1])).Magnitude <= 1e-9 * ours[i].Magnitude, $"point {i}: {ours[i]} vs {rows[i][0]}{rows[i][1]:+0.###;-0.###}j");
    }

    [Fact]
    public void DrtBandsCoverTheEstimateAndScaleWithTheNoise()
    {
        const string text = "R0-p(R1,CPE1)-p(R2,CPE2)";
        double[] truth = [20, 300, Math.Pow(1e-6, 0.9) / 300, 0.9, 1000, Math.Pow(1e-2, 0.85) / 1000, 0.85];
        var f = Synthetic.Frequencies(1e6, 0.01, 10);
        DrtResult At(double noise) => Drt.Compute(Synthetic.Spectrum(text, truth, f, noise, 5), lambda: 1e-3, bootstrap: 60, seed: 1);
        var a = At(0.005);
        var b = At(0.01);
        Assert.Equal(60, a.BootstrapReplicates);
        // the two peaks, each found in (nearly) every replicate, their resistance known to a few percent
        var big = a.Peaks.Where(p => p.InMeasuredRange).Take(2).ToList();
        Assert.All(big, p => Assert.True(p.FoundFraction >= 0.95 && p.ResistanceStdOhm < 0.1 * p.ResistanceOhm, $"{p}"));
        double Width(DrtResult d) => Enumerable.Range(0, d.Tau.Length).Sum(k => d.GammaUpper![k] - d.GammaLower![k]);
        // twice the noise, a wider band: up to twice (the solution is linear in the data where γ > 0), less where the
        // non-negativity holds a band's lower edge at 0 (measured 1.49)
        Assert.InRange(Width(b) / Width(a), 1.3, 2.2);
    }
}

/// <summary>impedance.py's side of the recovery comparison, as the benchmark printed it.</summary>
internal static class RecoveryReference
{
    public static readonly double[] ImpedancePyWorst =
    [
        2.8838088511886677, 0.09972642857744063, 0.006872989059696688, 0.04187407498754514, 0.4970939305106661,
        0.002901047776088017, 0.010647809192186442, 0.04365168076748538, 0.6764329017219632, 0.02415257349400579,
        0.00321047690778109, 0.006605329829803441, 0.1907583263906658, 0.024921959494588197, 0.00913140829266501,
        0.1680685894557169, 0.8156168544994056, 0.036104494233040296, 0.005674113831572791, 0.20318619485128597,
        0.7084897505865652, 0.024247661344669158, 0.006493884142308226, 0.06148445948078396, 0.7844739718091369,
        0.0034732268571946445, 0.01705952921372278, 0.008048123661348106, 0.06710139756033695, 0.008911905776544216,
        0.0053718308433583495, 0.021072868741502937, 1, 0.05632484682741501, 0.03457793665477804,
        0.10926853321846863, 0.9954124156647869, 0.02204525523653844, 0.010138988430537621, 0.18447299644620663,
        0.009509390013277108, 0.023118392042136504, 0.017624185520006996, 0.17359210252452884, 0.47379828821118664,
        0.0355449020734212, 0.014415947909867666, 0.3282420432858214, 0.14110695450516508, 0.05458359568440074,
        0.01713001006991366, 0.008063814423413973, 0.20421412305027808, 0.17163685339199386, 0.02564718931972798,
        0.06970950488601746, 0.7641272849835383, 0.009261324792584125, 0.017775125278860604, 0.11305720608251313,
    ];
}

/// <summary>Runs Python with impedance.py (shared/tools/impedance.py); skips, naming what is missing, when it cannot.</summary>
internal static class ImpedancePy
{
    /// <summary>The impedance.py folder, or a skip saying which of shared/, python3 or SciPy is missing.</summary>
    public static string RunPy()
    {
        var shared = Interphase.Data.SharedData.FindDirectory();
        Skip.If(shared is null, "shared/ not found (set INTERPHASE_SHARED): impedance.py is not available");
        var dir = Path.Combine(shared!, "tools", "impedance.py");
        Skip.IfNot(Directory.Exists(Path.Combine(dir, "impedance")), $"impedance.py not found at {dir}");
        Skip.IfNot(File.Exists(Python3), $"{Python3} not found: impedance.py cannot run");
        var (code, _, err) = Exec("import numpy, scipy", dir);
        Skip.If(code != 0, $"python3 cannot import numpy and scipy ({err.Trim()}): install python3-scipy");
        return dir;
    }

    const string Python3 = "/usr/bin/python3";

    static (int Code, string Out, string Err) Exec(string code, string dir)
    {
        var psi = new ProcessStartInfo(Python3, ["-c", code, dir]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }

    /// <summary>Runs <paramref name="code"/> with the impedance.py folder as argv[1]; returns its standard output.</summary>
    public static string Python(string code, string dir)
    {
        var (c, o, e) = Exec(code, dir);
        Assert.True(c == 0, e);
        return o;
    }
}
