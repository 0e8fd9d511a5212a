using System.Collections.Concurrent;
using System.Diagnostics;
using Interphase.Web;
using Microsoft.AspNetCore.Builder;
using Xunit.Abstractions;

namespace Interphase.Web.Tests;

/// <summary>
/// Bounded load on 127.0.0.1: 20 concurrent clients on the window and reaction endpoints, no error allowed, p95
/// latency reported. Short by default (5 s); INTERPHASE_LOAD_SECONDS=30 runs the full measurement.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private static readonly string[] Requests =
    [
        "/api/window?formula=Li6PS5Cl", "/api/window?formula=Li3PS4", "/api/window?formula=Li7La3Zr2O12", "/api/window?formula=LiNbO3",
        "/api/window?formula=Li3InCl6", "/api/react?a=LiCoO2&b=Li3PS4", "/api/react?a=LiCoO2&b=Li3PS4&volts=3",
        "/api/react?a=LiNbO3&b=Li6PS5Cl&volts=4", "/api/react?a=Li3PS4&b=Li2S&volts=1", "/api/react?a=LiCoO2&b=Li6PS5Cl&volts=2.5",
    ];

    [Fact]
    public async Task Voltage_slider_positions_of_a_five_element_reaction_take_under_200_ms()
    {
        // What the interface-reactions slider asks for: LiCoO2 | Li3PS4 (Co-Li-O-P-S) open to Li, 0-5 V in 0.25 V steps.
        string store = Path.Combine(Directory.CreateTempSubdirectory("interphase-slider-").FullName, "entries.db");
        await using var app = WebServer.Build(new WebServerOptions { Port = 0, StorePath = store });
        await app.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(120) };
            (await http.GetAsync("/api/react?a=LiCoO2&b=Li3PS4&volts=3")).EnsureSuccessStatusCode(); // data and phase spaces loaded once
            var times = new List<double>();
            for (int round = 0; round < 2; round++)
                for (int step = 0; step <= 20; step++)
                {
                    string volts = (step * 0.25).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    var t = Stopwatch.StartNew();
                    using var r = await http.GetAsync($"/api/react?a=LiCoO2&b=Li3PS4&volts={volts}");
                    string body = await r.Content.ReadAsStringAsync();
                    times.Add(t.Elapsed.TotalMilliseconds);
                    Assert.True(r.IsSuccessStatusCode, body);
                    Assert.Contains("\"kinks\"", body);
                }
            times.Sort();
            double p50 = times[times.Count / 2], p95 = times[(int)Math.Ceiling(0.95 * times.Count) - 1];
            output.WriteLine($"slider positions (API, 5 elements, {times.Count} requests): p50 {p50:F1} ms, p95 {p95:F1} ms, max {times[^1]:F1} ms");
            Assert.True(p50 < 200, $"median update {p50:F1} ms (target under 200 ms)");
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(Path.GetDirectoryName(store)!, true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task Twenty_clients_on_window_and_react_without_errors()
    {
        int seconds = int.TryParse(Environment.GetEnvironmentVariable("INTERPHASE_LOAD_SECONDS"), out var s) && s is > 0 and <= 120 ? s : 5;
        const int clients = 20;
        string store = Path.Combine(Directory.CreateTempSubdirectory("interphase-load-").FullName, "entries.db");
        await using var app = WebServer.Build(new WebServerOptions { Port = 0, StorePath = store });
        await app.StartAsync();
        try
        {
            string baseUrl = app.Urls.First();
            Assert.StartsWith("http://127.0.0.1:", baseUrl);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
            // Warm-up: load the data and the phase spaces once, as a running server has.
            foreach (var r in Requests) (await http.GetAsync(r)).EnsureSuccessStatusCode();

            var latencies = new ConcurrentBag<double>();
            var errors = new ConcurrentBag<string>();
            var deadline = Stopwatch.StartNew();
            var workers = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                for (int i = c; deadline.Elapsed.TotalSeconds < seconds && i < 1_000_000; i++)
                {
                    string url = Requests[i % Requests.Length];
                    var t = Stopwatch.StartNew();
                    try
                    {
                        using var response = await http.GetAsync(url);
                        await response.Content.ReadAsByteArrayAsync();
                        if (!response.IsSuccessStatusCode) errors.Add($"{url}: {(int)response.StatusCode}");
                    }
                    catch (Exception ex) { errors.Add($"{url}: {ex.GetType().Name}"); }
                    latencies.Add(t.Elapsed.TotalMilliseconds);
                }
            })).ToArray();
            await Task.WhenAll(workers);

            var sorted = latencies.Order().ToArray();
            double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
            output.WriteLine($"load: {clients} clients, {seconds} s, {sorted.Length} requests ({sorted.Length / (double)seconds:F0}/s), " +
                $"errors {errors.Count}, p50 {P(0.50):F1} ms, p95 {P(0.95):F1} ms, p99 {P(0.99):F1} ms, max {sorted[^1]:F1} ms");
            Assert.Empty(errors);
            Assert.True(sorted.Length >= clients, "too few requests completed");
        }
        finally
        {
            await app.StopAsync();
            try { Directory.Delete(Path.GetDirectoryName(store)!, true); } catch (IOException) { }
        }
    }
}
