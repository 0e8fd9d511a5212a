namespace Interphase.Knowledge;

/// <summary>
/// A knowledge-base data file is malformed: names the file and, where known, the entry and the problem.
/// </summary>
internal sealed class KnowledgeDataException : InterphaseException
{
    /// <summary>Creates an error for <paramref name="file"/> and <paramref name="entry"/>.</summary>
    public KnowledgeDataException(string file, string? entry, string problem, Exception? inner = null)
        : base(Format(file, entry, problem), inner ?? new InvalidDataException(problem))
    {
        File = file;
        Entry = entry;
    }

    /// <summary>Data file name (e.g. <c>interfaces.yaml</c>).</summary>
    public string File { get; }

    /// <summary>Entry id or index in the file, when known.</summary>
    public string? Entry { get; }

    private static string Format(string file, string? entry, string problem) =>
        entry is null ? $"knowledge data {file}: {problem}" : $"knowledge data {file}, entry '{entry}': {problem}";
}
