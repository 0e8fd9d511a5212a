namespace Interphase.Data;

/// <summary>
/// An entry file that cannot be read. The message names the file, the line (or record) and the problem, e.g.
/// <c>/data/my.csv, line 5: invalid formula 'Lx2O': unknown element 'Lx' at position 1</c>.
/// </summary>
public sealed class EntryFileException : InterphaseException
{
    /// <summary>Creates the error for a line of a text file.</summary>
    public EntryFileException(string file, int line, string problem, Exception? inner = null)
        : base($"{file}, line {line}: {problem}", inner ?? new InvalidDataException(problem))
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>Creates the error for a whole file or a record without a line number.</summary>
    public EntryFileException(string file, string where, string problem, Exception? inner = null)
        : base($"{file}, {where}: {problem}", inner ?? new InvalidDataException(problem))
    {
        File = file;
        Problem = problem;
    }

    /// <summary>The file as given.</summary>
    public string File { get; }

    /// <summary>1-based line number, or null when the problem is not tied to a line.</summary>
    public int? Line { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
