using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Interphase.Chemistry;

namespace Interphase.Thermodynamics;

/// <summary>The cases of a batch run: formulas for windows and stability, reactant pairs for reactions.</summary>
public sealed record ThermoCases(IReadOnlyList<string> Windows, IReadOnlyList<string> Ehull,
    IReadOnlyList<(string A, string B)> Reactions, IReadOnlyList<(string A, string B, double Volts)> OpenReactions)
{
    /// <summary>
    /// Reads a cases file in the input format of pmg_reference.py (<c>{"windows": [formula…], "ehull": [formula…],
    /// "reactions": [[a, b]…], "open_reactions": [[a, b, volts]…]}</c>); a results file of the same tool is accepted
    /// too (its cases are re-run).
    /// </summary>
    /// <exception cref="InterphaseException">Missing file or malformed content.</exception>
    public static ThermoCases Read(string path)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new InterphaseException($"{path}, line {(ex.LineNumber ?? 0) + 1}: malformed JSON ({ex.Message})"); }
        if (root is not JsonObject o) throw new InterphaseException($"{path}: expected a JSON object of cases");
        try
        {
            var windows = new List<string>();
            var ehull = new List<string>();
            var closed = new List<(string, string)>();
            var open = new List<(string, string, double)>();
            foreach (var w in o["windows"]?.AsArray() ?? []) windows.Add(w is JsonObject wo ? (string)wo["formula"]! : (string)w!);
            foreach (var w in o["ehull"]?.AsArray() ?? []) ehull.Add(w is JsonObject wo ? (string)wo["formula"]! : (string)w!);
            foreach (var r in o["reactions"]?.AsArray() ?? [])
            {
                if (r is JsonObject ro)
                {
                    if (ro["volts"] is { } v && v.GetValueKind() == JsonValueKind.Number) open.Add(((string)ro["a"]!, (string)ro["b"]!, (double)v));
                    else closed.Add(((string)ro["a"]!, (string)ro["b"]!));
                }
                else closed.Add(((string)r![0]!, (string)r[1]!));
            }
            foreach (var r in o["open_reactions"]?.AsArray() ?? []) open.Add(((string)r![0]!, (string)r[1]!, (double)r[2]!));
            return new ThermoCases(windows, ehull, closed, open);
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or NullReferenceException or ArgumentException)
        {
            throw new InterphaseException($"{path}: malformed cases ({ex.Message})");
        }
    }
}

/// <summary>
/// Runs <see cref="ThermoCases"/> and writes results in the schema of pmg_reference.py (same keys, rounding and
/// conventions), so Interphase and pymatgen outputs compare field by field. <c>seconds</c> per case includes the
/// phase-space construction (the cache is cleared first), not data loading.
/// </summary>
public static class ThermoBatch
{
    /// <summary>Runs every case and returns the result document. With <paramref name="warmUp"/> the first case of
    /// each kind runs once untimed first, so JIT compilation is not charged to a case (pymatgen's imports are not
    /// either).</summary>
    public static JsonObject Run(ThermoEngine engine, ThermoCases cases, string dataName, bool warmUp = true)
    {
        if (warmUp)
        {
            if (cases.Windows.Count > 0) Window(engine, cases.Windows[0]);
            if (cases.Ehull.Count > 0) Ehull(engine, cases.Ehull[0]);
            if (cases.Reactions.Count > 0) Reaction(engine, cases.Reactions[0].A, cases.Reactions[0].B, null);
            if (cases.OpenReactions.Count > 0) Reaction(engine, cases.OpenReactions[0].A, cases.OpenReactions[0].B, cases.OpenReactions[0].Volts);
        }
        var windows = new JsonArray();
        foreach (var f in cases.Windows) windows.Add(Window(engine, f));
        var ehull = new JsonArray();
        foreach (var f in cases.Ehull) ehull.Add(Ehull(engine, f));
        var reactions = new JsonArray();
        foreach (var (a, b) in cases.Reactions) reactions.Add(Reaction(engine, a, b, null));
        foreach (var (a, b, v) in cases.OpenReactions) reactions.Add(Reaction(engine, a, b, v));
        return new JsonObject
        {
            ["source"] = "interphase " + typeof(ThermoEngine).Assembly.GetName().Version,
            ["data"] = dataName,
            ["conventions"] = new JsonObject
            {
                ["volts"] = "V vs Li/Li+ (open element reference = elemental ground state at 0 eV/atom)",
                ["uptake_per_fu"] = "atoms of the open element taken up per formula unit (negative = released)",
                ["x"] = "mixing fraction of reactant a, counted in atoms of the reactant formulas as written (x=1: pure a)",
                ["e_rxn_per_atom"] = "eV per atom of the reactant mixture; when volts is set: grand potential change per atom of the mixture excluding the open element, reactants taken at their own grand-potential energies",
            },
            ["windows"] = windows,
            ["ehull"] = ehull,
            ["reactions"] = reactions,
        };
    }

