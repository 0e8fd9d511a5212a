using System.Globalization;

namespace Interphase.Impedance;

/// <summary>What an arc is attributed to, by its capacitance (Irvine, Sinclair and West, Adv. Mater. 2, 132 (1990), Table 1).</summary>
public enum ArcOrigin
{
    /// <summary>Bulk (grain interior), ~1e-12 F.</summary>
    Bulk,
    /// <summary>Grain boundary, 1e-11 to 1e-8 F.</summary>
    GrainBoundary,
    /// <summary>Surface layer (interphase, reaction layer), 1e-9 to 1e-7 F.</summary>
    SurfaceLayer,
    /// <summary>Sample–electrode interface (double layer, charge transfer), 1e-7 to 1e-5 F.</summary>
    ElectrodeInterface,
    /// <summary>Electrochemical reaction / diffusion, ~1e-4 F and above.</summary>
    ElectrochemicalReaction,
    /// <summary>No capacitance can be given (CPE exponent near 0, a branch shorted or open): not attributed.</summary>
    Undetermined,
}

/// <summary>What a fitted resistance stands for, which decides the number reported for it.</summary>
public enum ResistanceRole
{
    /// <summary>Bulk (grain-interior) resistance: reported as a conductivity L/(R·A).</summary>
    Bulk,
    /// <summary>Grain-boundary resistance: counted in the total conductivity, no ASR.</summary>
    GrainBoundary,
    /// <summary>An interface arc (surface layer, electrode interface, reaction): reported as an ASR R·A.</summary>
    Interface,
    /// <summary>Series resistance (leads, contacts) when a bulk arc is resolved: no ASR, no conductivity.</summary>
    Series,
    /// <summary>Not part of an arc that can be attributed: no derived number.</summary>
    Undetermined,
}

/// <summary>One resistance of a fitted circuit expressed as users report it.</summary>
/// <param name="Name">Resistor parameter name (<c>R1</c>).</param>
/// <param name="ResistanceOhm">Fitted resistance (Ω).</param>
/// <param name="ErrorOhm">Standard error (Ω), NaN when undetermined.</param>
/// <param name="Role">What the resistance stands for.</param>
/// <param name="AsrOhmCm2">Area-specific resistance R·A (Ω·cm²): interface arcs only, when an area is given.</param>
/// <param name="InterfaceAsrOhmCm2">For a symmetric cell, the ASR of one interface, R·A/2 (Ω·cm²): interface arcs only.</param>
/// <param name="ConductivitySPerCm">Bulk conductivity L/(R·A) (S/cm): the bulk resistance only, when thickness and area are given.</param>
/// <param name="Reason">Why the resistance has this role, in words.</param>
public sealed record ResistanceReport(string Name, double ResistanceOhm, double ErrorOhm, ResistanceRole Role, double? AsrOhmCm2,
    double? InterfaceAsrOhmCm2, double? ConductivitySPerCm, string Reason);

/// <summary>An arc (a resistor in parallel with a capacitor or CPE) with its capacitance and attribution.</summary>
/// <param name="Resistor">Name of the arc's resistor.</param>
/// <param name="Capacitor">Name of the arc's C or CPE.</param>
/// <param name="ResistanceOhm">Arc resistance (Ω).</param>
/// <param name="CapacitanceF">Capacitance (F): C itself, or for a CPE the Hsu–Mansfeld effective capacitance Q^(1/α) R^((1−α)/α); null when not defined.</param>
/// <param name="BrugCapacitanceF">For a CPE, Brug's surface-distribution capacitance Q^(1/α) (1/R_s + 1/R)^((α−1)/α) with the series resistance R_s; null for C or when not defined.</param>
/// <param name="SpecificCapacitanceF">Capacitance scaled to a cell constant of 1 cm⁻¹, C·L/A (F), compared with the published ranges; null when not defined.</param>
/// <param name="PeakFrequencyHz">Apex frequency 1/(2π τ), τ = (RQ)^(1/α) or RC (Hz); null when not defined.</param>
/// <param name="Origin">Attributed origin.</param>
/// <param name="Reasoning">Why, in words.</param>
public sealed record ArcReport(string Resistor, string Capacitor, double ResistanceOhm, double? CapacitanceF, double? BrugCapacitanceF,
    double? SpecificCapacitanceF, double? PeakFrequencyHz, ArcOrigin Origin, string Reasoning);

