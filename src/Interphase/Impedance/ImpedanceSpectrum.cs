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

    /// <summary>The spectrum without inductive points (Z'' &gt; 0), as impedance.py's <c>ignoreBelowX</c> does.</summary>
    public ImpedanceSpectrum DropInductive() => Where(i => Z[i].Imaginary < 0);

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

    /// <summary>Checks the spectrum can be analysed: at least <paramref name="minPoints"/> points, finite, positive frequencies.</summary>
    public void EnsureUsable(int minPoints = 3)
    {
        string name = Source ?? "spectrum";
        if (Count < minPoints)
            throw new ImpedanceException($"{name}: {Count} points left after preprocessing, at least {minPoints} needed");
        for (int i = 0; i < Count; i++)
        {
            if (!(Frequency[i] > 0) || double.IsInfinity(Frequency[i]))
                throw new ImpedanceException($"{name}: point {i + 1} has frequency {Frequency[i]} Hz; frequencies must be positive");
            if (!double.IsFinite(Z[i].Real) || !double.IsFinite(Z[i].Imaginary))
                throw new ImpedanceException($"{name}: point {i + 1} (f = {Frequency[i]} Hz) has a non-finite impedance");
        }
    }
}
