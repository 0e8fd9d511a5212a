namespace Interphase.Reporting.Png;

/// <summary>
/// A software rasteriser for chart primitives on an opaque RGBA canvas: anti-aliased strokes (coverage from the
/// distance to the segment, so thickness, round joins and caps come for free), anti-aliased discs and rectangles,
/// and text from <see cref="BitmapFont"/>.
/// </summary>
internal sealed class RasterCanvas : IChartCanvas
{
    private const double DashOn = 6, DashOff = 4;
    private readonly int _w, _h;
    // Per-stroke coverage, combined with max() so overlapping segments of one line do not darken joins.
    private readonly float[] _mask;
    private readonly List<int> _touched = new();
    private int _cx0, _cy0, _cx1, _cy1; // clip rectangle, exclusive upper bounds

    /// <summary>Pixels, 4 bytes (R, G, B, A) per pixel, row-major from the top-left.</summary>
    public byte[] Pixels { get; }

    public RasterCanvas(int width, int height)
    {
        (_w, _h) = (width, height);
        Pixels = new byte[width * height * 4];
        Array.Fill(Pixels, (byte)255);
        _mask = new float[width * height];
        EndClip();
    }

    public double TextWidth(string text, double size) => BitmapFont.Width(BitmapFont.Normalize(text), BitmapFont.ScaleFor(size));

    public double TextHeight(double size) => (BitmapFont.GlyphRows + 1) * BitmapFont.ScaleFor(size);

    public void BeginClip(double x, double y, double w, double h)
    {
        _cx0 = Math.Max(0, (int)Math.Floor(x));
        _cy0 = Math.Max(0, (int)Math.Floor(y));
        _cx1 = Math.Min(_w, (int)Math.Ceiling(x + w));
        _cy1 = Math.Min(_h, (int)Math.Ceiling(y + h));
    }

    public void EndClip() => (_cx0, _cy0, _cx1, _cy1) = (0, 0, _w, _h);

    public void Line(double x1, double y1, double x2, double y2, Rgba color, double width, bool dashed = false)
    {
        // Thin axis-parallel lines sit on pixel centres so grid and ticks stay crisp instead of two grey rows.
        if (width <= 1.5 && y1 == y2) y1 = y2 = Math.Floor(y1) + 0.5;
        if (width <= 1.5 && x1 == x2) x1 = x2 = Math.Floor(x1) + 0.5;
        if (!dashed) StrokeSegment(x1, y1, x2, y2, width / 2);
        else
        {
            double len = Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
            for (double s = 0; s < len; s += DashOn + DashOff)
            {
                double e = Math.Min(len, s + DashOn);
                StrokeSegment(x1 + (x2 - x1) * s / len, y1 + (y2 - y1) * s / len,
                    x1 + (x2 - x1) * e / len, y1 + (y2 - y1) * e / len, width / 2);
            }
        }
        Composite(color);
    }

    public void Polyline(IReadOnlyList<(double X, double Y)> points, Rgba color, double width)
    {
        if (points.Count == 1) StrokeSegment(points[0].X, points[0].Y, points[0].X, points[0].Y, width / 2);
        for (int i = 1; i < points.Count; i++)
            StrokeSegment(points[i - 1].X, points[i - 1].Y, points[i].X, points[i].Y, width / 2);
        Composite(color);
    }

