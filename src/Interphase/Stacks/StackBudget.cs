using Interphase.Cell;
using Interphase.Knowledge;
using Interphase.Reporting;

namespace Interphase.Stacks;

/// <summary>The resistance budget and cell-level energy of a stack, from its inputs and the knowledge base.</summary>
public static class StackBudget
{
    /// <summary>
    /// Ohmic resistance of each electrolyte layer (L/σ, σ from the stack file or else the knowledge base's room-temperature
    /// value) and the interface ASRs the knowledge base reports for the same electrolyte against the same kind of electrode.
    /// </summary>
    public static IReadOnlyList<ResistanceItem> Resistance(CellStack stack, KnowledgeBase knowledge)
    {
        var items = new List<ResistanceItem>();
        double j = stack.CurrentDensityMaPerCm2;
        foreach (var layer in stack.Electrolytes)
        {
            var material = knowledge.FindMaterial(layer.Composition.ReducedFormula) ?? knowledge.FindMaterial(layer.Name);
            var (sigma, source) = layer.ConductivitySPerCm is { } given
                ? (given, "stack file")
                : RoomTemperatureConductivity(material);
            if (sigma is null)
            {
                items.Add(new ResistanceItem($"{layer.Name} ({layer.ThicknessUm:0.#} µm)", null, null, "conductivity unknown: give conductivity_s_cm"));
                continue;
            }
            double asr = OhmicLoss.AreaSpecificResistance(layer.ThicknessUm, sigma.Value);
            items.Add(new ResistanceItem($"{layer.Name} ({layer.ThicknessUm:0.#} µm, σ = {sigma.Value:0.##E+0} S/cm)", asr,
                OhmicLoss.VoltageDropMv(j, layer.ThicknessUm, sigma.Value), source));
        }

        // Reported interface ASRs of the electrolyte touching the anode, against the same anode kind.
        var anodeSide = stack.Electrolytes[^1];
        var anodeMaterial = knowledge.FindMaterial(anodeSide.Composition.ReducedFormula) ?? knowledge.FindMaterial(anodeSide.Name);
        if (anodeMaterial is not null)
        {
            string electrode = stack.Anode.Kind == AnodeKind.LithiumMetal ? "Li" : stack.Anode.Name;
            var reported = knowledge.InterfacesFor(anodeMaterial.Id)
                .Where(r => r.Asr is not null && r.Asr.Dimension == "area_resistance" && string.Equals(r.Electrode, electrode, StringComparison.OrdinalIgnoreCase))
                .Select(r => (Asr: r.Asr!.NormalizedValue, r.Citation))
                .OrderBy(r => r.Asr).ToList();
            if (reported.Count > 0)
            {
                double median = reported[reported.Count / 2].Asr;
                items.Add(new ResistanceItem($"{anodeSide.Name} | {stack.Anode.Name} interface (reported median of {reported.Count}, range {reported[0].Asr:0.##}–{reported[^1].Asr:0.##} Ω·cm²)",
                    median, j * median, $"knowledge base, e.g. {reported[reported.Count / 2].Citation}"));
            }
            else items.Add(new ResistanceItem($"{anodeSide.Name} | {stack.Anode.Name} interface", null, null, "no reported ASR in the knowledge base"));
        }
        return items;
    }

    /// <summary>Ohmic drop the budget allows, mV: the 50 mV of Wu et al.'s thickness example (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §1).</summary>
    public const double AllowedDropMv = 50.0;

    /// <summary>
    /// The resistance budget's verdict: ok when the known drops add up to at most <see cref="AllowedDropMv"/> at the
    /// stack's current, warning above it (the cell loses that much voltage), info when a layer's conductivity is unknown.
    /// </summary>
    public static CheckResult Judge(CellStack stack, IReadOnlyList<ResistanceItem> items)
    {
        double total = items.Sum(i => i.DropMv ?? 0);
        var unknownLayers = items.Where(i => i.AsrOhmCm2 is null && i.Source.StartsWith("conductivity unknown", StringComparison.Ordinal)).Select(i => i.Item).ToList();
        string sum = $"{total:0.#} mV at {stack.CurrentDensityMaPerCm2:0.###} mA/cm² from the known layers and interfaces";
        if (total > AllowedDropMv)
            return new CheckResult(Verdict.Warning, $"warning: {sum}, more than the {AllowedDropMv:0} mV ohmic loss allowed (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §1)");
        if (unknownLayers.Count > 0)
            return new CheckResult(Verdict.Info, $"{sum}; incomplete: {string.Join(", ", unknownLayers)} without a conductivity");
        return new CheckResult(Verdict.Ok, $"ok: {sum}, within the {AllowedDropMv:0} mV allowed (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §1)");
    }

    /// <summary>The knowledge base's ionic conductivity at room temperature (the first room-temperature value), S/cm.</summary>
    public static (double? Value, string Source) RoomTemperatureConductivity(Material? material)
    {
        if (material is null) return (null, "unknown");
        var values = material.Values("ionic_conductivity").Where(v => v.Quantity is not null).ToList();
        var rt = values.FirstOrDefault(v => v.Conditions.TemperatureK is null or (> 290 and < 305)) ?? values.FirstOrDefault();
        return rt is null ? (null, "unknown") : (rt.Quantity!.NormalizedValue, $"knowledge base: {rt.Citation}");
    }

    /// <summary>Shear modulus (GPa) from the knowledge base: reported G, or E/[2(1+ν)] with ν = 0.25 from Young's modulus.</summary>
    public static double? ShearModulusGPa(Material? material)
    {
        if (material is null) return null;
        var g = material.Values("shear_modulus").FirstOrDefault(v => v.Quantity is not null);
        if (g is not null) return g.Quantity!.In("GPa").Value;
        var e = material.Values("youngs_modulus").FirstOrDefault(v => v.Quantity is not null);
        return e is null ? null : Anode.MonroeNewman.ShearModulus(e.Quantity!.In("GPa").Value, 0.25);
    }
}
