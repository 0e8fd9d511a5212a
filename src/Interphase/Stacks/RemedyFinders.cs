using Interphase.Thermodynamics;

namespace Interphase.Stacks;

/// <summary>The remedy finders the front ends use.</summary>
public static class RemedyFinders
{
    /// <summary>The default: ranked candidates from the coating/interlayer screen on the same data.</summary>
    /// <param name="engine">Thermodynamic data.</param>
    /// <param name="properties">Band gaps for the screen's electronic criterion (null: the default property source).</param>
    public static IRemedyFinder Default(ThermoEngine engine, Properties.IPropertySource? properties = null) =>
        new ScreeningRemedyFinder(engine, properties: properties);
}