    public void Circle(double cx, double cy, double r, Rgba fill)
    {
        int x0 = Math.Max(_cx0, (int)Math.Floor(cx - r - 1)), x1 = Math.Min(_cx1, (int)Math.Ceiling(cx + r + 1));
        int y0 = Math.Max(_cy0, (int)Math.Floor(cy - r - 1)), y1 = Math.Min(_cy1, (int)Math.Ceiling(cy + r + 1));
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++)
            {
                double d = Math.Sqrt((x + 0.5 - cx) * (x + 0.5 - cx) + (y + 0.5 - cy) * (y + 0.5 - cy));
                Blend(x, y, fill, Math.Clamp(r + 0.5 - d, 0, 1));
            }
    }

    public void Rect(double x, double y, double w, double h, Rgba? fill, Rgba? stroke = null, double strokeWidth = 1)
    {
        if (fill is { } f)
        {
            int x0 = Math.Max(_cx0, (int)Math.Floor(x)), x1 = Math.Min(_cx1, (int)Math.Ceiling(x + w));
            int y0 = Math.Max(_cy0, (int)Math.Floor(y)), y1 = Math.Min(_cy1, (int)Math.Ceiling(y + h));
            for (int py = y0; py < y1; py++)
            {
                double cy = Math.Min(py + 1, y + h) - Math.Max(py, y);
                for (int px = x0; px < x1; px++)
                    Blend(px, py, f, cy * (Math.Min(px + 1, x + w) - Math.Max(px, x)));
            }
        }
        if (stroke is { } s)
        {
            // Snap the outline to pixel centres, as for thin lines.
            double l = Math.Floor(x) + 0.5, t = Math.Floor(y) + 0.5, r = Math.Floor(x + w) + 0.5, b = Math.Floor(y + h) + 0.5;
            double hw = strokeWidth / 2;
            StrokeSegment(l, t, r, t, hw);
            StrokeSegment(r, t, r, b, hw);
            StrokeSegment(r, b, l, b, hw);
            StrokeSegment(l, b, l, t, hw);
            Composite(s);
        }
    }

    public void Text(double x, double y, string text, double size, Rgba color, TextAnchor anchor = TextAnchor.Start,
        bool bold = false, bool vertical = false)
    {
        string t = BitmapFont.Normalize(text);
        int scale = BitmapFont.ScaleFor(size);
        int width = BitmapFont.Width(t, scale);
        // (u, v): along the text and down its glyph rows, relative to the anchor; v = 0 at the middle of the capitals.
        int u0 = anchor switch { TextAnchor.Middle => -width / 2, TextAnchor.End => -width, _ => 0 };
        int v0 = -(int)Math.Round(BitmapFont.CapRows * scale / 2.0);
        int ax = (int)Math.Round(x), ay = (int)Math.Round(y);
        for (int i = 0; i < t.Length; i++)
        {
            ulong g = BitmapFont.Glyph(t[i]);
            for (int row = 0; row < BitmapFont.GlyphRows; row++)
                for (int col = 0; col < BitmapFont.GlyphWidth + (bold ? 1 : 0); col++)
                {
                    bool ink = col < BitmapFont.GlyphWidth && (g >> (row * 5 + col) & 1) != 0
                               || bold && col > 0 && (g >> (row * 5 + col - 1) & 1) != 0;
                    if (!ink) continue;
                    int u = u0 + (i * BitmapFont.Advance + col) * scale, v = v0 + row * scale;
                    for (int dy = 0; dy < scale; dy++)
                        for (int dx = 0; dx < scale; dx++)
                        {
                            // Vertical text reads upwards: rotate 90° anticlockwise about the anchor.
                            var (px, py) = vertical ? (ax + v + dy, ay - (u + dx) - 1) : (ax + u + dx, ay + v + dy);
                            if (px >= _cx0 && px < _cx1 && py >= _cy0 && py < _cy1) Blend(px, py, color, 1);
                        }
                }
        }
    }

    /// <summary>Adds a thick segment to the current stroke's coverage mask (long segments are done in short pieces).</summary>
    private void StrokeSegment(double x1, double y1, double x2, double y2, double hw)
    {
        double len = Math.Sqrt((x2 - x1) * (x2 - x1) + (y2 - y1) * (y2 - y1));
        int pieces = Math.Max(1, (int)Math.Ceiling(len / 16));
        for (int p = 0; p < pieces; p++)
        {
            double ax = x1 + (x2 - x1) * p / pieces, ay = y1 + (y2 - y1) * p / pieces;
            double bx = x1 + (x2 - x1) * (p + 1) / pieces, by = y1 + (y2 - y1) * (p + 1) / pieces;
            int px0 = Math.Max(_cx0, (int)Math.Floor(Math.Min(ax, bx) - hw - 1));
            int px1 = Math.Min(_cx1, (int)Math.Ceiling(Math.Max(ax, bx) + hw + 1));
            int py0 = Math.Max(_cy0, (int)Math.Floor(Math.Min(ay, by) - hw - 1));
            int py1 = Math.Min(_cy1, (int)Math.Ceiling(Math.Max(ay, by) + hw + 1));
            double dx = bx - ax, dy = by - ay, l2 = dx * dx + dy * dy;
            for (int y = py0; y < py1; y++)
                for (int x = px0; x < px1; x++)
                {
                    double qx = x + 0.5 - ax, qy = y + 0.5 - ay;
                    double t = l2 > 0 ? Math.Clamp((qx * dx + qy * dy) / l2, 0, 1) : 0;
                    double ex = qx - t * dx, ey = qy - t * dy;
                    float c = (float)Math.Clamp(hw + 0.5 - Math.Sqrt(ex * ex + ey * ey), 0, 1);
                    if (c <= 0) continue;
                    int i = y * _w + x;
                    if (_mask[i] == 0) _touched.Add(i);
                    if (c > _mask[i]) _mask[i] = c;
                }
        }
    }

    private void Composite(Rgba color)
    {
        foreach (int i in _touched)
        {
            Blend(i % _w, i / _w, color, _mask[i]);
            _mask[i] = 0;
        }
        _touched.Clear();
    }

    private void Blend(int x, int y, Rgba c, double coverage)
    {
        double a = coverage * c.A / 255.0;
        if (a <= 0) return;
        int o = (y * _w + x) * 4;
        Pixels[o] = (byte)Math.Round(Pixels[o] + (c.R - Pixels[o]) * a);
        Pixels[o + 1] = (byte)Math.Round(Pixels[o + 1] + (c.G - Pixels[o + 1]) * a);
        Pixels[o + 2] = (byte)Math.Round(Pixels[o + 2] + (c.B - Pixels[o + 2]) * a);
    }
}
