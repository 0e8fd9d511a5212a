using System.Text;

namespace Interphase.Reporting;

/// <summary>
/// Writes the files commands produce (reports, charts, CSV and JSON tables), creating the folder when missing. Every
/// failure becomes an <see cref="InterphaseException"/> naming the path, so a front end prints one line instead of a
/// .NET exception.
/// </summary>
public static class OutputFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing the file.</summary>
    /// <exception cref="InterphaseException">The path is a folder, not writable, or otherwise unusable.</exception>
    public static void Write(string path, byte[] bytes)
    {
        try
        {
            Prepare(path);
            File.WriteAllBytes(path, bytes);
        }
        catch (Exception e) when (IsFileError(e))
        {
            throw Error(path, e);
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/>.</summary>
    /// <exception cref="InterphaseException">The path is a folder, not writable, or otherwise unusable.</exception>
    public static void Write(string path, string text) => Write(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Opens <paramref name="path"/> for writing UTF-8 text (the caller disposes the writer).</summary>
    /// <exception cref="InterphaseException">The path is a folder, not writable, or otherwise unusable.</exception>
    public static StreamWriter Create(string path)
    {
        try
        {
            Prepare(path);
            return new StreamWriter(path, append: false, new UTF8Encoding(false));
        }
        catch (Exception e) when (IsFileError(e))
        {
            throw Error(path, e);
        }
    }

    /// <summary>
    /// Refuses an output path that is one of the command's inputs, which writing would destroy
    /// (<paramref name="option"/> names the output option in the message).
    /// </summary>
    /// <exception cref="InterphaseException">The output is one of the inputs.</exception>
    public static void EnsureNotInput(string output, string option, params string?[] inputs)
    {
        string full = Path.GetFullPath(output);
        foreach (var input in inputs)
            if (input is not null && string.Equals(Path.GetFullPath(input), full, StringComparison.Ordinal))
                throw new InterphaseException($"{option} {output} is the input file: writing it would destroy the input; choose another file");
    }

    /// <summary>
    /// Checks before a long computation that <paramref name="path"/> can be written (not a folder, folder creatable),
    /// so a bad output path fails at once instead of after the work. Null paths are ignored.
    /// </summary>
    /// <exception cref="InterphaseException">The path is unusable.</exception>
    public static void Check(string? path)
    {
        if (path is null) return;
        try
        {
            Prepare(path);
        }
        catch (Exception e) when (IsFileError(e))
        {
            throw Error(path, e);
        }
    }

    private static void Prepare(string path)
    {
        if (Directory.Exists(path)) throw new IOException("it is a folder; give a file name");
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }

    private static bool IsFileError(Exception e) =>
        e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    private static InterphaseException Error(string path, Exception e) => new(e switch
    {
        UnauthorizedAccessException => $"cannot write {path}: permission denied",
        _ => $"cannot write {path}: {e.Message}",
    }, e);
}
