using System.Globalization;
using System.Text;

namespace Interphase.Reporting;

/// <summary>Outcome of a check, shown as a coloured badge in reports.</summary>
public enum Verdict
{
    /// <summary>Neutral information.</summary>
    Info,
    /// <summary>The check passed.</summary>
    Ok,
    /// <summary>Passed with reservations, or close to a limit.</summary>
    Warning,
    /// <summary>The check failed.</summary>
    Fail,
}

/// <summary>
/// Builds a self-contained HTML report: one file with inline CSS and inline SVG figures, no scripts and no
/// external references, so it opens offline and can be archived or mailed as is. All text is HTML-escaped.
/// </summary>
/// <example>
/// <code>
/// var report = new HtmlReport("Li6PS5Cl | NCM811 interface")
///     .Section("Stability").Paragraph("Windows from the grand-potential phase diagram.")
///     .Figure(windowChart, "Stability windows vs Li/Li+")
///     .Note("Cathode potential exceeds the oxidation limit.", Verdict.Fail);
/// report.Save("report.html");
/// </code>
/// </example>
public sealed class HtmlReport
{
    private readonly string _title;
    private readonly string? _subtitle;
    private readonly List<(string? Heading, StringBuilder Body)> _sections = new();

    /// <summary>Starts a report with a document title (and optional subtitle line).</summary>
    public HtmlReport(string title, string? subtitle = null)
    {
        _title = title;
        _subtitle = subtitle;
        _sections.Add((null, new StringBuilder()));
    }

    private StringBuilder Current => _sections[^1].Body;
    private int _figures;

    /// <summary>Starts a new section with a level-2 heading; later content goes into it.</summary>
    public HtmlReport Section(string heading)
    {
        _sections.Add((heading, new StringBuilder()));
        return this;
    }

    /// <summary>Adds a level-3 heading inside the current section.</summary>
    public HtmlReport Heading(string text)
    {
        Current.Append("<h3>").Append(Escape(text)).Append("</h3>\n");
        return this;
    }

