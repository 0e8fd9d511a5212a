using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Interphase.Data.Online;

/// <summary>
/// Bounds on one pull, so a misbehaving server can neither keep a client paging forever nor fill the memory: pages,
/// entries and bytes received, the size of one response, and the time to connect and to get an answer. Defaults are
/// far above what a real chemical system needs; each can be raised with an option of <c>data pull</c> or an
/// environment variable (<see cref="FromEnvironment"/>).
/// </summary>
public sealed record PullLimits
{
    /// <summary>Environment variable for <see cref="MaxPages"/>.</summary>
    public const string MaxPagesVariable = "INTERPHASE_PULL_MAX_PAGES";

    /// <summary>Environment variable for <see cref="MaxEntries"/>.</summary>
    public const string MaxEntriesVariable = "INTERPHASE_PULL_MAX_ENTRIES";

    /// <summary>Environment variable for <see cref="MaxTotalBytes"/>, in MB.</summary>
    public const string MaxMegabytesVariable = "INTERPHASE_PULL_MAX_MB";

    /// <summary>Environment variable for <see cref="RequestTimeout"/>, in seconds.</summary>
    public const string TimeoutVariable = "INTERPHASE_HTTP_TIMEOUT_S";

    /// <summary>Most requests answered in one pull (default 2,000; a 10-element system queried per sub-system needs about 1,000).</summary>
    public int MaxPages { get; init; } = 2_000;

    /// <summary>Most entries received in one pull (default 500,000; the whole Materials Project has about 200,000).</summary>
    public int MaxEntries { get; init; } = 500_000;

    /// <summary>Most bytes received in one pull (default 1 GB).</summary>
    public long MaxTotalBytes { get; init; } = 1L << 30;

    /// <summary>Largest single response, bytes (default 64 MB; a page of 1,000 entries is well under 1 MB).</summary>
    public long MaxResponseBytes { get; init; } = 64L << 20;

    /// <summary>Time to open a connection (default 15 s).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Time for one request to be answered in full (default 60 s); a request that times out is tried once more.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Most redirects followed for one request (only within the configured host).</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>The defaults, overridden by the environment variables that are set.</summary>
    /// <exception cref="InterphaseException">A variable that is not a positive number.</exception>
    public static PullLimits FromEnvironment()
    {
        var limits = new PullLimits();
        if (Read(MaxPagesVariable) is { } pages) limits = limits with { MaxPages = (int)Math.Min(pages, int.MaxValue) };
        if (Read(MaxEntriesVariable) is { } entries) limits = limits with { MaxEntries = (int)Math.Min(entries, int.MaxValue) };
        if (Read(MaxMegabytesVariable) is { } mb) limits = limits with { MaxTotalBytes = (long)Math.Min(mb * 1048576, long.MaxValue / 2) };
        if (Read(TimeoutVariable) is { } s) limits = limits with { RequestTimeout = TimeSpan.FromSeconds(Math.Min(s, 86_400)) };
        return limits;
    }

    /// <summary>Throws when a limit is not positive.</summary>
    /// <exception cref="InterphaseException">A limit that is zero or negative.</exception>
    public PullLimits Validated()
    {
        if (MaxPages < 1) throw new InterphaseException($"the page limit {MaxPages} must be at least 1");
        if (MaxEntries < 1) throw new InterphaseException($"the entry limit {MaxEntries} must be at least 1");
        if (MaxTotalBytes < 1 || MaxResponseBytes < 1) throw new InterphaseException("the byte limits must be positive");
        if (RequestTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero) throw new InterphaseException("the time-outs must be positive");
        return this;
    }

    private static double? Read(string variable)
    {
        string? text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || !double.IsFinite(v) || v < 1)
            throw new InterphaseException($"{variable}={Quoted.Cap(text, 30)} must be a number of at least 1");
        return v;
    }
}

/// <summary>What one pull has used of its <see cref="PullLimits"/>, and the pages seen (a server that repeats itself is stopped).</summary>
internal sealed class PullBudget(PullLimits limits, string service)
{
    private readonly HashSet<string> _pages = new(StringComparer.Ordinal);

    public PullLimits Limits { get; } = limits;

    public int Pages { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Counts one answered request of <paramref name="bytes"/> bytes.</summary>
    public void Page(long bytes)
    {
        Pages++;
        Bytes += bytes;
        if (Pages > Limits.MaxPages)
            throw new OnlineSourceException(
                $"{service} is still sending pages after {Limits.MaxPages:N0} requests; stopped (nothing was stored). A real system needs far fewer: " +
                $"check the URL, or raise the limit with the environment variable {PullLimits.MaxPagesVariable}");
        if (Bytes > Limits.MaxTotalBytes)
            throw new OnlineSourceException(
                $"{service} has sent {Bytes / 1048576.0:F0} MB, more than the limit of {Limits.MaxTotalBytes / 1048576.0:F0} MB; stopped (nothing was stored). " +
                $"Raise it with the environment variable {PullLimits.MaxMegabytesVariable}");
    }

    /// <summary>Checks the running entry count.</summary>
    public void Entries(int count)
    {
        if (count > Limits.MaxEntries)
            throw new OnlineSourceException(
                $"{service} has sent {count:N0} entries, more than the limit of {Limits.MaxEntries:N0}; stopped (nothing was stored). " +
                $"Raise it with the environment variable {PullLimits.MaxEntriesVariable}");
    }

    /// <summary>Refuses a non-empty page whose entries are exactly those of an earlier page (the server ignores paging).</summary>
    public void NewPage(JsonElement data, string url)
    {
        if (data.ValueKind != JsonValueKind.Array || data.GetArrayLength() == 0) return;
        string hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(data.GetRawText())));
        if (!_pages.Add(hash))
            throw new OnlineSourceException($"{service} sent the same page twice ({url}): its paging does not advance; stopped (nothing was stored)");
    }

    /// <summary>A count the server reports (total_doc, data_available): a whole number within the entry limit.</summary>
    public int? Count(JsonElement value, string what, string url)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out long n) || n < 0 || n > int.MaxValue)
            throw new OnlineSourceException($"malformed response from {service} ({url}): {what} {Quoted.Cap(value.GetRawText(), 30)} is not a count of entries");
        if (n > Limits.MaxEntries)
            throw new OnlineSourceException(
                $"{service} reports {n:N0} entries ({what}), more than the limit of {Limits.MaxEntries:N0}; nothing was fetched. " +
                $"Raise it with the environment variable {PullLimits.MaxEntriesVariable} if that many is right");
        return (int)n;
    }
}
