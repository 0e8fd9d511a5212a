using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Interphase.Web.Components.Shared;

/// <summary>Small helpers that turn library results into plotly traces (presentation only).</summary>
public static class Plots
{
    /// <summary>A line or marker trace with hover text.</summary>
    public static Scatter Line(string name, IEnumerable<double> x, IEnumerable<double> y, IEnumerable<string>? hover = null,
        ModeFlag mode = ModeFlag.Lines | ModeFlag.Markers, string? color = null, string? dash = null, int? shape = null) => new()
    {
        Name = name,
        X = x.Cast<object>().ToList(),
        Y = y.Cast<object>().ToList(),
        TextArray = hover?.ToList(),
        HoverTemplate = hover is null ? null : "%{text}<extra></extra>",
        Mode = mode,
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Dash = dash, Shape = shape == 1 ? Plotly.Blazor.Traces.ScatterLib.LineLib.ShapeEnum.Hv : null },
        Marker = color is null ? null : new Marker { Color = color },
    };

    /// <summary>A layout with titled axes.</summary>
    public static Plotly.Blazor.Layout Axes(string title, string xTitle, string yTitle, bool xLog = false, bool yLog = false, bool equalAxes = false) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.Title { Text = title },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = xTitle }, Type = xLog ? Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log : null }],
        YAxis = [new YAxis
        {
            Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = yTitle }, Type = yLog ? Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log : null,
            ScaleAnchor = equalAxes ? "x" : null,
        }],
        // room for a title of two lines (a <br> in the text): a long title is split rather than cut at the plot's edge
        Margin = new Margin { L = 70, R = 20, T = title.Contains("<br>") ? 80 : 50, B = 60 },
        HoverMode = Plotly.Blazor.LayoutLib.HoverModeEnum.Closest,
        Height = 420,
    };

    /// <summary>
    /// A Bode layout: |Z| on a log axis above, the phase on its own axis below, one shared log frequency axis (traces of
    /// the phase go on <c>y2</c>).
    /// </summary>
    public static Plotly.Blazor.Layout Bode(string title) => new()
    {
        Title = new Plotly.Blazor.LayoutLib.Title { Text = title },
        XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "f (Hz)" }, Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Log, Anchor = "y2" }],
        YAxis =
        [
            new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "|Z| (Ω)" }, Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log, Domain = [0.55, 1.0] },
            new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "−phase (°)" }, Domain = [0.0, 0.45] },
        ],
        Margin = new Margin { L = 70, R = 20, T = 50, B = 60 },
        HoverMode = Plotly.Blazor.LayoutLib.HoverModeEnum.Closest,
        Height = 420,
    };

    /// <summary>Number for display (invariant culture).</summary>
    public static string F(double v, int digits = 3) => double.IsNaN(v) ? "—" : v.ToString("F" + digits, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Number in 4 significant digits.</summary>
    public static string G(double v) => v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture);
}
