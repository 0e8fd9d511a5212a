using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Interphase.Tests.CliCommands;
using Interphase.Tests.Data;

namespace Interphase.Tests.Safety;

/// <summary>Ctrl-C (SIGINT) during <c>data pull</c>, sent to the built command line: it stops promptly, exit 130, store unchanged.</summary>
public sealed class CancelPullTests
{
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private const int SigInt = 2;

    [SkippableFact]
    public async Task CtrlCDuringAPullStopsItPromptlyWithTheStoreUnchanged()
    {
        Skip.If(OperatingSystem.IsWindows(), "SIGINT is a Unix signal");
        using var tmp = new TempDir();
        string store = tmp.Store;
        Assert.Equal(0, BuiltCli.Run(["data", "import", tmp.Write("small.csv", EntryStoreTests.SmallCsv), "--store", store]).Code);
        byte[] before = File.ReadAllBytes(store);

        // A server that accepts the connection and never answers: the pull waits (time-out 60 s) until Ctrl-C.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            string url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
            using var pull = BuiltCli.Start(["data", "pull", "--chemsys", "Li-S", "--source", "oqmd", "--url", url, "--store", store],
                new Dictionary<string, string?> { ["INTERPHASE_HTTP_TIMEOUT_S"] = "60" });
            using var connection = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await Task.Delay(300); // the request is sent and the client waits for the answer
            Assert.False(pull.HasExited, "the pull must still be waiting");
            var sw = Stopwatch.StartNew();
            Assert.Equal(0, Kill(pull.Id, SigInt));
            bool exited = pull.WaitForExit(TimeSpan.FromSeconds(10));
            if (!exited) pull.Kill();
            Assert.True(exited, "the pull did not stop within 10 s of Ctrl-C");
            string err = await pull.StandardError.ReadToEndAsync();
            Assert.True(pull.ExitCode == 130, $"exit {pull.ExitCode}: {err}");
            Assert.Contains("cancelled", err);
            Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), $"took {sw.Elapsed}");
            Assert.Equal(before, File.ReadAllBytes(store));
            Assert.False(File.Exists(store + "-wal") && new FileInfo(store + "-wal").Length > 0, "no write-ahead log left");
        }
        finally
        {
            listener.Stop();
        }
    }
}
