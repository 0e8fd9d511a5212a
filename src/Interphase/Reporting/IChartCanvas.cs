namespace Interphase.Reporting;

/// <summary>Horizontal placement of text relative to its anchor point.</summary>
internal enum TextAnchor { Start, Middle, End }

/// <summary>
/// The drawing primitives a chart back end provides (SVG writer, PNG rasteriser). Coordinates are pixels from the
/// top-left corner; text is positioned by the vertical middle of its capital letters.
/// </summary>
internal interface IChartCanvas
{
    /// <summary>Width in pixels of <paramref name="text"/> at font size <paramref name="size"/> (px).</summary>
    double TextWidth(string text, double size);

    /// <summary>Height in pixels of a line of text at font size <paramref name="size"/> (px).</summary>
    double TextHeight(double size);

    void Line(double x1, double y1, double x2, double y2, Rgba color, double width, bool dashed = false);

    void Polyline(IReadOnlyList<(double X, double Y)> points, Rgba color, double width);

    void Circle(double cx, double cy, double r, Rgba fill);

    void Rect(double x, double y, double w, double h, Rgba? fill, Rgba? stroke = null, double strokeWidth = 1);

    /// <summary>Draws text; <paramref name="vertical"/> rotates it 90° anticlockwise about (x, y), reading upwards.</summary>
    void Text(double x, double y, string text, double size, Rgba color, TextAnchor anchor = TextAnchor.Start,
        bool bold = false, bool vertical = false);

    /// <summary>Restricts drawing to a rectangle until <see cref="EndClip"/>.</summary>
    void BeginClip(double x, double y, double w, double h);

    void EndClip();
}
