using Microsoft.AspNetCore.Http;

namespace Interphase.Web;

/// <summary>How the app answers an error: <c>{"error": …}</c> under <c>/api</c>, the CLI's <c>error: …</c> line elsewhere.</summary>
internal static class ErrorResponse
{
    public static async Task WriteAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        if (context.Request.Path.StartsWithSegments("/api"))
            await context.Response.WriteAsJsonAsync(new { error = message });
        else
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("error: " + message);
        }
    }
}
