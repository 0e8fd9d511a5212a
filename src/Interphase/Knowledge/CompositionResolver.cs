using Interphase.Chemistry;

namespace Interphase.Knowledge;

/// <summary>
/// Compositions as people write them: a formula (non-integer amounts included, <c>Li2.9PO3.3N0.46</c>), or a name the
/// knowledge base knows (<c>LLZO</c>, <c>LPSCl</c>, <c>LGPS</c>, <c>garnet</c>), which stands for that material's formula.
/// The one place every command and the stack file turn text into a composition.
/// </summary>
public static class CompositionResolver
{
    /// <summary>
    /// The composition <paramref name="text"/> names: a knowledge-base material id (<c>LiPON</c>, which would also
    /// read as a formula) or a valid formula, else any other name or alias of a material with a formula.
    /// </summary>
    /// <exception cref="InterphaseException">Neither a formula nor a material the knowledge base gives a formula for
    /// (the formula's own error, with names that would have worked).</exception>
    public static Composition Resolve(string text, KnowledgeBase? knowledge = null)
    {
        var kb = knowledge ?? KnowledgeBase.Load();
        string t = text.Trim();
        var byId = kb.Materials.FirstOrDefault(m => string.Equals(m.Id, t, StringComparison.OrdinalIgnoreCase) && m.Formula is not null);
        if (byId is not null) return Composition.Parse(byId.Formula!);
        if (FormulaParser.TryParse(t, out var c, out var error)) return c!;
        if (kb.FindMaterial(t) is { Formula: { } f }) return Composition.Parse(f);
        throw new InterphaseException($"{error!.Message} (nor is it a material the knowledge base knows, e.g. {string.Join(", ", kb.Materials.Where(m => m.Formula is not null).Take(6).Select(m => m.Id))})");
    }
}
