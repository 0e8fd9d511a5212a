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

    // Static: every class that takes the fixture shares the screens, each computed once, when first asked for.
    private static readonly Lazy<ScreeningResult> NcmCoating = new(() =>
        Thermodynamics.ThermoDataFixture.SharedScreener.Run(new ScreeningOptions { Cathode = Composition.Parse(Ncm811), Electrolyte = Composition.Parse(Lpscl) }));
    private static readonly Lazy<ScreeningResult> Lco = new(() =>
        Thermodynamics.ThermoDataFixture.SharedScreener.Run(new ScreeningOptions { Cathode = Composition.Parse("LiCoO2"), Electrolyte = Composition.Parse(Lpscl) }));
    private static readonly Lazy<ScreeningResult> Llzo = new(() =>
        Thermodynamics.ThermoDataFixture.SharedScreener.Run(new ScreeningOptions { Cathode = Composition.Parse(Ncm811), Electrolyte = Composition.Parse("Li7La3Zr2O12") }));
    private static readonly Lazy<ScreeningResult> LcoLlzo = new(() =>
        Thermodynamics.ThermoDataFixture.SharedScreener.Run(new ScreeningOptions { Cathode = Composition.Parse("LiCoO2"), Electrolyte = Composition.Parse("Li7La3Zr2O12") }));
    private static readonly Lazy<ScreeningResult> LcoLps = new(() =>
        Thermodynamics.ThermoDataFixture.SharedScreener.Run(new ScreeningOptions { Cathode = Composition.Parse("LiCoO2"), Electrolyte = Composition.Parse("Li3PS4") }));
    private static readonly Lazy<ScreeningResult> NcmLps = new(() =>
        Thermodynamics.ThermoDataFixture.SharedScreener.Run(new ScreeningOptions { Cathode = Composition.Parse(Ncm811), Electrolyte = Composition.Parse("Li3PS4") }));
    private static readonly Lazy<ScreeningResult> Anode = new(() =>
        Thermodynamics.ThermoDataFixture.SharedScreener.Run(new ScreeningOptions { Anode = Composition.Parse("Li"), Electrolyte = Composition.Parse(Lpscl) }));

    /// <summary>The default LiCoO2 | Li6PS5Cl coating screen (charged state from the knowledge base's table).</summary>
    public ScreeningResult LcoCoating => Lco.Value;

    /// <summary>The default NCM811 | Li7La3Zr2O12 (oxide electrolyte) coating screen.</summary>
    public ScreeningResult LlzoCoating => Llzo.Value;

    /// <summary>The default LiCoO2 | Li7La3Zr2O12 coating screen (co-sintered at 700 °C by default).</summary>
    public ScreeningResult LcoLlzoCoating => LcoLlzo.Value;

    /// <summary>The default LiCoO2 | Li3PS4 coating screen (cold-pressed by default).</summary>
    public ScreeningResult LcoLpsCoating => LcoLps.Value;

    /// <summary>The default NCM811 | Li3PS4 coating screen.</summary>
    public ScreeningResult NcmLpsCoating => NcmLps.Value;

    /// <summary>The default Li6PS5Cl | Li interlayer screen.</summary>
    public ScreeningResult AnodeInterlayer => Anode.Value;

    public ThermoEngine Engine => Thermodynamics.ThermoDataFixture.SharedEngine;
    public CoatingScreener Screener => Thermodynamics.ThermoDataFixture.SharedScreener;

    /// <summary>Every Li compound within 30 meV/atom of the hull against NCM811 (discharged and at Li0.25) and Li6PS5Cl.</summary>
    public ScreeningResult Coating => NcmCoating.Value;
}
