using Interphase.Web;

// Stand-alone entry point (used by `dotnet run` and by the in-process test host); `interphase serve` calls WebServer too.
var options = new WebServerOptions
{
    Host = Environment.GetEnvironmentVariable("INTERPHASE_WEB_HOST") ?? "127.0.0.1",
    Port = int.TryParse(Environment.GetEnvironmentVariable("INTERPHASE_WEB_PORT"), out var port) ? port : 5000,
    Token = Environment.GetEnvironmentVariable("INTERPHASE_WEB_TOKEN"),
};
var app = WebServer.Build(options, args);
app.Run();
