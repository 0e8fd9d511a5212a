using System.CommandLine;
using System.Globalization;
using Spectre.Console;

namespace Interphase.Cli;

/// <summary>Shared options and output helpers: every command offers a human table and <c>--json</c>.</summary>
public static class CliOutput
{
    /// <summary>The <c>--json</c> flag; create one per command (System.CommandLine options cannot be shared).</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Write machine-readable JSON to stdout instead of a table" };

    /// <summary>Serialises a result to stdout as JSON.</summary>
    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonOutput.Serialize(value));

    /// <summary>
    /// Runs a command body, turning user-facing errors into a message on stderr and exit code 2
    /// (1 is left for System.CommandLine's own parse errors). Any other exception is a bug: it is reported in one
    /// line with exit code 70 (EX_SOFTWARE), and its stack trace only when <c>INTERPHASE_DEBUG</c> is set.
    /// </summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception ex)
        {
            // Parallel code wraps the user's error in an AggregateException: report the error itself.
            var error = ex is AggregateException agg ? agg.Flatten().InnerExceptions.FirstOrDefault(i => i is InterphaseException) ?? ex : ex;
            switch (error)
            {
                case InterphaseException or IOException or UnauthorizedAccessException:
                    Console.Error.WriteLine($"error: {Capped(error.Message)}");
                    return 2;
                case System.Data.Common.DbException db:
                    Console.Error.WriteLine($"error: entry store: {Capped(db.Message)}");
                    return 2;
                case OperationCanceledException:
                    Console.Error.WriteLine("error: cancelled");
                    return 130;
                default:
                    Console.Error.WriteLine($"error: internal error ({error.GetType().Name}: {Capped(error.Message)}); please report it" +
                        (Environment.GetEnvironmentVariable("INTERPHASE_DEBUG") is { Length: > 0 } ? Environment.NewLine + error : " (set INTERPHASE_DEBUG=1 for details)"));
                    return 70;
            }
        }
    }

    /// <summary>Longest error message printed, in characters (messages quote the user's input).</summary>
    public const int MaxMessageLength = 2000;

    private static string Capped(string message) =>
        message.Length <= MaxMessageLength ? message : $"{message[..MaxMessageLength]}… ({message.Length - MaxMessageLength:N0} more characters)";

    /// <summary>Width used when output is not a terminal and <c>COLUMNS</c> is unset: wide enough that no cell wraps or is cut.</summary>
    public const int UnboundedWidth = 10_000;

    /// <summary>
    /// Sets the table width of <paramref name="console"/>: <c>COLUMNS</c> when it is a positive number; otherwise, when
    /// output is not a terminal (piped or redirected), <see cref="UnboundedWidth"/> so that tables keep every cell whole
    /// on one line; otherwise the terminal's own width.
    /// </summary>
    public static void ApplyWidth(IAnsiConsole console, bool outputRedirected, string? columns)
    {
        if (int.TryParse(columns, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int c) && c > 0)
            console.Profile.Width = c;
        else if (outputRedirected)
            console.Profile.Width = UnboundedWidth;
    }

    /// <summary>
    /// The one number format of the tables: four significant digits, invariant culture, "—" for a value that is not
    /// defined (NaN). Commands import it with <c>using static</c>.
    /// </summary>
    public static string G(double value) => double.IsNaN(value) ? "—" : value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A number with a fixed number of decimals (invariant culture), "—" for NaN.</summary>
    public static string F(double value, int digits) => double.IsNaN(value) ? "—" : value.ToString("F" + digits, CultureInfo.InvariantCulture);

    /// <summary>Console for tables: the current Spectre console (plain text when output is redirected).</summary>
    public static IAnsiConsole Terminal => AnsiConsole.Console;
}
