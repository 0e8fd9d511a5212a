using Interphase.Chemistry;

namespace Interphase.Data;

/// <summary>What an entry's energy is measured against.</summary>
public enum EnergyBasis
{
    /// <summary>Formation energy from the elements (elemental references at 0 eV/atom).</summary>
    Formation,
    /// <summary>Raw total energy from a DFT code (with any corrections applied), only comparable within one source.</summary>
    RawTotal,
}

/// <summary>Where an entry comes from.</summary>
/// <param name="Source">Source name, e.g. "mp_e_form.csv", "materials-project", "oqmd".</param>
/// <param name="SourceId">The source's own identifier (e.g. "mp-1234"), or the row number in a file.</param>
/// <param name="Basis">Whether the energy is a formation energy or a raw total energy.</param>
/// <param name="Functional">Exchange–correlation functional when known (e.g. "GGA", "GGA+U", "r2SCAN").</param>
/// <param name="CorrectionScheme">Energy correction scheme when known (e.g. "MaterialsProject2020Compatibility").</param>
public sealed record Provenance(string Source, string? SourceId = null, EnergyBasis Basis = EnergyBasis.Formation,
    string? Functional = null, string? CorrectionScheme = null);

/// <summary>
/// A thermodynamic entry: a composition, its energy and where it comes from. <see cref="Energy"/> is in eV for the
/// composition as written (e.g. for Li12P4S16, 32 atoms' worth); <see cref="EnergyPerAtom"/> in eV/atom.
/// </summary>
public sealed class Entry
{
    /// <summary>Creates an entry.</summary>
    /// <param name="composition">Composition as written (not reduced).</param>
    /// <param name="energy">Energy of that composition, eV (total, not per atom).</param>
    /// <param name="provenance">Where it comes from.</param>
    /// <exception cref="InterphaseException">Empty composition or non-finite energy.</exception>
    public Entry(Composition composition, double energy, Provenance provenance)
    {
        if (composition.NumAtoms <= 0) throw new InterphaseException("an entry needs a non-empty composition");
        if (!double.IsFinite(energy)) throw new InterphaseException($"entry {composition}: energy is not a finite number");
        Composition = composition;
        Energy = energy;
        Provenance = provenance;
    }

    /// <summary>Creates an entry from an energy per atom (eV/atom).</summary>
    public static Entry FromEnergyPerAtom(Composition composition, double energyPerAtom, Provenance provenance) =>
        new(composition, energyPerAtom * composition.NumAtoms, provenance);

    /// <summary>Composition as written.</summary>
    public Composition Composition { get; }

    /// <summary>Energy of <see cref="Composition"/>, eV.</summary>
    public double Energy { get; }

    /// <summary>Energy per atom, eV/atom.</summary>
    public double EnergyPerAtom => Energy / Composition.NumAtoms;

    /// <summary>Where the entry comes from.</summary>
    public Provenance Provenance { get; }

    /// <summary>Reduced formula (pymatgen style).</summary>
    public string ReducedFormula => Composition.ReducedFormula;

    /// <inheritdoc />
    public override string ToString() => $"{Composition} {EnergyPerAtom:F5} eV/atom ({Provenance.Source}{(Provenance.SourceId is null ? "" : ":" + Provenance.SourceId)})";
}
