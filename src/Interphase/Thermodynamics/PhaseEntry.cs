using Interphase.Chemistry;
using Interphase.Data;

namespace Interphase.Thermodynamics;

/// <summary>
/// An entry with its formation energy (eV/atom, against the lowest elemental entries of its data source), as the
/// thermodynamic analyses use it.
/// </summary>
public sealed class PhaseEntry
{
    internal PhaseEntry(Entry entry, double formationEnergyPerAtom, ChemicalSystem system)
    {
        Entry = entry;
        FormationEnergyPerAtom = formationEnergyPerAtom;
        System = system;
    }

    /// <summary>The underlying entry (composition as written, energy, provenance).</summary>
    public Entry Entry { get; }

    /// <summary>Formation energy, eV/atom.</summary>
    public double FormationEnergyPerAtom { get; }

    /// <summary>The entry's chemical system.</summary>
    public ChemicalSystem System { get; }

    /// <summary>Composition as written.</summary>
    public Composition Composition => Entry.Composition;

    /// <summary>Reduced formula, pymatgen style (e.g. <c>Li10Ge(PS6)2</c>).</summary>
    public string ReducedFormula => Entry.Composition.ReducedFormula;

    /// <summary>True for an entry of a single element.</summary>
    public bool IsElement => Entry.Composition.ElementCount == 1;

    /// <inheritdoc />
    public override string ToString() => $"{ReducedFormula} {FormationEnergyPerAtom:F5} eV/atom";
}
