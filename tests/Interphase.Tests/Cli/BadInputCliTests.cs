using System.Globalization;
using System.Text.Json;
using Interphase.Cli;
using Interphase.Data;
using Interphase.Impedance;
using Interphase.Tests.Cell;
using Interphase.Tests.Data;

namespace Interphase.Tests.CliCommands;

/// <summary>Small input files, good and bad, written once for the bad-input tests.</summary>
public sealed class BadInputFiles : IDisposable
{
    public BadInputFiles()
    {
        Directory.CreateDirectory(Dir = Path.Combine(Path.GetTempPath(), "interphase-cli-" + Guid.NewGuid().ToString("N")));
        Write("small.csv", EntryStoreTests.SmallCsv);
        Write("empty.csv", "");
        File.WriteAllBytes(Path.Combine(Dir, "bad.png"), [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 13, 0xFF, 0xFE]);
        var noise = new byte[2048];
        new Random(7).NextBytes(noise);
        noise[100] = 0;
        File.WriteAllBytes(Path.Combine(Dir, "garbage.bin"), noise);
        Write("cases.json", """{"windows": ["Li2O"]}""");
        Write("cases-short.json", """{"reactions": [["Li2O"]]}""");

        string cell = File.ReadAllText(ExamplePaths.Cell("solid-llzo.yaml"));
        Write("cell-unknown-key.yaml", Replace(cell, "excess: 0.20", "excess: 0.20\n  bogus_key: 3"));
        Write("cell-porosity.yaml", Replace(cell, "porosity: 0.10", "porosity: 1.0"));
        Write("cell-text.yaml", Replace(cell, "average_voltage_v: 3.6", "average_voltage_v: abc"));

        string stack = File.ReadAllText(Path.Combine(ExamplePaths.Examples, "stacks", "ncm811-lpscl-li.yaml"));
        Write("stack-pm.yaml", Replace(stack, "composition: LiNi0.8Co0.1Mn0.1O2", "composition: LiPmO2"));
        Write("stack-unknown-key.yaml", Replace(stack, "stack_pressure_mpa: 5", "stack_pressure_mpa: 5\nbogus_key: 1"));

        Write("interphase-bad-product.yaml", "electrolyte: Li3PS4\nproducts: [Li2S, Li3P, Xx2]\nreaction_energy_ev_per_atom: -0.5\n");
        Write("sigma.csv", "T_C,sigma_ms_per_cm\n25,0.4\n75,2\n");
        Write("sigma-negative.csv", "T_C,sigma_ms_per_cm\n25,0.4\n50,-1\n75,2\n");
        Write("sigma-unknown-key.yaml", "name: x\ntemperature_unit: C\nconductivity_unit: S/cm\nbogus: 1\npoints:\n  - [0, 1e-9]\n  - [10, 2e-8]\n");

        // R0-p(R1,C1) with R0 = 10 Ω, R1 = 100 Ω, C1 = 1 µF: f, Z', Z'' as impedance.py's CSV.
        var f = Enumerable.Range(0, 25).Select(i => 1e5 * Math.Pow(10, -i / 4.0)).ToArray();
        var z = Circuit.Parse("R0-p(R1,C1)").Impedance(f, [10, 100, 1e-6]);
        string spectrum = string.Concat(f.Select((x, i) => string.Create(CultureInfo.InvariantCulture, $"{x:R},{z[i].Real:R},{z[i].Imaginary:R}\n")));
        Write("spectrum.csv", spectrum);
        Directory.CreateDirectory(Path.Combine(Dir, "spectra"));
        Write(Path.Combine("spectra", "s1.csv"), spectrum);
        Write(Path.Combine("spectra", "s2.csv"), spectrum);
    }

    public string Dir { get; }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(Dir, name), text);

    private static string Replace(string text, string old, string replacement) =>
        text.Contains(old, StringComparison.Ordinal) ? text.Replace(old, replacement) : throw new InvalidOperationException($"example changed: '{old}' not found");

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

