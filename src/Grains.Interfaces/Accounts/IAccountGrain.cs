namespace Programme.Accounts;

/// <summary>One account, keyed by its lower-case user name. Password hashing happens in the web tier (ASP.NET Core's PasswordHasher).</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    /// <summary>Creates the account; false if the name is taken.</summary>
    Task<bool> Create(Account account, string passwordHash);

    [AlwaysInterleave]
    Task<Account?> Get();

    [AlwaysInterleave]
    Task<AccountCredentials?> GetCredentials();

    /// <summary>Counts sign-in attempts: five failures in a row lock the account for five minutes.</summary>
    Task RecordSignIn(bool succeeded);

    Task<bool> SetEnabled(bool enabled);

    Task<bool> ResetPassword(string passwordHash);
}
