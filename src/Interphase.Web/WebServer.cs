using Microsoft.AspNetCore.DataProtection;
using System.Net;
using Interphase.Web.Api;
using Interphase.Web.Components;
using Interphase.Web.Services;
using Microsoft.AspNetCore.Http.Features;
using MudBlazor.Services;

namespace Interphase.Web;

/// <summary>Where and how <c>interphase serve</c> listens, and where its entries come from.</summary>
public sealed record WebServerOptions
{
    /// <summary>Interface to bind (default loopback only).</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>TCP port (0 picks a free one).</summary>
    public int Port { get; init; } = 5000;

    /// <summary>Access token every request must carry; required (generated when null) when <see cref="Host"/> is not loopback.</summary>
    public string? Token { get; init; }

    /// <summary>Entry files used instead of the store (like the CLI's <c>--data</c>).</summary>
    public IReadOnlyList<string> DataFiles { get; init; } = [];

    /// <summary>Entry store path (like the CLI's <c>--store</c>); default <c>INTERPHASE_STORE</c> or the per-user store.</summary>
    public string? StorePath { get; init; }

    /// <summary>Largest accepted upload or request body, bytes.</summary>
    public long MaxUploadBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>True when <see cref="Host"/> names a loopback interface.</summary>
    public bool IsLoopback => Host is "localhost" || (IPAddress.TryParse(Host, out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>Builds and runs the Interphase web app (Blazor server pages and the JSON API under <c>/api</c>).</summary>
public static class WebServer
{
    /// <summary>Builds the app for the given options. Binding a non-loopback interface without a token generates one.</summary>
    /// <exception cref="InterphaseException">An option is unusable (port out of range, empty token).</exception>
    public static WebApplication Build(WebServerOptions options, string[]? args = null)
    {
        if (options.Port is < 0 or > 65535) throw new InterphaseException($"--port {options.Port}: use 0–65535");
        if (options.Token is { } t && string.IsNullOrWhiteSpace(t)) throw new InterphaseException("--token: give a non-empty token");
        if (!options.IsLoopback && options.Token is null) options = options with { Token = AccessToken.Generate() };

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            ApplicationName = typeof(WebServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // Static assets (MudBlazor, plotly.js, blazor.web.js) are served from the build's manifest in every environment.
        builder.WebHost.UseStaticWebAssets();
        builder.WebHost.UseUrls($"http://{(options.Host == "localhost" ? "127.0.0.1" : options.Host)}:{options.Port}");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes);
        builder.Services.Configure<FormOptions>(f => f.MultipartBodyLengthLimit = options.MaxUploadBytes);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Antiforgery and circuit keys live in memory only: nothing is written under the user's home.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<EngineProvider>();
        builder.Services.AddSingleton<StoreService>();
        builder.Services.AddSingleton(_ => Interphase.Knowledge.KnowledgeBase.Load());
        builder.Services.AddMudServices();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(h => h.MaximumReceiveMessageSize = 256 * 1024);
        builder.Services.AddOpenApi("v1");
        builder.Services.ConfigureHttpJsonOptions(j => ApiJson.Configure(j.SerializerOptions));
        builder.Services.AddProblemDetails();
        // A query or form value the API cannot bind is the caller's mistake: ErrorMiddleware answers 400 {"error": …}.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        var app = builder.Build();
        app.UseMiddleware<ErrorMiddleware>();
        app.UseMiddleware<RequestOriginGuard>();
        if (options.Token is { } token) app.UseMiddleware<AccessToken>(token);
        app.UseAntiforgery();
        app.MapStaticAssets(StaticAssetsManifest());
        app.MapOpenApi("/api/openapi.json");
        app.MapInterphaseApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    // A build serves the assets from this project's manifest (copied beside the host); a published CLI or installed
    // tool carries them in its wwwroot with the host's own manifest.
    private static string? StaticAssetsManifest()
    {
        foreach (var name in new[] { typeof(WebServer).Assembly.GetName().Name, System.Reflection.Assembly.GetEntryAssembly()?.GetName().Name })
        {
            if (name is null) continue;
            var path = Path.Combine(AppContext.BaseDirectory, $"{name}.staticwebassets.endpoints.json");
            if (File.Exists(path)) return path;
        }
        return null;
    }

    /// <summary>The address a user opens (with the token when one is required).</summary>
    public static string BrowserUrl(WebApplication app)
    {
        var options = app.Services.GetRequiredService<WebServerOptions>();
        string url = app.Urls.FirstOrDefault() ?? $"http://{options.Host}:{options.Port}";
        return options.Token is { } t ? $"{url}/?token={Uri.EscapeDataString(t)}" : url + "/";
    }

    /// <summary>Starts the app, prints its URL and runs until Ctrl-C.</summary>
    public static async Task<int> RunAsync(WebServerOptions options, TextWriter output, CancellationToken cancel = default)
    {
        var app = Build(options);
        await app.StartAsync(cancel);
        output.WriteLine($"Interphase is serving at {BrowserUrl(app)}");
        if (!app.Services.GetRequiredService<WebServerOptions>().IsLoopback)
            output.WriteLine("Listening beyond this machine: requests must carry the access token above.");
        output.WriteLine("Press Ctrl-C to stop.");
        output.Flush();
        // Warm up the thermodynamic data so the first page is quick.
        _ = Task.Run(() => app.Services.GetRequiredService<EngineProvider>().TryWarmUp(), CancellationToken.None);
        await app.WaitForShutdownAsync(cancel);
        return 0;
    }
}