/// <summary>
/// Every command given bad input, as a researcher would: a clear one-line error naming the problem, exit code 2, no
/// stack trace. Placeholders: {dir} the folder of <see cref="BadInputFiles"/>, {ex} the repository's examples/.
/// </summary>
public sealed class BadInputCliTests(BadInputFiles files) : IClassFixture<BadInputFiles>
{
    public static TheoryData<string, int, string> Cases => new()
    {
        // Thermodynamics: formulas, chemical systems without data, entry files, impossible numbers, output paths.
        { "hull Li6PS5Xx --data {dir}/small.csv", 2, "unknown element 'Xx'" },
        { "hull Li( --data {dir}/small.csv", 2, "unbalanced '('" },
        { "hull Li-2O --data {dir}/small.csv", 2, "negative amounts are not allowed" },
        { "window Pm2O3 --data {dir}/small.csv", 2, "no elemental reference (and no data) for Pm" },
        { "window Li2O --open Xx --data {dir}/small.csv", 2, "unknown element 'Xx'" },
        { "window Li2O --data {dir}/missing.csv", 2, "missing.csv: file not found" },
        { "window Li2O --data {dir}/empty.csv", 2, "empty file" },
        { "window Li2O --data {dir}/bad.png", 2, "expected columns 'formula' and 'e_form_per_atom'" },
        { "react Li2O Li2S --volts nan --data {dir}/small.csv", 2, "voltage NaN V" },
        { "react Li2O Li2S --volts -5 --data {dir}/small.csv", 2, "voltage -5 V" },
        { "batch {dir}/cases-short.json --data {dir}/small.csv", 2, "malformed cases" },
        { "batch {dir}/cases.json --data {dir}/small.csv -o {dir}", 2, "it is a folder" },
        // Cell: human output (markup), YAML keys and values, output paths.
        { "cell energy {ex}/cells/solid-llzo.yaml", 0, "Wh/kg" },
        { "cell break-even {ex}/cells/solid-llzo.yaml --against {ex}/cells/liquid-reference.yaml", 0, "separator ≤" },
        { "cell capacity Li --ce 0.999", 0, "retention after 1000 cycles" },
        { "cell ohmic --current 1 --conductivity 1 --thickness 30", 0, "ΔE = 3.00 mV" },
        { "cell energy {dir}/cell-unknown-key.yaml", 2, "unknown key 'bogus_key' (known keys: loading_mg_per_cm2," },
        { "cell energy {dir}/cell-porosity.yaml", 2, "cathode.porosity = 1 must be in [0, 1)" },
        { "cell energy {dir}/cell-text.yaml", 2, "line 18, column 20: 'abc' is not a number" },
        { "cell energy {dir}/small.csv", 2, "expected a mapping of keys here" },
        { "cell capacity Li --ce 1.5", 2, "a fraction, not a percentage" },
        { "cell sweep {ex}/cells/solid-llzo.yaml --param separator --from 1 --to 20 --csv {dir}", 2, "it is a folder" },
        // Screening: impossible numbers and output paths are refused before any work.
        { "screen --cathode LiCoO2 --electrolyte Li2S --threads 0 --data {dir}/small.csv", 2, "threads 0: give a positive number" },
        { "screen --cathode LiCoO2 --electrolyte Li2S --top -1 --data {dir}/small.csv", 2, "--top -1: give a positive number" },
        { "screen --cathode LiCoO2 --electrolyte Li2S --csv {dir} --data {dir}/small.csv", 2, "it is a folder" },
        // Anode.
        { "anode dendrite-nucleation --current 1 --conductivity 0", 2, "conductivity 0 mS/cm must be a positive number" },
        { "anode classify {dir}/interphase-bad-product.yaml", 2, "products[2]: invalid formula 'Xx2'" },
        { "anode voids --temperature -300K", 2, "at or below absolute zero" },
        // Transport.
        { "transport fit {dir}/sigma.csv --csv {dir}/sigma.csv", 2, "is the input file" },
        { "transport fit {dir}/sigma-negative.csv", 2, "line 3: conductivity -1 must be positive" },
        { "transport fit {dir}/sigma-unknown-key.yaml", 2, "unknown key 'bogus'" },
        { "transport fit {dir}/garbage.bin", 2, "garbage.bin" },
        // Impedance.
        { "eis fit {dir}/spectrum.csv -c R0-p(R1,C1) --initial 0,0,0", 2, "initial value of R0 must be a finite number > 0" },
        { "eis fit {dir}/spectrum.csv -c R0-p(R1,C1) --thickness 10", 2, "give the area too" },
        { "eis validate {dir}/spectrum.csv --threshold -1", 2, "residual threshold must be positive" },
        { "eis validate {dir}/spectrum.csv --mu nan", 2, "μ criterion" },
        { "eis batch {dir}/spectra -c R0-p(R1,C1) --area 0", 2, "electrode area must be positive" },
        { "eis batch {dir}/spectra -c R0-p(R1,C1) --interval-min -5", 2, "--interval-min must be positive" },
        { "eis drt {dir}/spectrum.csv --csv {dir}/spectrum.csv", 2, "is the input file" },
        { "eis fit {dir}/bad.png -c R0", 2, "no impedance data rows" },
        // Knowledge base and stack analysis.
        { "kb products Li6PS5Xx", 2, "unknown element 'Xx'" },
        { "analyze {dir}/stack-pm.yaml --data {dir}/small.csv --no-recommendations", 2, "no elemental reference (and no data)" },
        { "analyze {dir}/stack-unknown-key.yaml --data {dir}/small.csv", 2, "unknown key 'bogus_key'" },
        { "analyze {dir}/bad.png --data {dir}/small.csv", 2, "bad.png: line" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInputGivesAClearErrorAndExitCode(string args, int expectedCode, string fragment)
    {
        var argv = args.Split(' ').Select(a => a.Replace("{dir}", files.Dir).Replace("{ex}", ExamplePaths.Examples)).ToArray();
        var (code, stdout, stderr) = CliRunner.Run(argv);
        Assert.True(code == expectedCode, $"exit {code} (expected {expectedCode}); stderr: {stderr}");
        Assert.Contains(fragment, expectedCode == 0 ? stdout : stderr);
        Assert.DoesNotContain("   at ", stderr);
        if (expectedCode == 2) Assert.StartsWith("error: ", stderr);
    }

    [Fact]
    public void AnEmptyFormulaIsAnError()
    {
        var (code, _, err) = CliRunner.Run("hull", "", "--data", Path.Combine(files.Dir, "small.csv"));
        Assert.Equal(2, code);
        Assert.Contains("empty formula", err);
    }

    [Theory]
    [InlineData("hull Li2O --data {dir}/small.csv --json")]
    [InlineData("cell energy {ex}/cells/solid-llzo.yaml --json")]
    [InlineData("anode dendrite-growth --current 1 --asr 10 --json")]
    [InlineData("transport fit {dir}/sigma.csv --json")]
    [InlineData("kb products Li2S --json")]
    public void JsonOutputParses(string args)
    {
        var argv = args.Split(' ').Select(a => a.Replace("{dir}", files.Dir).Replace("{ex}", ExamplePaths.Examples)).ToArray();
        var (code, stdout, stderr) = CliRunner.Run(argv);
        Assert.True(code == 0, stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.NotEqual(JsonValueKind.Undefined, doc.RootElement.ValueKind);
    }

    [Fact]
    public void BadImportsAndExportOverTheStoreLeaveTheStoreUnchanged()
    {
        using var tmp = new TempDir();
        string store = tmp.Store;
        Assert.Equal(0, CliRunner.Run("data", "import", Path.Combine(files.Dir, "small.csv"), "--store", store).Code);
        List<string> before;
        using (var s = EntryStore.OpenExisting(store)) before = EntryStoreTests.Snapshot(s);

        foreach (var bad in new[] { "empty.csv", "bad.png", "garbage.bin", "cases.json", "missing.csv" })
        {
            var (code, _, err) = CliRunner.Run("data", "import", Path.Combine(files.Dir, bad), "--store", store, "--source", "small.csv");
            Assert.True(code == 2, $"{bad}: exit {code}, {err}");
            Assert.Contains(bad, err);
        }
        var export = CliRunner.Run("data", "export", "-o", store, "--store", store);
        Assert.Equal(2, export.Code);
        Assert.Contains("is the entry store", export.Err);
        var notDb = CliRunner.Run("data", "list", "--store", Path.Combine(files.Dir, "garbage.bin"));
        Assert.Equal(2, notDb.Code);
        Assert.Contains("file is not a database", notDb.Err);

        using (var s = EntryStore.OpenExisting(store)) Assert.Equal(before, EntryStoreTests.Snapshot(s));
    }

    [Fact]
    public void UnexpectedExceptionsAreOneLineWithoutStackTrace()
    {
        var bug = CliRunner.Capture(() => CliOutput.Run(() => throw new InvalidOperationException("boom")));
        Assert.Equal(70, bug.Code);
        Assert.Contains("internal error (InvalidOperationException: boom)", bug.Err);
        Assert.DoesNotContain("   at ", bug.Err);

        var shown = CliRunner.Capture(() => CliOutput.Run(() => throw new AggregateException(new InterphaseException("no data for Pm"))));
        Assert.Equal((2, "error: no data for Pm"), (shown.Code, shown.Err.Trim()));
    }
}
