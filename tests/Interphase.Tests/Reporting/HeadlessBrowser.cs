using System.Diagnostics;

namespace Interphase.Tests.Reporting;

/// <summary>Renders an HTML file in headless Chromium (Debian's), when it is installed.</summary>
internal static class HeadlessBrowser
{
    public const string Executable = "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(Executable);

    /// <summary>Reports the calling <c>[SkippableFact]</c> as skipped (not passed) when Chromium is not installed.</summary>
    public static void SkipUnlessAvailable() => Skip.IfNot(IsAvailable, $"{Executable} not found: nothing to render the report with");

    /// <summary>
    /// Loads <paramref name="htmlPath"/> in a window of <paramref name="width"/> × <paramref name="height"/> pixels and
    /// returns a PNG screenshot of it and the document as the browser parsed it (proves the page loads and what it
    /// contains). One Chromium start gives both: starting it is most of the cost (about 5 s of CPU).
    /// </summary>
    public static (byte[] Png, string Dom) Render(string htmlPath, int width, int height)
    {
        string profile = Directory.CreateTempSubdirectory("interphase-chromium-").FullName;
        try
        {
            string png = Path.Combine(profile, "shot.png");
            var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile}", "--dump-dom", $"--screenshot={png}", $"--window-size={width},{height}",
                         new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
                     })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(60_000))
            {
                p.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not finish within 60 s");
            }
            p.WaitForExit();
            if (!File.Exists(png)) throw new InvalidOperationException($"chromium wrote no screenshot (exit {p.ExitCode}): {stderr.Result}");
            return (File.ReadAllBytes(png), stdout.Result);
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { /* chromium may still hold files briefly */ }
        }
    }
}
