using Microsoft.Extensions.Primitives;

namespace Interphase.Web;

/// <summary>
/// Lets only the app's own pages use the app. Two checks, before any other work:
/// <list type="bullet">
/// <item>DNS rebinding: the <c>Host</c> header must be a loopback name (<c>localhost</c>, <c>127.0.0.1</c>,
/// <c>[::1]</c>) or the configured <c>--host</c>, else 400. A domain that re-resolves to 127.0.0.1 sends its own name,
/// so its pages cannot read answers. Listening on every interface (<c>0.0.0.0</c>, <c>::</c>) accepts any name, as
/// other machines use names this one cannot know; the access token guards that case.</item>
/// <item>Cross-site requests (CSRF): a request whose <c>Origin</c> is another origin (scheme, host and port) answers
/// 403, and so does one the browser marks <c>Sec-Fetch-Site</c> other than <c>same-origin</c> unless it is a link
/// followed to a page (a top-level GET navigation; no frame, fetch, script or image) — and a state-changing request
/// (any method but GET, HEAD, OPTIONS, and every WebSocket) never passes from elsewhere. Browsers send one of the
/// two headers on every cross-origin request, even <c>no-cors</c> ones; clients that are not browsers (curl, scripts)
/// send neither and are not concerned.</item>
/// </list>
/// Answers are <c>{"error": …}</c> under <c>/api</c>, <c>error: …</c> text elsewhere, as <see cref="ErrorMiddleware"/>'s.
/// </summary>
public sealed class RequestOriginGuard(RequestDelegate next, WebServerOptions options)
{
    private readonly StringSegment[] _allowedHosts = AllowedHosts(options);

    /// <summary>Host names accepted in the <c>Host</c> header (ports are not part of them); null when any is.</summary>
    internal static StringSegment[] AllowedHosts(WebServerOptions options)
    {
        if (options.Host is "0.0.0.0" or "::" or "*" or "+") return ["*"];
        var hosts = new List<string> { "localhost", "127.0.0.1", "[::1]" };
        string configured = options.Host.Contains(':') && !options.Host.StartsWith('[') ? $"[{options.Host}]" : options.Host;
        if (!hosts.Contains(configured, StringComparer.OrdinalIgnoreCase)) hosts.Add(configured);
        return hosts.Select(h => new StringSegment(h)).ToArray();
    }

    /// <summary>Checks the request and passes it on, or answers 400/403.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.Host.HasValue || !HostString.MatchesAny(new StringSegment(request.Host.Host), _allowedHosts))
        {
            await Refuse(context, StatusCodes.Status400BadRequest,
                $"this Interphase server answers only to its own address (Host {Quoted.Cap(request.Host.Value ?? "", 80)} is not one of {string.Join(", ", _allowedHosts)})");
            return;
        }
        string? origin = request.Headers.Origin;
        string? site = request.Headers["Sec-Fetch-Site"];
        bool changesState = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
            || context.WebSockets.IsWebSocketRequest;
        if (origin is { Length: > 0 } && !SameOrigin(origin, request))
        {
            await Refuse(context, StatusCodes.Status403Forbidden,
                $"a page from another origin ({Quoted.Cap(origin, 80)}) may not use this Interphase server; open the app at {request.Scheme}://{request.Host}/");
            return;
        }
        if (site is { Length: > 0 } && site != "same-origin")
        {
            // Only a link followed to a page of the app comes from elsewhere: a top-level GET navigation.
            string? mode = request.Headers["Sec-Fetch-Mode"], dest = request.Headers["Sec-Fetch-Dest"];
            bool link = !changesState && site != "none" ? mode == "navigate" && dest is null or "" or "document" : !changesState;
            if (!link)
            {
                await Refuse(context, StatusCodes.Status403Forbidden, changesState
                    ? $"a {request.Method} from another site (Sec-Fetch-Site: {Quoted.Cap(site, 40)}) may not change anything here; use the app's own pages"
                    : $"a page from another site (Sec-Fetch-Site: {Quoted.Cap(site, 40)}) may not use this Interphase server; open the app at {request.Scheme}://{request.Host}/");
                return;
            }
        }
        await next(context);
    }

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var o)
        && string.Equals(o.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(o.Authority, new Uri($"{request.Scheme}://{request.Host}").Authority, StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(HttpContext context, int status, string message) => ErrorResponse.WriteAsync(context, status, message);
}
