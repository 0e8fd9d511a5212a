namespace Interphase;

/// <summary>
/// A problem with the user's input or data (a malformed formula, a missing file, a chemical system without data,
/// an impossible parameter). Front ends print its message and exit with a non-zero code; anything else is a bug.
/// </summary>
public class InterphaseException : Exception
{
    /// <summary>Creates an error with a message that names the problem.</summary>
    public InterphaseException(string message) : base(message) { }

    /// <summary>Creates an error with a message that names the problem and the underlying cause.</summary>
    public InterphaseException(string message, Exception inner) : base(message, inner) { }
}
