using Interphase.Cell;
using Interphase.Knowledge;
using Interphase.Reporting;

namespace Interphase.Stacks;

/// <summary>The resistance budget and cell-level energy of a stack, from its inputs and the knowledge base.</summary>
public static class StackBudget
{
    /// <summary>
    /// Every resistance in series between the electrodes, each with its source: the cathode | electrolyte interface
    /// (the ASR the knowledge base reports for the same kind of cathode against the same electrolyte family, e.g. bare
    /// NMC | sulfide, Banerjee et al. 2020 §4.1.5), the coating's L/σ, the space-charge layers, each electrolyte layer's
    /// L/σ and the anode interface's reported ASR. Conductivities are at the stack's temperature: as given in the stack
    /// file, else the knowledge base's room-temperature value carried to the stack's temperature through the Arrhenius
    /// law where the knowledge base gives an activation energy (else said to be at 25 °C).
    /// </summary>
    public static IReadOnlyList<ResistanceItem> Resistance(CellStack stack, KnowledgeBase knowledge,
        IReadOnlyList<Interphase.SpaceCharge.StackSpaceChargeEntry>? spaceCharge = null)
    {
        var items = new List<ResistanceItem>();
        double j = stack.CurrentDensityMaPerCm2;
        var first = stack.Electrolytes[0];
        var firstMaterial = knowledge.FindMaterial(first.Composition.ReducedFormula) ?? knowledge.FindMaterial(first.Name);

        // Cathode side: a reported ASR of the bare cathode against this electrolyte (family); with a coating the bare
        // value does not apply, and the coating's own L/σ is listed instead.
        if (stack.CathodeCoating is null)
            items.Add(CathodeInterface(stack, knowledge, first, firstMaterial));
        else
            items.Add(CoatingItem(stack, stack.CathodeCoating, knowledge, j));

        foreach (var sc in spaceCharge ?? [])
        {
            if (stack.CathodeCoating is not null && sc.Interface.EndsWith("(without the coating)", StringComparison.Ordinal)) continue;
            if (sc.ResistanceOhmCm2 is not { } r)
                items.Add(new ResistanceItem($"space charge {sc.Interface}", null, null, sc.Basis));
            else if (double.IsPositiveInfinity(r))
                items.Add(new ResistanceItem($"space charge {sc.Interface} (blocking: Li⁺ fully depleted)", r, null, $"space-charge model ({sc.Basis})"));
            else
                items.Add(new ResistanceItem($"space charge {sc.Interface}", r, j * r,
                    $"space-charge model ({sc.Basis})" + (r < 0 ? "; negative: an excess term (the accumulated side conducts better than its bulk), not a resistor" : "")));
        }

        foreach (var layer in stack.Electrolytes)
        {
            var material = knowledge.FindMaterial(layer.Composition.ReducedFormula) ?? knowledge.FindMaterial(layer.Name);
            var (sigma, source) = layer.ConductivitySPerCm is { } given
                ? (given, "stack file")
                : ConductivityAt(material, stack.TemperatureC);
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
        else items.Add(new ResistanceItem($"{anodeSide.Name} | {stack.Anode.Name} interface", null, null, "no reported ASR in the knowledge base"));
        return items;
    }

    // The kind of cathode a reported interface names: its formula's transition metals (LiCoO2 → Co; NMC → Ni, Mn, Co).
    private static bool SameCathode(string reported, CathodeLayer cathode)
    {
        var metals = cathode.Composition.Elements.Select(e => e.Symbol).Where(s => s is not ("Li" or "O" or "P" or "F" or "S")).ToHashSet();
        string r = reported.Replace(" ", "");
        if (r.Equals("NMC", StringComparison.OrdinalIgnoreCase) || r.Equals("NCM", StringComparison.OrdinalIgnoreCase) || r.StartsWith("NMC", StringComparison.OrdinalIgnoreCase) || r.StartsWith("NCM", StringComparison.OrdinalIgnoreCase))
            return metals.SetEquals(["Ni", "Mn", "Co"]);
        return Chemistry.FormulaParser.TryParse(r, out var c, out _)
               && c!.Elements.Select(e => e.Symbol).Where(s => s is not ("Li" or "O" or "P" or "F" or "S")).ToHashSet().SetEquals(metals);
    }

    private static ResistanceItem CathodeInterface(CellStack stack, KnowledgeBase knowledge, ElectrolyteLayer first, Material? material)
    {
        string label = $"{stack.Cathode.Name} | {first.Name} interface";
        string? family = material?.Family;
        var reported = knowledge.Interfaces
            .Where(r => SameCathode(r.Electrode, stack.Cathode) && r.AsrBefore is { Dimension: "area_resistance" }
                        && (material is not null && r.MaterialId == material.Id || family is not null && string.Equals(r.ElectrolyteFamily, family, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(r => material is not null && r.MaterialId == material.Id)
            .ToList();
        if (reported.Count == 0)
            return new ResistanceItem(label, null, null, "no reported ASR of this cathode against this electrolyte (family) in the knowledge base");
        var rec = reported[0];
        double asr = rec.AsrBefore!.NormalizedValue;
        string grows = rec.Category == "cathode-coating" && rec.Asr is { Dimension: "area_resistance" } after && after.NormalizedValue > asr
            ? $", growing to {after.NormalizedValue:0.##} Ω·cm² on cycling" : "";
        return new ResistanceItem($"{label} (bare, as reported for {rec.Electrode} | {rec.Electrolyte}{grows})", asr, stack.CurrentDensityMaPerCm2 * asr,
            $"knowledge base: {rec.Citation}");
    }

    private static ResistanceItem CoatingItem(CellStack stack, CoatingLayer coating, KnowledgeBase knowledge, double j)
    {
        double nm = coating.ThicknessNm ?? Interphase.SpaceCharge.StackSpaceCharge.DefaultCoatingNm;
        string thickness = coating.ThicknessNm is null ? $"{nm:0.#} nm assumed" : $"{nm:0.#} nm";
        var material = knowledge.FindMaterial(coating.Composition.ReducedFormula) ?? knowledge.FindMaterial(coating.Name);
        var (sigma, source) = ConductivityAt(material, stack.TemperatureC);
        if (sigma is null && (Interphase.SpaceCharge.SpaceChargeMaterials.Find(coating.Name) ?? Interphase.SpaceCharge.SpaceChargeMaterials.Find(coating.Composition.ReducedFormula)) is { } m)
            (sigma, source) = (m.IonicConductivitySPerCm.Value, $"space-charge parameters: {m.IonicConductivitySPerCm.Provenance} (at 25 °C)");
        if (sigma is null)
            return new ResistanceItem($"{coating.Name} coating ({thickness})", null, null, "coating conductivity unknown");
        double asr = nm * 1e-7 / sigma.Value;
        return new ResistanceItem($"{coating.Name} coating ({thickness}, σ = {sigma.Value:0.##E+0} S/cm, L/σ)", asr, j * asr, source);
    }

    /// <summary>
    /// The knowledge base's ionic conductivity at <paramref name="temperatureC"/>: the room-temperature value, carried
    /// through σT = A·exp(−Eₐ/kT) (Xia et al., Chem 5, 753 (2019), Eq. 1) with the knowledge base's activation energy
    /// when the temperature differs from 25 °C by more than 1 K; without an activation energy the 25 °C value is
    /// returned and its source says so.
    /// </summary>
    public static (double? Value, string Source) ConductivityAt(Material? material, double temperatureC)
    {
        var (rt, source) = RoomTemperatureConductivity(material);
        if (rt is null || Math.Abs(temperatureC - 25) <= 1) return (rt, source);
        var ea = material!.Values("activation_energy").FirstOrDefault(v => v.Quantity is not null);
        if (ea is null) return (rt, $"{source}; at 25 °C: no activation energy in the knowledge base to carry it to {temperatureC:0.#} °C");
        double eaEv = ea.Quantity!.In("eV").Value;
        double t = temperatureC + Quantities.PhysicalConstants.ZeroCelsiusK;
        double sigma = Transport.ArrheniusModel.Through(298.15, rt.Value, eaEv).ConductivitySPerCm(t);
        return (sigma, $"{source}, carried to {temperatureC:0.#} °C with Eₐ = {eaEv:0.##} eV ({ea.Citation}) through σT = A·exp(−Eₐ/kT)");
    }

    /// <summary>Ohmic drop the budget allows, mV: the 50 mV of Wu et al.'s thickness example (Wu et al., J. Mater. Chem. A 4, 15266 (2016), §1).</summary>
    public const double AllowedDropMv = 50.0;

    /// <summary>
    /// The resistance budget's verdict: ok when the known drops add up to at most <see cref="AllowedDropMv"/> at the
    /// stack's current, warning above it (the cell loses that much voltage), info when a layer's conductivity is unknown.
    /// </summary>
    public static CheckResult Judge(CellStack stack, IReadOnlyList<ResistanceItem> items)
    {
        double total = items.Where(i => i.DropMv is { } d && double.IsFinite(d)).Sum(i => i.DropMv!.Value);
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
