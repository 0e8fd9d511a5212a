using Interphase.Chemistry;
using Interphase.Data;
using Interphase.Screening;
using Interphase.Thermodynamics;

namespace Interphase.Tests.Screening;

/// <summary>The shared Materials Project data, a screener on it and the NCM811 | Li6PS5Cl coating screen, built once.</summary>
public sealed class ScreeningFixture
{
    public const string Ncm811 = "LiNi0.8Co0.1Mn0.1O2";
    public const string Lpscl = "Li6PS5Cl";

    public ScreeningFixture()
    {
        Engine = ThermoEngine.Load(SharedData.DefaultThermoData());
        Screener = new CoatingScreener(Engine);
        Coating = Screener.Run(new ScreeningOptions { Cathode = Composition.Parse(Ncm811), Electrolyte = Composition.Parse(Lpscl) });
    }

    public ThermoEngine Engine { get; }
    public CoatingScreener Screener { get; }

    /// <summary>Every Li compound within 30 meV/atom of the hull against NCM811 (discharged and at Li0.25) and Li6PS5Cl.</summary>
    public ScreeningResult Coating { get; }
}

[CollectionDefinition("Screening")]
public sealed class ScreeningCollection : ICollectionFixture<ScreeningFixture>;
