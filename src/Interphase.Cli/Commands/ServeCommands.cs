using System.CommandLine;
using Interphase.Web;

namespace Interphase.Cli.Commands;

/// <summary><c>interphase serve</c>: the local web app (every analysis in the browser) and the JSON API.</summary>
public sealed class ServeCommands : ICliModule
{
    /// <inheritdoc />
    public IEnumerable<Command> Commands()
    {
        var port = new Option<int>("--port") { Description = "TCP port (0: any free port)", DefaultValueFactory = _ => 5000 };
        var host = new Option<string>("--host")
        {
            Description = "Interface to listen on (default 127.0.0.1, this machine only; any other needs the access token)",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var token = new Option<string?>("--token")
        {
            Description = "Access token requests must carry (generated and printed when --host is not loopback)",
        };
        var data = CliData.DataOption();
        var store = EntrySourceCliOptions.StoreOption();
        var cmd = new Command("serve", "Start the local web app and JSON API and print its URL (Ctrl-C stops it)") { port, host, token, data, store };
        cmd.SetAction((pr, cancel) => CliOutput.RunAsync(() => WebServer.RunAsync(new WebServerOptions
        {
            Port = pr.GetValue(port),
            Host = pr.GetValue(host)!,
            Token = pr.GetValue(token),
            DataFiles = pr.GetValue(data) ?? [],
            StorePath = pr.GetValue(store),
        }, Console.Out, cancel)));
        yield return cmd;
    }
}
