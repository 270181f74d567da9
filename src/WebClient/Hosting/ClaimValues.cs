using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Programme.Web.Hosting;

/// <summary>
/// <see cref="PrincipalExtensions.FindFirstValue"/> without its per-call allocations (the token identity's lookup builds a
/// closure and a predicate, and every lookup boxes an enumerator; a write looks up five or six claims). Same answer: the
/// first identity's first claim of that type, its type compared as that identity compares it (ordinally for a validated
/// token's <see cref="CaseSensitiveClaimsIdentity"/>, ignoring case for a cookie's <see cref="ClaimsIdentity"/>).
/// </summary>
public static class ClaimValues
{
    public static string? Value(ClaimsPrincipal? principal, string type)
    {
        if (principal is null) return null;
        if (principal.Identities is List<ClaimsIdentity> identities)
        {
            foreach (var identity in identities)
                if (Find(identity, type) is { } found) return found;
            return null;
        }
        foreach (var identity in principal.Identities)
            if (Find(identity, type) is { } found) return found;
        return null;
    }

    private static string? Find(ClaimsIdentity identity, string type)
    {
        var comparison = identity is CaseSensitiveClaimsIdentity ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (identity.Claims is List<Claim> claims)
        {
            foreach (var claim in claims)
                if (string.Equals(claim.Type, type, comparison)) return claim.Value;
            return null;
        }
        foreach (var claim in identity.Claims)
            if (string.Equals(claim.Type, type, comparison)) return claim.Value;
        return null;
    }
}
