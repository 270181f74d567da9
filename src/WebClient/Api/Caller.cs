using System.Security.Claims;
using Programme.Commands;
using Programme.Web.Hosting;

namespace Programme.Web.Api;

/// <summary>Who is calling, and the change context their writes carry.</summary>
public static class Caller
{
    public static ChangeContext Context(ClaimsPrincipal user, HttpContext http, string via = "api", long? expectedVersion = null)
    {
        var role = ClaimValues.Value(user, Roles.RoleClaim);
        var county = role == Roles.County ? ClaimValues.Value(user, Roles.CountyClaim) ?? "-" : null;
        var name = ClaimValues.Value(user, Roles.NameClaim) ?? ClaimValues.Value(user, "sub") ?? "unknown";
        // The channel as people name it: a signed-in page (web, 网页) or an API client with a token (api, 接口).
        if (via == "api" && !http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) via = "web";
        return new ChangeContext(name, via, expectedVersion, county,
            RequestKey: http.Items[Batches.Idempotency.KeyItem] as string, RequestHash: http.Items[Batches.Idempotency.HashItem] as string);
    }

    /// <summary>Reads If-Match ("7", W/"7" or *). Returns false when the header is present but not a version.</summary>
    public static bool TryExpectedVersion(HttpRequest request, out long? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header) || header.Trim() == "*") return true;
        var text = header.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal)) text = text[2..];
        text = text.Trim('"');
        if (!long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)) return false;
        version = v;
        return true;
    }

    /// <summary>The county a county agent is bound to; null for city staff and viewers.</summary>
    public static string? CountyOf(ClaimsPrincipal user) =>
        ClaimValues.Value(user, Roles.RoleClaim) == Roles.County ? ClaimValues.Value(user, Roles.CountyClaim) ?? "-" : null;

    public static string ETag(long version) => $"\"{version}\"";
}
