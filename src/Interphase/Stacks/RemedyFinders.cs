using Interphase.Thermodynamics;

namespace Interphase.Stacks;

/// <summary>The remedy finders the front ends use.</summary>
public static class RemedyFinders
{
    /// <summary>The default: none until the screening is wired in.</summary>
    public static IRemedyFinder? Default(ThermoEngine engine) => null;
}
