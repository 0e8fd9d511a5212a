using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;

namespace Interphase.Data.Online;

/// <summary>A problem talking to an online database (unreachable, refused key, malformed answer, too many failures).</summary>
public sealed class OnlineSourceException : InterphaseException
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
/// <see cref="OnlineSourceException"/> that says what happened and what to do.
/// </summary>
public sealed class HttpJsonFetcher
{
    private readonly HttpClient _http;
    private readonly RetryPolicy _retry;
    private readonly string _service;

    /// <summary>Creates a fetcher.</summary>
    /// <param name="http">Client to use; null for a new one with a 100 s time-out.</param>
    /// <param name="service">Service name for messages, e.g. "Materials Project".</param>
    /// <param name="retry">Retry policy; null for <see cref="RetryPolicy.Default"/>.</param>
    public HttpJsonFetcher(HttpClient? http, string service, RetryPolicy? retry = null)
    {
        _http = http ?? SharedClient.Value;
        _service = service;
        _retry = retry ?? RetryPolicy.Default;
    }

    private static readonly Lazy<HttpClient> SharedClient = new(() =>
    {
        var c = new HttpClient { Timeout = TimeSpan.FromSeconds(100) };
        c.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Interphase", "1.0"));
        return c;
    });

    /// <summary>GETs <paramref name="url"/> and parses the body as JSON.</summary>
    /// <param name="url">Absolute URL.</param>
    /// <param name="headers">Extra request headers (e.g. <c>X-API-KEY</c>).</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="acceptClientErrors">Return 4xx (other than 401/403) and 501 answers to the caller instead of throwing.</param>
    /// <returns>The parsed document (caller disposes) and the final status code.</returns>
    /// <exception cref="OnlineSourceException">Unreachable, refused, repeated failures, or a body that is not JSON.</exception>
    public async Task<(JsonDocument Document, HttpStatusCode Status)> GetAsync(string url, IReadOnlyDictionary<string, string>? headers = null,
        CancellationToken ct = default, bool acceptClientErrors = false)
    {
        TimeSpan delay = _retry.BaseDelay;
        for (int attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            if (headers is not null)
                foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException || ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError)
            {
                throw new OnlineSourceException($"cannot reach {_service} at {Redact(url)}: {ex.Message} (check the network, or the base URL)", ex);
            }
            catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
            {
                if (attempt < _retry.MaxAttempts)
                {
                    await Task.Delay(delay, ct).ConfigureAwait(false);
                    delay = Next(delay);
                    continue;
                }
                throw new OnlineSourceException($"{_service} did not answer {Redact(url)} in time after {attempt} attempts", ex);
            }
            using (response)
            {
                int code = (int)response.StatusCode;
                string body = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
                if (code is 429 or 500 or 502 or 503 or 504)
                {
                    if (attempt < _retry.MaxAttempts)
                    {
                        var wait = RetryAfter(response) is { } ra ? Min(ra, _retry.MaxDelay) : delay;
                        await Task.Delay(wait, ct).ConfigureAwait(false);
                        delay = Next(delay);
                        continue;
                    }
                    throw new OnlineSourceException(
                        $"{_service} answered HTTP {code} {response.ReasonPhrase} to {Redact(url)} {attempt} times; giving up{Snippet(body)}");
                }
                if (code is 401 or 403)
                    throw new OnlineSourceException(
                        $"{_service} refused the request (HTTP {code} {response.ReasonPhrase}): the API key is missing, wrong or expired{Snippet(body)}");
                if (code >= 400 && !acceptClientErrors)
                    throw new OnlineSourceException($"{_service} answered HTTP {code} {response.ReasonPhrase} to {Redact(url)}{Snippet(body)}");
                try
                {
                    return (JsonDocument.Parse(body), response.StatusCode);
                }
                catch (JsonException ex)
                {
                    if (code >= 400 && acceptClientErrors) return (JsonDocument.Parse("{}"), response.StatusCode);
                    if (code >= 400) throw new OnlineSourceException($"{_service} answered HTTP {code} {response.ReasonPhrase} to {Redact(url)}{Snippet(body)}", ex);
                    throw new OnlineSourceException($"malformed response from {_service} ({Redact(url)}): not JSON ({ex.Message}){Snippet(body)}", ex);
                }
            }
        }
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

    // Keys are sent as headers, never in URLs, but a user-supplied URL may carry one.
    private static string Redact(string url)
    {
        int q = url.IndexOf("api_key=", StringComparison.OrdinalIgnoreCase);
        return q < 0 ? url : url[..q] + "api_key=…";
    }
}
