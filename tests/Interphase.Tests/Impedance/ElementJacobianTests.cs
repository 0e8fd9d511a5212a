using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Interphase.Impedance;

namespace Interphase.Tests.Impedance;

/// <summary>Every element's analytic ∂Z/∂p (the fitter's Jacobian) against central finite differences.</summary>
public class ElementJacobianTests
{
    /// <summary>A value in the element's physical range: exponents in (0.3, 1), φ of Gs in (0.3, 3), magnitudes over six decades.</summary>
    static double Value(ElementType type, int index, Random rng)
    {
        if (!double.IsPositiveInfinity(type.UpperBound(index))) return 0.3 + 0.69 * rng.NextDouble();
        if (type is GerischerFinite && index == 2) return 0.3 + 2.7 * rng.NextDouble();
        return Math.Pow(10, -3 + 6 * rng.NextDouble());
    }

    /// <summary>An element's or a circuit's Z(ω, p), writing ∂Z/∂p into the last argument.</summary>
    delegate Complex Impedance(double w, double[] p, Complex[] dZ);

    /// <summary>Largest relative deviation of the analytic derivative at ω from a central difference (step 1e-6 relative).</summary>
    static double WorstDeviation(Impedance evaluate, double w, double[] p)
    {
        var analytic = new Complex[p.Length];
        evaluate(w, p, analytic);
        var scratch = new Complex[p.Length];
        Complex z(double[] x) => evaluate(w, x, scratch);
        double worst = 0;
        for (int k = 0; k < p.Length; k++)
        {
            double h = 1e-6 * Math.Abs(p[k]);
            var plus = (double[])p.Clone(); plus[k] += h;
            var minus = (double[])p.Clone(); minus[k] -= h;
            var numeric = (z(plus) - z(minus)) / (2 * h);
            // relative to the derivative's size, with a floor well above the rounding error of the difference
            // (≈ 2e-10·|Z|/|p|) for derivatives that are tiny because Z hardly depends on the parameter there
            double scale = numeric.Magnitude + 1e-3 * z(p).Magnitude / Math.Abs(p[k]);
            worst = Math.Max(worst, (analytic[k] - numeric).Magnitude / scale);
        }
        return worst;
    }

    /// <summary>FsCheck's quick check, silent on success (its summary would otherwise land in captured console output).</summary>
    static void Check(Property property) => FsCheck.Check.One(Config.QuickThrowOnFailure.WithQuietOnSuccess(true), property);

    public static TheoryData<string> ElementNames => new(ElementType.All.Keys);

    [Theory]
    [MemberData(nameof(ElementNames))]
    public void AnalyticDerivativesMatchFiniteDifferences(string name)
    {
        var type = ElementType.All[name];
        Check(Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var p = Enumerable.Range(0, type.ParameterCount).Select(i => Value(type, i, rng)).ToArray();
            double w = Math.Pow(10, -2 + 8 * rng.NextDouble());
            double worst = WorstDeviation((at, x, d) => type.Evaluate(at, x, d), w, p);
            return (worst < 1e-5).Label($"{name} at ω = {w:G4} rad/s, p = [{string.Join(", ", p.Select(v => v.ToString("G4")))}]: deviation {worst:G3}");
        }));
    }

    [Theory]
    [InlineData("R0-p(R1,CPE1)-p(R2-Wo1,C2)-Ws3")]
    [InlineData("p(R1,CPE1,L1)-p(G1,Gs2)-La1")]
    [InlineData("R0-p(R1-p(R2,C2),CPE1)-W1-K1")]
    public void NestedCircuitDerivativesMatchFiniteDifferences(string text)
    {
        var circuit = Circuit.Parse(text);
        Check(Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var rng = new Random(seed);
            var p = circuit.Elements.SelectMany(e => Enumerable.Range(0, e.Type.ParameterCount).Select(i => Value(e.Type, i, rng))).ToArray();
            double w = Math.Pow(10, -2 + 8 * rng.NextDouble());
            double worst = WorstDeviation((at, x, d) => circuit.Evaluate(at, x, d), w, p);
            return (worst < 1e-5).Label($"{text} at ω = {w:G4}: deviation {worst:G3}");
        }));
    }
}
