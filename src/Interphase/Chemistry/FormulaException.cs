namespace Interphase.Chemistry;

/// <summary>A formula that cannot be read. The message names the formula, the position (1-based) and the problem.</summary>
internal sealed class FormulaException : InterphaseException
{
    /// <summary>Creates the error.</summary>
    public FormulaException(string formula, int position, string problem)
        : base($"invalid formula '{Quoted.Cap(formula)}': {problem} at position {position}")
    {
        Formula = formula;
        Position = position;
        Problem = problem;
    }

    /// <summary>The formula as given.</summary>
    public string Formula { get; }

    /// <summary>1-based character position of the problem.</summary>
    public int Position { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
