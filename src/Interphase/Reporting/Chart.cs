namespace Interphase.Reporting;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>Points joined by straight lines.</summary>
    Line,
    /// <summary>Unjoined markers.</summary>
    Markers,
    /// <summary>Markers joined by lines.</summary>
    LineAndMarkers,
    /// <summary>Horizontal bars from X[i] to Y[i] on row i (a stability-window bar chart); row labels in <see cref="Series.Labels"/>.</summary>
    RangeBars,
}

/// <summary>One data series of a chart.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">X values (for <see cref="SeriesStyle.RangeBars"/>: bar starts).</param>
/// <param name="Y">Y values (for <see cref="SeriesStyle.RangeBars"/>: bar ends).</param>
/// <param name="Style">How the series is drawn.</param>
/// <param name="Color">CSS hex colour (<c>#rgb</c>, <c>#rrggbb</c>, <c>#rrggbbaa</c>), or null for the palette's next colour.</param>
/// <param name="Labels">Per-point labels (row names for range bars), optional.</param>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y, SeriesStyle Style = SeriesStyle.Line,
    string? Color = null, IReadOnlyList<string>? Labels = null);

/// <summary>
/// A 2-D chart described independently of how it is rendered, so domain code and tests need no plotting library;
/// <see cref="ChartRenderer"/> draws it with ScottPlot as SVG or PNG.
/// </summary>
public sealed class Chart
{
    /// <summary>Title above the plot area.</summary>
    public string Title { get; init; } = "";
    /// <summary>X-axis label, with units.</summary>
    public string XLabel { get; init; } = "";
    /// <summary>Y-axis label, with units.</summary>
    public string YLabel { get; init; } = "";
    /// <summary>Logarithmic x axis (values must be positive).</summary>
    public bool LogX { get; init; }
    /// <summary>Logarithmic y axis (values must be positive).</summary>
    public bool LogY { get; init; }
    /// <summary>Same scale on both axes (Nyquist plots).</summary>
    public bool EqualAxes { get; init; }
    /// <summary>Vertical reference lines (e.g. electrode potentials), each with a label.</summary>
    public List<(double X, string Label)> VerticalMarkers { get; } = new();
    /// <summary>Horizontal reference lines, each with a label.</summary>
    public List<(double Y, string Label)> HorizontalMarkers { get; } = new();
    /// <summary>The data series, drawn in order.</summary>
    public List<Series> Series { get; } = new();
}
