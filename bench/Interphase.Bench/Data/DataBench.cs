using System.Diagnostics;
using System.Globalization;
using Interphase.Chemistry;
using Interphase.Data;

namespace Interphase.Bench.Data;

/// <summary>
/// Entry store: importing the shared 132,752-row CSV (first import and idempotent re-import) and answering
/// sub-system queries, side by side with what a pymatgen user does (parse the CSV into compositions once, then filter
/// by chemical system) and with re-reading the CSV per query (the no-store fallback).
/// </summary>
public sealed class DataBench : IBenchSuite
{
    private static readonly string[] Systems = ["Li-P-S-Cl", "Li-Ge-P-S", "Li-La-Zr-O", "Li-Co-Ni-Mn-O", "Li-Fe-P-O-F-Mn-Co"];

    /// <inheritdoc />
    public string Name => "data";

    /// <inheritdoc />
    public string Description => "entry store: import of the shared CSV, sub-system queries vs pymatgen filtering";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        if (BenchShared.File("data/thermo/mp_e_form.csv") is not { } csv) return 2;
        var dir = Path.Combine(Path.GetTempPath(), "interphase-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            return RunIn(csv, Path.Combine(dir, "entries.db"));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int RunIn(string csv, string storePath)
    {
        using var store = EntryStore.Open(storePath);
        var sw = Stopwatch.StartNew();
        var first = store.ImportSource(EntryFileReader.Read(csv, "mp_e_form.csv"), "mp_e_form.csv", csv);
        double importS = sw.Elapsed.TotalSeconds;
        var reimports = new List<double>();
        for (int i = 0; i < 3; i++)
        {
            sw.Restart();
            store.ImportSource(EntryFileReader.Read(csv, "mp_e_form.csv"), "mp_e_form.csv", csv);
            reimports.Add(sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"import {first.Added} rows: first {importS:F2} s, re-import (replace) median {Median(reimports):F2} s; store {new FileInfo(storePath).Length / 1048576.0:F1} MB");

        var py = PymatgenTimes(csv);
        if (py is not null) Console.WriteLine($"pymatgen: read CSV into {py.Entries} Composition objects {py.LoadSeconds:F2} s (once per session)");

        Console.WriteLine($"{"system",-20} {"k",2} {"entries",8} {"store ms",9} {"re-read CSV ms",15} {"pymatgen ms",12} {"pmg/store",10}");
        foreach (var sys in Systems)
        {
            var elements = ChemicalSystem.Parse(sys).Elements;
            int n = 0;
            var times = new List<double>();
            for (int i = 0; i < 20; i++)
            {
                sw.Restart();
                n = store.Query(elements).Count;
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            sw.Restart();
            int fromCsv = EntrySourceResolver.Resolve(elements, new EntrySourceOptions { DataFiles = [csv], ToFormation = false }).Count;
            double csvMs = sw.Elapsed.TotalMilliseconds;
            if (fromCsv != n) throw new InvalidOperationException($"{sys}: store {n} entries, CSV {fromCsv}");
            double storeMs = Median(times);
            string pyMs = "-", ratio = "-";
            if (py?.QueryMs.TryGetValue(sys, out var q) == true)
            {
                if (q.Count != n) throw new InvalidOperationException($"{sys}: store {n} entries, pymatgen {q.Count}");
                pyMs = q.Ms.ToString("F2", CultureInfo.InvariantCulture);
                ratio = (q.Ms / storeMs).ToString("F1", CultureInfo.InvariantCulture) + "x";
            }
            Console.WriteLine($"{sys,-20} {elements.Count,2} {n,8} {storeMs,9:F2} {csvMs,15:F0} {pyMs,12} {ratio,10}");
        }
        return 0;
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s[s.Count / 2];
    }

    private sealed record PyResult(int Entries, double LoadSeconds, Dictionary<string, (int Count, double Ms)> QueryMs);

    // The pymatgen way: parse every formula into a Composition once, then filter by element subset per query.
    private static PyResult? PymatgenTimes(string csv)
    {
        const string script = """
            import csv, sys, time
            from pymatgen.core import Composition
            t = time.perf_counter()
            rows = [(Composition(f), float(e)) for f, e in list(csv.reader(open(sys.argv[1])))[1:]]
            print("load", len(rows), time.perf_counter() - t)
            for s in sys.argv[2:]:
                els = set(s.split("-"))
                best = None
                for _ in range(3):
                    t = time.perf_counter()
                    hits = [r for r in rows if {el.symbol for el in r[0].elements} <= els]
                    dt = (time.perf_counter() - t) * 1000
                    best = dt if best is None else min(best, dt)
                print("query", s, len(hits), best)
            """;
        try
        {
            var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add("-c");
            psi.ArgumentList.Add(script);
            psi.ArgumentList.Add(csv);
            foreach (var s in Systems) psi.ArgumentList.Add(s);
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0) return null;
            int n = 0;
            double load = 0;
            var q = new Dictionary<string, (int, double)>();
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split(' ');
                if (f[0] == "load") (n, load) = (int.Parse(f[1], CultureInfo.InvariantCulture), double.Parse(f[2], CultureInfo.InvariantCulture));
                else q[f[1]] = (int.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture));
            }
            return new PyResult(n, load, q);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
