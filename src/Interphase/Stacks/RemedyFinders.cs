using Interphase.Thermodynamics;

namespace Interphase.Stacks;

/// <summary>The remedy finders the front ends use.</summary>
public static class RemedyFinders
{
    /// <summary>The default: ranked candidates from the coating/interlayer screen on the same data.</summary>
    public static IRemedyFinder Default(ThermoEngine engine) => new ScreeningRemedyFinder(engine);
}
