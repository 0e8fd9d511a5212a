using System.Numerics;
using System.Text;

namespace Interphase.Impedance;

/// <summary>A node of a parsed circuit: an element, a series chain or a parallel group.</summary>
public abstract class CircuitNode
{
    /// <summary>Index of this subtree's first parameter in the circuit's parameter vector.</summary>
    public int ParameterStart { get; internal set; }
    /// <summary>Number of parameters in this subtree (they are contiguous).</summary>
    public int ParameterCount { get; internal set; }

    /// <summary>
    /// Impedance at ω (rad/s) for the full parameter vector <paramref name="p"/>; writes ∂Z/∂p for this subtree's
    /// parameters into <paramref name="dZ"/> (indexed like <paramref name="p"/>).
    /// </summary>
    internal abstract Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ);

    /// <summary>The circuit-string form of this subtree.</summary>
    public abstract override string ToString();
}

/// <summary>A named element such as <c>CPE1</c>.</summary>
public sealed class ElementNode : CircuitNode
{
    /// <summary>Name as written (<c>R0</c>, <c>CPE1</c>).</summary>
    public required string Name { get; init; }
    /// <summary>The element type.</summary>
    public required ElementType Type { get; init; }

    /// <summary>Parameter names as impedance.py writes them: <c>R0</c> for one parameter, <c>CPE1_0</c>, <c>CPE1_1</c> for more.</summary>
    public IEnumerable<string> ParameterNames =>
        Type.ParameterCount == 1 ? [Name] : Enumerable.Range(0, Type.ParameterCount).Select(i => $"{Name}_{i}");

    internal override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ) =>
        Type.Evaluate(w, p.Slice(ParameterStart, ParameterCount), dZ.Slice(ParameterStart, ParameterCount));

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Elements in series (<c>a-b-c</c>): Z = ΣZᵢ.</summary>
public sealed class SeriesNode : CircuitNode
{
    /// <summary>The chained subtrees.</summary>
    public required IReadOnlyList<CircuitNode> Children { get; init; }

    internal override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        Complex z = 0;
        foreach (var c in Children) z += c.Evaluate(w, p, dZ);
        return z;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join("-", Children);
}

/// <summary>Elements in parallel (<c>p(a,b)</c>): 1/Z = Σ1/Zᵢ.</summary>
public sealed class ParallelNode : CircuitNode
{
    /// <summary>The parallel branches.</summary>
    public required IReadOnlyList<CircuitNode> Children { get; init; }

    internal override Complex Evaluate(double w, ReadOnlySpan<double> p, Span<Complex> dZ)
    {
        Span<Complex> zs = stackalloc Complex[Children.Count];
        Complex y = 0;
        for (int i = 0; i < Children.Count; i++)
        {
            zs[i] = Children[i].Evaluate(w, p, dZ);
            y += 1 / zs[i];
        }
        var z = 1 / y;
        // ∂Z/∂p = (Z/Zᵢ)² ∂Zᵢ/∂p for parameters of branch i
        for (int i = 0; i < Children.Count; i++)
        {
            var r = z / zs[i];
            var s = r * r;
            var c = Children[i];
            for (int k = c.ParameterStart; k < c.ParameterStart + c.ParameterCount; k++) dZ[k] *= s;
        }
        return z;
    }

    /// <inheritdoc/>
    public override string ToString() => $"p({string.Join(",", Children)})";
}

/// <summary>
/// An equivalent circuit in impedance.py's notation: <c>-</c> joins in series, <c>p(a,b,…)</c> in parallel, elements
/// are a type name followed by an index (<c>R0</c>, <c>CPE1</c>, <c>Wo1</c>). Parameters are numbered in the order the
/// elements appear, with impedance.py's names.
/// </summary>
public sealed class Circuit
{
    /// <summary>The circuit string as given (spaces removed).</summary>
    public string Text { get; }
    /// <summary>Root of the parsed tree.</summary>
    public CircuitNode Root { get; }
    /// <summary>Elements in the order they appear.</summary>
    public IReadOnlyList<ElementNode> Elements { get; }
    /// <summary>Parameter names (<c>R0</c>, <c>CPE1_0</c>, <c>CPE1_1</c>, …) in parameter order.</summary>
    public IReadOnlyList<string> ParameterNames { get; }
    /// <summary>Units of each parameter.</summary>
    public IReadOnlyList<string> ParameterUnits { get; }
    /// <summary>Number of parameters.</summary>
    public int ParameterCount => ParameterNames.Count;
    /// <summary>The parts with a time constant (R‖C, R‖CPE, Zarc, TLMQ, finite Warburg, Gerischer), in the order written.</summary>
    internal IReadOnlyList<Relaxation> Relaxations => relaxations ??= Relaxation.Of(this);
    IReadOnlyList<Relaxation>? relaxations;

    /// <summary>Time constant (s) of each relaxation (R‖C, R‖CPE, Zarc, TLMQ, finite Warburg, Gerischer) at <paramref name="parameters"/>.</summary>
    public IReadOnlyList<(string Label, double TauSeconds)> TimeConstants(double[] parameters)
    {
        CheckLength(parameters.Length);
        return Relaxations.Select(r => (r.Label, r.Tau(parameters))).ToList();
    }

