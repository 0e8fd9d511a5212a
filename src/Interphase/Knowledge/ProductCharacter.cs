namespace Interphase.Knowledge;

/// <summary>Electronic transport character of an interphase product.</summary>
public enum ElectronicCharacter
{
    /// <summary>Not known to the knowledge base.</summary>
    Unknown,
    /// <summary>Electronically insulating (blocks electron transport, so a layer of it can passivate).</summary>
    Insulating,
    /// <summary>Electronically conducting (metals, alloys, reduced transition-metal compounds): a layer keeps growing.</summary>
    Conducting,
    /// <summary>A gas at room temperature (O2, Cl2, SO2, …): it evolves instead of forming a layer, so it never passivates.</summary>
    Gas,
}

/// <summary>
/// What the knowledge base says about one interphase product: electronic character, whether it conducts Li ions,
/// the reason and the citation (seed file + section).
/// </summary>
/// <param name="Formula">Reduced formula, as pymatgen writes it (e.g. <c>Li2S</c>).</param>
/// <param name="Electronic">Electronic character.</param>
/// <param name="IonicConductor">True when it conducts Li+ (ionic), false when it blocks Li+, null when unknown.</param>
/// <param name="Reason">Short reason (e.g. "Li–Ge alloy", "wide-gap lithium salt").</param>
/// <param name="Citation">Seed file and section/table/figure the fact comes from, or the property source of a band gap.</param>
/// <param name="BandGapEv">The band gap the character was decided from, eV (null when it comes from the knowledge base).</param>
public sealed record ProductCharacter(string Formula, ElectronicCharacter Electronic, bool? IonicConductor, string Reason, string Citation,
    double? BandGapEv = null);

/// <summary>Looks up the electronic/ionic character of interphase products (the knowledge base owns the data).</summary>
public interface IProductCharacterSource
{
    /// <summary>The character of a product given by its reduced formula; <see cref="ElectronicCharacter.Unknown"/> when not known.</summary>
    ProductCharacter Classify(string reducedFormula);
}
