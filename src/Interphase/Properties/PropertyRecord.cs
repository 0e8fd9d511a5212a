namespace Interphase.Properties;

/// <summary>
/// One stored value of a material property for one compound (one polymorph), with its provenance.
/// </summary>
/// <param name="Formula">Formula as written by the source (per cell, e.g. <c>Li24P4S20Cl4</c>).</param>
/// <param name="ReducedFormula">Reduced formula as pymatgen writes it (e.g. <c>Li6PS5Cl</c>), the lookup key.</param>
/// <param name="Property">Which property.</param>
/// <param name="Value">Value in the property's unit (<see cref="MaterialProperties.Unit"/>: eV, GPa, g/cm³ or none).</param>
/// <param name="Source">Source name (e.g. <c>mp_gap.csv</c>, <c>mp</c>).</param>
/// <param name="SourceId">The source's own identifier (e.g. <c>mp-1234</c>) when it has one.</param>
/// <param name="Line">Line of the file the value was read from, for file imports.</param>
/// <param name="Method">How the value was obtained (e.g. <c>PBE</c>, <c>VRH</c>, <c>experiment</c>) when known.</param>
/// <param name="FormationEnergyEvPerAtom">Formation energy of the same material (eV/atom) when the source links the
/// two (same source and id), else null.</param>
public sealed record PropertyRecord(string Formula, string ReducedFormula, MaterialProperty Property, double Value, string Source,
    string? SourceId = null, int? Line = null, string? Method = null, double? FormationEnergyEvPerAtom = null);
