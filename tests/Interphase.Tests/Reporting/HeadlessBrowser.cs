using System.Diagnostics;

namespace Interphase.Tests.Reporting;

/// <summary>Drives headless Chromium, when it is installed, to render or load an HTML file.</summary>
internal static class HeadlessBrowser
{
    public const string Executable = "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(Executable);

    /// <summary>Reports the calling <c>[SkippableFact]</c> as skipped (not passed) when Chromium is not installed.</summary>
    public static void SkipUnlessAvailable() => Skip.IfNot(IsAvailable, $"{Executable} not found: nothing to render the report with");

    /// <summary>A PNG screenshot of the page.</summary>
    public static byte[] Screenshot(string htmlPath, int width, int height) =>
        Run<byte[]>(htmlPath, (profile, _) =>
        {
            string png = Path.Combine(profile, "shot.png");
            return ([$"--screenshot={png}", $"--window-size={width},{height}"], () =>
                File.Exists(png) ? File.ReadAllBytes(png) : throw new InvalidOperationException("chromium wrote no screenshot"));
        });

    /// <summary>The document as Chromium parsed it (<c>--dump-dom</c>): proves the page loads and what it contains.</summary>
    public static string DumpDom(string htmlPath) =>
        Run<string>(htmlPath, (_, stdout) => (["--dump-dom"], () => stdout()));

    // Starts Chromium with the flags this closed machine needs and a fresh profile, waits, and reads the result.
    private static T Run<T>(string htmlPath, Func<string, Func<string>, (string[] Args, Func<T> Result)> mode)
    {
        string profile = Directory.CreateTempSubdirectory("interphase-chromium-").FullName;
        try
        {
            var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            Task<string>? stdout = null;
            var (args, result) = mode(profile, () => stdout!.Result);
            foreach (string a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile}",
                     }.Concat(args).Append(new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri))
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 60 s");
            }
            p.WaitForExit();
            try { return result(); }
            catch (InvalidOperationException ex) { throw new InvalidOperationException($"{ex.Message} (exit {p.ExitCode}): {stderr.Result}"); }
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { /* chromium may still hold files briefly */ }
        }
    }
}
