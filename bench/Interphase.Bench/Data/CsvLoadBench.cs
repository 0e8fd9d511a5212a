using System.Diagnostics;
using Interphase.Data;

namespace Interphase.Bench.Data;

/// <summary>
/// Loading the shared 132,752-row formation-energy CSV into entries (what every command without a store does once),
/// side by side with Python's csv module reading the same rows (the floor of any CSV parse in the reference tools).
/// </summary>
public sealed class CsvLoadBench : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "csv";

    /// <inheritdoc />
    public string Description => "load of the shared 132,752-row mp_e_form.csv into entries vs Python's csv module";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        if (BenchShared.File("data/thermo/mp_e_form.csv") is not { } csv) return 2;
        int runs = args.Length > 0 && int.TryParse(args[0], out int n) && n > 0 ? n : 5;
        EntryCsvReader.Read(csv, "warm-up");
        var times = new List<double>();
        int rows = 0;
        for (int i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            rows = EntryCsvReader.Read(csv, "mp_e_form.csv").Count;
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        Console.WriteLine($"Interphase EntryCsvReader: {rows} entries, median {times[times.Count / 2]:F3} s, min {times[0]:F3} s over {runs} runs");
        double? py = PythonCsvSeconds(csv);
        if (py is { } p) Console.WriteLine($"Python csv.reader (rows only, no parsing of formulas): {p:F3} s; ratio {times[times.Count / 2] / p:F2}");
        return 0;
    }

    private static double? PythonCsvSeconds(string csv)
    {
        const string script = "import csv,sys,time\nt=time.perf_counter()\nwith open(sys.argv[1],newline='') as f: n=sum(1 for _ in csv.reader(f))\nprint(time.perf_counter()-t)";
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(script);
            psi.ArgumentList.Add(csv);
            using var proc = Process.Start(psi)!;
            string output = proc.StandardOutput.ReadToEnd();
            proc.WaitForExit();
            return proc.ExitCode == 0 ? double.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
