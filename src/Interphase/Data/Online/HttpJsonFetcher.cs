using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Interphase.Data.Online;

/// <summary>A problem talking to an online database (unreachable, refused key, malformed answer, too many failures).</summary>
internal sealed class OnlineSourceException : InterphaseException
{
    /// <summary>Creates the error.</summary>
    public OnlineSourceException(string message, Exception? inner = null) : base(message, inner ?? new HttpRequestException(message)) { }
}

/// <summary>Retry behaviour for transient failures (HTTP 429 and 5xx, time-outs).</summary>
/// <param name="MaxAttempts">Attempts per request, first one included.</param>
/// <param name="BaseDelay">Delay before the first retry; doubled after each (exponential back-off).</param>
/// <param name="MaxDelay">Upper bound of one delay, also of a server's Retry-After.</param>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    /// <summary>5 attempts, 1 s, 2 s, 4 s, 8 s between them, at most 30 s each.</summary>
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
}

/// <summary>
/// GETs JSON documents with retries and back-off on 429/5xx (honouring Retry-After) and turns every failure into an
/// <see cref="OnlineSourceException"/> that says what happened and what to do. Redirects are followed only within the
/// host first asked and only over http(s), so a header such as an API key never reaches another host; every message
/// has the secrets it was given redacted; each response is read up to <see cref="PullLimits.MaxResponseBytes"/> and
/// each request is bounded by <see cref="PullLimits.RequestTimeout"/>.
/// </summary>
internal sealed class HttpJsonFetcher
{
    private readonly HttpClient _http;
    private readonly RetryPolicy _retry;
    private readonly string _service;
    private readonly string[] _secrets;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="http">Client to use (it must not follow redirects itself); null for a shared one that does not.</param>
    /// <param name="service">Service name for messages, e.g. "Materials Project".</param>
    /// <param name="retry">Retry policy; null for <see cref="RetryPolicy.Default"/>.</param>
    /// <param name="limits">Time-outs and size limits; null for <see cref="PullLimits.FromEnvironment"/>.</param>
    /// <param name="secrets">Values never to print (API keys); each is replaced by "[redacted]" in every message.</param>
    public HttpJsonFetcher(HttpClient? http, string service, RetryPolicy? retry = null, PullLimits? limits = null, IEnumerable<string>? secrets = null)
    {
        Limits = (limits ?? PullLimits.FromEnvironment()).Validated();
        _http = http ?? SharedClient(Limits.ConnectTimeout);
        _service = service;
        _retry = retry ?? RetryPolicy.Default;
        _secrets = (secrets ?? []).Where(s => s.Length >= 4).ToArray();
    }

    /// <summary>The limits in force.</summary>
    public PullLimits Limits { get; }

    /// <summary>The service name used in messages.</summary>
    public string Service => _service;

    private static readonly ConcurrentDictionary<TimeSpan, HttpClient> Clients = new();

