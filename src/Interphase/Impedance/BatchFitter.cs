using System.Globalization;
using CsvHelper;

namespace Interphase.Impedance;

/// <summary>One spectrum of a batch and its fit (or the reason it failed).</summary>
/// <param name="Index">Position in the series.</param>
/// <param name="Source">File name or label.</param>
/// <param name="TimeHours">Time of the spectrum (h) when an interval was given, else null.</param>
/// <param name="Fit">The fit, or null when it failed.</param>
/// <param name="Error">Why the fit failed, or null.</param>
public sealed record BatchItem(int Index, string Source, double? TimeHours, FitResult? Fit, string? Error);

/// <summary>
/// Fits a series of spectra (a folder, or spectra recorded over hours) in parallel. Each fit starts from the previous
/// spectrum's result, as a user would do by hand: the series is cut into one contiguous chunk per core, every chunk is
/// walked in order, and each chunk starts from the fit of the first spectrum.
/// </summary>
public static class BatchFitter
{
    /// <summary>Fits every spectrum; <paramref name="progress"/> receives the number of spectra done so far.</summary>
    /// <param name="spectra">Spectra in time order.</param>
    /// <param name="circuit">The circuit.</param>
    /// <param name="options">Options for the first fit (its initial values, or automatic guesses); later fits reuse the constants and weighting.</param>
    /// <param name="intervalHours">Time between spectra (h), to label the series; null for index only.</param>
    /// <param name="progress">Progress reporter.</param>
    /// <param name="maxDegreeOfParallelism">Parallel chunks (default: processor count).</param>
    /// <param name="cancellation">Stops between spectra (<see cref="OperationCanceledException"/>).</param>
    public static IReadOnlyList<BatchItem> Fit(IReadOnlyList<ImpedanceSpectrum> spectra, Circuit circuit, FitOptions? options = null,
        double? intervalHours = null, IProgress<int>? progress = null, int? maxDegreeOfParallelism = null, CancellationToken cancellation = default)
    {
        options ??= new FitOptions();
        var items = new BatchItem[spectra.Count];
        if (spectra.Count == 0) return items;
        int done = 0;
        BatchItem Run(int i, FitOptions o)
        {
            cancellation.ThrowIfCancellationRequested();
            var s = spectra[i];
            double? t = intervalHours * i;
            try { return new BatchItem(i, s.Source ?? $"#{i}", t, CircuitFitter.Fit(circuit, s, o), null); }
            catch (ImpedanceException ex) { return new BatchItem(i, s.Source ?? $"#{i}", t, null, ex.Message); }
            finally { progress?.Report(Interlocked.Increment(ref done)); }
        }
        items[0] = Run(0, options);
        int rest = spectra.Count - 1;
        int k = Math.Max(1, Math.Min(maxDegreeOfParallelism ?? Environment.ProcessorCount, rest));
        var chunks = Enumerable.Range(0, k).Select(c => (Start: 1 + rest * c / k, End: 1 + rest * (c + 1) / k)).ToList();
        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = k, CancellationToken = cancellation }, chunk =>
        {
            var seed = items[0].Fit;
            for (int i = chunk.Start; i < chunk.End; i++)
            {
                var o = seed is null ? options : Seeded(options, seed);
                items[i] = Run(i, o);
                if (items[i].Fit is { } f) seed = f;
            }
        });
        return items;
    }

    /// <summary>
    /// Writes the batch as CSV: index, file, time_h, every parameter and its error (<c>NAME</c>, <c>NAME_err</c>),
    /// chi_square and error; empty fields where a fit failed. Invariant culture, round-trip precision, quoting by CsvHelper.
    /// </summary>
    public static void WriteCsv(Circuit circuit, IReadOnlyList<BatchItem> items, TextWriter writer)
    {
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { NewLine = "\n" }, leaveOpen: true);
        static string F(double? v) => v is { } x ? x.ToString("R", CultureInfo.InvariantCulture) : "";
        foreach (var h in new[] { "index", "file", "time_h" }.Concat(circuit.ParameterNames.SelectMany(n => new[] { n, n + "_err" })).Concat(["chi_square", "error"]))
            csv.WriteField(h);
        csv.EndRecord();
        foreach (var it in items)
        {
            csv.WriteField(it.Index.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(Path.GetFileName(it.Source));
            csv.WriteField(F(it.TimeHours));
            for (int k = 0; k < circuit.ParameterCount; k++)
            {
                csv.WriteField(F(it.Fit?.Parameters[k]));
                csv.WriteField(F(it.Fit?.Errors[k]));
            }
            csv.WriteField(F(it.Fit?.ChiSquare));
            csv.WriteField(it.Error ?? "");
            csv.EndRecord();
        }
        csv.Flush();
    }

    static FitOptions Seeded(FitOptions options, FitResult previous) => new()
    {
        Constants = options.Constants,
        Weighting = options.Weighting,
        MaxIterations = options.MaxIterations,
        Tolerance = options.Tolerance,
        Global = options.Global,
        Initial = previous.Parameters.Where((_, k) => !previous.IsConstant[k]).ToArray(),
    };
}
