using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Interphase.Cli;
using Interphase.Data;
using Interphase.Tests.Cell;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Data;

namespace Interphase.Tests.Safety;

/// <summary>
/// The property "an output never replaces what the command reads, nor a special file", over every command that has
/// an output option: for each, every file it reads — named, found in a folder, read by default — and every name it
/// derives is refused as an output (by its own name and through a symbolic link) with the file left byte for byte;
/// a character device and a FIFO given as the output are written in place and stay what they are.
/// </summary>
public sealed class OutputProtectionTests : IDisposable
{
    private readonly TempDir _tmp = new();
    private readonly Dictionary<string, string> _files = new();

    /// <summary>A run of one command: its arguments ({name} stands for a file of <see cref="_files"/>) and what it reads.</summary>
    private sealed record Recipe(string Command, string Args, string[] Reads, bool HasStore = false);

    // One recipe per command with an output option; the test fails when a command is missing here.
    private static readonly Recipe[] Recipes =
    [
        new("analyze", "{stack.yaml} --data {thermo} --no-recommendations", ["stack.yaml"]),
        new("screen", "--cathode LiCoO2 --electrolyte Li3PS4 --candidates LiNbO3,Li3PO4 --weights {weights.yaml} --data {thermo}", ["weights.yaml"]),
        new("batch", "{cases.json} --data {small.csv}", ["cases.json", "small.csv"]),
        new("cell sweep", "{c-1.yaml} --param separator --from 1 --to 20 --steps 5 --against {ref.yaml}", ["c-1.yaml", "ref.yaml"]),
        new("transport fit", "{sigma.csv}", ["sigma.csv"]),
        new("anode wetting", "--adhesion 0.5", []),
        new("anode constriction", "--conductivity 1", []),
        new("anode voids", "--pressure 2", []),
        new("anode growth", "--law parabolic --rate 1 --conductivity 1e-8", []),
        new("eis fit", "{spectrum.csv} -c R0-p(R1,CPE1)-p(R2,CPE2)", ["spectrum.csv"]),
        new("eis validate", "{spectrum.csv}", ["spectrum.csv"]),
        new("eis drt", "{spectrum.csv}", ["spectrum.csv"]),
        new("eis batch", "{spectra} -c R0-p(R1,CPE1)-p(R2,CPE2)", ["spectra/s1.csv", "spectra/s2.csv"]),
        new("eis plot", "{spectrum.csv}", ["spectrum.csv"]),
        new("scl profile", "--material LLZO --potential-v 0.1", []),
        new("scl interface", "--cathode LCO --electrolyte LPSCl", []),
        new("data export", "--store {store}", [], HasStore: true),
    ];

    public OutputProtectionTests()
    {
        string Put(string name, string text) => _files[name] = _tmp.Write(name, text);
        Put("stack.yaml", File.ReadAllText(Path.Combine(ExamplePaths.Examples, "stacks", "ncm811-lpscl-li.yaml")));
        Put("weights.yaml", "rxn_electrolyte: 2\n");
        Put("cases.json", """{"windows": ["Li2O"]}""");
        Put("small.csv", EntryStoreTests.SmallCsv);
        string cell = File.ReadAllText(ExamplePaths.Cell("solid-llzo.yaml"));
        // Named so that `--csv c.yaml` for two cells derives c-1.yaml and c-2.yaml: the inputs themselves.
        Put("c-1.yaml", cell);
        Put("c-2.yaml", cell);
        Put("ref.yaml", File.ReadAllText(ExamplePaths.Cell("liquid-reference.yaml")));
        Put("sigma.csv", "T_C,sigma_ms_per_cm\n25,0.4\n50,1.1\n75,2\n");
        // A spectrum of R0 + R1‖C1 (10 Ω, 100 Ω, 1 µF), 1 MHz to 1 Hz, as the CSV layout writes it.
        string spectrum = "frequency,z_real,z_imag\n" + string.Concat(Enumerable.Range(0, 31).Select(k =>
        {
            double f = Math.Pow(10, 6 - 0.2 * k), w = 2 * Math.PI * f;
            var z = 10 + 100 / new System.Numerics.Complex(1, w * 100 * 1e-6);
            return FormattableString.Invariant($"{f:R},{z.Real:R},{z.Imaginary:R}\n");
        }));
        Put("spectrum.csv", spectrum);
        Directory.CreateDirectory(_tmp.File("spectra"));
        Put("spectra/s1.csv", spectrum);
        Put("spectra/s2.csv", spectrum);
        _files["spectra"] = _tmp.File("spectra");
        _files["thermo"] = DefaultData.ThermoPath();
        _files["store"] = _tmp.File("st.db");
        using var s = EntryStore.Open(_files["store"]);
        s.ImportSource(EntryFileReader.Read(_files["small.csv"], "small"), "small");
    }