/// <summary>A top-level series element that is not a resistor (C, CPE, Warburg, inductor, …) and what it means.</summary>
/// <param name="Name">Element name (<c>CPE3</c>).</param>
/// <param name="Meaning">What the element represents, in words, with its value.</param>
/// <param name="CapacitanceF">For a series C, C; for a series CPE, Q^(1/α) as a capacitance scale (F, exact for α = 1); else null.</param>
public sealed record SeriesElementReport(string Name, string Meaning, double? CapacitanceF);

/// <summary>Resistances and arcs of a fit in the units researchers report.</summary>
/// <param name="Resistances">Every resistor with its role and derived numbers.</param>
/// <param name="Arcs">Every recognised arc with capacitance and origin.</param>
/// <param name="SeriesElements">Top-level series elements other than resistors.</param>
/// <param name="TotalConductivitySPerCm">Total (bulk + grain boundary) conductivity (S/cm), when thickness and area are given and a bulk resistance is identified.</param>
/// <param name="BulkConductivitySPerCm">Bulk conductivity (S/cm), when thickness and area are given and a bulk resistance is identified.</param>
/// <param name="Notes">Statements about the whole analysis (what was taken as bulk, what could not be given).</param>
public sealed record InterfaceReport(IReadOnlyList<ResistanceReport> Resistances, IReadOnlyList<ArcReport> Arcs,
    IReadOnlyList<SeriesElementReport> SeriesElements, double? TotalConductivitySPerCm, double? BulkConductivitySPerCm,
    IReadOnlyList<string> Notes);

/// <summary>
/// Turns a fit into interfacial numbers: each arc's effective capacitance (Hsu–Mansfeld; Brug with the series
/// resistance for CPEs) and origin from its capacitance per Irvine, Sinclair and West (1990); then ASR (Ω·cm²) only for
/// interface arcs, conductivity (S/cm) only for the bulk (the bulk arc, or the series resistance when no bulk arc is
/// resolved), and the reason for each. Any fitted values are accepted: what cannot be defined is reported as such.
/// </summary>
public static class FitInterpretation
{
    /// <summary>Capacitance ranges (F, cell constant 1 cm⁻¹): upper bounds of each origin, in order.</summary>
    public static readonly IReadOnlyList<(double UpperF, ArcOrigin Origin, string Range)> Ranges =
    [
        (1e-11, ArcOrigin.Bulk, "~1e-12 F (bulk)"),
        (1e-9, ArcOrigin.GrainBoundary, "1e-11 to 1e-8 F (grain boundary)"),
        (1e-7, ArcOrigin.SurfaceLayer, "1e-9 to 1e-7 F (surface layer)"),
        (1e-5, ArcOrigin.ElectrodeInterface, "1e-7 to 1e-5 F (sample-electrode interface)"),
        (double.PositiveInfinity, ArcOrigin.ElectrochemicalReaction, "~1e-4 F (electrochemical reaction)"),
    ];

    /// <summary>Below this CPE exponent the element is closer to a resistor than a capacitor: no capacitance is given.</summary>
    public const double MinCapacitiveAlpha = 0.5;