    Circuit(string text, CircuitNode root, List<ElementNode> elements)
    {
        Text = text;
        Root = root;
        Elements = elements;
        ParameterNames = elements.SelectMany(e => e.ParameterNames).ToArray();
        ParameterUnits = elements.SelectMany(e => e.Type.Units).ToArray();
    }

    /// <summary>Parses a circuit string.</summary>
    /// <exception cref="ImpedanceException">The string is malformed; the message shows where.</exception>
    public static Circuit Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ImpedanceException("circuit string is empty");
        var s = new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var parser = new Parser(s);
        var root = parser.ParseSeries();
        if (parser.Pos != s.Length) throw parser.Error($"unexpected '{s[parser.Pos]}'");
        int next = 0;
        AssignParameters(root, ref next);
        return new Circuit(s, root, parser.Elements);
    }

    static void AssignParameters(CircuitNode node, ref int next)
    {
        node.ParameterStart = next;
        switch (node)
        {
            case ElementNode e: next += e.Type.ParameterCount; break;
            case SeriesNode sn: foreach (var c in sn.Children) AssignParameters(c, ref next); break;
            case ParallelNode pn: foreach (var c in pn.Children) AssignParameters(c, ref next); break;
        }
        node.ParameterCount = next - node.ParameterStart;
    }

    /// <summary>Index of a parameter by its impedance.py name.</summary>
    /// <exception cref="ImpedanceException">No parameter has that name.</exception>
    public int IndexOf(string parameterName)
    {
        for (int i = 0; i < ParameterNames.Count; i++)
            if (ParameterNames[i] == parameterName) return i;
        throw new ImpedanceException($"circuit {Text} has no parameter '{parameterName}' (parameters: {string.Join(", ", ParameterNames)})");
    }

    /// <summary>Upper bounds for fitting (CPE and La exponents ≤ 1; everything else unbounded above, ≥ 0).</summary>
    public double[] UpperBounds() =>
        Elements.SelectMany(e => Enumerable.Range(0, e.Type.ParameterCount).Select(e.Type.UpperBound)).ToArray();

    /// <summary>Impedance Z(f) (Ω) at frequencies <paramref name="frequencyHz"/> for the given parameters.</summary>
    public Complex[] Impedance(ReadOnlySpan<double> frequencyHz, ReadOnlySpan<double> parameters)
    {
        CheckLength(parameters.Length);
        var z = new Complex[frequencyHz.Length];
        Span<Complex> dz = new Complex[ParameterCount];
        for (int i = 0; i < z.Length; i++) z[i] = Root.Evaluate(2 * Math.PI * frequencyHz[i], parameters, dz);
        return z;
    }

    /// <summary>Impedance at ω (rad/s) with ∂Z/∂p for every parameter written into <paramref name="dZ"/>.</summary>
    public Complex Evaluate(double omega, ReadOnlySpan<double> parameters, Span<Complex> dZ) => Root.Evaluate(omega, parameters, dZ);

    void CheckLength(int n)
    {
        if (n != ParameterCount)
            throw new ImpedanceException(
                $"circuit {Text} has {ParameterCount} parameters ({string.Join(", ", ParameterNames)}), {n} values given");
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    sealed class Parser(string s)
    {
        public int Pos;
        public readonly List<ElementNode> Elements = new();

        public ImpedanceException Error(string problem) =>
            new($"bad circuit string '{s}': {problem} at position {Pos + 1}\n  {s}\n  {new string(' ', Pos)}^");

        public CircuitNode ParseSeries()
        {
            var items = new List<CircuitNode> { ParseTerm() };
            while (Pos < s.Length && s[Pos] == '-') { Pos++; items.Add(ParseTerm()); }
            return items.Count == 1 ? items[0] : new SeriesNode { Children = items };
        }

        CircuitNode ParseTerm()
        {
            if (Pos >= s.Length) throw Error("missing element");
            if (s[Pos] == 'p' && Pos + 1 < s.Length && s[Pos + 1] == '(')
            {
                Pos += 2;
                var branches = new List<CircuitNode> { ParseSeries() };
                while (Pos < s.Length && s[Pos] == ',') { Pos++; branches.Add(ParseSeries()); }
                if (Pos >= s.Length || s[Pos] != ')') throw Error("expected ')' or ','");
                Pos++;
                if (branches.Count < 2) { Pos--; throw Error("p(...) needs at least two branches separated by ','"); }
                return new ParallelNode { Children = branches };
            }
            int start = Pos;
            while (Pos < s.Length && char.IsLetter(s[Pos])) Pos++;
            int typeEnd = Pos;
            while (Pos < s.Length && (char.IsDigit(s[Pos]) || s[Pos] == '_')) Pos++;
            if (Pos == start) throw Error($"expected an element or p(...), found '{s[Pos]}'");
            string type = s[start..typeEnd], name = s[start..Pos];
            if (!ElementType.All.TryGetValue(type, out var et))
            {
                Pos = start;
                throw Error($"unknown element type '{type}' (known: {string.Join(", ", ElementType.All.Keys)})");
            }
            if (Elements.Any(e => e.Name == name))
            {
                Pos = start;
                throw Error($"element name '{name}' is used twice");
            }
            var node = new ElementNode { Name = name, Type = et };
            Elements.Add(node);
            return node;
        }
    }
}
