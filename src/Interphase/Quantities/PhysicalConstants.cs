namespace Interphase.Quantities;

/// <summary>Physical constants used by the models (CODATA 2018; exact since the 2019 SI redefinition).</summary>
public static class PhysicalConstants
{
    /// <summary>Faraday constant, C/mol.</summary>
    public const double FaradayCPerMol = 96485.33212;

    /// <summary>Boltzmann constant, eV/K.</summary>
    public const double BoltzmannEvPerK = 8.617333262e-5;

    /// <summary>kJ/mol per eV (per particle): N_A·e/1000.</summary>
    public const double KjPerMolPerEv = 96.48533212;

    /// <summary>Elementary charge, C.</summary>
    public const double ElementaryChargeC = 1.602176634e-19;

    /// <summary>Vacuum permittivity ε0, F/m (CODATA 2018).</summary>
    public const double VacuumPermittivityFPerM = 8.8541878128e-12;

    /// <summary>Avogadro constant, 1/mol.</summary>
    public const double AvogadroPerMol = 6.02214076e23;

    /// <summary>0 °C in kelvin.</summary>
    public const double ZeroCelsiusK = 273.15;
}
