namespace Interphase.Tests.Impedance;

/// <summary>The instrument files of shared/data/eis (impedance.py's example data); tests that read them are marked as
/// needing <see cref="Folder"/>.</summary>
internal static class EisData
{
    /// <summary>The folder relative to the shared folder.</summary>
    public const string Folder = "data/eis";

    public static string File(string name) => SharedFiles.Path(Folder + "/" + name);
}
