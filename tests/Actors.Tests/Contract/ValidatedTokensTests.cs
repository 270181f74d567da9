using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using Programme.Web.Hosting;

namespace Programme.Tests.Contract;

/// <summary>
/// Remembering validated API tokens must never let through a token that full validation would refuse: not one whose
/// signature was altered, not one that has expired since it was last used, and no request sees another's identity.
/// </summary>
public sealed class ValidatedTokensTests
{
    private static readonly AuthSettings Settings = new() { SigningKey = "validated-tokens-test-key-0123456789abcdef" };

    private static TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = AuthSettings.Issuer, ValidAudience = AuthSettings.Audience, IssuerSigningKey = Settings.Key(),
        RoleClaimType = Roles.RoleClaim, NameClaimType = Roles.NameClaim, ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task A_remembered_token_stops_at_its_expiry_and_an_altered_one_is_refused()
    {
        var tokens = new ValidatedTokens(TimeProvider.System);
        var token = TokenIssuer.Issue(Settings, "city", null, "short-lived", TimeSpan.FromSeconds(2));

        var first = await tokens.ValidateTokenAsync(token, Parameters());
        var again = await tokens.ValidateTokenAsync(token, Parameters());
        Assert.True(first.IsValid && again.IsValid);
        Assert.Equal("short-lived", again.ClaimsIdentity.Name);
        Assert.True(again.ClaimsIdentity.HasClaim(Roles.RoleClaim, "city"));

        // Each answer has an identity of its own: what one request adds is not seen by the next.
        again.ClaimsIdentity.AddClaim(new Claim(Roles.RoleClaim, "added-by-a-request"));
        Assert.False((await tokens.ValidateTokenAsync(token, Parameters())).ClaimsIdentity.HasClaim(Roles.RoleClaim, "added-by-a-request"));

        // The same token with its signature altered is not the remembered one.
        var altered = token[..^2] + (token[^2] == 'A' ? "BB" : "AA");
        Assert.False((await tokens.ValidateTokenAsync(altered, Parameters())).IsValid);

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False((await tokens.ValidateTokenAsync(token, Parameters())).IsValid);
    }
}
