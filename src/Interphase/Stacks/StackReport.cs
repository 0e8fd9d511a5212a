using System.Globalization;
using Interphase.Reporting;

namespace Interphase.Stacks;

/// <summary>Renders a <see cref="StackAnalysis"/> as a self-contained HTML report with inline SVG plots.</summary>
public static class StackReport
{
    /// <summary>The window bar chart: each layer's window with the electrodes' potentials (Banerjee et al., Chem. Rev. 120, 6878 (2020), Fig. 3d).</summary>
    public static Chart WindowChart(StackAnalysis analysis)
    {
        var stack = analysis.Stack;
        var rows = analysis.Windows.Where(w => w.ReductionVolts is not null).ToList();
        // A window open at the top (no oxidation within the range examined) is drawn to the chart's edge.
        double top = Math.Max(5.0, stack.Cathode.MaxVolts + 0.5);
        var chart = new Chart
        {
            Title = "Electrochemical stability windows",
            XLabel = "Potential (V vs Li/Li+)",
            YLabel = "",
        };
        chart.Series.Add(new Series("stability window",
            rows.Select(w => w.ReductionVolts!.Value).ToArray(),
            rows.Select(w => Math.Min(w.OxidationVolts ?? top, top)).ToArray(),
            SeriesStyle.RangeBars, "#4C78A8", rows.Select(w => w.Layer).ToArray()));
        chart.VerticalMarkers.Add((stack.Anode.PotentialVolts, $"{stack.Anode.Name} {stack.Anode.PotentialVolts:0.##} V"));
        chart.VerticalMarkers.Add((stack.Cathode.MinVolts, $"{stack.Cathode.Name} {stack.Cathode.MinVolts:0.##} V"));
        chart.VerticalMarkers.Add((stack.Cathode.MaxVolts, $"{stack.Cathode.Name} {stack.Cathode.MaxVolts:0.##} V"));
        return chart;
    }

    /// <summary>Reaction energies of every interface reaction as bars (meV/atom).</summary>
    public static Chart ReactionChart(StackAnalysis analysis)
    {
        // An electrochemical reaction where no electrode touches the interface is suppressed: say so on its bar.
        var items = analysis.Interfaces.SelectMany(i => i.Reactions.Select(r => (
            Label: $"{i.Interface.Label}: {r.Kind}" + (r.Volts is not null && !i.Interface.TouchesElectrode ? " (suppressed: no electrode)" : ""),
            r.EnergyEvPerAtom))).ToList();
        var chart = new Chart { Title = "Most exothermic interface reactions", XLabel = "Reaction energy (meV/atom)" };
        chart.Series.Add(new Series("reaction energy", items.Select(i => i.EnergyEvPerAtom * 1000).ToArray(),
            items.Select(_ => 0.0).ToArray(), SeriesStyle.RangeBars, "#E45756", items.Select(i => i.Label).ToArray()));
        return chart;
    }

