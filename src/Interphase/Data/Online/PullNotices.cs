namespace Interphase.Data.Online;

/// <summary>
/// What a pull is waiting for (a server's <c>Retry-After</c>, a back-off before the next attempt), said as it happens
/// so a pull never sits silent: the command line prints it, a web page shows it. Listeners belong to the asynchronous
/// flow that registered them, so two pulls at once each hear only their own.
/// </summary>
public static class PullNotices
{
    private static readonly AsyncLocal<Action<string>?> Listener = new();

    /// <summary>Sends every notice of this flow (and the tasks it starts) to <paramref name="notice"/> until disposed.</summary>
    public static IDisposable Listen(Action<string> notice)
    {
        var previous = Listener.Value;
        Listener.Value = notice;
        return new Restore(previous);
    }

    internal static void Say(string message) => Listener.Value?.Invoke(message);

    private sealed class Restore(Action<string>? previous) : IDisposable
    {
        public void Dispose() => Listener.Value = previous;
    }
}