    public void Dispose() => _tmp.Dispose();

    private string[] Args(Recipe r, params string[] extra) =>
        [.. r.Command.Split(' '), .. r.Args.Split(' ').Select(a => a.StartsWith('{') ? _files[a.Trim('{', '}')] : a), .. extra];

    /// <summary>Every command of the tree with an output option, by its path ("eis batch"), with those options.</summary>
    private static List<(string Path, string[] Outputs)> CommandsWithOutputs()
    {
        var found = new List<(string, string[])>();
        void Walk(Command c, string path)
        {
            var outputs = c.Options.Select(o => o.Name).Where(OutputGuard.OutputOptions.Contains).ToArray();
            if (outputs.Length > 0) found.Add((path, outputs));
            foreach (var sub in c.Subcommands) Walk(sub, path.Length == 0 ? sub.Name : $"{path} {sub.Name}");
        }
        Walk(CliRunner.Root(), "");
        return found;
    }

    [Fact]
    public void EveryCommandWithAnOutputHasARecipe()
    {
        var commands = CommandsWithOutputs().Select(c => c.Path).ToList();
        Assert.True(commands.Count >= Recipes.Length, string.Join(", ", commands));
        Assert.Empty(commands.Except(Recipes.Select(r => r.Command)));
    }

    private static string Extension(string option) => option is "--plot" or "--out" ? ".svg" : option == "--html" ? ".html" : ".csv";

    [Fact]
    public void NoOutputReplacesAFileTheCommandReads()
    {
        var failures = new List<string>();
        foreach (var (command, outputs) in CommandsWithOutputs())
        {
            var recipe = Recipes.Single(r => r.Command == command);
            var protectedFiles = recipe.Reads.Select(n => _files[n]).ToList();
            if (recipe.HasStore) protectedFiles.Add(_files["store"]);
            foreach (var option in outputs)
                foreach (var file in protectedFiles)
                {
                    foreach (var output in new[] { file, Link(file) })
                    {
                        byte[] before = File.ReadAllBytes(file);
                        var (code, _, err) = CliRunner.Run(Args(recipe, option, output));
                        if (code != 2 || !err.StartsWith("error: ", StringComparison.Ordinal) || !err.Contains("writing it would destroy it", StringComparison.Ordinal))
                            failures.Add($"{command} {option} {output}: exit {code}: {err.Trim()}");
                        if (!before.AsSpan().SequenceEqual(File.ReadAllBytes(file)))
                            failures.Add($"{command} {option} {output}: {file} changed");
                    }
                }
        }
        Assert.Empty(failures);
    }

    private int _links;

    private string Link(string target, string? extension = null)
    {
        string link = _tmp.File($"link{++_links}{extension ?? Path.GetExtension(target)}");
        File.CreateSymbolicLink(link, target);
        return link;
    }

    /// <summary>
    /// A character device of this test's own (a node like /dev/null, made with mknod when running as root, so a bug
    /// destroys only it); otherwise /dev/null itself, which a user who is not root cannot replace.
    /// </summary>
    private string CharacterDevice()
    {
        string node = _tmp.File("null-device");
        if (Environment.UserName == "root")
        {
            var mknod = Process.Start(new ProcessStartInfo("mknod", [node, "c", "1", "3"]) { RedirectStandardError = true })!;
            mknod.WaitForExit();
            Assert.True(mknod.ExitCode == 0, "mknod failed: " + mknod.StandardError.ReadToEnd());
            return node;
        }
        return "/dev/null";
    }

    private static string Kind(string path) => Interphase.Reporting.FileIdentity.KindOf(path).ToString();