    /// <summary>Adds a paragraph; blank lines in <paramref name="text"/> start new paragraphs.</summary>
    public HtmlReport Paragraph(string text)
    {
        foreach (string p in text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            Current.Append("<p>").Append(Escape(p)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds preformatted text (logs, input files) in a monospace block.</summary>
    public HtmlReport Preformatted(string text)
    {
        Current.Append("<pre>").Append(Escape(text)).Append("</pre>\n");
        return this;
    }

    /// <summary>Adds a list of key–value pairs (values formatted as in <see cref="Table"/>; a <see cref="Verdict"/> becomes a badge).</summary>
    public HtmlReport KeyValues(IEnumerable<(string Key, object? Value)> items)
    {
        Current.Append("<dl class=\"kv\">\n");
        foreach (var (k, v) in items)
            Current.Append("<dt>").Append(Escape(k)).Append("</dt><dd").Append(IsNumeric(v) ? " class=\"num\"" : "")
                .Append('>').Append(Cell(v)).Append("</dd>\n");
        Current.Append("</dl>\n");
        return this;
    }

    /// <summary>
    /// Adds a table. Cells may be strings, numbers (doubles shown with 6 significant digits, NaN as "–"),
    /// booleans (yes/no) or <see cref="Verdict"/> values (badges); numeric columns are right-aligned.
    /// </summary>
    /// <exception cref="InterphaseException">A row has a different number of cells than there are headers.</exception>
    public HtmlReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows, string? caption = null)
    {
        var sb = Current;
        sb.Append("<table>\n");
        if (!string.IsNullOrEmpty(caption)) sb.Append("<caption>").Append(Escape(caption)).Append("</caption>\n");
        sb.Append("<thead><tr>");
        foreach (string h in headers) sb.Append("<th>").Append(Escape(h)).Append("</th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        int r = 0;
        foreach (var row in rows)
        {
            r++;
            if (row.Count != headers.Count)
                throw new InterphaseException($"table row {r} has {row.Count} cells but there are {headers.Count} headers");
            sb.Append("<tr>");
            foreach (var v in row)
                sb.Append(IsNumeric(v) ? "<td class=\"num\">" : "<td>").Append(Cell(v)).Append("</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");
        return this;
    }

    /// <summary>Adds a chart as an inline SVG figure with an optional caption.</summary>
    public HtmlReport Figure(Chart chart, string? caption = null, int width = 800, int height = 560)
    {
        // Element ids (clip paths) must be unique in the page: prefix them with the figure's number.
        string prefix = $"fig{++_figures}-";
        string svg = ChartRenderer.ToSvg(chart, width, height)
            .Replace("id=\"", $"id=\"{prefix}", StringComparison.Ordinal)
            .Replace("url(#", $"url(#{prefix}", StringComparison.Ordinal);
        Current.Append("<figure>\n").Append(svg).Append('\n');
        if (!string.IsNullOrEmpty(caption)) Current.Append("<figcaption>").Append(Escape(caption)).Append("</figcaption>\n");
        Current.Append("</figure>\n");
        return this;
    }

    /// <summary>Adds a highlighted note with a verdict badge (ok, warning, fail or info).</summary>
    public HtmlReport Note(string text, Verdict verdict = Verdict.Info)
    {
        Current.Append($"<div class=\"note {Css(verdict)}\">").Append(Badge(verdict)).Append(' ')
            .Append(Escape(text)).Append("</div>\n");
        return this;
    }

    /// <summary>The complete HTML document.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>").Append(Escape(_title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");
        sb.Append("<header><h1>").Append(Escape(_title)).Append("</h1>");
        if (!string.IsNullOrEmpty(_subtitle)) sb.Append("<p class=\"subtitle\">").Append(Escape(_subtitle)).Append("</p>");
        sb.Append("</header>\n<main>\n");
        foreach (var (heading, body) in _sections)
        {
            if (heading is null) { sb.Append(body); continue; }
            sb.Append("<section>\n<h2>").Append(Escape(heading)).Append("</h2>\n").Append(body).Append("</section>\n");
        }
        // The reference list: every review the report cites, as a reader looks it up.
        var cited = Knowledge.Reviews.CitedIn(string.Concat(_sections.Select(s => s.Body.ToString())));
        if (cited.Count > 0)
        {
            sb.Append("<section class=\"references\">\n<h2>References</h2>\n<ol>\n");
            foreach (var r in cited)
                sb.Append("<li>").Append(Escape(r.Reference.Replace($". doi:{r.Doi}", ".", StringComparison.Ordinal)))
                  .Append(" <a href=\"").Append(Escape(r.DoiUrl)).Append("\">doi:").Append(Escape(r.Doi)).Append("</a></li>\n");
            sb.Append("</ol>\n</section>\n");
        }
        sb.Append("</main>\n<footer>Generated by Interphase</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>Writes the document as UTF-8 to <paramref name="path"/>, creating its folder.</summary>
    /// <exception cref="InterphaseException">The file cannot be written.</exception>
    public void Save(string path) => OutputFile.Write(path, new UTF8Encoding(false).GetBytes(Render()));

    /// <summary>Escapes text for HTML content and attribute values.</summary>
    public static string Escape(string? text)
    {
        var sb = new StringBuilder((text ?? "").Length);
        foreach (char ch in text ?? "")
        {
            switch (ch)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case < ' ' when ch is not ('\t' or '\n' or '\r'): sb.Append(' '); break; // not allowed in HTML text
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    private static string Css(Verdict v) => v.ToString().ToLowerInvariant();

    private static string Badge(Verdict v) =>
        $"<span class=\"badge {Css(v)}\">{v switch { Verdict.Ok => "OK", Verdict.Warning => "WARNING", Verdict.Fail => "FAIL", _ => "INFO" }}</span>";

    private static bool IsNumeric(object? v) => v switch
    {
        double or float or decimal or int or long or short or byte or uint or ulong => true,
        string s => double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _),
        _ => false,
    };

    private static string Cell(object? v) => v switch
    {
        null => "",
        Verdict verdict => Badge(verdict),
        bool b => b ? "yes" : "no",
        double d => FormatNumber(d),
        float f => FormatNumber(f),
        IFormattable f => Escape(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Escape(v.ToString()),
    };

    /// <summary>Six significant digits, exponent as <c>e</c> (1.5e-07), NaN and infinities as text.</summary>
    private static string FormatNumber(double d) => double.IsNaN(d) ? "–"
        : double.IsInfinity(d) ? (d > 0 ? "∞" : "−∞")
        : d.ToString("G6", CultureInfo.InvariantCulture).Replace("E+", "e").Replace("E-", "e-");

    private const string Style = """
        :root { --ink: #222; --muted: #666; --rule: #ddd; --ok: #1a7f37; --warning: #9a6700; --fail: #cf222e; --info: #0969da; }
        body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: var(--ink);
               max-width: 1000px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
        h1 { margin-bottom: 0.2em; } .subtitle { color: var(--muted); margin-top: 0; }
        h2 { border-bottom: 1px solid var(--rule); padding-bottom: 0.2em; margin-top: 1.8em; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.95em; }
        caption { text-align: left; color: var(--muted); padding-bottom: 0.3em; }
        th, td { border-bottom: 1px solid var(--rule); padding: 0.3em 0.8em; text-align: left; }
        th { border-bottom: 2px solid #999; background: #f6f8fa; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        dl.kv { display: grid; grid-template-columns: max-content auto; gap: 0.2em 1.2em; }
        dl.kv dt { font-weight: 600; } dl.kv dd { margin: 0; text-align: left; }
        figure { margin: 1.2em 0; } figure svg { max-width: 100%; height: auto; display: block; }
        figcaption { color: var(--muted); font-size: 0.95em; margin-top: 0.3em; }
        pre { background: #f6f8fa; padding: 0.8em; overflow-x: auto; }
        .badge { display: inline-block; padding: 0.05em 0.5em; border-radius: 0.8em; font-size: 0.8em; font-weight: 700;
                 color: #fff; letter-spacing: 0.03em; }
        .badge.ok { background: var(--ok); } .badge.warning { background: var(--warning); }
        .badge.fail { background: var(--fail); } .badge.info { background: var(--info); }
        .note { border-left: 4px solid var(--info); background: #f6f8fa; padding: 0.5em 0.8em; margin: 0.8em 0; }
        .note.ok { border-color: var(--ok); } .note.warning { border-color: var(--warning); background: #fff8e5; }
        .note.fail { border-color: var(--fail); background: #ffebe9; }
        footer { color: var(--muted); font-size: 0.85em; margin-top: 3em; border-top: 1px solid var(--rule); padding-top: 0.5em; }
        """;
}
