using System.Runtime.CompilerServices;

namespace Interphase.Tests;

internal static class TestRunSetup
{
    /// <summary>
    /// Many tests block pool threads while they wait (in-process command lines waiting on local servers, which answer
    /// on the pool, and fuzz cases run side by side): with only as many ready threads as cores, the pool adds one every
    /// half second and those tests queue behind it.
    /// </summary>
    [ModuleInitializer]
    internal static void ReadyThreadsForBlockingTests()
    {
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), Math.Max(io, 32));
    }
}
