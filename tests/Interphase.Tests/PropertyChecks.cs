using FsCheck;
using FsCheck.Fluent;

namespace Interphase.Tests;

/// <summary>
/// FsCheck runs that print nothing on success: FsCheck's default "Ok, passed 100 tests." goes to the process console,
/// which in-process CLI tests capture, so a property test running beside them would corrupt their output.
/// </summary>
internal static class PropertyChecks
{
    /// <summary>FsCheck's quick configuration, throwing on failure and silent on success.</summary>
    public static readonly Config Quiet = Config.QuickThrowOnFailure.WithQuietOnSuccess(true);

    /// <summary>Checks the property with <see cref="Quiet"/>.</summary>
    public static void QuickCheckQuietly(this Property property) => Check.One(Quiet, property);
}
