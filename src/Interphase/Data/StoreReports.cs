using Interphase.Properties;

namespace Interphase.Data;

/// <summary>An import into the store (<c>data import --json</c>).</summary>
/// <param name="Store">Store file.</param>
/// <param name="Source">Source name.</param>
/// <param name="Added">Entries written.</param>
/// <param name="Replaced">Entries of the same source that were replaced.</param>
/// <param name="ElapsedS">Wall time of the write, s.</param>
public sealed record ImportReport(string Store, string Source, int Added, int Replaced, double ElapsedS)
{
    /// <summary>The report of <paramref name="summary"/> written to <paramref name="store"/>.</summary>
    public static ImportReport Of(string store, ImportSummary summary) =>
        new(store, summary.Source, summary.Added, summary.Replaced, summary.Elapsed.TotalSeconds);
}

/// <summary>A property import into the store (<c>data import-properties --json</c>).</summary>
/// <param name="Store">Store file.</param>
/// <param name="Source">Source name.</param>
/// <param name="Property">Property name (<c>band_gap</c>, <c>shear_modulus</c>, …).</param>
/// <param name="Unit">Unit the values are stored in.</param>
/// <param name="ValueScale">Scale of the values in the file (log10 values are converted).</param>
/// <param name="Added">Values written.</param>
/// <param name="Replaced">Values of the same source and property that were replaced.</param>
/// <param name="ElapsedS">Wall time of the write, s.</param>
public sealed record PropertyImportReport(string Store, string Source, string Property, string Unit, ValueScale ValueScale,
    int Added, int Replaced, double ElapsedS);

/// <summary>The sources of a store (<c>data list --json</c> without <c>--chemsys</c>).</summary>
/// <param name="Store">Store file.</param>
/// <param name="Sources">Every source with its counts.</param>
/// <param name="AnalysesUse">The data the analyses use with this store.</param>
public sealed record SourceListing(string Store, IReadOnlyList<SourceSummary> Sources, DataInUse AnalysesUse);

/// <summary>One stored entry as listed.</summary>
/// <param name="Formula">Formula of the cell as stored.</param>
/// <param name="ReducedFormula">Reduced formula.</param>
/// <param name="EnergyEvPerAtom">Energy, eV/atom (a formation energy or a raw total energy: see <paramref name="Basis"/>).</param>
/// <param name="Basis">What the energy is.</param>
/// <param name="Source">Source name.</param>
/// <param name="SourceId">Id in the source (e.g. mp-1234).</param>
/// <param name="Functional">Functional, when recorded.</param>
/// <param name="CorrectionScheme">Energy correction scheme, when recorded.</param>
public sealed record EntryRow(string Formula, string ReducedFormula, double EnergyEvPerAtom, EnergyBasis Basis, string Source,
    string? SourceId, string? Functional, string? CorrectionScheme)
{
    /// <summary>The row of <paramref name="e"/>.</summary>
    public static EntryRow Of(Entry e) => new(e.Composition.FullFormula, e.ReducedFormula, e.EnergyPerAtom, e.Provenance.Basis,
        e.Provenance.Source, e.Provenance.SourceId, e.Provenance.Functional, e.Provenance.CorrectionScheme);
}

/// <summary>The entries of a chemical system and its sub-systems (<c>data list --chemsys --json</c>).</summary>
/// <param name="Chemsys">The system, elements sorted (e.g. <c>Li-P-S</c>).</param>
/// <param name="Entries">The entries.</param>
public sealed record EntryListing(string Chemsys, IReadOnlyList<EntryRow> Entries);

/// <summary>A source removed from the store (<c>data remove --json</c>).</summary>
/// <param name="Store">Store file.</param>
/// <param name="Source">Source name.</param>
/// <param name="Removed">Entries removed.</param>
public sealed record RemoveReport(string Store, string Source, int Removed);