    static string G(double v) => v.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>Analyses a fit.</summary>
    /// <param name="fit">The circuit fit (impedances in Ω, not area-normalised).</param>
    /// <param name="areaCm2">Electrode area (cm²), optional.</param>
    /// <param name="thicknessUm">Sample thickness (µm), optional.</param>
    /// <param name="symmetric">Symmetric cell (Li|SE|Li): each interface contributes half of an interface arc.</param>
    public static InterfaceReport Analyse(FitResult fit, double? areaCm2 = null, double? thicknessUm = null, bool symmetric = false)
    {
        if (areaCm2 is { } a0 && !(a0 > 0 && double.IsFinite(a0))) throw new ImpedanceException($"electrode area must be a positive number, got {a0} cm²");
        if (thicknessUm is { } t0 && !(t0 > 0 && double.IsFinite(t0))) throw new ImpedanceException($"thickness must be a positive number, got {t0} µm");
        if (thicknessUm is not null && areaCm2 is null) throw new ImpedanceException("a thickness gives a conductivity only with the electrode area: give the area too");
        double? lengthCm = thicknessUm * 1e-4;
        var p = fit.Parameters;
        var top = fit.Circuit.Root is SeriesNode sn ? sn.Children : [fit.Circuit.Root];
        var seriesResistors = top.OfType<ElementNode>().Where(e => e.Type is Resistor).ToList();
        double rSeries = seriesResistors.Sum(e => p[e.ParameterStart]);
        double cellConstant = lengthCm is { } lc && areaCm2 is { } ac ? lc / ac : 1;
        var notes = new List<string>();

        var arcs = new List<ArcReport>();
        foreach (var node in top.Where(n => n is ParallelNode or ElementNode { Type: Zarc }))
            if (Arc(node, p, rSeries, cellConstant, lengthCm is not null) is { } arc) arcs.Add(Identified(fit, node, arc));

        var series = new List<SeriesElementReport>();
        foreach (var e in top.OfType<ElementNode>().Where(e => e.Type is not (Resistor or Zarc)))
            series.Add(SeriesElement(e, p));

        // Roles: the bulk is the bulk arc when one is resolved, else the series resistance (the bulk arc then lies
        // above the highest measured frequency and only its intercept is seen).
        bool bulkArc = arcs.Any(a => a.Origin == ArcOrigin.Bulk);
        var role = new Dictionary<string, (ResistanceRole Role, string Reason)>();
        foreach (var r in seriesResistors)
            role[r.Name] = !fit.IsDetermined(r.ParameterStart)
                ? (ResistanceRole.Undetermined, $"{r.Name} is not determined by the data (relative error above 100 % or |correlation| ≥ 0.999 with another parameter): no conclusion is drawn from it")
                : bulkArc
                ? (ResistanceRole.Series, "series resistance (leads, contacts, current collectors): a bulk arc is resolved, so it is not the electrolyte")
                : (ResistanceRole.Bulk, "high-frequency intercept taken as the bulk (grain-interior) resistance: no arc has a bulk capacitance (< 1e-11 F at L/A = 1 cm⁻¹), so the bulk arc lies above the measured range; it includes the leads");
        foreach (var a in arcs)
            role[a.Resistor] = a.Origin switch
            {
                ArcOrigin.Bulk => (ResistanceRole.Bulk, $"arc {a.Resistor}‖{a.Capacitor} has a bulk capacitance"),
                ArcOrigin.GrainBoundary => (ResistanceRole.GrainBoundary, $"arc {a.Resistor}‖{a.Capacitor} has a grain-boundary capacitance"),
                ArcOrigin.Undetermined => (ResistanceRole.Undetermined, $"arc {a.Resistor}‖{a.Capacitor} cannot be attributed: {a.Reasoning}"),
                _ => (ResistanceRole.Interface, $"arc {a.Resistor}‖{a.Capacitor} has an interface capacitance ({a.Origin})"),
            };

        double? asrFactor = areaCm2;
        var reports = new List<ResistanceReport>();
        double bulkR = 0, gbR = 0;
        foreach (var e in fit.Circuit.Elements.Where(e => e.Type is Resistor or Zarc))
        {
            double rv = p[e.ParameterStart];
            string rn = e.Type is Zarc ? e.Name + "_0" : e.Name;
            var (rl, reason) = role.TryGetValue(rn, out var x) ? x
                : (ResistanceRole.Undetermined, "not the resistor of a top-level arc nor a series resistor: no derived number");
            double? asr = rl == ResistanceRole.Interface ? asrFactor * rv : null;
            if (rl == ResistanceRole.Bulk) bulkR += rv;
            if (rl == ResistanceRole.GrainBoundary) gbR += rv;
            reports.Add(new ResistanceReport(rn, rv, fit.Errors[e.ParameterStart], rl, asr, symmetric ? asr / 2 : null, null, reason));
        }

        double? total = null, bulk = null;
        if (lengthCm is { } len && areaCm2 is { } area)
        {
            if (bulkR > 0 && double.IsFinite(bulkR))
            {
                bulk = len / (bulkR * area);
                total = len / ((bulkR + gbR) * area);
                for (int i = 0; i < reports.Count; i++)
                    if (reports[i].Role == ResistanceRole.Bulk)
                        reports[i] = reports[i] with { ConductivitySPerCm = len / (reports[i].ResistanceOhm * area) };
            }
            else notes.Add("no bulk resistance identified: no conductivity given");
        }
        if (symmetric) notes.Add("symmetric cell: interface ASR is half of each interface arc (two identical interfaces in series)");
        if (areaCm2 is not null && !reports.Any(r => r.Role == ResistanceRole.Interface))
            notes.Add("no interface arc identified: no ASR given");
        foreach (var (c, why) in fit.SimplerCircuits)
            notes.Add($"the data support the simpler circuit {c} ({why})");
        return new InterfaceReport(reports, arcs, series, total, bulk, notes);
    }

