using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Programme.Web.Hosting;

/// <summary>Issues the JWTs API clients send: claims <c>role</c>, <c>county</c> (county agents) and <c>name</c>.</summary>
public static class TokenIssuer
{
    public static string Issue(AuthSettings settings, string role, string? county, string name, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new(Roles.RoleClaim, role), new(Roles.NameClaim, name), new("sub", name) };
        if (county is not null) claims.Add(new Claim(Roles.CountyClaim, county));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthSettings.Issuer,
            Audience = AuthSettings.Audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = now.AddSeconds(-5),
            IssuedAt = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(settings.Key(), SecurityAlgorithms.HmacSha256),
        });
    }
}