    // Timed as pmg_reference.py times pymatgen: phase-diagram work included (cached phase spaces are dropped first),
    // data loading excluded.
    private static (T Result, double Seconds) Timed<T>(ThermoEngine engine, Func<T> work)
    {
        var sw = Stopwatch.StartNew();
        engine.Entries.ClearCache();
        var result = work();
        return (result, sw.Elapsed.TotalSeconds);
    }

    /// <summary>One window case.</summary>
    public static JsonObject Window(ThermoEngine engine, string formula)
    {
        var c = Composition.Parse(formula);
        var (w, dt) = Timed(engine, () => engine.Window(c));
        var segs = new JsonArray();
        var volts = new List<double>();
        var uptakes = new List<double>();
        foreach (var s in w.Profile)
        {
            volts.Add(Math.Round(s.StartVolts, 4));
            uptakes.Add(Math.Round(s.UptakePerFormulaUnit, 4));
            segs.Add(new JsonObject
            {
                ["volts"] = volts[^1],
                ["uptake_per_fu"] = uptakes[^1],
                ["products"] = new JsonArray(s.ProductFormulas.Where(p => p != w.OpenElement.Symbol).Select(p => (JsonNode)p!).ToArray()),
            });
        }
        int zero = uptakes.FindIndex(u => Math.Abs(u) < 1e-6);
        JsonNode? win = zero < 0 ? null : new JsonArray(volts[zero], zero + 1 < volts.Count ? volts[zero + 1] : null);
        return new JsonObject
        {
            ["formula"] = formula, ["n_entries"] = w.EntryCount, ["window_volts"] = win, ["profile"] = segs,
            ["seconds"] = Math.Round(dt, 4),
        };
    }

    /// <summary>One stability case.</summary>
    public static JsonObject Ehull(ThermoEngine engine, string formula)
    {
        var c = Composition.Parse(formula);
        var (r, dt) = Timed(engine, () => engine.Stability(c));
        var o = new JsonObject { ["formula"] = formula, ["n_entries"] = r.EntryCount };
        if (r.Lowest is not null)
        {
            o["e_form_per_atom"] = Math.Round(r.Lowest.FormationEnergyPerAtom, 5);
            o["e_above_hull"] = Math.Round(r.EnergyAboveHull!.Value, 5);
            var d = new JsonObject();
            foreach (var p in r.Decomposition!) d[p.Formula] = Math.Round(p.Fraction, 5);
            o["decomposition"] = d;
        }
        o["hull_energy_per_atom"] = Math.Round(r.Hull.EnergyPerAtom, 5);
        o["seconds"] = Math.Round(dt, 4);
        return o;
    }

    /// <summary>One reaction case (open to Li when <paramref name="volts"/> is set).</summary>
    public static JsonObject Reaction(ThermoEngine engine, string a, string b, double? volts)
    {
        var ca = Composition.Parse(a);
        var cb = Composition.Parse(b);
        var (r, dt) = Timed(engine, () => engine.React(ca, cb, new ReactionOptions(volts)));
        var kinks = new JsonArray();
        foreach (var k in r.Kinks)
            kinks.Add(new JsonObject
            {
                ["x"] = Math.Round(k.X, 5), ["e_rxn_per_atom"] = Math.Round(k.EnergyPerAtom, 5), ["reaction"] = k.Reaction.ToString(),
            });
        var min = r.Kinks.MinBy(k => Math.Round(k.EnergyPerAtom, 5))!;
        return new JsonObject
        {
            ["a"] = a, ["b"] = b, ["volts"] = volts, ["n_entries"] = r.EntryCount, ["n_elements"] = r.ElementCount,
            ["min_x"] = Math.Round(min.X, 5), ["min_e_rxn_per_atom"] = Math.Round(min.EnergyPerAtom, 5),
            ["min_reaction"] = min.Reaction.ToString(), ["kinks"] = kinks, ["seconds"] = Math.Round(dt, 4),
        };
    }
}
