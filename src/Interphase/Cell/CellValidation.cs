namespace Interphase.Cell;

/// <summary>Checks a <see cref="CellSpec"/> for impossible values, naming the offending key.</summary>
internal static class CellValidation
{
    /// <summary>Throws <see cref="InterphaseException"/> naming the first impossible value.</summary>
    public static void Validate(CellSpec cell)
    {
        Positive(cell.AverageVoltageV, "average_voltage_v");
        var kind = cell.Electrolyte.Kind?.Trim().ToLowerInvariant();
        if (kind is not ("liquid" or "solid"))
            throw new InterphaseException($"electrolyte.kind must be 'liquid' or 'solid', not '{cell.Electrolyte.Kind}'");
        if (cell.Electrolyte.IsLiquid)
        {
            if (cell.Electrolyte.DensityGPerCm3 is not { } rho)
                throw new InterphaseException("electrolyte.density_g_per_cm3 is required for a liquid electrolyte (it fills every pore)");
            Density(rho, "electrolyte.density_g_per_cm3");
        }

        Electrode(cell.Cathode, "cathode");
        if (cell.Cathode.LoadingMgPerCm2 is not { } loading)
            throw new InterphaseException("cathode.loading_mg_per_cm2 is required (active-material loading sets the capacity)");
        if (Quantities.PhysicalLimits.LoadingProblem(loading) is { } loadingProblem)
            throw new InterphaseException($"cathode.loading_mg_per_cm2 {loadingProblem}");
        if (cell.Cathode.Excess is not null)
            throw new InterphaseException("cathode.excess is not allowed: the excess belongs to the anode");

        if (cell.Anode is { } anode)
        {
            Electrode(anode, "anode");
            if (anode.LoadingMgPerCm2 is not null)
                throw new InterphaseException("anode.loading_mg_per_cm2 is not allowed: the anode is sized from the cathode capacity and anode.excess");
            if (anode.Excess is { } excess) NonNegative(excess, "anode.excess");
        }

        var s = cell.Separator;
        NonNegative(s.ThicknessUm, "separator.thickness_um");
        Density(s.DensityGPerCm3, "separator.density_g_per_cm3");
        Porosity(s.Porosity, "separator.porosity");

        Foil(cell.CurrentCollectors.Cathode, "current_collectors.cathode");
        Foil(cell.CurrentCollectors.Anode, "current_collectors.anode");
    }

    private static void Electrode(ElectrodeSpec e, string key)
    {
        Porosity(e.Porosity, $"{key}.porosity");
        if (e.Components.Count == 0)
            throw new InterphaseException($"{key}.components is empty");
        int actives = e.Components.Count(c => c.Active);
        if (actives != 1)
            throw new InterphaseException($"{key}.components must have exactly one 'active: true' component (found {actives})");
        int fills = e.Components.Count(c => c.Fill);
        if (fills > 1)
            throw new InterphaseException($"{key}.components may have at most one 'fill: true' component (found {fills})");

        for (int i = 0; i < e.Components.Count; i++)
        {
            var c = e.Components[i];
            string ck = $"{key}.components[{i}] ({c.Name})";
            Density(c.DensityGPerCm3, $"{ck}.density_g_per_cm3");
            if (c.Active)
            {
                if (c.Fill) throw new InterphaseException($"{ck}: the active component cannot be the fill component");
                if (c.CapacityMahPerG is not { } cap)
                    throw new InterphaseException($"{ck}.capacity_mah_per_g is required for the active component");
                Positive(cap, $"{ck}.capacity_mah_per_g");
            }
            else if (c.CapacityMahPerG is not null)
                throw new InterphaseException($"{ck}.capacity_mah_per_g is only allowed on the active component");

            if (c.Fill)
            {
                if (c.WeightFraction is not null)
                    throw new InterphaseException($"{ck}.weight_fraction is not allowed on the fill component: it follows from the thickness");
            }
            else
            {
                if (c.WeightFraction is not { } wf)
                    throw new InterphaseException($"{ck}.weight_fraction is required");
                if (!(wf > 0 && wf <= 1))
                    throw new InterphaseException($"{ck}.weight_fraction = {wf} must be in (0, 1]");
            }
        }

        if (fills == 1)
        {
            if (e.ThicknessUm is not { } t)
                throw new InterphaseException($"{key}.thickness_um is required with a 'fill: true' component");
            Positive(t, $"{key}.thickness_um");
        }
        else
        {
            if (e.ThicknessUm is not null)
                throw new InterphaseException($"{key}.thickness_um needs a 'fill: true' component (otherwise the thickness follows from the composition)");
            double sum = e.Components.Sum(c => c.WeightFraction!.Value);
            if (Math.Abs(sum - 1.0) > 1e-3)
                throw new InterphaseException($"{key}.components weight fractions sum to {sum:G6}, not 1");
        }
    }

    private static void Foil(FoilSpec? f, string key)
    {
        if (f is null) return;
        NonNegative(f.ThicknessUm, $"{key}.thickness_um");
        Density(f.DensityGPerCm3, $"{key}.density_g_per_cm3");
    }

    internal static void Positive(double v, string key)
    {
        if (!(v > 0) || double.IsInfinity(v))
            throw new InterphaseException($"{key} = {v} must be positive");
    }

    internal static void Density(double v, string key)
    {
        if (Quantities.PhysicalLimits.DensityProblem(v) is { } problem)
            throw new InterphaseException($"{key} {problem}");
    }

    internal static void NonNegative(double v, string key)
    {
        if (!(v >= 0) || double.IsInfinity(v))
            throw new InterphaseException($"{key} = {v} must not be negative");
    }

    internal static void Porosity(double v, string key)
    {
        if (!(v >= 0 && v < 1))
            throw new InterphaseException($"{key} = {v} must be in [0, 1)");
    }
}
