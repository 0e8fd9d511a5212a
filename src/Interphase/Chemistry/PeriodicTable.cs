namespace Interphase.Chemistry;

/// <summary>
/// The elements H (Z = 1) to Lr (Z = 103): symbol, atomic number, name, standard atomic mass (g/mol) and Pauling
/// electronegativity (NaN where none is defined). The electronegativities order elements in formulas the way
/// pymatgen writes them (most electropositive first), so formulas compare with pymatgen's output.
/// </summary>
public static class PeriodicTable
{
    private static readonly Element[] ByZ =
    [
        new("H", 1, "Hydrogen", 1.00794, 2.2),
        new("He", 2, "Helium", 4.002602, double.NaN),
        new("Li", 3, "Lithium", 6.941, 0.98),
        new("Be", 4, "Beryllium", 9.012182, 1.57),
        new("B", 5, "Boron", 10.811, 2.04),
        new("C", 6, "Carbon", 12.0107, 2.55),
        new("N", 7, "Nitrogen", 14.0067, 3.04),
        new("O", 8, "Oxygen", 15.9994, 3.44),
        new("F", 9, "Fluorine", 18.9984032, 3.98),
        new("Ne", 10, "Neon", 20.1797, double.NaN),
        new("Na", 11, "Sodium", 22.98976928, 0.93),
        new("Mg", 12, "Magnesium", 24.305, 1.31),
        new("Al", 13, "Aluminum", 26.9815386, 1.61),
        new("Si", 14, "Silicon", 28.0855, 1.9),
        new("P", 15, "Phosphorus", 30.973762, 2.19),
        new("S", 16, "Sulfur", 32.065, 2.58),
        new("Cl", 17, "Chlorine", 35.453, 3.16),
        new("Ar", 18, "Argon", 39.948, double.NaN),
        new("K", 19, "Potassium", 39.0983, 0.82),
        new("Ca", 20, "Calcium", 40.078, 1.0),
        new("Sc", 21, "Scandium", 44.955912, 1.36),
        new("Ti", 22, "Titanium", 47.867, 1.54),
        new("V", 23, "Vanadium", 50.9415, 1.63),
        new("Cr", 24, "Chromium", 51.9961, 1.66),
        new("Mn", 25, "Manganese", 54.938045, 1.55),
        new("Fe", 26, "Iron", 55.845, 1.83),
        new("Co", 27, "Cobalt", 58.933195, 1.88),
        new("Ni", 28, "Nickel", 58.6934, 1.91),
        new("Cu", 29, "Copper", 63.546, 1.9),
        new("Zn", 30, "Zinc", 65.409, 1.65),
        new("Ga", 31, "Gallium", 69.723, 1.81),
        new("Ge", 32, "Germanium", 72.64, 2.01),
        new("As", 33, "Arsenic", 74.9216, 2.18),
        new("Se", 34, "Selenium", 78.96, 2.55),
        new("Br", 35, "Bromine", 79.904, 2.96),
        new("Kr", 36, "Krypton", 83.798, 3.0),
        new("Rb", 37, "Rubidium", 85.4678, 0.82),
        new("Sr", 38, "Strontium", 87.62, 0.95),
        new("Y", 39, "Yttrium", 88.90585, 1.22),
        new("Zr", 40, "Zirconium", 91.224, 1.33),
        new("Nb", 41, "Niobium", 92.90638, 1.6),
        new("Mo", 42, "Molybdenum", 95.94, 2.16),
        new("Tc", 43, "Technetium", 98.0, 1.9),
        new("Ru", 44, "Ruthenium", 101.07, 2.2),
        new("Rh", 45, "Rhodium", 102.9055, 2.28),
        new("Pd", 46, "Palladium", 106.42, 2.2),
        new("Ag", 47, "Silver", 107.8682, 1.93),
        new("Cd", 48, "Cadmium", 112.411, 1.69),
        new("In", 49, "Indium", 114.818, 1.78),
        new("Sn", 50, "Tin", 118.71, 1.96),
        new("Sb", 51, "Antimony", 121.76, 2.05),
        new("Te", 52, "Tellurium", 127.6, 2.1),
        new("I", 53, "Iodine", 126.90447, 2.66),
        new("Xe", 54, "Xenon", 131.293, 2.6),
        new("Cs", 55, "Cesium", 132.9054519, 0.79),
        new("Ba", 56, "Barium", 137.327, 0.89),
        new("La", 57, "Lanthanum", 138.90547, 1.1),
        new("Ce", 58, "Cerium", 140.116, 1.12),
        new("Pr", 59, "Praseodymium", 140.90765, 1.13),
        new("Nd", 60, "Neodymium", 144.242, 1.14),
        new("Pm", 61, "Promethium", 145.0, 1.13),
        new("Sm", 62, "Samarium", 150.36, 1.17),
        new("Eu", 63, "Europium", 151.964, 1.2),
        new("Gd", 64, "Gadolinium", 157.25, 1.2),
        new("Tb", 65, "Terbium", 158.92535, 1.1),
        new("Dy", 66, "Dysprosium", 162.5, 1.22),
        new("Ho", 67, "Holmium", 164.93032, 1.23),
        new("Er", 68, "Erbium", 167.259, 1.24),
        new("Tm", 69, "Thulium", 168.93421, 1.25),
        new("Yb", 70, "Ytterbium", 173.04, 1.1),
        new("Lu", 71, "Lutetium", 174.967, 1.27),
        new("Hf", 72, "Hafnium", 178.49, 1.3),
        new("Ta", 73, "Tantalum", 180.94788, 1.5),
        new("W", 74, "Tungsten", 183.84, 2.36),
        new("Re", 75, "Rhenium", 186.207, 1.9),
        new("Os", 76, "Osmium", 190.23, 2.2),
        new("Ir", 77, "Iridium", 192.217, 2.2),
        new("Pt", 78, "Platinum", 195.084, 2.28),
        new("Au", 79, "Gold", 196.966569, 2.54),
        new("Hg", 80, "Mercury", 200.59, 2.0),
        new("Tl", 81, "Thallium", 204.3833, 1.62),
        new("Pb", 82, "Lead", 207.2, 2.33),
        new("Bi", 83, "Bismuth", 208.9804, 2.02),
        new("Po", 84, "Polonium", 210.0, 2.0),
        new("At", 85, "Astatine", 210.0, 2.2),
        new("Rn", 86, "Radon", 220.0, 2.2),
        new("Fr", 87, "Francium", 223.0, 0.7),
        new("Ra", 88, "Radium", 226.0, 0.9),
        new("Ac", 89, "Actinium", 227.0, 1.1),
        new("Th", 90, "Thorium", 232.03806, 1.3),
        new("Pa", 91, "Protactinium", 231.03588, 1.5),
        new("U", 92, "Uranium", 238.02891, 1.38),
        new("Np", 93, "Neptunium", 237.0, 1.36),
        new("Pu", 94, "Plutonium", 244.0, 1.28),
        new("Am", 95, "Americium", 243.0, 1.3),
        new("Cm", 96, "Curium", 247.0, 1.3),
        new("Bk", 97, "Berkelium", 247.0, 1.3),
        new("Cf", 98, "Californium", 251.0, 1.3),
        new("Es", 99, "Einsteinium", 252.0, 1.3),
        new("Fm", 100, "Fermium", 257.0, 1.3),
        new("Md", 101, "Mendelevium", 258.0, 1.3),
        new("No", 102, "Nobelium", 259.0, 1.3),
        new("Lr", 103, "Lawrencium", 262.0, 1.3),
    ];

    private static readonly Dictionary<string, Element> BySymbolMap =
        ByZ.ToDictionary(e => e.Symbol, StringComparer.Ordinal);

    /// <summary>All elements in order of atomic number.</summary>
    public static IReadOnlyList<Element> Elements => ByZ;

    /// <summary>The element with this atomic number (1–103).</summary>
    /// <exception cref="InterphaseException">No element has that atomic number here.</exception>
    public static Element FromZ(int z) =>
        z >= 1 && z <= ByZ.Length ? ByZ[z - 1] : throw new InterphaseException($"no element with atomic number {z} (known: 1–{ByZ.Length})");

    /// <summary>The element with this symbol (case-sensitive, e.g. "Co"), or null.</summary>
    public static Element? TryGet(string symbol) => BySymbolMap.GetValueOrDefault(symbol);

    /// <summary>The element with this symbol (case-sensitive).</summary>
    /// <exception cref="InterphaseException">Unknown symbol.</exception>
    public static Element Get(string symbol) =>
        TryGet(symbol) ?? throw new InterphaseException($"unknown element '{symbol}'");
}
