using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Programme.Accounts;
using Programme.Domain;
using Programme.Web.Hosting;

namespace Programme.Web.Accounts;

/// <summary>
/// Account rules and password handling (ASP.NET Core Identity's PasswordHasher: PBKDF2 with a per-password salt). Time
/// (a lockout's end) comes from the registered <see cref="TimeProvider"/>, the system clock when none is.
/// </summary>
public sealed partial class AccountService(IGrainFactory grains, AuthSettings settings, ILogger<AccountService> logger, TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    public const int MinPasswordLength = 8;
    private readonly PasswordHasher<Account> _hasher = new();

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{1,63}$")]
    private static partial Regex NamePattern();

    public static string Normalise(string userName) => userName.Trim().ToLowerInvariant();

    public IAccountGrain Grain(string userName) => grains.Grain<IAccountGrain>(Normalise(userName));

    public static Dictionary<string, string[]> Validate(string? userName, string? displayName, string? role, string? county, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (userName is null || !NamePattern().IsMatch(Normalise(userName)))
            errors["userName"] = ["must be 2–64 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit"];
        if (displayName is { Length: > 100 }) errors["displayName"] = ["must be at most 100 characters"];
        if (role is null || !Roles.All.Contains(role)) errors["role"] = [$"must be one of: {string.Join(", ", Roles.All)}"];
        else if (role == Roles.County && !CountyCatalogue.Exists(county)) errors["county"] = [$"a county agent needs a county: one of {CountyCatalogue.AllowedIds}"];
        else if (role != Roles.County && county is not null) errors["county"] = ["only county agents are bound to a county"];
        if (PasswordProblem(password) is { } p) errors["password"] = [p];
        return errors;
    }

    public static string? PasswordProblem(string? password) =>
        password is null || password.Length < MinPasswordLength ? $"must be at least {MinPasswordLength} characters"
        : password.Length > 200 ? "must be at most 200 characters" : null;

    public async Task<bool> Create(string userName, string? displayName, string role, string? county, string password)
    {
        var name = Normalise(userName);
        var account = new Account { UserName = name, DisplayName = string.IsNullOrWhiteSpace(displayName) ? name : displayName.Trim(), Role = role, County = county };
        return await Grain(name).Create(account, _hasher.HashPassword(account, password));
    }

    public async Task<bool> ResetPassword(string userName, string password)
    {
        var grain = Grain(userName);
        var account = await grain.Get();
        return account is not null && await grain.ResetPassword(_hasher.HashPassword(account, password));
    }

    public enum SignInResult { Ok, Wrong, Disabled, Locked }

    /// <summary>Checks a password; failures count toward a lockout. Unknown names cost the same hashing time as known ones.</summary>
    public async Task<(SignInResult Result, Account? Account)> SignIn(string userName, string password)
    {
        var grain = Grain(userName);
        var credentials = await grain.GetCredentials();
        if (credentials is null)
        {
            _hasher.VerifyHashedPassword(new Account { UserName = "", DisplayName = "", Role = "" }, DummyHash, password);
            return (SignInResult.Wrong, null);
        }
        if (credentials.LockedUntil is { } until && until > _clock.GetUtcNow()) return (SignInResult.Locked, null);
        var ok = _hasher.VerifyHashedPassword(credentials.Account, credentials.PasswordHash, password) != PasswordVerificationResult.Failed;
        if (ok && settings.RefusesPassword(password))
        {
            logger.LogWarning("Refused a sign-in to {User} with the published demo password; reset the account's password (user reset)", credentials.Account.UserName);
            ok = false;
        }
        await grain.RecordSignIn(ok);
        if (!ok) return (SignInResult.Wrong, null);
        return credentials.Account.Enabled ? (SignInResult.Ok, credentials.Account) : (SignInResult.Disabled, null);
    }

    /// <summary>How long the account stays locked after failed sign-ins (null: not locked), for the 429's Retry-After.</summary>
    public async Task<TimeSpan?> LockRemaining(string userName) =>
        await Grain(userName).GetCredentials() is { LockedUntil: { } until } && until > _clock.GetUtcNow() ? until - _clock.GetUtcNow() : null;

    private static readonly string DummyHash = new PasswordHasher<Account>().HashPassword(new Account { UserName = "", DisplayName = "", Role = "" }, "not-a-password");
}
