namespace Interphase.Impedance;

/// <summary>A problem with impedance input: an unreadable spectrum file, a malformed circuit string, a bad parameter.</summary>
public sealed class ImpedanceException : InterphaseException
{
    /// <summary>Creates an error whose message names the file, line, value or circuit at fault.</summary>
    public ImpedanceException(string message) : base(message) { }
}
