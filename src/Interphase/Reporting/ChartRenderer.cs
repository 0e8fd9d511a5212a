namespace Interphase.Reporting;

/// <summary>
/// Renders a <see cref="Chart"/> as SVG or PNG. No plotting library is available to Interphase, so this is a small
/// self-contained renderer: <see cref="ChartLayout"/> computes axes, ticks and placement once, and two back ends
/// (an SVG writer and a software rasteriser with a built-in bitmap font) draw the same picture.
/// </summary>
/// <remarks>
/// A chart without any plottable point is drawn as empty axes (range 0–1 or 1–10 on log axes) with the text
/// "no data" rather than failing, so a report with one empty figure still renders. Non-finite points, and
/// non-positive points on log axes, are skipped and break lines.
/// </remarks>
public static class ChartRenderer
{
    /// <summary>Renders the chart as a standalone SVG document (with the SVG namespace, without an XML declaration).</summary>
    /// <exception cref="InterphaseException">Inconsistent series (lengths, labels), bad colour or too small a size.</exception>
    public static string ToSvg(Chart chart, int width = 800, int height = 560) => ToSvg(chart, width, height, standalone: true);

    internal static string ToSvg(Chart chart, int width, int height, bool standalone)
    {
        var canvas = new Svg.SvgCanvas(width, height, standalone);
        ChartPainter.Paint(new ChartLayout(chart, width, height, canvas), canvas);
        return canvas.Document(chart.Title);
    }

    /// <summary>Renders the chart as a PNG image (8-bit RGBA).</summary>
    /// <exception cref="InterphaseException">Inconsistent series (lengths, labels), bad colour or too small a size.</exception>
    public static byte[] ToPng(Chart chart, int width = 800, int height = 560)
    {
        if (width > 8000 || height > 8000)
            throw new InterphaseException($"PNG size {width}x{height} px is too large (at most 8000x8000)");
        var canvas = new Png.RasterCanvas(width, height);
        ChartPainter.Paint(new ChartLayout(chart, width, height, canvas), canvas);
        return Png.PngEncoder.Encode(width, height, canvas.Pixels);
    }

    /// <summary>Writes the chart to <paramref name="path"/> as SVG or PNG according to its extension.</summary>
    /// <exception cref="InterphaseException">Unknown extension, or the file cannot be written.</exception>
    public static void Save(Chart chart, string path, int width = 800, int height = 560)
    {
        string ext = Path.GetExtension(path).ToLowerInvariant();
        byte[] bytes = ext switch
        {
            ".svg" => System.Text.Encoding.UTF8.GetBytes(ToSvg(chart, width, height)),
            ".png" => ToPng(chart, width, height),
            _ => throw new InterphaseException(
                $"cannot save chart as '{(ext.Length == 0 ? "(no extension)" : ext)}' ({path}): use .svg or .png"),
        };
        OutputFile.Write(path, bytes);
    }
}
