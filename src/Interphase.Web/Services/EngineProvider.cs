using Interphase.Data;
using Interphase.Thermodynamics;

namespace Interphase.Web.Services;

/// <summary>
/// One <see cref="ThermoEngine"/> for the whole app, loaded once from the same sources the CLI resolves (data files,
/// else the entry store, else the shared Materials Project CSV) and shared by every page and API call, so phase
/// spaces are computed once per chemical system. Reloaded after an import or pull changes the store.
/// </summary>
public sealed class EngineProvider(WebServerOptions options)
{
    private readonly object _gate = new();
    private Lazy<Task<ThermoEngine>> _engine = null!;
    private int _generation;

    /// <summary>The resolver options the CLI would use with the same <c>--data</c>/<c>--store</c>.</summary>
    public EntrySourceOptions SourceOptions => new() { DataFiles = options.DataFiles, StorePath = options.StorePath };

    /// <summary>Increases each time the data are reloaded (pages use it to drop cached results).</summary>
    public int Generation => _generation;

    /// <summary>The engine (loads it on first use; a failed load is retried on the next call).</summary>
    public Task<ThermoEngine> GetAsync()
    {
        lock (_gate)
        {
            if (_engine is null || (_engine.IsValueCreated && _engine.Value.IsFaulted)) _engine = NewLazy();
            return _engine.Value;
        }
    }

    /// <summary>Drops the loaded engine so the next call reads the store again.</summary>
    public void Invalidate()
    {
        lock (_gate)
        {
            _engine = NewLazy();
            Interlocked.Increment(ref _generation);
        }
    }

    /// <summary>Loads the data in the background; errors surface on first real use.</summary>
    public void TryWarmUp()
    {
        try { GetAsync().Wait(); } catch (Exception) { /* reported to the page that needs the data */ }
    }

    private Lazy<Task<ThermoEngine>> NewLazy() => new(() => Task.Run(() =>
        new ThermoEngine(new EntrySet(EntrySourceResolver.ResolveAll(SourceOptions)))));
}