    /// <summary>An arc whose apex lies outside the measured window, or whose parameters the data do not determine, is not attributed.</summary>
    static ArcReport Identified(FitResult fit, CircuitNode node, ArcReport arc)
    {
        var rx = fit.Relaxations.FirstOrDefault(r => r.Label == node.ToString());
        if (rx is null || rx.Assignable || arc.Origin == ArcOrigin.Undetermined) return arc;
        string why = !rx.InMeasuredWindow
            ? $"apex {G(rx.ApexFrequencyHz)} Hz lies outside the measured {G(fit.WindowHz.Min)}…{G(fit.WindowHz.Max)} Hz: the data do not show this arc, so it is not assigned"
            : "its resistance or time constant is not determined by the data (relative error above 100 % or |correlation| ≥ 0.999): it is not assigned";
        return arc with { Origin = ArcOrigin.Undetermined, Reasoning = $"{why} ({arc.Reasoning})" };
    }

    static ArcReport? Arc(CircuitNode node, double[] p, double rSeries, double cellConstant, bool scaled)
    {
        if (node is ElementNode { Type: Zarc } z)
        {
            // Zarc = R‖CPE with τ: C_eff = τ/R (the Hsu–Mansfeld value of the equivalent R‖CPE)
            double rz = p[z.ParameterStart], tz = p[z.ParameterStart + 1], gz = p[z.ParameterStart + 2];
            if (!(gz >= MinCapacitiveAlpha) || !(rz > 0 && tz > 0 && double.IsFinite(rz) && double.IsFinite(tz)))
                return new ArcReport(z.Name + "_0", z.Name, rz, null, null, null, null, ArcOrigin.Undetermined,
                    $"Zarc exponent γ = {G(gz)} below {MinCapacitiveAlpha} or the arc is shorted or open: no capacitance");
            double cz = tz / rz, spz = cz * cellConstant;
            var (_, oz, rangeZ) = Ranges.First(x => spz < x.UpperF);
            return new ArcReport(z.Name + "_0", z.Name, rz, cz, null, spz, 1 / (2 * Math.PI * tz), oz,
                $"C_eff = τ/R = {G(cz)} F (Zarc, γ = {gz:F3}){(scaled ? $", ×L/A = {G(cellConstant)} cm⁻¹ gives {G(spz)} F" : " (no thickness/area: cell constant taken as 1 cm⁻¹)")}; within {rangeZ} per Irvine, Sinclair & West (1990)");
        }
        if (node is not ParallelNode) return null;
        var pn = (ParallelNode)node;
        return Arc(pn, p, rSeries, cellConstant, scaled);
    }

