using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Screening;
using Interphase.Thermodynamics;

namespace Interphase.Bench.Screening;

/// <summary>
/// Times the full coating screen (every Li compound within 30 meV/atom of the hull against LiNi0.8Co0.1Mn0.1O2,
/// its charged state and Li6PS5Cl) and compares the cost per reaction with pymatgen's InterfacialReactivity on a few
/// representative reactions (shared/tools/pmg_reference.py, run in the same process tree).
/// Options: <c>--threads N</c> (default 2), <c>--no-pymatgen</c>.
/// </summary>
public sealed class ScreenBenchSuite : IBenchSuite
{
    /// <inheritdoc />
    public string Name => "screen";

    /// <inheritdoc />
    public string Description => "full coating screen (NCM811 | Li6PS5Cl, E_hull ≤ 30 meV/atom) and per-reaction time vs pymatgen";

    private static readonly string Cathode = "LiNi0.8Co0.1Mn0.1O2";
    private static readonly string Electrolyte = "Li6PS5Cl";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        if (BenchShared.Find() is not { } shared) return 2;
        string csv = Path.Combine(shared, "data/thermo/mp_e_form.csv");
        int threads = args.SkipWhile(a => a != "--threads").Skip(1).Select(int.Parse).FirstOrDefault(2);
        bool runPymatgen = !args.Contains("--no-pymatgen") && File.Exists("/usr/bin/python3");

        var proc = Process.GetCurrentProcess();
        double Cpu() { proc.Refresh(); return proc.TotalProcessorTime.TotalSeconds; }
        var total = Stopwatch.StartNew();
        var sw = Stopwatch.StartNew();
        double cpu0 = Cpu();
        var engine = ThermoEngine.Load(csv);
        double load = sw.Elapsed.TotalSeconds, cpuLoad = Cpu() - cpu0;
        sw.Restart();
        cpu0 = Cpu();
        var screener = new CoatingScreener(engine, maxDegreeOfParallelism: threads);
        double prepare = sw.Elapsed.TotalSeconds, cpuPrepare = Cpu() - cpu0;
        cpu0 = Cpu();
        var options = new ScreeningOptions
        {
            Cathode = Composition.Parse(Cathode), Electrolyte = Composition.Parse(Electrolyte), MaxDegreeOfParallelism = threads,
        };
        var result = screener.Run(options);
        double all = total.Elapsed.TotalSeconds, cpuScreen = Cpu() - cpu0;
        int maxElements = result.Candidates.SelectMany(c => c.Reactions.Values)
            .Max(r => ChemicalSystem.Of(r.A).Union(ChemicalSystem.Of(r.B)).Count);
        int reactions = result.ReactionCount;
        int windows = result.Candidates.Count;
        Console.WriteLine($"threads {threads}; data {engine.Entries.Count} entries, stable subset {screener.Hulls.StableSet.Count}");
        Console.WriteLine("                      wall s     CPU s (CPU time is immune to other load on the machine)");
        Console.WriteLine($"load CSV              {load,8:F2}  {cpuLoad,8:F2}");
        Console.WriteLine($"hull of every system  {prepare,8:F2}  {cpuPrepare,8:F2}");
        Console.WriteLine($"screen                {result.Seconds,8:F2}  {cpuScreen,8:F2}  ({result.Candidates.Count} candidates, {reactions} reactions + {windows} windows, " +
                          $"{result.LpSolves} LP solves for reactions, systems up to {maxElements} elements)");
        double cpuAll = cpuLoad + cpuPrepare + cpuScreen;
        Console.WriteLine($"total                 {all,8:F2}  {cpuAll,8:F2}  (limit 30 s wall on 2 cores; CPU/threads = {cpuAll / threads:F1} s) {(all < 30 ? "OK" : "TOO SLOW")}");
        // What the ranking says: where the literature's coatings land, and that no hazardous element leads.
        var known = (result.Known ?? []).Where(k => k.Rank is not null).Select(k => (k.Layer.Formula, Rank: k.Rank!.Value)).ToList();
        var ranks = known.Select(k => (double)k.Rank).ToList();
        Console.WriteLine($"known coatings: {string.Join(", ", known.Select(k => $"{k.Formula} #{k.Rank}"))}; median rank {Median(ranks):F1} of " +
                          $"{result.Candidates.Count} (top {100 * Median(ranks) / result.Candidates.Count:F1} %); {result.Excluded?.Count ?? 0} candidates left out " +
                          "for radioactive or highly toxic elements");
        // The chemistry rules (oxidation states, anion classes, thermal limits) the screen adds per candidate, cold (a new
        // rule set, no cache), one thread: the part of the screen's time the rules cost.
        var rules = new ChemistryRules(Interphase.Knowledge.ScreeningTables.Default);
        sw.Restart();
        double cpuRules0 = Cpu();
        foreach (var c in result.Candidates) rules.Assess(c.Entry.Composition);
        Console.WriteLine($"chemistry rules, cold, one thread: {sw.Elapsed.TotalMilliseconds:F0} ms wall, {(Cpu() - cpuRules0) * 1e3:F0} ms CPU for {result.Candidates.Count} candidates " +
                          $"({100 * (Cpu() - cpuRules0) / Math.Max(cpuScreen, 1e-9):F1} % of the screen's CPU)");
        double perCandidate = result.Seconds / result.Candidates.Count;
        Console.WriteLine($"per candidate (3 reactions + window): {perCandidate * 1e3:F2} ms");

