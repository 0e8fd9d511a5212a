using Interphase.Impedance;
using Interphase.Reporting;

namespace Interphase.Tests.Impedance;

public class InterfaceAndBatchTests
{
    [Fact]
    public void GarnetArcsAreAssignedByCapacitanceWithAsrAndConductivity()
    {
        var fit = CircuitFitter.Fit(Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)-p(R3,CPE3)"), SyntheticRecoveryTests.GarnetSpectrum(),
            new FitOptions { Weighting = Weighting.Modulus });
        // 1 mm pellet, 1 cm² electrodes: cell constant L/A = 0.1 cm⁻¹
        var report = FitInterpretation.Analyse(fit, areaCm2: 1.0, thicknessUm: 1000, symmetric: true);
        Assert.Equal([ArcOrigin.Bulk, ArcOrigin.GrainBoundary, ArcOrigin.ElectrodeInterface], report.Arcs.Select(a => a.Origin));
        // effective capacitances come back to the generating values (5 pF, 2 nF, 2 µF) within 10 %
        Assert.InRange(report.Arcs[0].CapacitanceF!.Value / 5e-12, 0.9, 1.1);
        Assert.InRange(report.Arcs[1].CapacitanceF!.Value / 2e-9, 0.9, 1.1);
        Assert.InRange(report.Arcs[2].CapacitanceF!.Value / 2e-6, 0.9, 1.1);
        Assert.Contains("Irvine", report.Arcs[0].Reasoning);
        var r3 = report.Resistances.Single(r => r.Name == "R3");
        Assert.Equal(fit["R3"] * 1.0, r3.AsrOhmCm2!.Value, 9);
        Assert.Equal(fit["R3"] / 2, r3.InterfaceAsrOhmCm2!.Value, 9);
        // bulk σ = L/(R_b A) = 0.1 cm / (2e4 Ω · 1 cm²) = 5e-6 S/cm; total adds the 8e3 Ω grain boundary
        Assert.InRange(report.BulkConductivitySPerCm!.Value / 5e-6, 0.97, 1.03);
        Assert.InRange(report.TotalConductivitySPerCm!.Value / (0.1 / 2.8e4), 0.97, 1.03);
        // ASR only for the interface arc, σ only for the bulk arc; R0 is the series (lead) resistance
        Assert.Equal(ResistanceRole.Series, report.Resistances.Single(r => r.Name == "R0").Role);
        Assert.All(report.Resistances.Where(r => r.Name != "R3"), r => Assert.Null(r.AsrOhmCm2));
        Assert.All(report.Resistances.Where(r => r.Name != "R1"), r => Assert.Null(r.ConductivitySPerCm));
        Assert.Equal(report.BulkConductivitySPerCm!.Value, report.Resistances.Single(r => r.Name == "R1").ConductivitySPerCm!.Value, 12);
        Assert.All(report.Resistances, r => Assert.False(string.IsNullOrEmpty(r.Reason)));
    }

    [Fact]
    public void WithoutABulkArcTheSeriesResistanceIsTheBulk()
    {
        // garnet at room temperature: the bulk arc lies above 7 MHz, R0 is the bulk intercept; a blocking CPE in series
        var circuit = Circuit.Parse("R0-p(R1,CPE1)-CPE2");
        double[] p = [500, 300, Synthetic.QFor(3e-9, 300, 0.9), 0.9, 2e-6, 0.85];
        var fit = new FitResult
        {
            Circuit = circuit, Parameters = p, Errors = new double[p.Length], IsConstant = new bool[p.Length], Correlation = new double[p.Length, p.Length],
            ChiSquare = 0, PseudoChiSquare = 0, Rmse = 0, Iterations = 0, Converged = true, Weighting = Weighting.Unit,
        };
        var report = FitInterpretation.Analyse(fit, areaCm2: 0.5, thicknessUm: 1000, symmetric: false);
        var r0 = report.Resistances.Single(r => r.Name == "R0");
        Assert.Equal(ResistanceRole.Bulk, r0.Role);
        Assert.Equal(0.1 / (500 * 0.5), r0.ConductivitySPerCm!.Value, 12);
        Assert.Null(r0.AsrOhmCm2);
        // 3 nF · (L/A = 0.2 cm⁻¹) = 0.6 nF: grain boundary, counted in the total σ, no ASR
        Assert.Equal(ArcOrigin.GrainBoundary, report.Arcs.Single().Origin);
        Assert.Equal(0.1 / (800 * 0.5), report.TotalConductivitySPerCm!.Value, 12);
        Assert.Null(report.Resistances.Single(r => r.Name == "R1").AsrOhmCm2);
        var cpe2 = report.SeriesElements.Single();
        Assert.Equal("CPE2", cpe2.Name);
        Assert.Contains("blocking", cpe2.Meaning);
        Assert.Equal(Math.Pow(2e-6, 1 / 0.85), cpe2.CapacitanceF!.Value, 15);
    }

    [Fact]
    public void EffectiveCapacitanceFormulas()
    {
        // Hsu–Mansfeld: C = Q^(1/α) R^((1−α)/α); Brug: C = Q^(1/α) (1/Rs + 1/R)^((α−1)/α)
        var circuit = Circuit.Parse("R0-p(R1,CPE1)");
        double[] p = [10, 1000, 1e-6, 0.8];
        var fit = new FitResult
        {
            Circuit = circuit, Parameters = p, Errors = new double[4], IsConstant = new bool[4], Correlation = new double[4, 4],
            ChiSquare = 0, PseudoChiSquare = 0, Rmse = 0, Iterations = 0, Converged = true, Weighting = Weighting.Unit,
        };
        var arc = FitInterpretation.Analyse(fit).Arcs.Single();
        Assert.Equal(Math.Pow(1e-6, 1.25) * Math.Pow(1000, 0.25), arc.CapacitanceF!.Value, 1e-15);
        Assert.Equal(Math.Pow(1e-6, 1.25) * Math.Pow(1 / 10.0 + 1 / 1000.0, -0.25), arc.BrugCapacitanceF!.Value, 1e-15);
        Assert.Equal(1 / (2 * Math.PI * Math.Pow(1000 * 1e-6, 1.25)), arc.PeakFrequencyHz!.Value, 1e-9);
    }

    [Fact]
    public void BatchFollowsGrowingInterfaceResistanceInParallel()
    {
        // 12 spectra of a Li|LLZO|Li cell whose interface resistance grows 5 % per spectrum
        const string c = "R0-p(R1,CPE1)-p(R2,CPE2)";
        var f = Synthetic.Frequencies(1e6, 0.1, 8);
        var spectra = Enumerable.Range(0, 12).Select(i =>
            Synthetic.Spectrum(c, [20, 300, Synthetic.QFor(1e-9, 300, 0.9), 0.9, 500 * Math.Pow(1.05, i), Synthetic.QFor(1e-6, 500, 0.85), 0.85], f, 0.005, 100 + i)
            with { Source = $"t{i}.csv" }).ToList();
        int reported = 0;
        var items = BatchFitter.Fit(spectra, Circuit.Parse(c), new FitOptions { Weighting = Weighting.Modulus }, intervalHours: 0.5,
            progress: new SyncProgress(n => Interlocked.Exchange(ref reported, Math.Max(reported, n))), maxDegreeOfParallelism: 2);
        Assert.Equal(12, reported);
        Assert.All(items, it => Assert.NotNull(it.Fit));
        for (int i = 0; i < 12; i++)
        {
            Assert.Equal(0.5 * i, items[i].TimeHours!.Value, 12);
            Assert.InRange(items[i].Fit!["R2"] / (500 * Math.Pow(1.05, i)), 0.97, 1.03);
        }
        var chart = ImpedanceCharts.Trend(items, areaCm2: 2);
        Assert.Equal(["R0", "R1", "R2"], chart.Series.Select(s => s.Name));
        Assert.Equal(2 * items[11].Fit!["R2"], chart.Series[2].Y[11], 9);
        Assert.Equal("ASR (Ω·cm²)", chart.YLabel);
    }

    [Fact]
    public void BatchCsvQuotesFileNamesAndErrorsAndReadsBack()
    {
        const string c = "R0-p(R1,C1)";
        var f = Synthetic.Frequencies(1e5, 0.1, 8);
        var good = Synthetic.Spectrum(c, [10, 100, 1e-6], f, 0.002, 1) with { Source = "/data/cell \"A\", 25 °C.csv" };
        var fit = CircuitFitter.Fit(Circuit.Parse(c), good);
        BatchItem[] items = [new(0, good.Source!, 0, fit, null), new(1, "/data/b.csv", 0.5, null, "b.csv: 3 points cannot determine 3 parameters, \"really\"")];
        var w = new StringWriter();
        BatchFitter.WriteCsv(Circuit.Parse(c), items, w);
        using var reader = CsvHelper.CsvReader.Create(new StringReader(w.ToString()), new CsvHelper.CsvReaderOptions { HasHeader = true });
        var rows = new List<string[]> { reader.Headers.ToArray() };
        while (reader.Read()) rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i)).ToArray());
        Assert.Equal(["index", "file", "time_h", "R0", "R0_err", "R1", "R1_err", "C1", "C1_err", "chi_square", "error"], rows[0]);
        Assert.Equal("cell \"A\", 25 °C.csv", rows[1][1]);
        Assert.Equal(fit["R1"], double.Parse(rows[1][5], System.Globalization.CultureInfo.InvariantCulture)); // round-trip precision
        Assert.Equal("", rows[1][^1]);
        Assert.Equal("", rows[2][3]); // failed fit: empty parameter fields
        Assert.Equal("b.csv: 3 points cannot determine 3 parameters, \"really\"", rows[2][^1]);
        Assert.Equal(11, rows[2].Length);
    }

    [SharedFact(EisData.Folder)]
    public void JsonRecordsUseUnitKeysAndEnumsAsSnakeCaseStrings()
    {
        var s = SpectrumReader.Read(EisData.File("exampleData.csv")).DropInductive();
        var fit = CircuitFitter.Fit(Circuit.Parse("R0-p(R1,CPE1)-p(R2,CPE2)-CPE3"), s, new FitOptions { Weighting = Weighting.Modulus });
        var report = FitInterpretation.Analyse(fit, areaCm2: 1, thicknessUm: 1000, symmetric: true);
        using var doc = System.Text.Json.JsonDocument.Parse(JsonOutput.Serialize(ImpedanceJson.Fit(s, fit, report, hasArea: true)));
        var root = doc.RootElement;
        Assert.Equal("modulus", root.GetProperty("weighting").GetString());
        Assert.True(root.GetProperty("rmse_ohm").GetDouble() > 0);
        Assert.All(root.GetProperty("resistances").EnumerateArray(), r =>
            Assert.Matches("^[a-z_]+$", r.GetProperty("role").GetString()!));
        Assert.All(root.GetProperty("arcs").EnumerateArray(), a =>
        {
            Assert.Matches("^[a-z_]+$", a.GetProperty("origin").GetString()!);
            Assert.True(a.TryGetProperty("resistance_ohm", out _));
        });
        Assert.Equal("CPE3", root.GetProperty("series_elements")[0].GetProperty("name").GetString());
        Assert.True(root.GetProperty("asr_ohm_cm2").TryGetProperty("R1", out _));

        using var kk = System.Text.Json.JsonDocument.Parse(JsonOutput.Serialize(ImpedanceJson.Validate(s, KramersKronig.Test(s))));
        Assert.Equal("mu", kk.RootElement.GetProperty("m_choice").GetString());
        Assert.Equal(13, kk.RootElement.GetProperty("rc_elements").GetInt32());
        using var drt = System.Text.Json.JsonDocument.Parse(JsonOutput.Serialize(ImpedanceJson.Drt(s, Drt.Compute(s))));
        Assert.True(drt.RootElement.GetProperty("peaks")[0].TryGetProperty("tau_s", out _));
        Assert.True(drt.RootElement.TryGetProperty("r_inf_ohm", out _));
        Assert.True(drt.RootElement.TryGetProperty("measured_tau_max_s", out _));
    }

    sealed class SyncProgress(Action<int> report) : IProgress<int> { public void Report(int value) => report(value); }

    [SharedFact(EisData.Folder)]
    public void NyquistChartUsesEqualAxesAndMinusZImag()
    {
        var s = SpectrumReader.Read(EisData.File("exampleData.csv"));
        var chart = ImpedanceCharts.Nyquist(s, s.Z);
        Assert.True(chart.EqualAxes);
        Assert.Equal(-s.Z[0].Imaginary, chart.Series[0].Y[0]);
        Assert.Equal(2, chart.Series.Count);
        var svg = ChartRenderer.ToSvg(chart);
        Assert.Contains("<svg", svg);
        var drt = ImpedanceCharts.Drt(Drt.Compute(s.DropInductive()));
        Assert.True(drt.LogX);
        Assert.NotEmpty(drt.VerticalMarkers);
    }
}
