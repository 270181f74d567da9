using System.Collections.Concurrent;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Programme.Web.Hosting;

/// <summary>
/// JWT validation that remembers the tokens it has validated, keyed by the token's exact text, until the token
/// expires: an API client sends the same token with every request, and checking its signature and claims again each
/// time was a fifth of the request's authentication. A token that failed is never remembered, so it is checked in full
/// every time; a remembered one still goes through <c>OnTokenValidated</c> on every request, so a disabled account or
/// revoked sessions stop it at once. At most <see cref="KeepAtMost"/> tokens are held (expired ones are forgotten first;
/// when all are live, new tokens are validated without being remembered).
/// </summary>
public sealed class ValidatedTokens(TimeProvider clock) : JsonWebTokenHandler
{
    public const int KeepAtMost = 4096;
    private readonly ConcurrentDictionary<string, Entry> _tokens = new(StringComparer.Ordinal);
    private int _count;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_tokens.TryGetValue(token, out var known))
        {
            if (known.Until > now)
                return new TokenValidationResult
                {
                    IsValid = true, SecurityToken = known.Token, Issuer = known.Token.Issuer, TokenType = known.Token.Typ,
                    // Each request gets its own identity: nothing one request does to its principal reaches another.
                    ClaimsIdentity = known.Identity.Clone(),
                };
            Forget(token, known);
        }
        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is JsonWebToken jwt && result.ClaimsIdentity is { } identity)
            Remember(token, jwt, identity.Clone(), now);
        return result;
    }

    private void Remember(string token, JsonWebToken jwt, System.Security.Claims.ClaimsIdentity identity, DateTime now)
    {
        // Read the token's lazily parsed times once here, so requests sharing it only ever read them.
        var until = jwt.ValidTo;
        _ = (jwt.ValidFrom, jwt.IssuedAt, jwt.Issuer, jwt.Typ);
        if (until <= now) return;
        if (Volatile.Read(ref _count) >= KeepAtMost)
        {
            foreach (var (key, entry) in _tokens)
                if (entry.Until <= now) Forget(key, entry);
            if (Volatile.Read(ref _count) >= KeepAtMost) return;
        }
        if (_tokens.TryAdd(token, new Entry(jwt, identity, until))) Interlocked.Increment(ref _count);
    }

    private void Forget(string token, Entry entry)
    {
        if (_tokens.TryRemove(new KeyValuePair<string, Entry>(token, entry))) Interlocked.Decrement(ref _count);
    }

    private sealed record Entry(JsonWebToken Token, System.Security.Claims.ClaimsIdentity Identity, DateTime Until);
}
