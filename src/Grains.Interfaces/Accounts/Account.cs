namespace Programme.Accounts;

/// <summary>A person or API client who may sign in: role city | county | viewer; a county agent is bound to one county.</summary>
[GenerateSerializer, Immutable]
public sealed record Account
{
    [Id(0)] public required string UserName { get; init; }
    [Id(1)] public required string DisplayName { get; init; }
    [Id(2)] public required string Role { get; init; }
    [Id(3)] public string? County { get; init; }
    [Id(4)] public bool Enabled { get; init; } = true;
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Sessions and tokens issued before this instant no longer work (set by disable and password reset).</summary>
    [Id(6)] public DateTimeOffset TokensValidAfter { get; init; }
}
