using System.Globalization;
using CsvHelper;

namespace Interphase.Reporting;

/// <summary>A numeric table (named columns with units in the names) produced by a sweep of a model, writable as CSV.</summary>
public sealed class SweepTable
{
    /// <summary>Creates an empty table with the given column names (e.g. <c>separator_um</c>, <c>specific_energy_wh_per_kg</c>).</summary>
    public SweepTable(params string[] columns)
    {
        if (columns.Length == 0) throw new ArgumentException("a table needs columns", nameof(columns));
        Columns = columns;
    }

    /// <summary>Column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Rows, one value per column (NaN where undefined).</summary>
    public IReadOnlyList<IReadOnlyList<double>> Rows => _rows;

    private readonly List<double[]> _rows = new();

    /// <summary>Appends a row.</summary>
    public void Add(params double[] row)
    {
        if (row.Length != Columns.Count) throw new ArgumentException($"row has {row.Length} values, table has {Columns.Count} columns");
        _rows.Add((double[])row.Clone());
    }

    /// <summary>The values of one column.</summary>
    public double[] Column(string name)
    {
        int k = Columns.ToList().IndexOf(name);
        if (k < 0) throw new ArgumentException($"no column '{name}'", nameof(name));
        return _rows.Select(r => r[k]).ToArray();
    }

    /// <summary>Writes the table as CSV (invariant culture, round-trip precision).</summary>
    public void WriteCsv(TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        foreach (var c in Columns) csv.WriteField(c);
        csv.EndRecord();
        foreach (var row in Rows)
        {
            foreach (var v in row) csv.WriteField(double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture));
            csv.EndRecord();
        }
        csv.Flush();
    }

    /// <summary>Writes the table to a CSV file; errors name the path.</summary>
    public void WriteCsv(string path)
    {
        OutputFile.WriteText(path, WriteCsv);
    }

    /// <summary>Most values of one sweep (the work and memory it takes stay small; a chart resolves far fewer).</summary>
    public const int MaxSteps = 10_000;

    /// <summary><paramref name="steps"/> evenly spaced values from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    /// <exception cref="InterphaseException">Fewer than two or more than <see cref="MaxSteps"/> steps, or an infinite bound.</exception>

    public static double[] Linspace(double from, double to, int steps)
    {
        if (steps < 2) throw new InterphaseException($"steps = {steps} must be at least 2");
        if (steps > MaxSteps) throw new InterphaseException($"steps = {steps:N0} is more than {MaxSteps:N0}; a sweep's table or chart shows far fewer, so choose fewer steps");
        if (!double.IsFinite(from) || !double.IsFinite(to)) throw new InterphaseException($"a sweep needs finite bounds (got {from:G4} to {to:G4})");
        return Enumerable.Range(0, steps).Select(i => from + (to - from) * i / (steps - 1)).ToArray();
    }
}
