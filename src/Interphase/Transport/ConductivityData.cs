using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Interphase.Cell;
using Interphase.Quantities;

namespace Interphase.Transport;

/// <summary>One conductivity measurement.</summary>
/// <param name="TemperatureK">Temperature, K.</param>
/// <param name="ConductivitySPerCm">Ionic conductivity, S/cm.</param>
public readonly record struct ConductivityPoint(double TemperatureK, double ConductivitySPerCm);

/// <summary>YAML layout of a conductivity data set.</summary>
internal sealed class ConductivityDataFile
{
    /// <summary>Material name.</summary>
    public string? Name { get; set; }
    /// <summary>Source of the data.</summary>
    public string? Source { get; set; }
    /// <summary>C or K.</summary>
    public string TemperatureUnit { get; set; } = "C";
    /// <summary>S/cm, mS/cm, µS/cm or S/m.</summary>
    public string ConductivityUnit { get; set; } = "S/cm";
    /// <summary>[temperature, conductivity] pairs.</summary>
    public List<List<double>> Points { get; set; } = new();
}

/// <summary>Reads (T, σ) data from CSV or YAML with explicit units (°C or K; S/cm, mS/cm, µS/cm or S/m).</summary>
public static class ConductivityData
{
    /// <summary>
    /// Loads a file: <c>.yaml</c>/<c>.yml</c> as <see cref="ConductivityDataFile"/>, anything else as CSV whose first two
    /// columns are temperature and conductivity. CSV units come from the header (e.g. <c>T_C</c>, <c>temperature_k</c>,
    /// <c>T (°C)</c>; <c>sigma_ms_per_cm</c>, <c>sigma (S/cm)</c>) unless given as arguments, which take precedence.
    /// </summary>
    public static (string Name, IReadOnlyList<ConductivityPoint> Points) Load(string path, string? temperatureUnit = null, string? conductivityUnit = null)
    {
        if (!File.Exists(path)) throw new InterphaseException($"{path}: file not found");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is ".yaml" or ".yml")
        {
            var f = YamlInput.Load<ConductivityDataFile>(path);
            string tu = temperatureUnit ?? f.TemperatureUnit, cu = conductivityUnit ?? f.ConductivityUnit;
            var pts = new List<ConductivityPoint>();
            for (int i = 0; i < f.Points.Count; i++)
            {
                if (f.Points[i].Count != 2) throw new InterphaseException($"{path}: points[{i}] must be [temperature, conductivity]");
                pts.Add(Make(f.Points[i][0], f.Points[i][1], tu, cu, $"{path}: points[{i}]"));
            }
            return (f.Name ?? Path.GetFileNameWithoutExtension(path), Check(pts, path));
        }
        return (Path.GetFileNameWithoutExtension(path), ParseCsv(File.ReadAllText(path), path, temperatureUnit, conductivityUnit));
    }

    /// <summary>Parses CSV text (header row, then temperature,conductivity rows; '#' lines are comments; the separator,
    /// comma, semicolon or tab, is detected by CsvHelper).</summary>
    public static IReadOnlyList<ConductivityPoint> ParseCsv(string text, string source, string? temperatureUnit = null, string? conductivityUnit = null)
    {
        try
        {
            using var csv = CsvReader.FromText(text, CsvOptions);
            if (!csv.Read()) throw new InterphaseException($"{source}: needs a header row and at least one data row");
            int headerLine = (int)csv.LineNumber;
            var header = Enumerable.Range(0, csv.FieldCount).Select(i => csv.GetString(i).TrimStart('\uFEFF')).ToArray();
            if (header.Length < 2) throw new InterphaseException($"{source}: line {headerLine}: needs temperature and conductivity columns");
            string tu = temperatureUnit ?? TemperatureUnitOf(header[0])
                ?? throw new InterphaseException($"{source}: cannot tell the unit of column '{header[0]}'; name it like T_C / T_K or pass the temperature unit");
            string cu = conductivityUnit ?? ConductivityUnitOf(header[1])
                ?? throw new InterphaseException($"{source}: cannot tell the unit of column '{header[1]}'; name it like sigma_s_per_cm / sigma_ms_per_cm or pass the conductivity unit");
            var pts = new List<ConductivityPoint>();
            bool any = false;
            while (csv.Read())
            {
                any = true;
                int no = (int)csv.LineNumber;
                if (csv.FieldCount < 2) throw new InterphaseException($"{source}: line {no}: expected two values");
                string t0 = csv.GetString(0), s0 = csv.GetString(1);
                if (!double.TryParse(t0, NumberStyles.Float, CultureInfo.InvariantCulture, out var t) ||
                    !double.TryParse(s0, NumberStyles.Float, CultureInfo.InvariantCulture, out var s))
                    throw new InterphaseException($"{source}: line {no}: '{t0}{csv.Separator}{s0}' is not two numbers");
                pts.Add(Make(t, s, tu, cu, $"{source}: line {no}"));
            }
            if (!any) throw new InterphaseException($"{source}: needs a header row and at least one data row");
            return Check(pts, source);
        }
        catch (CsvFormatException ex)
        {
            throw new InterphaseException($"{source}: line {Math.Max(1, ex.LineNumber)}: malformed CSV quoting ({ex.Message})", ex);
        }
    }

    // Comma, semicolon or tab (detected); '#' starts a comment line; a quoted field ends on its own line.
    private static readonly CsvReaderOptions CsvOptions = new()
    {
        HasHeader = false, CommentPrefix = '#', TrimWhitespace = true, TrackLineNumbers = true, AllowLineBreaksInQuotes = false,
        MalformedData = CsvMalformedDataHandling.Throw,
    };

    private static ConductivityPoint Make(double t, double s, string tu, string cu, string where)
    {
        double k = Units.ToKelvin(t, tu);
        if (!(k > 0)) throw new InterphaseException($"{where}: temperature {t} {tu} is at or below absolute zero");
        if (!(s > 0)) throw new InterphaseException($"{where}: conductivity {s} must be positive");
        return new ConductivityPoint(k, s * Units.ConductivityToSPerCm(cu));
    }

    private static IReadOnlyList<ConductivityPoint> Check(List<ConductivityPoint> pts, string source)
    {
        if (pts.Count == 0) throw new InterphaseException($"{source}: no data points");
        return pts;
    }

    internal static string? TemperatureUnitOf(string column)
    {
        var c = column.ToLowerInvariant();
        if (Regex.IsMatch(c, @"(_|\(|\[|\s)(°?c|degc|celsius)(\)|\])?$") || c.EndsWith("°c")) return "C";
        if (Regex.IsMatch(c, @"(_|\(|\[|\s)(k|kelvin)(\)|\])?$")) return "K";
        return null;
    }

    internal static string? ConductivityUnitOf(string column)
    {
        var m = Regex.Match(column, @"(m|µ|u)?s(_per_|/)(cm|m)\b", RegexOptions.IgnoreCase);
        if (!m.Success) return null;
        string prefix = m.Groups[1].Value.ToLowerInvariant() switch { "m" => "m", "µ" or "u" => "µ", _ => "" };
        return $"{prefix}S/{m.Groups[3].Value.ToLowerInvariant()}";
    }
}
