using System.Text;

namespace Interphase.Reporting.Png;

/// <summary>
/// A built-in 5×7 bitmap font (with two rows of descenders) for the PNG back end: printable ASCII plus the
/// symbols common in electrochemistry axis labels (Ω, µ, °, superscript digits and signs, ±, ×, Δ, ≤, ≥ and
/// a few Greek letters).
/// Other characters are mapped to ASCII look-alikes or '?'.
/// </summary>
public static class BitmapFont
{
    /// <summary>Glyph cell: 5 columns, 9 rows (rows 0–6 above the baseline); one blank column between glyphs.</summary>
    public const int GlyphWidth = 5, GlyphRows = 9, CapRows = 7, Advance = 6;

    // Bit (row * 5 + column) is set where the glyph has ink; row 0 is the top, column 0 the left.
    private static readonly ulong[] Ascii =
    [
        0x000000000000, 0x000100421084, 0x00000000014A, 0x000295F57D4A, 0x00011F4717C4, 0x000632222263,
        0x000593511526, 0x000000000884, 0x000208210888, 0x000088842082, 0x000009575480, 0x0000084F9080,
        0x02218C000000, 0x0000000F8000, 0x00018C000000, 0x000002222200, 0x0003A33AE62E, 0x0003884210C4,
        0x0007C444422E, 0x0003A304111F, 0x000211F4A988, 0x0003A3083C3F, 0x0003A317844C, 0x00008422221F,
        0x0003A317462E, 0x0001910F462E, 0x00000C6018C0, 0x00110C6018C0, 0x000208208888, 0x000001F07C00,
        0x000088882082, 0x00010044422E, 0x0003AB5B422E, 0x0004631FC62E, 0x0003E317C62F, 0x0003A210862E,
        0x0001D318C527, 0x0007C217843F, 0x00004217843F, 0x0007A31E862E, 0x0004631FC631, 0x00038842108E,
        0x00019284211C, 0x000452519531, 0x0007C2108421, 0x0004631AD771, 0x0004639ACE31, 0x0003A318C62E,
        0x00004217C62F, 0x00059358C62E, 0x00045257C62F, 0x0003E107043E, 0x00010842109F, 0x0003A318C631,
        0x000108A54631, 0x0002AB5AC631, 0x000462A22A31, 0x000108422A31, 0x0007C222221F, 0x00038421084E,
        0x000020820820, 0x00039084210E, 0x000000004544, 0x0007C0000000, 0x000000002082, 0x0007A3E83800,
        0x0003E319B421, 0x0003A210B800, 0x0007A31CDA10, 0x000383F8B800, 0x000084238A4C, 0x0E87A318F800,
        0x00046319B421, 0x000388421804, 0x064A10843008, 0x00024A32A421, 0x000388421086, 0x0004635AAC00,
        0x00046319B400, 0x0003A318B800, 0x010BE318BC00, 0x1087A318F800, 0x00004219B400, 0x0003E0E0F800,
        0x000324211C42, 0x0005B318C400, 0x00011518C400, 0x0002AB58C400, 0x000454454400, 0x0E87A318C400,
        0x0007C4447C00, 0x000208411088, 0x000108421084, 0x000088441082, 0x0000008A8800,
    ];

    private static readonly Dictionary<char, ulong> Extra = new()
    {
        ['Ω'] = 0x0006D4A8C62E,
        ['µ'] = 0x010B6718C400,
        ['°'] = 0x000000032526,
        ['²'] = 0x000000F11126,
        ['³'] = 0x000000741907,
        ['·'] = 0x000000020000,
        ['±'] = 0x0007C0427C84,
        ['×'] = 0x000022A22A20,
        ['Δ'] = 0x0007E3152884,
        ['α'] = 0x00059294D800,
        ['σ'] = 0x0003A314F800,
        ['η'] = 0x10846319B400,
        ['τ'] = 0x000608427C00,
        ['ε'] = 0x000782E0F800,
        ['λ'] = 0x000462A51082,
        ['θ'] = 0x0003A31FC62E,
        ['ρ'] = 0x010BE318B800,
        ['ω'] = 0x0002AB58A800,
        ['φ'] = 0x00011D5AD5C4,
        ['Å'] = 0x000463F8B804,
        ['⁰'] = 0x00000064A526,
        ['¹'] = 0x000000710862,
        ['⁴'] = 0x0000004794C4,
        ['⁵'] = 0x000000741C2F,
        ['⁶'] = 0x000000649C26,
        ['⁷'] = 0x00000021110F,
        ['⁸'] = 0x000000649926,
        ['⁹'] = 0x000000643926,
        ['⁺'] = 0x000000011C40,
        ['⁻'] = 0x000000001C00,
        ['≤'] = 0x0007C0820888,
        ['≥'] = 0x0007C0222082,
    };

    private static readonly Dictionary<char, string> LookAlikes = new()
    {
        ['\u03BC'] = "µ", ['\u2126'] = "Ω", ['\u2212'] = "-", ['\u2013'] = "-", ['\u2014'] = "-", ['\u2010'] = "-",
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u2026'] = "...",
        ['\u00A0'] = " ", ['\u2009'] = " ", ['\u202F'] = " ", ['\u22C5'] = "·", ['\u2264'] = "≤", ['\u2265'] = "≥",
        ['\u2248'] = "~", ['\u2192'] = "->", ['\u00AD'] = "-",
    };

    /// <summary>Rewrites text into characters the font has: look-alikes, super/subscript digits, accents dropped.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char ch in text)
        {
            if (HasGlyph(ch)) sb.Append(ch);
            else if (LookAlikes.TryGetValue(ch, out string? s)) sb.Append(s);
            else if (ch is >= '\u2080' and <= '\u2089') sb.Append((char)('0' + ch - '\u2080'));
            else if (ch is '\t' or '\n' or '\r') sb.Append(' ');
            else
            {
                // Accented Latin letters: keep the base letter (é -> e).
                string d = ch.ToString().Normalize(NormalizationForm.FormKD);
                sb.Append(d.Length > 0 && HasGlyph(d[0]) ? d[0] : '?');
            }
        }
        return sb.ToString();
    }

    private static bool HasGlyph(char ch) => ch is >= ' ' and <= '~' || Extra.ContainsKey(ch);

    /// <summary>Glyph bits of a character already passed through <see cref="Normalize"/>.</summary>
    public static ulong Glyph(char ch) => ch is >= ' ' and <= '~' ? Ascii[ch - ' '] : Extra.GetValueOrDefault(ch, Ascii['?' - ' ']);

    /// <summary>Width in px of normalised text at an integer scale (no trailing gap).</summary>
    public static int Width(string normalized, int scale) =>
        normalized.Length == 0 ? 0 : (normalized.Length * Advance - 1) * scale;

    /// <summary>Integer magnification for a nominal font size in px (12–16 px → 2×).</summary>
    public static int ScaleFor(double size) => Math.Max(1, (int)Math.Round(size / 7));
}
