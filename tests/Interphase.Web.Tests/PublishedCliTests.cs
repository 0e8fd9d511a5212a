using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Interphase.Web.Tests;

/// <summary>
/// The CLI as users install it: published (framework-dependent, and self-contained single file) and packed as a .NET
/// tool, each built in a temporary folder of its own and run from an empty working folder with no store and no
/// shared folder: <c>analyze</c> writes the report and <c>serve</c> answers every page and every asset it links.
/// </summary>
public sealed partial class PublishedCliTests : IClassFixture<PublishedCliTests.Install>
{
    private readonly Install _install;

    public PublishedCliTests(Install install) => _install = install;

    /// <summary>Publishes and packs once (into a temporary folder, never the repository's bin/obj) for the class.</summary>
    public sealed class Install : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("interphase-publish-").FullName;

        private readonly Lazy<string> _published, _tool, _singleFile;

        public Install()
        {
            _published = new(() =>
            {
                string dir = Path.Combine(Root, "published");
                Dotnet("publish", Project, "-c", "Release", "--artifacts-path", Path.Combine(Root, "artifacts"), "-o", dir);
                return Path.Combine(dir, "Interphase.Cli.dll");
            });
            _tool = new(() =>
            {
                string feed = Path.Combine(Root, "nupkg"), tools = Path.Combine(Root, "tools");
                Dotnet("pack", Project, "-c", "Release", "--artifacts-path", Path.Combine(Root, "artifacts"), "-o", feed);
                Dotnet("tool", "install", "--tool-path", tools, "--add-source", feed, "Interphase");
                return Path.Combine(tools, "interphase");
            });
            _singleFile = new(() =>
            {
                string dir = Path.Combine(Root, "single-file");
                Dotnet("publish", Project, "-c", "Release", "-r", "linux-x64", "--self-contained", "-p:PublishSingleFile=true",
                    "--artifacts-path", Path.Combine(Root, "artifacts-sc"), "-o", dir);
                return Path.Combine(dir, "Interphase.Cli");
            });
        }

        /// <summary>The framework-dependent publish: <c>dotnet Interphase.Cli.dll</c>.</summary>
        public string[] Published => ["dotnet", _published.Value];

        /// <summary>The installed .NET tool's command.</summary>
        public string[] Tool => [_tool.Value];

        /// <summary>The self-contained single-file executable.</summary>
        public string[] SingleFile => [_singleFile.Value];

        private static string Project => Shared.Repo("src/Interphase.Cli/Interphase.Cli.csproj");

        private void Dotnet(params string[] args)
        {
            var (code, output) = Run(["dotnet", .. args], Root, TimeSpan.FromMinutes(20));
            Assert.True(code == 0, $"dotnet {string.Join(' ', args)} failed ({code}):\n{output}");
        }

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    [Fact]
    public Task Published_cli_analyzes_and_serves_from_any_folder() => AnalyzeAndServe(_install.Published);

    [Fact]
    public Task Installed_tool_analyzes_and_serves_from_any_folder() => AnalyzeAndServe(_install.Tool);

    [Fact]
    public Task Self_contained_single_file_analyzes_and_serves_from_any_folder()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            return Task.CompletedTask; // the linux-x64 build runs only there
        return AnalyzeAndServe(_install.SingleFile);
    }

    private async Task AnalyzeAndServe(string[] command)
    {
        // An empty working folder, a home without a store, and no shared folder anywhere above it.
        string work = Directory.CreateTempSubdirectory("interphase-user-").FullName;
        try
        {
            var env = UserEnvironment(work);
            string stack = Shared.Repo("examples/stacks/ncm811-linbo3-lpscl-liin.yaml");
            string report = Path.Combine(work, "report.html");
            var (code, output) = Run([.. command, "analyze", stack, "--html", report], work, TimeSpan.FromMinutes(3), env);
            Assert.True(code == 0, output);
            Assert.Contains("NCM811", output);
            Assert.Contains("LiNbO3", output);
            Assert.True(new FileInfo(report).Length > 10_000, "report written");
            Assert.Contains("<svg", await File.ReadAllTextAsync(report));

            var (versionCode, version) = Run([.. command, "--version"], work, TimeSpan.FromMinutes(1), env);
            Assert.Equal(0, versionCode);
            Assert.Contains("Matbench v0.1", version);
            Assert.Contains("CC BY 4.0", version);

            await Serve(command, work, env);
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task Serve(string[] command, string work, Dictionary<string, string?> env)
    {
        int port = FreePort();
        var psi = Start([.. command, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], work, env);
        using var server = Process.Start(psi)!;
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            await WaitForServer(http, server);
            string[] pages = ["/", "/stack", "/materials", "/reactions", "/screen", "/impedance", "/cell", "/knowledge", "/data"];
            var assets = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var page in pages)
            {
                var r = await http.GetAsync(page);
                string html = await r.Content.ReadAsStringAsync();
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{page}: {(int)r.StatusCode} {html[..Math.Min(300, html.Length)]}");
                foreach (Match m in LocalAsset().Matches(html)) assets.Add(m.Groups["url"].Value);
            }
            // Every stylesheet and script the pages link (MudBlazor, plotly.js, blazor.web.js, the app's own) is served.
            Assert.Contains(assets, a => a.Contains("MudBlazor", StringComparison.Ordinal));
            Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));
            // plotly.js is loaded by Plotly.Blazor when a plot first renders, not linked from the page.
            assets.Add("_content/Plotly.Blazor/plotly-3.7.0.min.js");
            assets.Add("_content/Plotly.Blazor/plotly-interop-7.2.0.js");
            foreach (var asset in assets)
            {
                var r = await http.GetAsync(asset);
                Assert.True(r.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)r.StatusCode}");
            }
            var hull = await http.GetStringAsync("/api/hull?formula=Li2O");
            Assert.Contains("e_form_ev_per_atom", hull);
        }
        finally
        {
            if (!server.HasExited) server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    [GeneratedRegex("""(?:href|src)="(?<url>/?(?:_content|_framework|Components|app|interphase)[^"#?]*)""")]
    private static partial Regex LocalAsset();

    private static async Task WaitForServer(HttpClient http, Process server)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (server.HasExited) Assert.Fail($"serve exited with {server.ExitCode}: {await server.StandardError.ReadToEndAsync()}");
            try
            {
                if ((await http.GetAsync("/api/openapi.json")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            await Task.Delay(250);
        }
        Assert.Fail("serve did not answer within 90 s");
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private static Dictionary<string, string?> UserEnvironment(string work) => new()
    {
        ["HOME"] = work,
        ["XDG_DATA_HOME"] = Path.Combine(work, "data"),
        ["XDG_CACHE_HOME"] = Path.Combine(work, "cache"),
        ["INTERPHASE_SHARED"] = null,
        ["INTERPHASE_STORE"] = null,
    };

    private static ProcessStartInfo Start(string[] command, string workingDirectory, IReadOnlyDictionary<string, string?>? env)
    {
        var psi = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
        // The test host's MSBuild settings must not leak into a nested build or the published program.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k.StartsWith("MSBUILD", StringComparison.Ordinal) || k.StartsWith("VSTEST", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (k, v) in env ?? new Dictionary<string, string?>())
            if (v is null) psi.Environment.Remove(k);
            else psi.Environment[k] = v;
        return psi;
    }

    private static (int Code, string Output) Run(string[] command, string workingDirectory, TimeSpan limit, IReadOnlyDictionary<string, string?>? env = null)
    {
        using var p = Process.Start(Start(command, workingDirectory, env))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(limit))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail($"{string.Join(' ', command)} did not finish within {limit.TotalMinutes} min");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
