using Interphase.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interphase.Web.Tests;

/// <summary>The web app in-process (TestServer), on a private empty entry store so thermodynamics use the built-in
/// Materials Project data exactly as the CLI does with the same empty store.</summary>
public sealed class WebAppFactory : WebApplicationFactory<WebServerOptions>
{
    /// <summary>Store path of this factory (not created until an import).</summary>
    public string StorePath { get; } = Path.Combine(Directory.CreateTempSubdirectory("interphase-web-tests-").FullName, "entries.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<WebServerOptions>();
            services.AddSingleton(new WebServerOptions { StorePath = StorePath });
        });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try { Directory.Delete(Path.GetDirectoryName(StorePath)!, recursive: true); } catch (IOException) { }
    }
}

/// <summary>Files of the shared reference folder (tests that read one are marked as needing it) and of the repository.</summary>
public static class Shared
{
    public static string Path(string relative) => Interphase.Tests.SharedFiles.Path(relative);

    /// <summary>The repository root (for examples/).</summary>
    public static string Repo(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Interphase.slnx"))) return System.IO.Path.Combine(dir.FullName, relative);
        throw new InvalidOperationException("repository root not found");
    }
}
