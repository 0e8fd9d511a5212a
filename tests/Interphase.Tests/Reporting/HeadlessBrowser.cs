using System.Diagnostics;

namespace Interphase.Tests.Reporting;

/// <summary>Renders an HTML file to a PNG screenshot with headless Chromium, when it is installed.</summary>
internal static class HeadlessBrowser
{
    public const string Executable = "/usr/bin/chromium";

    public static bool IsAvailable => File.Exists(Executable);

    public static byte[] Screenshot(string htmlPath, int width, int height)
    {
        string profile = Directory.CreateTempSubdirectory("interphase-chromium-").FullName;
        string png = Path.Combine(profile, "shot.png");
        try
        {
            var psi = new ProcessStartInfo(Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile}", $"--screenshot={png}", $"--window-size={width},{height}",
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
            if (!File.Exists(png))
                throw new InvalidOperationException($"chromium wrote no screenshot (exit {p.ExitCode}): {stderr.Result}");
            return File.ReadAllBytes(png);
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { /* chromium may still hold files briefly */ }
        }
    }

    /// <summary>The document as Chromium parsed it (<c>--dump-dom</c>): proves the page loads and what it contains.</summary>
    public static string DumpDom(string htmlPath)
    {
        string profile = Directory.CreateTempSubdirectory("interphase-chromium-").FullName;
        try
        {
            var psi = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string a in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         $"--user-data-dir={profile}", "--dump-dom", new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
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
            return stdout.Result;
        }
        finally
        {
            try { Directory.Delete(profile, true); } catch (IOException) { /* chromium may still hold files briefly */ }
        }
    }
}
