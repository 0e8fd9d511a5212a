namespace Interphase.Stacks;

/// <summary>The JSON shape of a stack analysis: plain values only (formulas as strings, energies in eV/atom, V vs Li/Li+).</summary>
public static class StackJson
{
    /// <summary>Converts an analysis to a serialisable object.</summary>
    public static object From(StackAnalysis a) => new
    {
        stack = a.Stack.Name,
        overall = a.Overall.ToString().ToLowerInvariant(),
        summary = a.Summary.Select(c => new { check = c.Check, subject = c.Subject, verdict = c.Verdict.ToString().ToLowerInvariant(), reason = c.Reason }),
        windows = a.Windows.Select(w => new
        {
            layer = w.Layer, formula = w.Formula, role = w.Role,
            reduction_volts = w.ReductionVolts, oxidation_volts = w.OxidationVolts,
            faces_min_volts = w.FacesMinVolts, faces_max_volts = w.FacesMaxVolts, sides = w.Sides,
            verdict = w.Verdict.ToString().ToLowerInvariant(), reason = w.Reason,
            products_at_min = w.ProductsAtMin, products_at_max = w.ProductsAtMax,
            data_status = w.Basis?.StatusName, e_above_hull_ev_per_atom = w.Basis?.EnergyAboveHullEvPerAtom,
            window_phases = w.Basis?.PhaseFormulas, data_note = w.Basis?.Explanation,
        }),
        interfaces = a.Interfaces.Select(i => new
        {
            @interface = i.Interface.Label,
            side = i.Interface.Side.ToString().ToLowerInvariant(),
            min_volts = i.Interface.MinVolts, max_volts = i.Interface.MaxVolts,
            reactions = i.Reactions.Select(r => new
            {
                kind = r.Kind, positive = r.Positive, negative = r.Negative, volts = r.Volts,
                e_rxn_per_atom = r.EnergyEvPerAtom, e_mixing_per_atom = r.MixingEnergyEvPerAtom, x = r.MixingFraction, products = r.Products, reaction = r.Reaction,
            }),
            interphase = StackAnalyzer.Describe(i.Interphase.Kind),
            interphase_reason = i.Interphase.Reason,
            products = i.Interphase.Products.Select(p => new { formula = p.Formula, electronic = p.Electronic.ToString().ToLowerInvariant(), ionic = p.IonicConductor, reason = p.Reason, band_gap_ev = p.BandGapEv, citation = p.Citation }),
            verdict = i.Verdict.ToString().ToLowerInvariant(),
            reasons = i.Reasons,
            recommendations = i.Recommendations.Select(r => new { formula = r.Formula, score = r.Score, summary = r.Summary }),
        }),
        mechanics = new
        {
            applies = a.Mechanics.Applies,
            shear_modulus_gpa = a.Mechanics.MonroeNewman?.ElectrolyteShearGpa,
            shear_modulus_source = a.Mechanics.ShearModulusSource,
            monroe_newman_passes = a.Mechanics.MonroeNewman?.Passes,
            critical_stripping_ma_per_cm2 = a.Mechanics.Stripping?.CriticalMaPerCm2,
            stripping_within_model_range = a.Mechanics.Stripping?.WithinModelRange,
            short_circuit_risk = a.Mechanics.Stripping?.ShortCircuitRisk,
            creep_penetration_limit_mpa = a.Mechanics.Stripping?.Penetration?.MaxPressureMPa,
            current_density_ma_per_cm2 = a.Mechanics.CurrentDensityMaPerCm2,
            verdict = a.Mechanics.Verdict.ToString().ToLowerInvariant(),
            reasons = a.Mechanics.Reasons,
        },
        resistance = a.Resistance.Select(r => new { item = r.Item, asr_ohm_cm2 = r.AsrOhmCm2, drop_mv = r.DropMv, source = r.Source }),
        space_charge = a.SpaceCharge.Select(x => new
        {
            @interface = x.Interface, driving_potential_v = x.DrivingPotentialV, electrolyte_drop_v = x.ElectrolyteDropV,
            electrolyte_width_nm = x.ElectrolyteWidthNm, electrolyte_li_at_contact = x.ElectrolyteLiAtContact,
            resistance_ohm_cm2 = x.ResistanceOhmCm2 is { } r && double.IsFinite(r) ? r : (double?)null,
            blocking = x.ResistanceOhmCm2 is { } rb && double.IsPositiveInfinity(rb), capacitance_uf_per_cm2 = x.CapacitanceUfPerCm2, arc_frequency_hz = x.ArcFrequencyHz, basis = x.Basis,
        }),
        energy = new
        {
            specific_energy_wh_per_kg = a.Energy.SpecificEnergyWhPerKg,
            energy_density_wh_per_l = a.Energy.EnergyDensityWhPerL,
            reference_specific_energy_wh_per_kg = a.Energy.ReferenceSpecificEnergyWhPerKg,
            reference_energy_density_wh_per_l = a.Energy.ReferenceEnergyDensityWhPerL,
            basis = a.Energy.Basis,
            missing = a.Energy.Missing,
            assumptions = a.Energy.Assumptions,
            densities = a.Energy.Densities.Select(d => new { layer = d.Layer, density_g_per_cm3 = d.DensityGPerCm3, source = d.Source }),
            layers = a.Energy.Layers,
            cell = a.Energy.Cell,
        },
    };
}
