using System.Net;
using Interphase.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Interphase.Web.Tests;

/// <summary>Safe by default: loopback without a token; other interfaces need one, and requests without it are refused.</summary>
public sealed class SecurityTests
{
    [Fact]
    public void Loopback_needs_no_token_other_interfaces_get_one()
    {
        Assert.True(new WebServerOptions().IsLoopback);
        Assert.Equal("127.0.0.1", new WebServerOptions().Host);
        var app = WebServer.Build(new WebServerOptions { Host = "0.0.0.0", Port = 0 });
        var options = app.Services.GetRequiredService<WebServerOptions>();
        Assert.False(options.IsLoopback);
        Assert.Matches("^[0-9a-f]{32}$", options.Token);
        Assert.Contains("?token=" + options.Token, WebServer.BrowserUrl(app));
    }

    [Fact]
    public void Bad_port_and_empty_token_are_errors()
    {
        Assert.Throws<InterphaseException>(() => WebServer.Build(new WebServerOptions { Port = 70000 }));
        Assert.Throws<InterphaseException>(() => WebServer.Build(new WebServerOptions { Token = " " }));
    }

    [Fact]
    public async Task Requests_without_the_token_are_refused()
    {
        await using var app = WebServer.Build(new WebServerOptions { Port = 0, Token = "s3cret-token" });
        await app.StartAsync();
        try
        {
            string url = app.Urls.First();
            using var handler = new HttpClientHandler { UseCookies = true };
            using var http = new HttpClient(handler);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(url + "/api/hull?formula=Li2O")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(url + "/?token=wrong")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync(url + "/_framework/blazor.web.js")).StatusCode);
            // The token in the address sets a cookie: later requests of the same browser need not repeat it.
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url + "/?token=s3cret-token")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(url + "/materials")).StatusCode);
            using var bearer = new HttpClient();
            bearer.DefaultRequestHeaders.Authorization = new("Bearer", "s3cret-token");
            Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(url + "/api/kb/search?q=LLZO")).StatusCode);
        }
        finally { await app.StopAsync(); }
    }
}
