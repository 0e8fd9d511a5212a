using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace Interphase.Cli;

/// <summary>Shared options and output helpers: every command offers a human table and <c>--json</c>.</summary>
public static class CliOutput
{
    /// <summary>The <c>--json</c> flag; create one per command (System.CommandLine options cannot be shared).</summary>
    public static Option<bool> JsonOption() => new("--json") { Description = "Write machine-readable JSON to stdout instead of a table" };

    /// <summary>JSON settings used by every command: snake_case names as the Python tools write them.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        // Units such as Ω·cm² and µm stay readable in the output.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serialises a result to stdout as JSON.</summary>
    public static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>
    /// Runs a command body, turning user-facing errors into a message on stderr and exit code 2
    /// (1 is left for System.CommandLine's own parse errors).
    /// </summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InterphaseException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
    }


    /// <summary>Console for tables: the current Spectre console (plain text when output is redirected).</summary>
    public static IAnsiConsole Console2 => AnsiConsole.Console;
}