    /// <summary>Builds the HTML report.</summary>
    public static HtmlReport Build(StackAnalysis a)
    {
        var s = a.Stack;
        var report = new HtmlReport($"Interphase stack analysis: {s.Name}",
            $"{s.TemperatureC:0} °C, {s.StackPressureMpa:0.##} MPa, {s.CurrentDensityMaPerCm2:0.###} mA/cm²");

        report.Section("Summary")
            .Note($"Overall: {a.Overall.ToString().ToLowerInvariant()} (the worst of the checks below)", a.Overall)
            .Table(["Check", "Subject", "Verdict", "Why"],
                a.Summary.Select(c => (IReadOnlyList<object?>)[c.Check, c.Subject, c.Verdict, c.Reason]),
                "Every check that sets the overall verdict");

        report.Section("Stability windows")
            .Paragraph("Windows from the grand-potential phase diagram open to Li; bars are the zero-Li-uptake range of each layer, lines the electrode potentials.")
            .Figure(WindowChart(a), "Stability windows against the electrode potentials (V vs Li/Li+)")
            .Table(["Layer", "Role", "Reduction (V)", "Oxidation (V)", "Faces (V vs Li/Li+)", "Verdict", "Why", "Data"],
                a.Windows.Select(w => (IReadOnlyList<object?>)[w.Layer, w.Role, V(w.ReductionVolts), V(w.OxidationVolts),
                    w.Sides.Length > 0 ? w.Sides : w.FacesText, w.Verdict, w.Reason,
                    w.Basis is { } b ? $"{b.StatusName.Replace('_', ' ')}: {b.Explanation}" : "—"]));

        report.Section("Interfaces").Figure(ReactionChart(a), "Reaction energy of each interface reaction (meV/atom of mixture)");
        foreach (var i in a.Interfaces)
        {
            report.Heading($"{i.Interface.Label} ({i.Interface.Side.ToString().ToLowerInvariant()} side)")
                .Note($"{i.Verdict.ToString().ToLowerInvariant()}: {StackAnalyzer.Describe(i.Interphase.Kind)} interphase", i.Verdict)
                .Table(["Reaction", "Reactants", "x", "E (meV/atom)", "E from meeting (meV/atom)", "Products"],
                    i.Reactions.Select(r => (IReadOnlyList<object?>)[r.Kind, $"{r.Positive} + {r.Negative}", r.MixingFraction.ToString("0.###", CultureInfo.InvariantCulture),
                        Mev(r.EnergyEvPerAtom), r.MixingEnergyEvPerAtom is { } m ? Mev(m) : "—", string.Join(", ", r.Products)]));
            foreach (var reason in i.Reasons) report.Paragraph(reason);
            if (i.Interphase.Products.Count > 0)
                report.Table(["Product", "Electronic", "Li+ conductor", "Why", "Source"],
                    i.Interphase.Products.Select(p => (IReadOnlyList<object?>)[p.Formula, p.Electronic.ToString().ToLowerInvariant(),
                        p.IonicConductor is null ? "unknown" : p.IonicConductor.Value ? "yes" : "no", p.Reason, p.Citation]));
            if (i.Recommendations.Count > 0)
                report.Table(["Rank", "Candidate", "Criteria"],
                    i.Recommendations.Select((r, k) => (IReadOnlyList<object?>)[k + 1, r.Formula, r.Summary]), "Ranked coatings/interlayers for this interface");
        }

        report.Section("Li-metal anode mechanics").Note($"{a.Mechanics.Verdict}", a.Mechanics.Verdict);
        foreach (var reason in a.Mechanics.Reasons) report.Paragraph(reason);

        report.Section("Resistance budget and energy")
            .Note(a.ResistanceVerdict.Reason, a.ResistanceVerdict.Verdict)
            .Table(["Item", "ASR (Ω·cm²)", $"ΔE at {s.CurrentDensityMaPerCm2:0.###} mA/cm² (mV)", "Source"],
                a.Resistance.Select(r => (IReadOnlyList<object?>)[r.Item, r.AsrOhmCm2?.ToString("0.##", CultureInfo.InvariantCulture) ?? "—",
                    r.DropMv?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—", r.Source]));
        if (a.SpaceCharge.Count > 0)
            report.Table(["Cathode interface", "Driving ΔV (V)", "Electrolyte drop (V)", "Width (nm)", "Li⁺ at contact / bulk", "Space-charge R (Ω·cm²)", "C (µF/cm²)", "Arc apex (Hz)", "Basis"],
                a.SpaceCharge.Select(x => (IReadOnlyList<object?>)[x.Interface, Num(x.DrivingPotentialV, "0.##"), Num(x.ElectrolyteDropV, "0.###"), Num(x.ElectrolyteWidthNm, "0.##"),
                    Num(x.ElectrolyteLiAtContact, "0.##E+0"), x.ResistanceOhmCm2 is { } r && double.IsPositiveInfinity(r) ? "blocking (> 1e6)" : Num(x.ResistanceOhmCm2, "0.###"),
                    Num(x.CapacitanceUfPerCm2, "0.#"), Num(x.ArcFrequencyHz, "0.##E+0"), x.Basis]),
                "Space-charge layers at equilibrium (scl interface; de Klerk & Wagemaker model, README \"Space-charge layers\")");
        var e = a.Energy;
        if (e.SpecificEnergyWhPerKg is { } es && e.EnergyDensityWhPerL is { } ev)
            report.KeyValues([
                ("Specific energy (Wh/kg)", $"{es:0} vs {e.ReferenceSpecificEnergyWhPerKg:0} for the liquid reference"),
                ("Energy density (Wh/L)", $"{ev:0} vs {e.ReferenceEnergyDensityWhPerL:0} for the liquid reference"),
                ("Basis", e.Basis)]);
        else report.Note($"Energy {e.Basis}", Verdict.Info);
        if (e.Densities.Count > 0)
            report.Table(["Layer", "Density (g/cm³)", "Source"],
                e.Densities.Select(d => (IReadOnlyList<object?>)[d.Layer, d.DensityGPerCm3.ToString("0.###", CultureInfo.InvariantCulture), d.Source]), "Densities used");
        foreach (var assumption in e.Assumptions) report.Paragraph("Assumed: " + assumption);
        return report;
    }

    /// <summary>An energy in eV as whole meV, never "-0".</summary>
    public static string Mev(double ev)
    {
        double mev = Math.Round(ev * 1000);
        return (mev == 0 ? 0 : mev).ToString("0", CultureInfo.InvariantCulture);
    }

    private static string V(double? v) => v?.ToString("0.00", CultureInfo.InvariantCulture) ?? "—";

    private static string Num(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "—";
}
