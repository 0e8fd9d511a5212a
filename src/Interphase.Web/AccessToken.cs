using System.Security.Cryptography;
using System.Text;

namespace Interphase.Web;

/// <summary>
/// Refuses every request that does not carry the access token: as <c>?token=</c> (which also sets a same-site cookie,
/// so links inside the app keep working), as the cookie, or as <c>Authorization: Bearer</c>.
/// </summary>
public sealed class AccessToken(RequestDelegate next, string token)
{
    /// <summary>Name of the cookie that carries the token after the first visit.</summary>
    public const string CookieName = "interphase_token";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    /// <summary>A new random token (32 hex characters).</summary>
    public static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Checks the request and passes it on, or answers 401.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        string? query = context.Request.Query["token"];
        string? header = context.Request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h[7..] : null;
        if (Matches(query))
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true });
            await next(context);
            return;
        }
        if (Matches(header) || Matches(context.Request.Cookies[CookieName]))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync("error: this Interphase server needs its access token; open the URL it printed at start (…/?token=…)");
    }

    private bool Matches(string? candidate) =>
        candidate is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
