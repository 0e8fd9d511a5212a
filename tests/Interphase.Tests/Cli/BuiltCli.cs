using System.Diagnostics;

namespace Interphase.Tests.CliCommands;

/// <summary>
/// The built command line (<c>Interphase.Cli.dll</c> beside the tests) as a child process: for what only a process of
/// its own can show (signals) or change without touching the test run (environment variables).
/// </summary>
internal static class BuiltCli
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Interphase.Cli.dll");

    /// <summary>Starts the command line with <paramref name="args"/> and these environment variables set (null: removed).</summary>
    public static Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        Assert.True(File.Exists(Path), Path);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    /// <summary>Runs the command line to its end: exit code, stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        using var p = Start(args, environment);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("the command line did not finish within 120 s: " + string.Join(' ', args));
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
