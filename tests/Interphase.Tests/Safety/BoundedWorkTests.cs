using System.Diagnostics;
using System.Globalization;
using System.Text;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Data.Online;
using Interphase.Tests.Cell;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Data;

namespace Interphase.Tests.Safety;

/// <summary>
/// Reproducers of inputs that once ran unbounded, poisoned the store or printed NaN: each fails at once with a clear
/// error (exit 2) and leaves everything as it was.
/// </summary>
public sealed class BoundedWorkTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static void AssertError((int Code, string Out, string Err) run, string fragment)
    {
        Assert.True(run.Code == 2, $"exit {run.Code}: {run.Err}{run.Out}");
        Assert.StartsWith("error: ", run.Err);
        Assert.Contains(fragment, run.Err);
    }

    [Fact]
    public void CellSweepRefusesAHundredMillionStepsAtOnce()
    {
        // Was: past 60 s and 1.7 GB. Now refused before any work (a generous bound for a loaded machine).
        var watch = Stopwatch.StartNew();
        AssertError(CliRunner.Run("cell", "sweep", ExamplePaths.Cell("solid-llzo.yaml"), "--param", "separator", "--from", "1", "--to", "20", "--steps", "100000000"),
            "steps = 100,000,000 is more than 10,000");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"{watch.Elapsed}");
        // The bound itself still runs.
        Assert.Equal(0, CliRunner.Run("cell", "sweep", ExamplePaths.Cell("solid-llzo.yaml"), "--param", "separator", "--from", "1", "--to", "20", "--steps", "10000", "--json").Code);
    }

    [Fact]
    public void EisRefusesASpectrumOfAMillionPointsAndSaysWhy()
    {
        // 10⁶ points (f from 1 MHz down, one RC arc) took 50–60 s per command; now each names the limit and why.
        var text = new StringBuilder();
        for (int i = 0; i < 1_000_000; i++)
        {
            double f = 1e6 * Math.Pow(10, -8.0 * i / 999_999);
            var z = 10 + 100 / new System.Numerics.Complex(1, 2 * Math.PI * f * 1e-6 * 100);
            text.Append(f.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(z.Real.ToString("R", CultureInfo.InvariantCulture))
                .Append(',').Append(z.Imaginary.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
        string big = _tmp.Write("million.csv", text.ToString());
        foreach (var args in new[] { new[] { "eis", "validate", big }, ["eis", "fit", big, "-c", "R0-p(R1,C1)"], ["eis", "drt", big] })
        {
            var watch = Stopwatch.StartNew();
            AssertError(CliRunner.Run(args), "1,000,000 points; at most 20,000 are analysed, far above what instruments write");
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"{string.Join(' ', args)}: {watch.Elapsed}");
        }
    }

    [Fact]
    public void SpaceChargeSweepWithAHugePointCountIsAnErrorNotACrash()
    {
        // (1e6 nm / 1e-4 nm) points overflowed an int before the 2,000-point check: exit 70.
        AssertError(CliRunner.Run("scl", "interface", "--cathode", "LCO", "--electrolyte", "LPSCl", "--coating", "LiNbO3", "--sweep-thickness-nm", "0:1000000:0.0001"),
            "1E+10 points; use at most 2000");
    }

    [Fact]
    public void ReactAtAVoltageBeyondAnyCoupleIsAnError()
    {
        string small = _tmp.Write("small.csv", EntryStoreTests.SmallCsv);
        // 1e308 V answered NaN / −Infinity with exit 0.
        AssertError(CliRunner.Run("react", "Li2O", "Li2S", "--volts", "1e308", "--data", small), "give a voltage from 0 to 20 V vs Li/Li+");
        AssertError(CliRunner.Run("react", "Li2O", "Li2S", "--volts", "20.5", "--data", small), "voltage 20.5 V");
        // The screen's top of charge and anode potential have the same bound (1e308 V screened with exit 0).
        AssertError(CliRunner.Run("screen", "--cathode", "LiCoO2", "--electrolyte", "Li2S", "--max-volts", "1e308", "--data", small), "top of charge 1E+308 V: give a voltage above 0 and at most 20 V");
        AssertError(CliRunner.Run("screen", "--anode", "Li", "--electrolyte", "Li2S", "--anode-volts", "1e308", "--data", small), "give a voltage from 0 to 20 V");
        // The whole range of real potentials still answers finite numbers.
        var json = CliRunner.Json("react", "Li2O", "Li2S", "--volts", "20", "--data", small);
        Assert.All(json.GetProperty("kinks").EnumerateArray(), k => Assert.True(double.IsFinite(k.GetProperty("e_rxn_ev_per_atom").GetDouble())));
    }

    [Fact]
    public void AnImportWithAnAmountBeyondAnyFormulaIsRefusedWholeAndTheStoreStaysUsable()
    {
        string store = _tmp.File("st.db");
        Assert.Equal(0, CliRunner.Run("data", "import", _tmp.Write("small.csv", EntryStoreTests.SmallCsv), "--store", store).Code);
        byte[] before = File.ReadAllBytes(store);
        // A pymatgen list whose second entry holds 1e300 Li: it imported as Li9223372036854775807 and broke every Li query.
        string json = _tmp.Write("poison.json", """
            [{"@class": "ComputedEntry", "composition": {"Li": 2.0, "O": 1.0}, "energy": -14.0, "correction": 0.0},
             {"@class": "ComputedEntry", "composition": {"Li": 1e300}, "energy": -1.0, "correction": 0.0}]
            """);
        AssertError(CliRunner.Run("data", "import", json, "--store", store), "entry 1: amount of Li (1E+300) is more than 1,000,000 atoms, beyond any formula");
        Assert.Equal(before, File.ReadAllBytes(store));
        // A typed formula has the same bound and words.
        AssertError(CliRunner.Run("hull", "Li1000001", "--store", store), "more than 1,000,000");
        Assert.Equal(0, CliRunner.Run("hull", "Li2O", "--store", store).Code);
        // The smallest amount too, as in a typed formula.
        string tiny = _tmp.Write("tiny.json", """[{"@class": "ComputedEntry", "composition": {"Li": 2.0, "O": 1e-9}, "energy": -14.0}]""");
        AssertError(CliRunner.Run("data", "import", tiny, "--store", store), "amount of O (1E-09) is smaller than 0.000001");
        Assert.Equal(before, File.ReadAllBytes(store));
    }

    [Fact]
    public async Task APullSaysThatItWaitsOnRetryAfterAndForHowLong()
    {
        using var server = new LocalHttpServer((req, n) => n == 1
            ? new CannedResponse(429, """{"detail": "rate limited"}""", new Dictionary<string, string> { ["Retry-After"] = "120" })
            : CannedResponse.Json("""{"data": [{"material_id": "mp-135", "formula_pretty": "Li", "composition": {"Li": 1.0}, "formation_energy_per_atom": 0.0, "energy_per_atom": -1.9, "uncorrected_energy_per_atom": -1.9, "thermo_type": "GGA_GGA+U"}], "meta": {"total_doc": 1}}"""));
        var notices = new List<string>();
        // Waits capped at 0.2 s here; the default caps each at 30 s.
        var client = new MaterialsProjectClient("k", server.BaseUrl, retry: new RetryPolicy(3, TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(200)));
        using (PullNotices.Listen(notices.Add))
            Assert.Single(await client.FetchAsync(ChemicalSystem.Parse("Li").Elements));
        var notice = Assert.Single(notices);
        Assert.Contains("answered HTTP 429", notice);
        Assert.Contains("asked to wait 120 s (Retry-After), waits are capped at 0.2 s: waiting 0.2 s before attempt 2 of 3", notice);
        // Outside the listener nothing is heard (a second pull of another flow stays quiet).
        notices.Clear();
        Assert.Single(await client.FetchAsync(ChemicalSystem.Parse("Li").Elements));
        Assert.Empty(notices);
    }
}
