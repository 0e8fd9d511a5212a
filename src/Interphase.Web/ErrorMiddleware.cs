using System.Text.Json;

namespace Interphase.Web;

/// <summary>
/// Turns errors into a clear message instead of a stack-trace page: user errors (<see cref="InterphaseException"/>, a
/// request body over the size limit, malformed JSON) answer 400 <c>{"error": "…"}</c> as the CLI prints them; anything
/// else answers 500 with one line and is logged.
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> log)
{
    /// <summary>Runs the rest of the pipeline, catching what it throws.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, message) = Describe(ex);
            if (status == 500) log.LogError(ex, "internal error on {Path}", context.Request.Path);
            context.Response.Clear();
            await ErrorResponse.WriteAsync(context, status, message);
        }
    }

    /// <summary>HTTP status and the message a user sees for an exception.</summary>
    public static (int Status, string Message) Describe(Exception ex)
    {
        var error = ex is AggregateException agg ? agg.Flatten().InnerExceptions.FirstOrDefault(i => i is InterphaseException) ?? ex : ex;
        return error switch
        {
            InterphaseException => (400, error.Message),
            BadHttpRequestException b when b.StatusCode == 413 => (413, "the upload is larger than the server accepts"),
            BadHttpRequestException b => (400, b.InnerException is JsonException j ? $"malformed JSON: {j.Message}" : b.Message),
            JsonException j => (400, $"malformed JSON: {j.Message}"),
            InvalidDataException d when d.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) => (413, "the upload is larger than the server accepts"),
            IOException or UnauthorizedAccessException => (400, error.Message),
            _ => (500, $"internal error ({error.GetType().Name}); please report it"),
        };
    }

    /// <summary>The message for an exception caught in a page (same wording as the API and the CLI).</summary>
    public static string Message(Exception ex) => "error: " + Describe(ex).Message;
}
