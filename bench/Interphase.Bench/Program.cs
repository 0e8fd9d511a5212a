using System.Reflection;
using BenchmarkDotNet.Running;
using Interphase.Bench;

// `-- NAME` runs a side-by-side suite; `-- bdn ...` hands the rest to BenchmarkDotNet's switcher.
var suites = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchSuite).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchSuite)Activator.CreateInstance(t)!)
    .OrderBy(s => s.Name, StringComparer.Ordinal)
    .ToList();

if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(IBenchSuite).Assembly).Run(args[1..]);
    return 0;
}
var suite = args.Length > 0 ? suites.FirstOrDefault(s => s.Name == args[0]) : null;
if (suite is null)
{
    Console.Error.WriteLine("usage: Interphase.Bench SUITE [options] | bdn [BenchmarkDotNet options]");
    foreach (var s in suites) Console.Error.WriteLine($"  {s.Name,-12} {s.Description}");
    return args.Length == 0 ? 0 : 2;
}
try
{
    return suite.Run(args[1..]);
}
catch (Interphase.InterphaseException ex)
{
    // e.g. INTERPHASE_SHARED pointing nowhere: the message says what to do, no stack trace.
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
