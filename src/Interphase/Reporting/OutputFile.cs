using System.Text;

namespace Interphase.Reporting;

/// <summary>
/// Writes the files commands produce (reports, charts, CSV and JSON tables), creating the folder when missing. Every
/// write goes to a temporary file in the destination's folder that is renamed over the destination only when complete,
/// so a failure never leaves a half-written or emptied file. Character devices and FIFOs (<c>/dev/null</c>, a terminal,
/// a pipe) are written in place instead, so they stay what they are; other special files are refused. Every failure becomes an <see cref="InterphaseException"/>
/// naming the path, so a front end prints one line instead of a .NET exception.
/// </summary>
public static class OutputFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing the file atomically.</summary>
    /// <exception cref="InterphaseException">The path is a folder, not writable, or otherwise unusable.</exception>
    public static void Write(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/>.</summary>
    /// <exception cref="InterphaseException">The path is a folder, not writable, or otherwise unusable.</exception>
    public static void Write(string path, string text) => Write(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>
    /// Streams UTF-8 text (no byte-order mark) into <paramref name="path"/>: <paramref name="write"/> writes to a
    /// temporary file that replaces the destination only when it returns. If it throws, the destination is untouched.
    /// </summary>
    /// <exception cref="InterphaseException">The path is a folder, not writable, or otherwise unusable.</exception>
    public static void WriteText(string path, Action<TextWriter> write) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 65536, leaveOpen: true);
        write(writer);
        writer.Flush();
    });

    private static void Write(string path, Action<Stream> write)
    {
        string? temp = null;
        try
        {
            // A terminal, /dev/null or a pipe (a FIFO, a shell's >(…)) is written in place: renaming a file over it
            // would replace the device or pipe with a regular file.
            if (WritesInPlace(path))
            {
                using var device = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
                write(device);
                device.Flush();
                return;
            }
            // Through a symbolic link the linked file is replaced (the link stays a link).
            string target = FileIdentity.FinalTarget(path);
            Prepare(target);
            string dir = Path.GetDirectoryName(target)!;
            temp = Path.Combine(dir, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
            temp = null;
        }
        catch (Exception e) when (IsFileError(e))
        {
            throw Error(path, e);
        }
        finally
        {
            if (temp is not null) TryDelete(temp);
        }
    }

    /// <summary>
    /// Refuses an output path that is one of the command's inputs, which writing would destroy
    /// (<paramref name="option"/> names the output option in the message). Symbolic links and hard links are followed:
    /// two paths are the same file when they resolve to the same canonical path or the same device and inode.
    /// </summary>
    /// <exception cref="InterphaseException">The output is one of the inputs.</exception>
    public static void EnsureNotInput(string output, string option, params string?[] inputs) =>
        EnsureDistinct([(option, output)], inputs.OfType<string>());

    /// <summary>
    /// Checks every output before any work: each must be usable (not a folder, its folder creatable), none may be the
    /// same file as an input (following symbolic and hard links) or as another output. An entry store given among the
    /// inputs is protected with its <c>-wal</c>, <c>-shm</c> and <c>-journal</c> companions.
    /// </summary>
    /// <param name="outputs">Each output with the option that names it, e.g. <c>("--html", "report.html")</c>.</param>
    /// <param name="inputs">Files the command reads (missing ones are ignored).</param>
    /// <param name="stores">Entry store files (protected with their <c>-wal</c>/<c>-shm</c>/<c>-journal</c> files).</param>
    /// <exception cref="InterphaseException">An output is unusable or would overwrite an input or another output.</exception>
    /// <param name="others">Further files the command reads, each with what it is (e.g. "a spectrum of the folder it reads").</param>
    public static void EnsureDistinct(IReadOnlyList<(string Option, string Path)> outputs, IEnumerable<string> inputs, IEnumerable<string>? stores = null,
        IEnumerable<(string Path, string What)>? others = null)
    {
        var protectedFiles = inputs.Where(p => !string.IsNullOrEmpty(p)).Select(p => (Path: p, What: "the input file")).ToList();
        protectedFiles.AddRange((others ?? []).Where(o => !string.IsNullOrEmpty(o.Path) && File.Exists(o.Path)));
        foreach (var store in stores ?? [])
        {
            if (string.IsNullOrEmpty(store)) continue;
            protectedFiles.Add((store, "the entry store"));
            protectedFiles.Add((store + "-wal", "the entry store's write-ahead log"));
            protectedFiles.Add((store + "-shm", "the entry store's shared-memory file"));
            protectedFiles.Add((store + "-journal", "the entry store's rollback journal"));
        }
        var seen = new List<(string Option, string Path, FileIdentity Id)>();
        foreach (var (option, output) in outputs)
        {
            Check(output);
            var id = FileIdentity.Of(output);
            foreach (var (input, what) in protectedFiles)
                if (id.SameAs(FileIdentity.Of(input)))
                    throw new InterphaseException($"{option} {output} is {what}{(input == output ? "" : $" ({input})")}: writing it would destroy it; choose another file");
            // Two outputs to one terminal or /dev/null are harmless.
            bool device = FileIdentity.KindOf(output) == FileKind.CharacterDevice;
            foreach (var (otherOption, other, otherId) in seen)
                if (!device && id.SameAs(otherId))
                    throw new InterphaseException($"{option} {output} and {otherOption} {other} are the same file; give each output its own file");
            seen.Add((option, output, id));
        }
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
            if (path.Length == 0) throw new IOException("the file name is empty");
            if (WritesInPlace(path)) return;
            Prepare(FileIdentity.FinalTarget(path));
        }
        catch (Exception e) when (IsFileError(e))
        {
            throw Error(path, e);
        }
    }

    /// <summary>True for a character device or FIFO (written in place); throws for other special files.</summary>
    private static bool WritesInPlace(string path) => FileIdentity.KindOf(path) switch
    {
        FileKind.CharacterDevice or FileKind.Fifo => true,
        FileKind.BlockDevice => throw new IOException("it is a block device (a disk), not a file; give a file name"),
        FileKind.Socket or FileKind.Other => throw new IOException("it is a special file, not a regular file; give a file name"),
        _ => false,
    };

    private static void Prepare(string path)
    {
        if (Directory.Exists(path)) throw new IOException("it is a folder; give a file name");
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (Exception e) when (IsFileError(e)) { }
    }

    private static bool IsFileError(Exception e) =>
        e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException;

    private static InterphaseException Error(string path, Exception e) => new(e switch
    {
        UnauthorizedAccessException => $"cannot write {path}: permission denied",
        _ => $"cannot write {path}: {e.Message}",
    }, e);
}
