using Interphase.Tests.Impedance;
using System.Globalization;
using System.Text;
using Interphase.Impedance;
using Interphase.Tests.Data;

using Xunit.Abstractions;

namespace Interphase.Tests.Safety;

/// <summary>
/// Seeded fuzz of every impedance format the reader supports, mutated from the shared instrument files and synthetic
/// spectra (numbers replaced by huge, tiny, NaN, comma-decimal and text values; lines deleted, duplicated, swapped;
/// truncation): the reader gives finite points or a clear error, and <c>eis validate</c> / <c>eis fit</c> in-process
/// never end in an internal error or hang.
/// </summary>
public sealed class FuzzEisTests(ITestOutputHelper log) : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private static string Synthetic(Random r, string separator, bool header)
    {
        // R0 + (R1 || C1): a semicircle, 20-40 points log-spaced
        double r0 = 10 * r.NextDouble() + 1, r1 = 100 * r.NextDouble() + 10, c1 = 1e-6 * (r.NextDouble() + 0.1);
        var sb = new StringBuilder(header ? $"freq{separator}Zreal{separator}Zimag\n" : "");
        int n = r.Next(20, 41);
        for (int i = 0; i < n; i++)
        {
            double f = Math.Pow(10, 6 - 7.0 * i / (n - 1));
            var z = r0 + r1 / (1 + new System.Numerics.Complex(0, 2 * Math.PI * f * r1 * c1));
            sb.Append(string.Join(separator, new[] { f, z.Real, z.Imaginary }.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        }
        return sb.ToString();
    }

    private static (string Name, string Text) Source(Random r, IReadOnlyList<string> files)
    {
        if (r.Next(5) == 0)
            return (r.Pick(["synthetic.csv", "synthetic.txt", "synthetic.z"]), Synthetic(r, r.Pick([",", "\t", ";", " "]), r.Next(2) == 0));
        string path = r.Pick(files);
        return (Path.GetFileName(path), Encoding.Latin1.GetString(File.ReadAllBytes(path)));
    }

    private static string MutateSpectrum(string text, Random r)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n').ToList();
        int n = 1 + r.Next(4);
        for (int k = 0; k < n; k++)
        {
            // Most edits hit the data (the end of the file), some the header.
            int i = r.Next(3) == 0 ? r.Next(lines.Count) : lines.Count - 1 - r.Next(Math.Min(lines.Count, 40));
            int op = r.Next(8);
            switch (op)
            {
                case 0 or 1 or 2: Mutate.Structure(lines, i, op, r); break;
                case 7:
                    string joined = string.Join('\n', lines);
                    return joined[..r.Next(joined.Length + 1)];
                default: lines[i] = Mutate.NumericLine(lines[i], r); break;
            }
            if (lines.Count == 0) break;
        }
        return string.Join('\n', lines);
    }

    private static string[] Files() => Directory.GetFiles(Path.Combine(TestFiles.Shared, "data", "eis")).Order(StringComparer.Ordinal).ToArray();

    [SharedFact(EisData.Folder)]
    public void TheReaderGivesFinitePointsOrAClearErrorForEveryFormat()
    {
        var run = new FuzzRun("eis reader");
        var r = run.Random();
        var files = Files();
        Assert.True(files.Length >= 17, "the shared EIS files");
        var formats = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 0; c < FuzzRun.Cases(300); c++)
        {
            // every file at least once unmutated-in-name, then at random
            var (name, text) = c < files.Length ? (Path.GetFileName(files[c]), Encoding.Latin1.GetString(File.ReadAllBytes(files[c]))) : Source(r, files);
            string mutated = MutateSpectrum(text, r);
            try
            {
                var s = SpectrumReader.Read(Encoding.Latin1.GetBytes(mutated), name);
                run.Library(0);
                formats.Add(s.Format ?? "?");
                for (int i = 0; i < s.Count; i++)
                    if (!double.IsFinite(s.Frequency[i]) || s.Frequency[i] <= 0 || !double.IsFinite(s.Z[i].Real) || !double.IsFinite(s.Z[i].Imaginary))
                    {
                        run.Finding(c, mutated, [name], $"point {i}: f = {s.Frequency[i]}, Z = {s.Z[i]}");
                        break;
                    }
            }
            catch (InterphaseException ex)
            {
                run.Library(2);
                if (ex.Message.Length > 2000) run.Finding(c, mutated, [name], $"a message of {ex.Message.Length} characters");
            }
            catch (Exception ex)
            {
                run.Library(70);
                run.Finding(c, mutated, [name], $"{ex.GetType().Name}: {ex.Message}");
            }
        }
        run.AssertClean(log);
        Assert.True(formats.Count >= 8, "formats read: " + string.Join(", ", formats));
    }

    [SharedFact(EisData.Folder)]
    public void ValidateAndFitOnMutatedSpectraNeverEndInAnInternalError()
    {
        var run = new FuzzRun("eis cli");
        var r = run.Random();
        var files = Files();
        for (int c = 0; c < FuzzRun.Cases(60); c++)
        {
            var (name, text) = Source(r, files);
            string mutated = MutateSpectrum(text, r);
            string file = Path.Combine(_tmp.PathName, name);
            File.WriteAllBytes(file, Encoding.Latin1.GetBytes(mutated));
            string[] args = r.Next(3) switch
            {
                0 => ["eis", "validate", file, "--max-elements", "20", .. r.Next(3) == 0 ? ["--json"] : Array.Empty<string>()],
                1 => ["eis", "fit", file, "-c", "R0-p(R1,C1)", "--area", "1", .. r.Next(3) == 0 ? ["--json"] : Array.Empty<string>()],
                _ => ["eis", "fit", file, "-c", "R0-p(R1,CPE1)", "--area", "0.5", "--thickness", "500"],
            };
            run.Cli(c, $"{name}:\n{mutated}", args, TimeSpan.FromSeconds(30));
        }
        run.AssertClean(log);
    }
}
