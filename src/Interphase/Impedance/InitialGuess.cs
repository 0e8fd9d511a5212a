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
        foreach (var drtGuess in FromDrtAll(circuit, s)) yield return drtGuess;
        yield return Guess(circuit, s, 0.0, 1.0, false);
        yield return Guess(circuit, s, 0.15, 0.85, false);
        yield return Guess(circuit, s, 0.0, 1.0, true);
    }

    /// <summary>
    /// A guess from the distribution of relaxation times: the largest peaks, in order of time constant, give each
    /// top-level group its resistance and τ; R∞ goes to the series resistors. Null when the DRT has too few peaks.
    /// </summary>
    public static double[]? FromDrt(Circuit circuit, ImpedanceSpectrum s) => FromDrtAll(circuit, s).FirstOrDefault();


    /// <summary>
    /// Guesses from the distribution of relaxation times: the top-level groups, in the order written, take in order of
    /// τ the largest DRT peaks or a slot above f_max or below f_min (arcs the data do not resolve); every such
    /// assignment is a candidate, those that use measured peaks only first.
    /// </summary>
    static IEnumerable<double[]> FromDrtAll(Circuit circuit, ImpedanceSpectrum s)
    {
        var topSeries = circuit.Root is SeriesNode sn ? sn.Children : [circuit.Root];
        var groups = topSeries.Where(c => c is not ElementNode e || e.Type is not (Resistor or Inductor or Capacitor)).ToList();
        if (groups.Count == 0 || s.Count < 8) yield break;
        DrtResult? drt = DrtOf(s);
        if (drt is null) yield break;
        var seriesResistors = topSeries.OfType<ElementNode>().Where(e => e.Type is Resistor).ToList();
        double tauMin = drt.MeasuredTauSeconds.Min, tauMax = drt.MeasuredTauSeconds.Max;
        // The largest peaks in the measured range (one spare for a spurious one), in order of τ, between two slots for
        // arcs beyond the range: above f_max (a garnet's bulk arc in the MHz range hides in the high-frequency
        // intercept) and below f_min (an interface or diffusion arc that has not closed).
        var peaks = drt.Peaks.Where(p => p.InMeasuredRange).Take(groups.Count + 1).OrderBy(p => p.TauSeconds).ToList();
        double rPol = Math.Max(peaks.Sum(q => q.ResistanceOhm), 1e-6 * Math.Max(s.Z.Max(z => z.Magnitude), 1e-12));
        double rIntercept = Math.Max(s.Z.Min(z => z.Real), 0);
        var slots = new List<(double R, double Tau, bool Above)> { (Math.Max(0.9 * rIntercept, 0.1 * rPol / groups.Count), tauMin / 3, true) };
        slots.AddRange(peaks.Select(q => (q.ResistanceOhm, q.TauSeconds, false)));
        slots.Add((rPol / Math.Max(peaks.Count, 1), 3 * tauMax, false));

        var seen = 0;
        foreach (var pick in IncreasingSequences(slots.Count, groups.Count))
        {
            if (++seen > MaxDrtCandidates) yield break;
            var p = Guess(circuit, s);
            bool above = slots[pick[0]].Above;
            // the series resistance is what the intercept leaves to it once an arc above f_max has taken its share
            double rSeries = above ? rIntercept - slots[0].R : Math.Max(drt.RInf, rIntercept);
            foreach (var r in seriesResistors) p[r.ParameterStart] = Math.Max(rSeries / seriesResistors.Count, 1e-3 * rPol);
            for (int g = 0; g < groups.Count; g++)
            {
                var members = ElementsUnder(groups[g]).ToList();
                int resistive = Math.Max(members.Count(e => e.Type is Resistor or WarburgOpen or WarburgShort or Gerischer or GerischerFinite or Warburg or Zarc or TransmissionLineQ), 1);
                foreach (var e in members) SetElement(p, e, Math.Max(slots[pick[g]].R, 1e-9) / resistive, slots[pick[g]].Tau);
            }
            yield return p;
        }
    }

    // One DRT per spectrum: fits of several circuits to one spectrum (an automatic circuit choice) share it.
    static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ImpedanceSpectrum, Lazy<DrtResult?>> DrtCache = new();

    static DrtResult? DrtOf(ImpedanceSpectrum s) => DrtCache.GetValue(s, sp => new Lazy<DrtResult?>(() =>
    {
        try { return Drt.Compute(sp, lambda: 1e-4); }
        catch (Exception e) when (e is ImpedanceException or ArgumentException or MathNet.Numerics.NonConvergenceException) { return null; }
    })).Value;

    /// <summary>Upper limit on the DRT-based starting points of one fit.</summary>
    const int MaxDrtCandidates = 24;

    /// <summary>Strictly increasing index sequences of length <paramref name="k"/> from 0…<paramref name="n"/>−1, those using measured peaks only first.</summary>
    static IEnumerable<int[]> IncreasingSequences(int n, int k)
    {
        if (k > n) yield break;
        var all = new List<int[]>();
        void Rec(int from, List<int> acc)
        {
            if (acc.Count == k) { all.Add([.. acc]); return; }
            for (int i = from; i < n; i++) { acc.Add(i); Rec(i + 1, acc); acc.RemoveAt(acc.Count - 1); }
        }
        Rec(0, []);
        // measured peaks only first, then one or more slots beyond the range
        foreach (var seq in all.OrderBy(q => q.Count(i => i == 0 || i == n - 1))) yield return seq;
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
            int resistive = Math.Max(members.Count(e => e.Type is Resistor or WarburgOpen or WarburgShort or Gerischer or GerischerFinite or Warburg or Zarc or TransmissionLineQ), 1);
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
            case Zarc: p[k] = r; p[k + 1] = tau; p[k + 2] = 0.9; break;
            // a transmission line's arc shows about a third of R_ion before the capacitive rise: R_ion ≈ 3 × the slot's resistance
            case TransmissionLineQ: p[k] = 3 * r; p[k + 1] = Math.Pow(tau, 0.9) / (3 * r); p[k + 2] = 0.9; break;
            case ModifiedInductance: p[k] = 1e-7; p[k + 1] = 0.9; break;
        }
    }
}
