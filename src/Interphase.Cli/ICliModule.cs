using System.CommandLine;

namespace Interphase.Cli;

/// <summary>
/// A group of commands contributed to the <c>interphase</c> root command. Every non-abstract implementation in
/// this assembly is discovered at start-up, so a domain adds its commands without touching Program.cs.
/// </summary>
public interface ICliModule
{
    /// <summary>The top-level commands this module adds.</summary>
    IEnumerable<Command> Commands();
}