        // Representative reactions: the known coatings and the most element-rich candidates, against both sides.
        var picks = new List<(string A, string B)>
        {
            ("LiNbO3", Cathode), ("LiNbO3", Electrolyte), ("Li3PO4", result.ChargedCathode!.ToString()),
        };
        picks.Add((Cathode, Electrolyte));
        // The best-ranked candidates whose reaction with the cathode spans 7, 8 and 9 elements (pymatgen's cost grows
        // steeply with the number of elements; 10–11 element diagrams take it far longer).
        var ncm = ChemicalSystem.Parse("Li-Ni-Co-Mn-O");
        foreach (int size in new[] { 7, 8, 9 })
            if (result.Candidates.FirstOrDefault(c => c.Entry.System.Union(ncm).Count == size) is { } c)
                picks.Add((c.Formula, Cathode));

        Console.WriteLine("\nsingle reactions, cold (phase space built inside the timing, as pymatgen builds its diagram):");
        Console.WriteLine($"{"reaction",-56} {"elems",5} {"all kinks s",12} {"min only s",11} {"pymatgen s",11} {"pmg/kinks",10} {"pmg/min",9}");
        var pmg = runPymatgen ? Pymatgen(shared, csv, picks) : null;
        var ratios = new List<double>();
        var ratiosFull = new List<double>();
        var pmgSeconds = new List<double>();
        var fresh = new ThermoEngine(engine.Entries); // cold phase-space caches, as pymatgen builds each diagram anew
        fresh.React(Composition.Parse("LiCoO2"), Composition.Parse("Li3PS4")); // JIT warm-up outside the timings
        for (int i = 0; i < picks.Count; i++)
        {
            var (a, b) = (Composition.Parse(picks[i].A), Composition.Parse(picks[i].B));
            int elems = ChemicalSystem.Of(a).Union(ChemicalSystem.Of(b)).Count;
            sw.Restart();
            var full = fresh.React(a, b);
            double tFull = sw.Elapsed.TotalSeconds;
            screener.Hulls.StableSet.ClearCache(); // cold: the phase space is built inside the timing, as pymatgen's diagram is
            sw.Restart();
            var min = screener.StableEngine.InterfaceReactionMinimum(a, b);
            double tMin = sw.Elapsed.TotalSeconds;
            double diff = Math.Abs(full.MostExothermic.EnergyPerAtom - min.EnergyPerAtom);
            string p = "", ratio = "", ratioFull = "";
            if (pmg is not null)
            {
                var r = pmg[i]!;
                double s = r["seconds"]!.GetValue<double>();
                pmgSeconds.Add(s);
                double pe = r["min_e_rxn_per_atom"]!.GetValue<double>();
                p = s.ToString("F3", CultureInfo.InvariantCulture);
                ratio = (s / tMin).ToString("F0", CultureInfo.InvariantCulture) + "×";
                ratioFull = (s / tFull).ToString("F0", CultureInfo.InvariantCulture) + "×";
                ratios.Add(s / tMin);
                ratiosFull.Add(s / tFull);
                if (Math.Abs(pe - min.EnergyPerAtom) > 2e-5)
                    Console.WriteLine($"  ! pymatgen min {pe} vs {min.EnergyPerAtom:F5}");
            }
            Console.WriteLine($"{picks[i].A + " | " + picks[i].B,-56} {elems,5} {tFull,12:F4} {tMin,11:F4} {p,11} {ratioFull,10} {ratio,9}" +
                              (diff > 1e-6 ? $"  ! min differs from full by {diff:E1}" : ""));
        }
        if (pmgSeconds.Count > 0)
        {
            double perReaction = result.Seconds / (reactions + windows);
            double pmgMean = pmgSeconds.Average();
            double pmgMedian = Median(pmgSeconds);
            Console.WriteLine($"\npymatgen on these reactions: median {pmgMedian:F2} s, mean {pmgMean:F2} s → the screen's {reactions} reactions " +
                              $"≈ {pmgMedian * reactions / 3600:F1}–{pmgMean * reactions / 3600:F1} h");
            Console.WriteLine($"interphase in the screen: {perReaction * 1e3:F2} ms per reaction or window (wall, {threads} threads) → " +
                              $"{pmgMedian / perReaction:F0}× (vs pymatgen's median reaction)");
            Console.WriteLine($"cold single reactions: median ratio {Median(ratiosFull):F0}× tracing all kinks, {Median(ratios):F0}× minimum only");
        }
        return all < 30 ? 0 : 1;
    }

    private static double Median(List<double> v)
    {
        var s = v.Order().ToList();
        return s.Count == 0 ? double.NaN : s.Count % 2 == 1 ? s[s.Count / 2] : 0.5 * (s[s.Count / 2 - 1] + s[s.Count / 2]);
    }

    private static JsonArray? Pymatgen(string shared, string csv, List<(string A, string B)> picks)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"interphase-screen-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        string cases = Path.Combine(dir, "cases.json"), output = Path.Combine(dir, "out.json");
        File.WriteAllText(cases, JsonSerializer.Serialize(new { reactions = picks.Select(p => new[] { p.A, p.B }) }));
        Console.WriteLine("running pymatgen (pmg_reference.py) on the same reactions ...");
        var psi = new ProcessStartInfo("/usr/bin/python3", [Path.Combine(shared, "tools/pmg_reference.py"), csv, cases, output])
        { RedirectStandardError = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi)!;
        var errTask = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            p.Kill(true);
            Console.Error.WriteLine("pymatgen did not finish within 20 minutes");
            return null;
        }
        string err = errTask.Result;
        try
        {
            if (p.ExitCode != 0 || !File.Exists(output))
            {
                Console.Error.WriteLine($"pymatgen run failed ({p.ExitCode}): {err}");
                return null;
            }
            return JsonNode.Parse(File.ReadAllText(output))!["reactions"]!.AsArray();
        }
        finally { Directory.Delete(dir, true); }
    }
}