    // Redirects are handled by the fetcher (same host only); the request time-out by a token per request.
    private static HttpClient SharedClient(TimeSpan connectTimeout) => Clients.GetOrAdd(connectTimeout, t =>
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = t,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var c = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        c.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Interphase", "1.0"));
        return c;
    });

    /// <summary>Replaces every secret in <paramref name="text"/> (and any <c>api_key=</c> value) by "[redacted]".</summary>
    public string Redact(string text)
    {
        foreach (var s in _secrets) text = text.Replace(s, "[redacted]", StringComparison.Ordinal);
        int q = text.IndexOf("api_key=", StringComparison.OrdinalIgnoreCase);
        if (q >= 0)
        {
            int end = q + "api_key=".Length;
            while (end < text.Length && text[end] is not ('&' or ' ' or ')' or '\'' or '"')) end++;
            text = text[..(q + "api_key=".Length)] + "[redacted]" + text[end..];
        }
        return text;
    }

    private OnlineSourceException Fail(string message, Exception? inner = null) => new(Redact(message), inner);

    /// <summary>GETs <paramref name="url"/> and parses the body as JSON.</summary>
    /// <param name="url">Absolute URL.</param>
    /// <param name="headers">Extra request headers (e.g. <c>X-API-KEY</c>).</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="acceptClientErrors">Return 4xx (other than 401/403) and 501 answers to the caller instead of throwing.</param>
    /// <returns>The parsed document (caller disposes) and the final status code.</returns>
    /// <exception cref="OnlineSourceException">Unreachable, refused, repeated failures, or a body that is not JSON.</exception>
    public Task<(JsonDocument Document, HttpStatusCode Status)> GetAsync(string url, IReadOnlyDictionary<string, string>? headers = null,
        CancellationToken ct = default, bool acceptClientErrors = false) => GetAsync(url, headers, ct, acceptClientErrors, null);

    internal async Task<(JsonDocument Document, HttpStatusCode Status)> GetAsync(string url, IReadOnlyDictionary<string, string>? headers,
        CancellationToken ct, bool acceptClientErrors, PullBudget? budget)
    {
        TimeSpan delay = _retry.BaseDelay;
        int timeouts = 0;
        for (int attempt = 1; ; attempt++)
        {
            Answer answer;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                timeout.CancelAfter(Limits.RequestTimeout);
                try
                {
                    answer = await SendAsync(url, headers, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
                {
                    // Timed out: tried once more, then given up (a silent server must not hold the pull for minutes).
                    if (++timeouts < 2 && attempt < _retry.MaxAttempts)
                    {
                        PullNotices.Say($"{_service} did not answer within {Limits.RequestTimeout.TotalSeconds:0.#} s: waiting {delay.TotalSeconds:0.#} s, then trying once more");
                        await Task.Delay(delay, ct).ConfigureAwait(false);
                        delay = Next(delay);
                        continue;
                    }
                    throw Fail($"{_service} did not answer {url} within {Limits.RequestTimeout.TotalSeconds:0.#} s ({attempt} attempts); " +
                               $"check the network, or raise the time-out with the environment variable {PullLimits.TimeoutVariable}", ex);
                }
                catch (HttpRequestException ex)
                {
                    throw Fail($"cannot reach {_service} at {url}: {ex.Message} (check the network, or the base URL)", ex);
                }
                catch (IOException ex)
                {
                    throw Fail($"the connection to {_service} broke off while reading {url}: {ex.Message}", ex);
                }
            }
            budget?.Page(answer.Body.Length);
            int code = (int)answer.Status;
            string body = code >= 400 || code < 200 ? Encoding.UTF8.GetString(answer.Body) : "";
            if (code is 429 or 500 or 502 or 503 or 504)
            {
                if (attempt < _retry.MaxAttempts)
                {
                    var wait = answer.RetryAfter is { } ra ? Min(ra, _retry.MaxDelay) : delay;
                    // Said when it is long enough to notice; a server may ask to retry at once.
                    if (wait >= TimeSpan.FromSeconds(1) || answer.RetryAfter > _retry.MaxDelay)
                        PullNotices.Say($"{_service} answered HTTP {code} {Quoted.Cap(answer.Reason ?? "", 80)}" + (answer.RetryAfter is { } asked
                        ? $" and asked to wait {asked.TotalSeconds:0.#} s (Retry-After){(asked > _retry.MaxDelay ? $", waits are capped at {_retry.MaxDelay.TotalSeconds:0.#} s" : "")}"
                        : "") + $": waiting {wait.TotalSeconds:0.#} s before attempt {attempt + 1} of {_retry.MaxAttempts} (Ctrl-C stops)");
                    await Task.Delay(wait, ct).ConfigureAwait(false);
                    delay = Next(delay);
                    continue;
                }
                throw Fail($"{_service} answered HTTP {code} {answer.Reason} to {url} {attempt} times; giving up{Snippet(body)}");
            }
            if (code is 401 or 403)
                throw Fail($"{_service} refused the request (HTTP {code} {answer.Reason}): the API key is missing, wrong or expired{Snippet(body)}");
            if (code >= 400 && !acceptClientErrors)
                throw Fail($"{_service} answered HTTP {code} {answer.Reason} to {url}{Snippet(body)}");
            if (code is < 200 or >= 300 and < 400)
                throw Fail($"{_service} answered HTTP {code} {answer.Reason} to {url}, which is not an answer with data{Snippet(body)}");
            try
            {
                return (JsonDocument.Parse(answer.Body), answer.Status);
            }
            catch (JsonException ex)
            {
                if (code >= 400 && acceptClientErrors) return (JsonDocument.Parse("{}"), answer.Status);
                if (code >= 400) throw Fail($"{_service} answered HTTP {code} {answer.Reason} to {url}{Snippet(body)}", ex);
                throw Fail($"malformed response from {_service} ({url}): not JSON ({ex.Message}){Snippet(Encoding.UTF8.GetString(answer.Body, 0, Math.Min(answer.Body.Length, 400)))}", ex);
            }
        }
    }

    private sealed record Answer(HttpStatusCode Status, string? Reason, byte[] Body, TimeSpan? RetryAfter);

    private async Task<Answer> SendAsync(string url, IReadOnlyDictionary<string, string>? headers, CancellationToken token)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var origin) || origin.Scheme is not ("http" or "https"))
            throw Fail($"cannot request {Quoted.Cap(url)} from {_service}: not an http(s) URL");
        var current = origin;
        for (int hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (headers is not null)
                foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            int code = (int)response.StatusCode;
            if (code is 301 or 302 or 303 or 307 or 308)
            {
                var next = Redirect(response, current, origin);
                if (hop >= Limits.MaxRedirects) throw Fail($"{_service} redirected {url} more than {Limits.MaxRedirects} times; stopped");
                current = next;
                continue;
            }
            return new Answer(response.StatusCode, response.ReasonPhrase, await ReadCappedAsync(response, current, token).ConfigureAwait(false),
                RetryAfter(response));
        }
    }

    private Uri Redirect(HttpResponseMessage response, Uri current, Uri origin)
    {
        var location = response.Headers.Location
            ?? throw Fail($"{_service} redirected {current} (HTTP {(int)response.StatusCode}) without saying where to");
        var next = location.IsAbsoluteUri ? location : new Uri(current, location);
        if (next.Scheme is not ("http" or "https"))
            throw Fail($"{_service} redirected {current} to a {next.Scheme}: address; only http(s) redirects are followed");
        if (!string.Equals(next.Host, origin.Host, StringComparison.OrdinalIgnoreCase) || next.Port != origin.Port)
            throw Fail($"{_service} redirected {current} to another host ({next.Authority}); not followed, so nothing (no API key) is sent there. " +
                       "If the service has moved, give its new address with --url");
        if (origin.Scheme == "https" && next.Scheme == "http")
            throw Fail($"{_service} redirected {current} from https to plain http; not followed");
        return next;
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, CancellationToken token)
    {
        long max = Limits.MaxResponseBytes;
        if (response.Content.Headers.ContentLength is long declared && declared > max)
            throw Fail($"{_service} announced a response of {declared / 1048576.0:F0} MB to {url}, more than the limit of {max / 1048576.0:F0} MB per response; not read");
        await using var stream = await response.Content.ReadAsStreamAsync(token).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = await stream.ReadAsync(chunk, token).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + n > max)
                throw Fail($"{_service} sent more than {max / 1048576.0:F0} MB in one response to {url}; stopped reading");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private TimeSpan Next(TimeSpan d) => Min(d * 2, _retry.MaxDelay);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan? RetryAfter(HttpResponseMessage r)
    {
        var ra = r.Headers.RetryAfter;
        if (ra?.Delta is { } d) return d;
        if (ra?.Date is { } date) return date - DateTimeOffset.UtcNow is var t && t > TimeSpan.Zero ? t : TimeSpan.Zero;
        return null;
    }

    private static string Snippet(string body)
    {
        body = body.Trim();
        if (body.Length == 0) return "";
        return ": " + (body.Length > 200 ? body[..200] + "…" : body);
    }
}