    static ArcReport? Arc(ParallelNode node, double[] p, double rSeries, double cellConstant, bool scaled)
    {
        // a resistor branch (R, or R in series with a diffusion element as in p(R2-Wo1,C2)) and a C or CPE branch
        var c = node.Children.OfType<ElementNode>().FirstOrDefault(e => e.Type is Capacitor or Cpe);
        var r = node.Children.OfType<ElementNode>().FirstOrDefault(e => e.Type is Resistor)
                ?? node.Children.OfType<SeriesNode>().SelectMany(s => s.Children.OfType<ElementNode>()).FirstOrDefault(e => e.Type is Resistor);
        if (r is null || c is null) return null;
        double rv = p[r.ParameterStart];
        double cap, tau;
        double? brug = null;
        string how;
        string? undefined = null;
        if (c.Type is Capacitor)
        {
            cap = p[c.ParameterStart];
            tau = rv * cap;
            how = $"C = {G(cap)} F";
        }
        else
        {
            double q = p[c.ParameterStart], alpha = p[c.ParameterStart + 1];
            cap = Math.Pow(q, 1 / alpha) * Math.Pow(rv, (1 - alpha) / alpha);
            tau = Math.Pow(rv * q, 1 / alpha);
            if (rSeries > 0) brug = Math.Pow(q, 1 / alpha) * Math.Pow(1 / rSeries + 1 / rv, (alpha - 1) / alpha);
            how = $"C_eff = Q^(1/α)·R^((1-α)/α) = {G(cap)} F (Hsu-Mansfeld, α = {alpha:F3})";
            if (!(alpha >= MinCapacitiveAlpha))
                undefined = $"CPE exponent α = {G(alpha)} is below {MinCapacitiveAlpha}: the element behaves more like a resistor or diffusion than a capacitor";
        }
        if (undefined is null && !(cap > 0 && double.IsFinite(cap) && tau > 0 && double.IsFinite(tau)))
            undefined = $"effective capacitance is not defined at the fitted values (R = {G(rv)} Ω, {how}): the branch is shorted or open";
        if (brug is { } b && !(b > 0 && double.IsFinite(b))) brug = null;
        if (undefined is not null)
            return new ArcReport(r.Name, c.Name, rv, null, null, null, null, ArcOrigin.Undetermined, undefined);
        double specific = cap * cellConstant;
        var (_, origin, range) = Ranges.First(x => specific < x.UpperF);
        string sc = scaled
            ? $", ×L/A = {G(cellConstant)} cm⁻¹ gives {G(specific)} F"
            : " (no thickness/area: cell constant taken as 1 cm⁻¹)";
        return new ArcReport(r.Name, c.Name, rv, cap, brug, specific, 1 / (2 * Math.PI * tau), origin,
            $"{how}{sc}; within {range} per Irvine, Sinclair & West (1990)");
    }

    static SeriesElementReport SeriesElement(ElementNode e, double[] p)
    {
        int k = e.ParameterStart;
        switch (e.Type)
        {
            case Capacitor:
                return new SeriesElementReport(e.Name, $"series capacitance {G(p[k])} F: blocking electrode (double layer), no DC path", p[k]);
            case Cpe:
            {
                double q = p[k], alpha = p[k + 1], scale = Math.Pow(q, 1 / alpha);
                bool capacitive = alpha >= MinCapacitiveAlpha && scale > 0 && double.IsFinite(scale);
                return new SeriesElementReport(e.Name, capacitive
                    ? $"series CPE (Q = {G(q)} Ω⁻¹·s^α, α = {alpha:F3}): blocking electrode double layer or a low-frequency tail; Q^(1/α) = {G(scale)} F"
                    : $"series CPE (Q = {G(q)} Ω⁻¹·s^α, α = {G(alpha)}): α below {MinCapacitiveAlpha}, a diffusion-like tail rather than a capacitance",
                    capacitive ? scale : null);
            }
            case Warburg or WarburgOpen or WarburgShort:
                return new SeriesElementReport(e.Name, $"diffusion ({e.Type.Description})", null);
            case Gerischer or GerischerFinite:
                return new SeriesElementReport(e.Name, $"coupled reaction and diffusion ({e.Type.Description})", null);
            case Inductor or ModifiedInductance:
                return new SeriesElementReport(e.Name, "inductance of leads and cell (a measurement artefact at high frequency)", null);
            default:
                return new SeriesElementReport(e.Name, e.Type.Description, null);
        }
    }
}