    [Fact]
    public void DevicesAndFifosGivenAsOutputsAreWrittenInPlaceAndStayWhatTheyAre()
    {
        string device = CharacterDevice();
        string fifo = _tmp.File("pipe");
        var mkfifo = Process.Start("mkfifo", [fifo]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
        Assert.Equal("CharacterDevice", Kind(device));
        Assert.Equal("Fifo", Kind(fifo));
        var failures = new List<string>();
        foreach (var (command, outputs) in CommandsWithOutputs())
        {
            var recipe = Recipes.Single(r => r.Command == command);
            foreach (var option in outputs)
            {
                // The same run into a regular file gives the exit code and the bytes to expect.
                string regular = _tmp.File("regular" + Extension(option));
                var (expected, _, expectedErr) = CliRunner.Run(Args(recipe, option, regular));
                if (expected is not (0 or 3) || !File.Exists(regular))
                {
                    failures.Add($"{command} {option}: the recipe does not run (exit {expected}: {expectedErr.Trim()})");
                    continue;
                }
                long size = new FileInfo(regular).Length;
                File.Delete(regular);
                // Charts pick their format from the name: the special files are reached through links named for it.
                string deviceLink = Link(device, Extension(option)), fifoLink = Link(fifo, Extension(option));

                var (code, _, err) = CliRunner.Run(Args(recipe, option, deviceLink));
                if (code != expected) failures.Add($"{command} {option} → character device: exit {code}: {err.Trim()}");
                if (Kind(device) != "CharacterDevice") failures.Add($"{command} {option}: the device became {Kind(device)}");

                using var drain = new FifoDrain(fifo);
                (code, _, err) = CliRunner.Run(Args(recipe, option, fifoLink));
                long received = drain.Finish();
                if (code != expected) failures.Add($"{command} {option} → FIFO: exit {code}: {err.Trim()}");
                if (Kind(fifo) != "Fifo") failures.Add($"{command} {option}: the FIFO became {Kind(fifo)}");
                if (received == 0 || (option == "--csv" && received != size))
                    failures.Add($"{command} {option}: the FIFO received {received} bytes, the regular file {size}");
            }
        }
        Assert.Empty(failures);
        Assert.Equal("CharacterDevice", Kind(device));
        Assert.Equal("Fifo", Kind(fifo));
    }

    /// <summary>
    /// Reads a FIFO while a command writes it: opened read-write, so the command's open never waits for a reader;
    /// <see cref="Finish"/> writes an end marker and returns how many bytes came before it.
    /// </summary>
    private sealed class FifoDrain : IDisposable
    {
        private static readonly byte[] End = Encoding.ASCII.GetBytes("\0\0INTERPHASE-TEST-END\0\0");
        private readonly string _fifo;
        private readonly FileStream _stream;
        private readonly Task<long> _reader;

        public FifoDrain(string fifo)
        {
            _fifo = fifo;
            _stream = new FileStream(fifo, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1);
            _reader = Task.Run(() =>
            {
                var seen = new List<byte>();
                var buffer = new byte[65536];
                while (true)
                {
                    int n = _stream.Read(buffer, 0, buffer.Length);
                    if (n <= 0) return (long)seen.Count;
                    seen.AddRange(buffer.AsSpan(0, n).ToArray());
                    if (seen.Count >= End.Length && seen.TakeLast(End.Length).SequenceEqual(End)) return (long)(seen.Count - End.Length);
                }
            });
        }

        public long Finish()
        {
            // A writer of its own (the reader's end is open, so this open does not wait).
            using (var writer = new FileStream(_fifo, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1)) writer.Write(End);
            Assert.True(_reader.Wait(TimeSpan.FromSeconds(60)), "the FIFO reader did not finish");
            return _reader.Result;
        }

        public void Dispose() => _stream.Dispose();
    }

    [Fact]
    public void TheNamesASweepDerivesForSeveralCellsAreCheckedNotTheNameGiven()
    {
        // `cell sweep c-1.yaml c-2.yaml --csv c.yaml` writes c-1.yaml and c-2.yaml: it overwrote both inputs.
        var before = new[] { "c-1.yaml", "c-2.yaml" }.Select(n => File.ReadAllBytes(_files[n])).ToList();
        var (code, _, err) = CliRunner.Run("cell", "sweep", _files["c-1.yaml"], _files["c-2.yaml"], "--param", "separator", "--from", "1", "--to", "20", "--csv", _tmp.File("c.yaml"));
        Assert.True(code == 2, $"exit {code}: {err}");
        Assert.Contains($"--csv {_files["c-1.yaml"]} is the input file", err);
        Assert.Equal(before[0], File.ReadAllBytes(_files["c-1.yaml"]));
        Assert.Equal(before[1], File.ReadAllBytes(_files["c-2.yaml"]));
        // Distinct derived names are written, one per cell.
        Assert.Equal(0, CliRunner.Run("cell", "sweep", _files["c-1.yaml"], _files["c-2.yaml"], "--param", "separator", "--from", "1", "--to", "20", "--csv", _tmp.File("o.csv")).Code);
        Assert.True(File.Exists(_tmp.File("o-1.csv")) && File.Exists(_tmp.File("o-2.csv")));
    }

    [Fact]
    public void TheSharedDataReadByDefaultIsProtectedForEveryCommand()
    {
        // A shared folder of the test's own (INTERPHASE_SHARED, in processes of their own): a bug destroys only it.
        string shared = _tmp.File("shared");
        Directory.CreateDirectory(Path.Combine(shared, "data", "thermo"));
        Directory.CreateDirectory(Path.Combine(shared, "data", "properties"));
        File.WriteAllText(Path.Combine(shared, "README.md"), "test shared folder\n");
        string thermo = Path.Combine(shared, "data", "thermo", "mp_e_form.csv");
        File.WriteAllText(thermo, EntryStoreTests.SmallCsv.Replace("        ", ""));
        string gap = Path.Combine(shared, "data", "properties", "mp_gap.csv");
        File.WriteAllText(gap, "formula,target\nLi2O,4.9\n");
        var env = new Dictionary<string, string?> { [SharedData.EnvironmentVariable] = shared, [StoreLocation.EnvironmentVariable] = _files["store"] };
        var cases = CommandsWithOutputs().SelectMany(c => new[] { (c.Path, c.Outputs[0], thermo), (c.Path, c.Outputs[^1], gap) }).Distinct().ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        byte[] thermoBefore = File.ReadAllBytes(thermo), gapBefore = File.ReadAllBytes(gap);
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = 3 }, c =>
        {
            var recipe = Recipes.Single(r => r.Command == c.Item1);
            var (code, _, err) = BuiltCli.Run(Args(recipe, c.Item2, c.Item3), env);
            if (code != 2 || !err.Contains("a data file commands read by default", StringComparison.Ordinal))
                failures.Add($"{c.Item1} {c.Item2} {c.Item3}: exit {code}: {err.Trim()}");
        });
        Assert.Empty(failures);
        Assert.Equal(thermoBefore, File.ReadAllBytes(thermo));
        Assert.Equal(gapBefore, File.ReadAllBytes(gap));
    }

    [Fact]
    public void TheBuiltInDataReadByDefaultIsProtected()
    {
        // A cache folder of the test's own, where the CLI unpacks its built-in tables: a bug destroys only it.
        string cache = _tmp.File("cache");
        var env = new Dictionary<string, string?> { [SharedData.EnvironmentVariable] = null, [DefaultData.CacheEnvironmentVariable] = cache, [StoreLocation.EnvironmentVariable] = _tmp.File("none.db") };
        var first = BuiltCli.Run(["hull", "Li2O"], env);
        Assert.True(first.Code == 0, first.Err);
        string thermo = Assert.Single(Directory.GetFiles(cache, "mp_e_form.csv", SearchOption.AllDirectories));
        byte[] before = File.ReadAllBytes(thermo);
        foreach (var args in new[] { new[] { "data", "export", "-o", thermo }, ["analyze", Path.Combine(Interphase.Tests.Stacks.StackReaderTests.ExamplesDir, "lco-llzo-li.yaml"), "--no-recommendations", "--html", thermo] })
        {
            var (code, _, err) = BuiltCli.Run(args, env);
            Assert.Equal(2, code);
            Assert.Contains("a data file commands read by default", err);
        }
        Assert.Equal(before, File.ReadAllBytes(thermo));
    }
}
