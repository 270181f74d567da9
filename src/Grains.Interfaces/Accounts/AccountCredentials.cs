namespace Programme.Accounts;

/// <summary>What the web tier needs to check a password: the account and its password hash (never leaves the cluster's callers).</summary>
[GenerateSerializer, Immutable]
public sealed record AccountCredentials(
    [property: Id(0)] Account Account,
    [property: Id(1)] string PasswordHash,
    [property: Id(2)] DateTimeOffset? LockedUntil);
