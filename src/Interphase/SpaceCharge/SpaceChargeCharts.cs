using Interphase.Reporting;
using ScottPlot;

namespace Interphase.SpaceCharge;

/// <summary>Charts of the space-charge model (ScottPlot), saved as PNG or SVG by extension.</summary>
public static class SpaceChargeCharts
{
    /// <summary>Potential (left axis) and Li⁺ concentration relative to the bulk (right axis) against distance.</summary>
    public static Plot Profile(SpaceChargeProfile p)
    {
        var plot = new Plot();
        double[] x = p.Profile.Select(q => q.XNm).ToArray();
        var phi = plot.Add.Scatter(x, p.Profile.Select(q => q.PotentialV).ToArray());
        phi.LegendText = "potential ψ (V)";
        phi.MarkerSize = 0;
        var c = plot.Add.Scatter(x, p.Profile.Select(q => q.ConcentrationPerCm3 / p.MobileDensityPerCm3).ToArray());
        c.LegendText = "c / C0";
        c.MarkerSize = 0;
        c.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Li⁺ concentration c / C0";
        plot.Title($"{p.Phase}: space-charge layer, ψs = {p.PotentialV:G3} V");
        plot.XLabel("distance from the interface (nm)");
        plot.YLabel("potential relative to the bulk (V)");
        plot.ShowLegend(Alignment.MiddleRight);
        return plot;
    }

    /// <summary>Li⁺ concentration relative to each bulk across the interface (cathode x &lt; 0, coating, electrolyte).</summary>
    public static Plot Interface(InterfaceResult r)
    {
        var plot = new Plot();
        double l = r.CoatingLayer?.ThicknessNm ?? 0;
        void Line(string label, IEnumerable<(double X, double C)> pts)
        {
            var arr = pts.ToArray();
            var s = plot.Add.Scatter(arr.Select(p => p.X).ToArray(), arr.Select(p => p.C).ToArray());
            s.LegendText = label;
            s.MarkerSize = 0;
        }
        Line(r.Cathode, r.CathodeSide.Profile.Reverse().Select(p => (-p.XNm, p.ConcentrationPerCm3 / r.CathodeSide.MobileDensityPerCm3)));
        if (r.CoatingLayer is { } c) Line(c.Phase, c.Profile.Select(p => (p.XNm, p.ConcentrationPerCm3 / c.MobileDensityPerCm3)));
        Line(r.Electrolyte, r.ElectrolyteSide.Profile.Select(p => (l + p.XNm, p.ConcentrationPerCm3 / r.ElectrolyteSide.MobileDensityPerCm3)));
        plot.Title($"{r.Cathode}{(r.Coating is null ? "" : " | " + r.Coating)} | {r.Electrolyte}: Li⁺ across the interface");
        plot.XLabel("position (nm; cathode < 0)");
        plot.YLabel("Li⁺ concentration / bulk of each phase");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Interfacial resistance parts against coating thickness, with the optimum marked.</summary>
    public static Plot ThicknessSweep(CoatingSweep sweep)
    {
        var plot = new Plot();
        double[] x = sweep.Rows.Select(r => r.ThicknessNm).ToArray();
        void Line(string label, Func<CoatingSweepRow, double> value)
        {
            // blocking (+∞) points are drawn at the blocking threshold
            var s = plot.Add.Scatter(x, sweep.Rows.Select(r => Math.Clamp(value(r), 1e-12, SpaceChargeProfile.BlockingOhmCm2)).Select(Math.Log10).ToArray());
            s.LegendText = label;
            s.MarkerSize = 4;
        }
        Line("total (Ω·cm²)", r => r.TotalResistanceOhmCm2);
        Line("space charge, cathode + electrolyte side", r => r.CathodeSideOhmCm2 + r.ElectrolyteSideOhmCm2);
        Line("coating (L/σ and its own space charge)", r => r.CoatingOhmCm2);
        if (sweep.Optimum is { } best)
        {
            var m = plot.Add.Marker(best.ThicknessNm, Math.Log10(Math.Max(best.TotalResistanceOhmCm2, 1e-12)));
            m.LegendText = $"optimum {best.ThicknessNm:G3} nm";
            m.Size = 12;
        }
        plot.Title($"{sweep.Cathode} | {sweep.Coating} | {sweep.Electrolyte}: resistance against coating thickness");
        plot.XLabel("coating thickness (nm)");
        plot.YLabel("log₁₀ resistance (Ω·cm²)");
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>Writes the chart to <paramref name="path"/> (<c>.png</c> or <c>.svg</c>) through <see cref="OutputFile"/>.</summary>
    /// <exception cref="InterphaseException">Unknown extension or unusable path.</exception>
    public static void Save(Plot plot, string path, int width = 900, int height = 560)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        switch (ext)
        {
            case ".png":
                OutputFile.Write(path, plot.GetImage(width, height).GetImageBytes(ImageFormat.Png));
                break;
            case ".svg":
                OutputFile.Write(path, plot.GetSvgXml(width, height));
                break;
            default:
                throw new InterphaseException($"plot file '{path}': use a .png or .svg file name");
        }
    }
}
