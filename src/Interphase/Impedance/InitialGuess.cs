namespace Interphase.Impedance;

/// <summary>
/// Automatic starting values read off the spectrum: the high-frequency intercept for series resistors, the arc
/// diameter shared among parallel groups, and time constants spread over the measured frequency range in the order the
/// groups are written (users write circuits from high to low frequency).
/// </summary>
public static class InitialGuess
{
    /// <summary>A few starting points for <paramref name="circuit"/>, best guess first.</summary>
    public static IEnumerable<double[]> Candidates(Circuit circuit, ImpedanceSpectrum s)
    {
        if (FromDrt(circuit, s) is { } drtGuess) yield return drtGuess;
        yield return Guess(circuit, s, 0.0, 1.0, false);
        yield return Guess(circuit, s, 0.15, 0.85, false);
        yield return Guess(circuit, s, 0.0, 1.0, true);
    }

    /// <summary>
    /// A guess from the distribution of relaxation times: the largest peaks, in order of time constant, give each
    /// top-level group its resistance and τ; R∞ goes to the series resistors. Null when the DRT has too few peaks.
    /// </summary>
    public static double[]? FromDrt(Circuit circuit, ImpedanceSpectrum s)
    {
        var topSeries = circuit.Root is SeriesNode sn ? sn.Children : [circuit.Root];
        var groups = topSeries.Where(c => c is not ElementNode e || e.Type is not (Resistor or Inductor or Capacitor)).ToList();
        if (groups.Count == 0 || s.Count < 8) return null;
        DrtResult drt;
        try { drt = Drt.Compute(s, lambda: 1e-4); }
        catch (Exception e) when (e is ImpedanceException or ArgumentException or MathNet.Numerics.NonConvergenceException) { return null; }
        var peaks = drt.Peaks.Take(groups.Count).OrderBy(p => p.TauSeconds).ToList();
        if (peaks.Count < groups.Count) return null;
        var p = Guess(circuit, s);
        var seriesResistors = topSeries.OfType<ElementNode>().Where(e => e.Type is Resistor).ToList();
        foreach (var r in seriesResistors) p[r.ParameterStart] = Math.Max(drt.RInf / seriesResistors.Count, 1e-6 * peaks.Sum(q => q.ResistanceOhm));
        for (int g = 0; g < groups.Count; g++)
        {
            var members = ElementsUnder(groups[g]).ToList();
            int resistive = Math.Max(members.Count(e => e.Type is Resistor or WarburgOpen or WarburgShort or Gerischer or GerischerFinite or Warburg), 1);
            foreach (var e in members) SetElement(p, e, peaks[g].ResistanceOhm / resistive, peaks[g].TauSeconds);
        }
        return p;
    }

    /// <summary>
    /// One guess; time constants are spread over the fraction [<paramref name="from"/>, <paramref name="to"/>] of the
    /// log-frequency range, in reverse order when <paramref name="reversed"/>.
    /// </summary>
    public static double[] Guess(Circuit circuit, ImpedanceSpectrum s, double from = 0, double to = 1, bool reversed = false)
    {
        var p = new double[circuit.ParameterCount];
        double fMin = s.Frequency.Min(), fMax = s.Frequency.Max();
        double rHf = Math.Max(s.Z.Min(z => z.Real), 0);
        double rSpan = Math.Max(s.Z.Max(z => z.Real) - rHf, 1e-6 * Math.Max(s.Z.Max(z => z.Magnitude), 1e-12));
        var topSeries = circuit.Root is SeriesNode sn ? sn.Children : [circuit.Root];
        var seriesResistors = topSeries.OfType<ElementNode>().Where(e => e.Type is Resistor).ToList();
        var groups = topSeries.Where(c => c is not ElementNode e || e.Type is not (Resistor or Inductor or Capacitor)).ToList();
        int nGroups = Math.Max(groups.Count, 1);
        double rEach = rSpan / nGroups;
        foreach (var r in seriesResistors) p[r.ParameterStart] = Math.Max(rHf / seriesResistors.Count, 1e-3 * rSpan);
        for (int g = 0; g < groups.Count; g++)
        {
            int k = reversed ? groups.Count - 1 - g : g;
            double frac = groups.Count == 1 ? 0.5 * (from + to) : from + (to - from) * (k + 0.5) / groups.Count;
            double f = Math.Exp(Math.Log(fMax) - frac * (Math.Log(fMax) - Math.Log(fMin)));
            double tau = 1 / (2 * Math.PI * f);
            // Diffusion elements show at the low-frequency end; the group's resistance is shared among its resistive parts.
            var members = ElementsUnder(groups[g]).ToList();
            int resistive = Math.Max(members.Count(e => e.Type is Resistor or WarburgOpen or WarburgShort or Gerischer or GerischerFinite or Warburg), 1);
            double tauDiffusion = Math.Max(tau, 1 / (2 * Math.PI * fMin));
            foreach (var e in members)
                SetElement(p, e, rEach / resistive, e.Type is WarburgOpen or WarburgShort or Warburg or Gerischer or GerischerFinite ? tauDiffusion : tau);
        }
        foreach (var e in topSeries.OfType<ElementNode>())
        {
            if (e.Type is Inductor) p[e.ParameterStart] = 1e-7;
            if (e.Type is Capacitor)
            {
                double w = 2 * Math.PI * fMin;
                double zi = Math.Abs(s.Z[Array.IndexOf(s.Frequency, fMin)].Imaginary);
                p[e.ParameterStart] = 1 / (w * Math.Max(zi, 1e-12));
            }
        }
        foreach (var e in circuit.Elements)
            for (int i = 0; i < e.Type.ParameterCount; i++)
                if (!(p[e.ParameterStart + i] > 0)) p[e.ParameterStart + i] = 1e-3;
        return p;
    }

    static IEnumerable<ElementNode> ElementsUnder(CircuitNode node) => node switch
    {
        ElementNode e => [e],
        SeriesNode s => s.Children.SelectMany(ElementsUnder),
        ParallelNode p => p.Children.SelectMany(ElementsUnder),
        _ => [],
    };

    static void SetElement(double[] p, ElementNode e, double r, double tau)
    {
        int k = e.ParameterStart;
        switch (e.Type)
        {
            case Resistor: p[k] = r; break;
            case Capacitor: p[k] = tau / r; break;
            case Inductor: p[k] = 1e-7; break;
            case Cpe: p[k] = Math.Pow(tau, 0.9) / r; p[k + 1] = 0.9; break;
            case Warburg: p[k] = r * Math.Sqrt(1 / tau); break;
            case WarburgOpen or WarburgShort or Gerischer or RcElement: p[k] = r; p[k + 1] = tau; break;
            case GerischerFinite: p[k] = r; p[k + 1] = tau; p[k + 2] = 1; break;
            case ModifiedInductance: p[k] = 1e-7; p[k + 1] = 0.9; break;
        }
    }
}
