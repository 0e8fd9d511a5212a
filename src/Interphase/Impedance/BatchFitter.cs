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
    public static IReadOnlyList<BatchItem> Fit(IReadOnlyList<ImpedanceSpectrum> spectra, Circuit circuit, FitOptions? options = null,
        double? intervalHours = null, IProgress<int>? progress = null, int? maxDegreeOfParallelism = null)
    {
        options ??= new FitOptions();
        var items = new BatchItem[spectra.Count];
        if (spectra.Count == 0) return items;
        int done = 0;
        BatchItem Run(int i, FitOptions o)
        {
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
        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = k }, chunk =>
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
