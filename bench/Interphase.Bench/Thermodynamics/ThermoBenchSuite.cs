using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Interphase.Data;
using Interphase.Thermodynamics;

namespace Interphase.Bench.Thermodynamics;

/// <summary>
/// Side-by-side timing of the thermodynamics engine and pymatgen (through shared/tools/pmg_reference.py) on the
/// public reference cases: per-case seconds (phase-diagram work included, data loading excluded), the 8-element
/// LiNi0.8Co0.1Mn0.1O2 | Li6PS5Cl reaction, CSV loading time and peak memory.
/// Options: <c>--no-pymatgen</c> (use the seconds recorded in thermo_public.json), <c>--repeat N</c>.
/// </summary>
public sealed class ThermoBenchSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "thermo";

    /// <inheritdoc />
    public string Description => "hull/window/reaction engine vs pymatgen on the public cases; CSV load time and memory";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        if (BenchShared.Find() is not { } shared) return 2;
        string csv = Path.Combine(shared, "data/thermo/mp_e_form.csv");
        string casesPath = Path.Combine(shared, "reference/thermo_public.json");
        bool runPymatgen = !args.Contains("--no-pymatgen");
        int repeat = args.SkipWhile(a => a != "--repeat").Skip(1).Select(int.Parse).FirstOrDefault(5);

        // Loading: time and memory of the full CSV.
        GC.Collect();
        long before = GC.GetTotalMemory(true);
        using var proc = Process.GetCurrentProcess();
        var cpu0 = proc.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var engine = ThermoEngine.Load(csv);
        double loadSeconds = sw.Elapsed.TotalSeconds;
        proc.Refresh();
        double loadCpu = (proc.TotalProcessorTime - cpu0).TotalSeconds;
        long managed = GC.GetTotalMemory(true) - before;
        Console.WriteLine($"load {Path.GetFileName(csv)}: {engine.Entries.Count} entries in {loadSeconds:F3} s wall ({loadCpu:F3} s CPU, all threads; " +
                          $"load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}), " +
                          $"{managed / 1048576.0:F0} MB managed after load");

        var cases = ThermoCases.Read(casesPath);
        ThermoBatch.Run(engine, cases, "warm-up"); // JIT compilation, as pymatgen's imports are loaded before timing
        var runs = Enumerable.Range(0, repeat).Select(_ => ThermoBatch.Run(engine, cases, "mp_e_form.csv")).ToList();

        JsonObject reference;
        string refLabel;
        if (runPymatgen && File.Exists("/usr/bin/python3"))
        {
            string outPath = Path.Combine(Path.GetTempPath(), $"interphase-thermo-bench-{Environment.ProcessId}.json");
            string inPath = Path.Combine(Path.GetTempPath(), $"interphase-thermo-cases-{Environment.ProcessId}.json");
            var input = new JsonObject
            {
                ["windows"] = new JsonArray(cases.Windows.Select(w => (JsonNode)w!).ToArray()),
                ["ehull"] = new JsonArray(cases.Ehull.Select(w => (JsonNode)w!).ToArray()),
                ["reactions"] = new JsonArray(cases.Reactions.Select(r => (JsonNode)new JsonArray(r.A, r.B)).ToArray()),
                ["open_reactions"] = new JsonArray(cases.OpenReactions.Select(r => (JsonNode)new JsonArray(r.A, r.B, r.Volts)).ToArray()),
            };
            File.WriteAllText(inPath, input.ToJsonString());
            var psi = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(shared, "tools/pmg_reference.py"), csv, inPath, outPath])
            { RedirectStandardError = true, RedirectStandardOutput = true };
            Console.WriteLine("running pymatgen (pmg_reference.py) on the same cases ...");
            using var p = Process.Start(psi)!;
            string err = p.StandardError.ReadToEnd();
            p.WaitForExit();
            if (p.ExitCode != 0 || !File.Exists(outPath))
            {
                Console.Error.WriteLine($"pymatgen run failed ({p.ExitCode}): {err}");
                return 1;
            }
            reference = JsonNode.Parse(File.ReadAllText(outPath))!.AsObject();
            File.Delete(outPath);
            File.Delete(inPath);
            refLabel = "pymatgen (this run)";
        }
        else
        {
            reference = JsonNode.Parse(File.ReadAllText(casesPath))!.AsObject();
            refLabel = "pymatgen (recorded)";
        }

        Console.WriteLine($"\n{"case",-48} {refLabel,20} {"interphase (median)",20} {"ratio",8}");
        double totalRef = 0, totalOurs = 0;
        foreach (var kind in new[] { "windows", "ehull", "reactions" })
        {
            var refs = reference[kind]!.AsArray();
            for (int i = 0; i < refs.Count; i++)
            {
                double pmg = (double)refs[i]!["seconds"]!;
                var times = runs.Select(r => (double)r[kind]![i]!["seconds"]!).Order().ToList();
                double ours = Math.Max(times[times.Count / 2], 1e-4);
                totalRef += pmg;
                totalOurs += ours;
                var c = refs[i]!;
                string label = kind switch
                {
                    "reactions" => $"react {c["a"]} | {c["b"]}" + (c["volts"] is { } v ? $" @ {v} V" : ""),
                    "windows" => $"window {c["formula"]}",
                    _ => $"ehull {c["formula"]}",
                };
                Console.WriteLine($"{label,-48} {pmg,20:F4} {ours,20:F4} {pmg / ours,8:F1}");
            }
        }
        Console.WriteLine($"{"TOTAL",-48} {totalRef,20:F4} {totalOurs,20:F4} {totalRef / totalOurs,8:F1}");

        // The 8-element reaction alone, cold (phase space rebuilt) and warm (cached phase space).
        var a = Interphase.Chemistry.Composition.Parse("LiNi0.8Co0.1Mn0.1O2");
        var b = Interphase.Chemistry.Composition.Parse("Li6PS5Cl");
        var cold = new List<double>();
        var warm = new List<double>();
        for (int i = 0; i < Math.Max(repeat, 3); i++)
        {
            engine.Entries.ClearCache();
            sw.Restart();
            var r = engine.React(a, b);
            cold.Add(sw.Elapsed.TotalMilliseconds);
            sw.Restart();
            engine.React(a, b);
            warm.Add(sw.Elapsed.TotalMilliseconds);
            if (i == 0) Console.WriteLine($"\n8-element LiNi0.8Co0.1Mn0.1O2 | Li6PS5Cl: {r.EntryCount} entries, {r.Kinks.Count} kinks, min {r.MostExothermic.EnergyPerAtom:F5} eV/atom");
        }
        Console.WriteLine($"  cold (phase space built): median {cold.Order().ElementAt(cold.Count / 2):F1} ms; warm (cached): median {warm.Order().ElementAt(warm.Count / 2):F1} ms");
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"peak working set of this process: {self.PeakWorkingSet64 / 1048576.0:F0} MB");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"targets: total ≥ 20× pymatgen: {(totalRef / totalOurs >= 20 ? "met" : "NOT met")}; 8-element < 100 ms: {(cold.Order().ElementAt(cold.Count / 2) < 100 ? "met" : "NOT met")}; load < 2 s: {(loadSeconds < 2 ? "met" : "NOT met")} wall, {(loadCpu < 2 ? "met" : "NOT met")} CPU"));
        return 0;
    }
}
