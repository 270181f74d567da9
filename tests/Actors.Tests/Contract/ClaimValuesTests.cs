using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Programme.Web.Hosting;

namespace Programme.Tests.Contract;

/// <summary>ClaimValues.Value answers exactly as the framework's FindFirstValue, for token and cookie identities.</summary>
public sealed class ClaimValuesTests
{
    [Fact]
    public void Reads_the_same_claim_as_FindFirstValue()
    {
        var token = new CaseSensitiveClaimsIdentity([new Claim("Role", "viewer"), new Claim("role", "county"), new Claim("name", "a")], "jwt");
        var cookie = new ClaimsIdentity([new Claim("ROLE", "city"), new Claim("county", "c1"), new Claim("name", "b")], "cookie");
        var principals = new[]
        {
            new ClaimsPrincipal(token), new ClaimsPrincipal(cookie),
            new ClaimsPrincipal([token, cookie]), new ClaimsPrincipal([cookie, token]), new ClaimsPrincipal(),
        };
        foreach (var principal in principals)
            foreach (var type in new[] { "role", "Role", "ROLE", "county", "name", "sub" })
                Assert.Equal(principal.FindFirstValue(type), ClaimValues.Value(principal, type));
        Assert.Equal("county", ClaimValues.Value(principals[0], "role"));
        Assert.Equal("city", ClaimValues.Value(principals[1], "role"));
        Assert.Null(ClaimValues.Value(null, "role"));
    }
}
