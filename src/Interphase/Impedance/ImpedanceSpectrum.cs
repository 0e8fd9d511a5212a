using System.Numerics;

namespace Interphase.Impedance;

/// <summary>
/// An impedance spectrum: frequencies (Hz) and complex impedances Z = Z' + jZ'' (Ω, or Ω·cm² once area-normalised),
/// with Z'' negative for capacitive behaviour. Points keep the order they were measured in.
/// </summary>
/// <param name="Frequency">Frequencies in Hz, all positive.</param>
/// <param name="Z">Complex impedance at each frequency.</param>
/// <param name="Source">File the spectrum came from, if any.</param>
/// <param name="Format">Instrument format the file was read as, if any.</param>
public sealed record ImpedanceSpectrum(double[] Frequency, Complex[] Z, string? Source = null, string? Format = null)
{
    /// <summary>Number of points.</summary>
    public int Count => Frequency.Length;

    /// <summary>Angular frequencies ω = 2πf (rad/s).</summary>
    public double[] Omega => Frequency.Select(f => 2 * Math.PI * f).ToArray();

    /// <summary>
    /// The spectrum without inductive points (Z'' ≥ 0), as impedance.py's <c>ignoreBelowX</c> does. Non-finite points are
    /// kept, so that <see cref="EnsureUsable"/> names them instead of their silently disappearing.
    /// </summary>
    public ImpedanceSpectrum DropInductive() => Where(i => Z[i].Imaginary < 0 || !double.IsFinite(Z[i].Imaginary));

    /// <summary>The points with <paramref name="fMinHz"/> ≤ f ≤ <paramref name="fMaxHz"/> (either bound optional).</summary>
    public ImpedanceSpectrum Crop(double? fMinHz, double? fMaxHz)
    {
        if (fMinHz is { } lo && fMaxHz is { } hi && lo > hi)
            throw new ImpedanceException($"frequency range is empty: minimum {lo} Hz is above maximum {hi} Hz");
        return Where(i => (fMinHz is null || Frequency[i] >= fMinHz) && (fMaxHz is null || Frequency[i] <= fMaxHz));
    }

    /// <summary>Area-specific impedance Z·A (Ω·cm²) for an electrode area in cm².</summary>
    public ImpedanceSpectrum NormaliseByArea(double areaCm2)
    {
        if (!(areaCm2 > 0)) throw new ImpedanceException($"electrode area must be positive, got {areaCm2} cm²");
        return this with { Z = Z.Select(z => z * areaCm2).ToArray() };
    }

    /// <summary>The points whose index satisfies <paramref name="keep"/>.</summary>
    public ImpedanceSpectrum Where(Func<int, bool> keep)
    {
        var idx = Enumerable.Range(0, Count).Where(keep).ToArray();
        return this with { Frequency = idx.Select(i => Frequency[i]).ToArray(), Z = idx.Select(i => Z[i]).ToArray() };
    }

    /// <summary>Frequency range (Hz) an impedance analyser can measure; values outside are taken as corrupt input.</summary>
    public const double MinFrequencyHz = 1e-9, MaxFrequencyHz = 1e12;

    /// <summary>
    /// Most points analysed (fits, Kramers–Kronig, DRT grow with the point count: 10⁶ points took a minute). Real
    /// spectra hold a few hundred to a thousand; 20,000 leaves a wide margin for dense or concatenated measurements.
    /// </summary>
    public const int MaxPoints = 20_000;

    /// <summary>|Z| range (Ω or Ω·cm²) of real measurements; values outside are taken as corrupt input.</summary>
    public const double MinModulusOhm = 1e-12, MaxModulusOhm = 1e18;

    /// <summary>
    /// Checks the spectrum can be analysed: at least <paramref name="minPoints"/> points at three or more distinct
    /// frequencies, finite values, frequencies and |Z| within what instruments measure (outside, the arithmetic of every
    /// method would overflow or underflow).
    /// </summary>
    /// <exception cref="ImpedanceException">The first problem found, naming the point.</exception>
    public void EnsureUsable(int minPoints = 3)
    {
        string name = Source ?? "spectrum";
        if (Count < minPoints)
            throw new ImpedanceException($"{name}: {Count} points left after preprocessing, at least {minPoints} needed");
        if (Count > MaxPoints)
            throw new ImpedanceException($"{name}: {Count:N0} points; at most {MaxPoints:N0} are analysed, far above what instruments write " +
                "(10–100 points per decade over 7–10 decades: a few hundred to a thousand); crop it with --fmin/--fmax or thin it");
        for (int i = 0; i < Count; i++)
        {
            if (!(Frequency[i] > 0) || double.IsInfinity(Frequency[i]))
                throw new ImpedanceException($"{name}: point {i + 1} has frequency {Frequency[i]} Hz; frequencies must be positive");
            if (Frequency[i] < MinFrequencyHz || Frequency[i] > MaxFrequencyHz)
                throw new ImpedanceException($"{name}: point {i + 1} has frequency {Frequency[i]:G4} Hz, outside {MinFrequencyHz:G0}…{MaxFrequencyHz:G0} Hz (corrupt or mis-scaled column?)");
            if (!double.IsFinite(Z[i].Real) || !double.IsFinite(Z[i].Imaginary))
                throw new ImpedanceException($"{name}: point {i + 1} (f = {Frequency[i]} Hz) has a non-finite impedance");
            double mod = Z[i].Magnitude;
            if (!(mod >= MinModulusOhm && mod <= MaxModulusOhm))
                throw new ImpedanceException($"{name}: point {i + 1} (f = {Frequency[i]:G4} Hz) has |Z| = {mod:G4} Ω, outside {MinModulusOhm:G0}…{MaxModulusOhm:G0} Ω (corrupt or mis-scaled column?)");
        }
        int distinct = Frequency.Distinct().Count();
        if (distinct < Math.Min(3, minPoints))
            throw new ImpedanceException($"{name}: only {distinct} distinct frequenc{(distinct == 1 ? "y" : "ies")} among {Count} points; a spectrum needs at least 3");
    }
}
