namespace Interphase.Bench;

/// <summary>
/// A side-by-side benchmark: times Interphase and the reference tool (pymatgen, SciPy, …) in one run and prints
/// ratios. Run with <c>dotnet run -c Release --project bench/Interphase.Bench -- NAME</c>.
/// Every implementation in this assembly is discovered by name.
/// </summary>
public interface IBenchSuite
{
    /// <summary>The name given on the command line.</summary>
    string Name { get; }

    /// <summary>What the suite measures, shown in the list of suites.</summary>
    string Description { get; }

    /// <summary>Runs the suite; returns a process exit code.</summary>
    int Run(string[] args);
}
