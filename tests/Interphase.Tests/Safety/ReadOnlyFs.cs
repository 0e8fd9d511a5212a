using System.Diagnostics;

namespace Interphase.Tests.Safety;

/// <summary>
/// Makes a file or folder read-only for the duration of a test: <c>chattr +i</c> when running as root (root ignores
/// permission bits), else <c>chmod a-w</c>. Undone on dispose so the temporary folder can be deleted.
/// </summary>
internal sealed class ReadOnlyFs : IDisposable
{
    private readonly List<string> _paths = [];
    private readonly bool _root = Environment.UserName == "root" || Environment.GetEnvironmentVariable("USER") == "root";

    public void Protect(string path)
    {
        if (_root) Run("chattr", "+i", path);
        else if (OperatingSystem.IsWindows()) File.SetAttributes(path, File.GetAttributes(path) | FileAttributes.ReadOnly);
        else File.SetUnixFileMode(path, File.GetUnixFileMode(path) & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        _paths.Add(path);
    }

    /// <summary>True when writing into the path really fails (so the test means something).</summary>
    public static bool IsWriteRefused(string folder)
    {
        try
        {
            var probe = Path.Combine(folder, ".probe-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(probe, "x");
            File.Delete(probe);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    public void Dispose()
    {
        foreach (var p in Enumerable.Reverse(_paths))
        {
            if (_root) Run("chattr", "-i", p);
            else if (OperatingSystem.IsWindows()) File.SetAttributes(p, File.GetAttributes(p) & ~FileAttributes.ReadOnly);
            else File.SetUnixFileMode(p, File.GetUnixFileMode(p) | UnixFileMode.UserWrite);
        }
    }

    private static void Run(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)}: {p.StandardError.ReadToEnd()}");
    }
}
