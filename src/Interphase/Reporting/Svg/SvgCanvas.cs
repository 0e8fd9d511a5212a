using System.Globalization;
using System.Text;

namespace Interphase.Reporting.Svg;

/// <summary>Writes chart primitives as SVG elements.</summary>
internal sealed class SvgCanvas : IChartCanvas
{
    // Text is measured, not rendered, here: a conservative average advance of a sans-serif font, so that
    // layout leaves enough room whichever font the viewer substitutes.
    private const double AdvancePerEm = 0.6;
    private const string FontFamily = "DejaVu Sans, Helvetica, Arial, sans-serif";
    private static int _clipCounter;

    private readonly StringBuilder _sb = new();
    private readonly int _width, _height;
    private readonly bool _standalone;

    /// <param name="width">Image width in px.</param>
    /// <param name="height">Image height in px.</param>
    /// <param name="standalone">Write the SVG namespace (needed for .svg files; optional inside HTML).</param>
    public SvgCanvas(int width, int height, bool standalone = true)
    {
        (_width, _height, _standalone) = (width, height, standalone);
    }

    public double TextWidth(string text, double size) => text.Length * AdvancePerEm * size;

    public double TextHeight(double size) => 1.2 * size;

    public void Line(double x1, double y1, double x2, double y2, Rgba color, double width, bool dashed = false)
    {
        _sb.Append($"<line x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"");
        Stroke(color, width);
        if (dashed) _sb.Append(" stroke-dasharray=\"6 4\"");
        _sb.Append("/>\n");
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, Rgba color, double width)
    {
        _sb.Append("<polyline fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"");
        for (int i = 0; i < points.Count; i++)
        {
            if (i > 0) _sb.Append(' ');
            _sb.Append(N(points[i].X)).Append(',').Append(N(points[i].Y));
        }
        _sb.Append('"');
        Stroke(color, width);
        _sb.Append("/>\n");
    }

    public void Circle(double cx, double cy, double r, Rgba fill)
    {
        _sb.Append($"<circle cx=\"{N(cx)}\" cy=\"{N(cy)}\" r=\"{N(r)}\"");
        Fill(fill);
        _sb.Append("/>\n");
    }

    public void Rect(double x, double y, double w, double h, Rgba? fill, Rgba? stroke = null, double strokeWidth = 1)
    {
        _sb.Append($"<rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\"");
        if (fill is { } f) Fill(f); else _sb.Append(" fill=\"none\"");
        if (stroke is { } s) Stroke(s, strokeWidth);
        _sb.Append("/>\n");
    }

    public void Text(double x, double y, string text, double size, Rgba color, TextAnchor anchor = TextAnchor.Start,
        bool bold = false, bool vertical = false)
    {
        // Baseline sits ~0.35 em below the middle of the capitals; rotate about the anchor point for vertical text.
        string place = vertical
            ? $"transform=\"translate({N(x)},{N(y)}) rotate(-90)\" x=\"0\" y=\"{N(0.35 * size)}\""
            : $"x=\"{N(x)}\" y=\"{N(y + 0.35 * size)}\"";
        string a = anchor switch { TextAnchor.Middle => "middle", TextAnchor.End => "end", _ => "start" };
        _sb.Append($"<text {place} font-size=\"{N(size)}\" text-anchor=\"{a}\"");
        if (bold) _sb.Append(" font-weight=\"bold\"");
        Fill(color);
        _sb.Append('>').Append(Escape(text)).Append("</text>\n");
    }

    private string? _clipId;

    public void BeginClip(double x, double y, double w, double h)
    {
        // Unique across all charts of a process so several SVGs can be inlined in one HTML page.
        _clipId = "ip-clip-" + Interlocked.Increment(ref _clipCounter).ToString(CultureInfo.InvariantCulture);
        _sb.Append($"<clipPath id=\"{_clipId}\"><rect x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(w)}\" height=\"{N(h)}\"/></clipPath>\n");
        _sb.Append($"<g clip-path=\"url(#{_clipId})\">\n");
    }

    public void EndClip() => _sb.Append("</g>\n");

    /// <summary>The complete SVG document.</summary>
    public string Document(string title)
    {
        var doc = new StringBuilder();
        doc.Append("<svg");
        if (_standalone) doc.Append(" xmlns=\"http://www.w3.org/2000/svg\"");
        doc.Append($" width=\"{_width}\" height=\"{_height}\" viewBox=\"0 0 {_width} {_height}\"");
        doc.Append($" font-family=\"{FontFamily}\" role=\"img\">\n");
        if (title.Length > 0) doc.Append("<title>").Append(Escape(title)).Append("</title>\n");
        doc.Append(_sb).Append("</svg>\n");
        return doc.ToString();
    }

    private void Stroke(Rgba c, double width)
    {
        _sb.Append($" stroke=\"{c.Hex}\" stroke-width=\"{N(width)}\"");
        if (c.A < 255) _sb.Append($" stroke-opacity=\"{N(c.Opacity)}\"");
    }

    private void Fill(Rgba c)
    {
        _sb.Append($" fill=\"{c.Hex}\"");
        if (c.A < 255) _sb.Append($" fill-opacity=\"{N(c.Opacity)}\"");
    }

    private static string N(double v) => Math.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Escapes text for XML content and attributes; drops control characters XML 1.0 forbids.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case < ' ' when ch is not ('\t' or '\n' or '\r'): sb.Append(' '); break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }
}
