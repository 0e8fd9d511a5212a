using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Interphase.Tests.Data;

/// <summary>A canned response.</summary>
internal sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public static CannedResponse Json(string body) => new(200, body);
}

/// <summary>A real HTTP server on 127.0.0.1 (HttpListener on a free port) answering with a handler; records requests.</summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerRequest, int, CannedResponse> _handler;
    private readonly Task _loop;
    private int _count;

    public LocalHttpServer(Func<HttpListenerRequest, int, CannedResponse> handler)
    {
        _handler = handler;
        // A free port can be taken by another server between FreePort and Start when servers start side by side:
        // try another one.
        for (int attempt = 1; ; attempt++)
        {
            Port = FreePort();
            BaseUrl = $"http://127.0.0.1:{Port}";
            _listener = new HttpListener();
            _listener.Prefixes.Add(BaseUrl + "/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                _listener.Close();
            }
        }
        _loop = Task.Run(Loop);
    }

    public int Port { get; }

    public string BaseUrl { get; }

    /// <summary>Requests received: decoded path + query, and the X-API-KEY header.</summary>
    public ConcurrentQueue<(string Url, string? ApiKey)> Requests { get; } = new();

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try
            {
                ctx = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            int n = Interlocked.Increment(ref _count);
            Requests.Enqueue((Uri.UnescapeDataString(ctx.Request.Url!.PathAndQuery), ctx.Request.Headers["X-API-KEY"]));
            CannedResponse r;
            try
            {
                r = _handler(ctx.Request, n);
            }
            catch (Exception ex)
            {
                r = new CannedResponse(599, "handler failed: " + ex.Message);
            }
            ctx.Response.StatusCode = r.Status;
            ctx.Response.ContentType = "application/json";
            if (r.Headers is not null)
                foreach (var (k, v) in r.Headers) ctx.Response.AddHeader(k, v);
            var bytes = Encoding.UTF8.GetBytes(r.Body);
            ctx.Response.ContentLength64 = bytes.Length;
            await ctx.Response.OutputStream.WriteAsync(bytes);
            ctx.Response.Close();
        }
    }

    public void Dispose()
    {
        try
        {
            _listener.Stop();
            _listener.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException) { }
        try { _loop.Wait(TimeSpan.FromSeconds(2)); } catch (AggregateException) { }
    }
}
