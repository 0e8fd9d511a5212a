using System.Globalization;

namespace Interphase.SpaceCharge;

/// <summary>One model parameter as used, with its source (so every default is visible in the output).</summary>
/// <param name="Phase">Phase name.</param>
/// <param name="Role"><c>cathode</c>, <c>coating</c>, <c>electrolyte</c> or <c>phase</c>.</param>
/// <param name="Parameter">Parameter key with unit suffix (e.g. <c>epsilon_r</c>, <c>mobile_density_cm3</c>).</param>
/// <param name="Value">Value used.</param>
/// <param name="Source">Citation, derivation, "assumed (…)" or "given".</param>
public sealed record ParameterRow(string Phase, string Role, string Parameter, double Value, string Source);

/// <summary>Values a user gives in place of the parameter table's (null: take the table's).</summary>
/// <param name="EpsilonR">Relative permittivity.</param>
/// <param name="MobileDensityPerCm3">Mobile Li⁺ density, cm⁻³.</param>
/// <param name="SiteDensityPerCm3">Li site density, cm⁻³.</param>
/// <param name="IonicConductivitySPerCm">Li⁺ conductivity, S/cm.</param>
/// <param name="LiPotentialV">Li potential, V vs Li/Li⁺.</param>
/// <param name="LiFraction">Li occupancy x of a cathode.</param>
/// <param name="ElectronicCarrierDensityPerCm3">Electronic carrier density, cm⁻³ (0: insulator).</param>
public sealed record PhaseOverrides(
    double? EpsilonR = null, double? MobileDensityPerCm3 = null, double? SiteDensityPerCm3 = null, double? IonicConductivitySPerCm = null,
    double? LiPotentialV = null, double? LiFraction = null, double? ElectronicCarrierDensityPerCm3 = null)
{
    /// <summary>No overrides.</summary>
    public static PhaseOverrides None { get; } = new();
}

/// <summary>Builds model phases from the parameter table and the user's overrides, recording every value's source.</summary>
public static class SpaceChargeSetup
{
    /// <summary>
    /// The default Li potential of a coating: its cathode's. A buffer coating is deposited and annealed on the cathode and
    /// exchanges Li with it; an electronic insulator without a redox couple has no Li potential of its own that is known.
    /// </summary>
    public static (double Volts, string Source) CoatingPotential(InterfacePhase cathode) =>
        (cathode.LiPotentialV, $"assumed equal to the cathode's ({cathode.Phase.Name}): the coating exchanges Li with the cathode it covers; give --coating-potential-v to change it");

    /// <summary>
    /// The default Li potential of an electrolyte against a cathode in a stack: the cathode's. An electronic insulator
    /// exchanges only Li⁺ with the cathode, so its Li chemical potential is that of its Li sites; with no Li-site energy
    /// in the parameter table the sites are taken as equal to the cathode's, the case de Klerk &amp; Wagemaker find
    /// for LCO | LLZO and LCO | LATP (~1 nm layers of negligible resistance). The stack report shows how the result
    /// changes with this choice (<see cref="StackSpaceCharge"/>).
    /// </summary>
    public static (double Volts, string Source) ElectrolytePotential(InterfacePhase cathode) =>
        (cathode.LiPotentialV, $"assumed equal to the cathode's ({cathode.Phase.Name}, {cathode.LiPotentialV:0.##} V): equal Li-site energies, no Li-site energy of the electrolyte being known "
                               + "(de Klerk & Wagemaker, ACS Appl. Energy Mater. 1, 5609 (2018), use each phase's Li-site energetics)");

    /// <summary>Resolves the phase named <paramref name="name"/> in <paramref name="role"/>.</summary>
    /// <exception cref="InterphaseException">Unknown material or bad values.</exception>
    /// <param name="role"><c>cathode</c>, <c>coating</c>, <c>electrolyte</c> or <c>phase</c>.</param>
    /// <param name="name">Material name, id, formula or alias.</param>
    /// <param name="overrides">User values, or null.</param>
    /// <param name="defaultPotential">
    /// Li potential to use when none is given, with its source (a coating defaults to its cathode's), or null for the table's.
    /// </param>
    public static (InterfacePhase Phase, IReadOnlyList<ParameterRow> Parameters) Resolve(string role, string name, PhaseOverrides? overrides = null,
        (double Volts, string Source)? defaultPotential = null)
    {
        var o = overrides ?? PhaseOverrides.None;
        var m = SpaceChargeMaterials.Get(name);
        double? x = role == "cathode" ? o.LiFraction ?? m.LiFraction?.Value : null;
        if (role != "cathode" && o.LiFraction is not null) throw new InterphaseException("a Li fraction applies to the cathode only");
        var basePhase = m.ToPhase(x);
        var phase = basePhase with
        {
            EpsilonR = o.EpsilonR ?? basePhase.EpsilonR,
            MobileDensityPerCm3 = o.MobileDensityPerCm3 ?? basePhase.MobileDensityPerCm3,
            SiteDensityPerCm3 = o.SiteDensityPerCm3 ?? basePhase.SiteDensityPerCm3,
            IonicConductivitySPerCm = o.IonicConductivitySPerCm ?? basePhase.IonicConductivitySPerCm,
            ElectronicCarrierDensityPerCm3 = o.ElectronicCarrierDensityPerCm3 is { } ne ? (ne > 0 ? ne : null) : basePhase.ElectronicCarrierDensityPerCm3,
        };
        phase.Validated();
        var (defaultV, vSource) = o.LiPotentialV is not null ? (0, "") : defaultPotential ?? m.DefaultPotential();
        double v = o.LiPotentialV ?? defaultV;
        string given = "given";
        string G(double d) => d.ToString("G4", CultureInfo.InvariantCulture);
        var rows = new List<ParameterRow>();
        void Add(string p, double value, bool isGiven, string source) => rows.Add(new ParameterRow(m.Name, role, p, value, isGiven ? given : source));
        Add("li_potential_v", v, o.LiPotentialV is not null, vSource);
        if (x is { } xf) Add("li_fraction", xf, o.LiFraction is not null, m.LiFraction!.Provenance);
        Add("epsilon_r", phase.EpsilonR, o.EpsilonR is not null, m.EpsilonR.Provenance);
        Add("mobile_density_cm3", phase.MobileDensityPerCm3, o.MobileDensityPerCm3 is not null,
            $"derived: {(x is { } xx ? G(xx) + " × " : "")}{G(m.LiPerFormula)} Li per {m.Formula} × ρN_A/M, ρ = {G(m.DensityGCm3.Value)} g/cm³ ({m.DensityGCm3.Provenance}); all Li taken as mobile");
        Add("site_density_cm3", phase.SiteDensityPerCm3, o.SiteDensityPerCm3 is not null,
            $"derived: {G(m.SitesPerLi.Value)} sites per Li ({m.SitesPerLi.Provenance})");
        if (phase.ElectronicCarrierDensityPerCm3 is { } n)
            Add("electronic_carrier_density_cm3", n, o.ElectronicCarrierDensityPerCm3 is not null,
                m.HolesPerExtractedLi is { } h ? $"derived: {G(h.Value)} hole per extracted Li × (1 − x) ({h.Provenance})" : "given");
        if (phase.IonicConductivitySPerCm is { } s) Add("ionic_conductivity_s_cm", s, o.IonicConductivitySPerCm is not null, m.IonicConductivitySPerCm.Provenance);
        return (new InterfacePhase(phase, v, o.LiPotentialV is not null ? given : vSource), rows);
    }
}
