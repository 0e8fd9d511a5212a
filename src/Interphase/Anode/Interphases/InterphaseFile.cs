using Interphase.Chemistry;
using Interphase.Knowledge;

namespace Interphase.Anode.Interphases;

/// <summary>
/// The YAML layout of an interphase input (<c>interphase anode classify FILE.yaml</c>): an electrolyte, its reduction
/// products and reaction energy, optionally product characters that override the knowledge base.
/// </summary>
public sealed class InterphaseFile
{
    /// <summary>True when <paramref name="argument"/> names a YAML file rather than a formula.</summary>
    public static bool IsInterphaseFile(string argument) =>
        argument.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || argument.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads and validates a file: the classifier input and the product characters (the file's overrides in front of
    /// <paramref name="characters"/>).
    /// </summary>
    /// <exception cref="InterphaseException">Missing file, malformed YAML, a missing electrolyte or a malformed formula, naming the key.</exception>
    public static (InterphaseInput Input, IProductCharacterSource Characters) Load(string path, IProductCharacterSource characters)
    {
        var f = YamlInput.Load<InterphaseFile>(path);
        if (string.IsNullOrWhiteSpace(f.Electrolyte)) throw new InterphaseException($"{path}: electrolyte is required");
        CheckFormula(path, "electrolyte", f.Electrolyte);
        for (int i = 0; i < f.Products.Count; i++) CheckFormula(path, $"products[{i}]", f.Products[i]);
        for (int i = 0; i < f.Characters.Count; i++) CheckFormula(path, $"characters[{i}].formula", f.Characters[i].Formula);
        var input = new InterphaseInput(f.Electrolyte, f.Products, f.ReactionEnergyEvPerAtom, f.AnodePotentialV);
        var source = f.Characters.Count > 0 ? new ProductCharacterOverrides(f.Characters.Select(c => c.ToCharacter(path)), characters) : characters;
        return (input, source);
    }

    private static void CheckFormula(string file, string key, string? formula)
    {
        try { Composition.Parse(formula ?? ""); }
        catch (FormulaException ex) { throw new InterphaseException($"{file}: {key}: {ex.Message}", ex); }
    }

    /// <summary>Electrolyte.</summary>
    public string Electrolyte { get; set; } = "";
    /// <summary>Reduction products (reduced formulas).</summary>
    public List<string> Products { get; set; } = new();
    /// <summary>Reaction energy at the anode potential, eV/atom.</summary>
    public double ReactionEnergyEvPerAtom { get; set; }
    /// <summary>Anode potential, V vs Li/Li+.</summary>
    public double AnodePotentialV { get; set; }
    /// <summary>Product characters overriding the knowledge base.</summary>
    public List<CharacterEntry> Characters { get; set; } = new();
    /// <summary>Free text.</summary>
    public string? Source { get; set; }
    /// <summary>Free text.</summary>
    public string? Notes { get; set; }

    /// <summary>One product character given in the file.</summary>
    public sealed class CharacterEntry
    {
        /// <summary>Reduced formula.</summary>
        public string Formula { get; set; } = "";
        /// <summary>insulating, conducting or unknown.</summary>
        public string Electronic { get; set; } = "unknown";
        /// <summary>Li+ conductor?</summary>
        public bool? IonicConductor { get; set; }
        /// <summary>Reason.</summary>
        public string Reason { get; set; } = "given in the input file";

        /// <summary>The character as the classifier uses it; <paramref name="file"/> names the input in errors and as citation.</summary>
        /// <exception cref="InterphaseException">An electronic character other than insulating, conducting or unknown.</exception>
        public ProductCharacter ToCharacter(string file) => new(Formula,
            Electronic.Trim().ToLowerInvariant() switch
            {
                "insulating" => ElectronicCharacter.Insulating,
                "conducting" => ElectronicCharacter.Conducting,
                "unknown" => ElectronicCharacter.Unknown,
                var x => throw new InterphaseException($"{file}: characters: electronic '{x}' must be insulating, conducting or unknown"),
            }, IonicConductor, Reason, file);
    }
}
