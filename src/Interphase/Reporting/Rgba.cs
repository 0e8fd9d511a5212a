using System.Globalization;

namespace Interphase.Reporting;

/// <summary>An sRGB colour with alpha, 8 bits per channel.</summary>
public readonly record struct Rgba(byte R, byte G, byte B, byte A = 255)
{
    /// <summary>Opaque white.</summary>
    public static readonly Rgba White = new(255, 255, 255);
    /// <summary>Opaque black.</summary>
    public static readonly Rgba Black = new(0, 0, 0);

    /// <summary>The colour as <c>#rrggbb</c> (alpha is written separately as an opacity).</summary>
    public string Hex => $"#{R:x2}{G:x2}{B:x2}";

    /// <summary>Alpha as an opacity in [0, 1].</summary>
    public double Opacity => A / 255.0;

    /// <summary>The same colour with a different opacity in [0, 1].</summary>
    public Rgba WithOpacity(double opacity) => this with { A = (byte)Math.Round(Math.Clamp(opacity, 0, 1) * 255) };

    // A small table of CSS names: enough for hand-written chart colours; anything else is reported by name.
    private static readonly Dictionary<string, uint> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = 0x000000, ["white"] = 0xffffff, ["red"] = 0xff0000, ["green"] = 0x008000, ["blue"] = 0x0000ff,
        ["orange"] = 0xffa500, ["purple"] = 0x800080, ["gray"] = 0x808080, ["grey"] = 0x808080,
        ["brown"] = 0xa52a2a, ["pink"] = 0xffc0cb, ["olive"] = 0x808000, ["cyan"] = 0x00ffff,
        ["magenta"] = 0xff00ff, ["navy"] = 0x000080, ["teal"] = 0x008080, ["maroon"] = 0x800000,
        ["gold"] = 0xffd700, ["yellow"] = 0xffff00, ["lime"] = 0x00ff00, ["silver"] = 0xc0c0c0,
        ["darkgreen"] = 0x006400, ["darkred"] = 0x8b0000, ["darkblue"] = 0x00008b, ["darkorange"] = 0xff8c00,
        ["darkgray"] = 0xa9a9a9, ["darkgrey"] = 0xa9a9a9, ["lightgray"] = 0xd3d3d3, ["lightgrey"] = 0xd3d3d3,
        ["steelblue"] = 0x4682b4, ["crimson"] = 0xdc143c, ["firebrick"] = 0xb22222, ["forestgreen"] = 0x228b22,
        ["royalblue"] = 0x4169e1, ["seagreen"] = 0x2e8b57, ["indigo"] = 0x4b0082, ["violet"] = 0xee82ee,
        ["tomato"] = 0xff6347, ["slategray"] = 0x708090, ["dimgray"] = 0x696969, ["skyblue"] = 0x87ceeb,
    };

    /// <summary>
    /// Parses a CSS colour: <c>#rgb</c>, <c>#rrggbb</c>, <c>#rrggbbaa</c>, <c>rgb(r,g,b)</c>, <c>rgba(r,g,b,a)</c>
    /// or a common colour name.
    /// </summary>
    /// <exception cref="InterphaseException">The text is not a recognised colour.</exception>
    public static Rgba Parse(string css)
    {
        string s = css.Trim();
        if (s.StartsWith('#'))
        {
            string h = s[1..];
            if (h.Length == 3) h = string.Concat(h.Select(c => new string(c, 2)));
            if ((h.Length == 6 || h.Length == 8) && uint.TryParse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint v))
                return h.Length == 6
                    ? new Rgba((byte)(v >> 16), (byte)(v >> 8), (byte)v)
                    : new Rgba((byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v);
        }
        else if (s.StartsWith("rgb", StringComparison.OrdinalIgnoreCase) && s.EndsWith(')') && s.IndexOf('(') > 0)
        {
            string[] parts = s[(s.IndexOf('(') + 1)..^1].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length is 3 or 4
                && parts.All(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
            {
                double[] p = parts.Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                byte C(double x) => (byte)Math.Clamp(Math.Round(x), 0, 255);
                return new Rgba(C(p[0]), C(p[1]), C(p[2]), p.Length == 4 ? C(p[3] * 255) : (byte)255);
            }
        }
        else if (Named.TryGetValue(s, out uint n))
            return new Rgba((byte)(n >> 16), (byte)(n >> 8), (byte)n);
        throw new InterphaseException($"unrecognised colour '{css}' (use #rrggbb, rgb(r,g,b) or a CSS colour name)");
    }
}
