namespace Interphase.Data;

/// <summary>Error messages of the entry readers: the file as given, where in it, and the problem,
/// e.g. <c>/data/my.csv, line 5: invalid formula 'Lx2O' …</c> or <c>entries.json, entry 3: no 'composition'</c>.</summary>
internal static class EntryFileErrors
{
    public static InterphaseException At(string file, int line, string problem, Exception? inner = null) =>
        At(file, $"line {line}", problem, inner);

    public static InterphaseException At(string file, string where, string problem, Exception? inner = null) =>
        inner is null ? new InterphaseException($"{file}, {where}: {problem}") : new InterphaseException($"{file}, {where}: {problem}", inner);
}
