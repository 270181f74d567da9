using Programme.Grants;

namespace Programme.Grains.Grants;

/// <summary>A funding batch as its grain holds it: replaced whole on every change, so a failed write leaves the old one in place.</summary>
[GenerateSerializer, Immutable]
public sealed record FundingBatch
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required BatchCall Call { get; init; }
    [Id(2)] public bool Accepting { get; init; }
    /// <summary>Application n is at index n − 1.</summary>
    [Id(3)] public GrantApplication[] Applications { get; init; } = [];
    [Id(4)] public long Version { get; init; }
    [Id(5)] public DateTimeOffset CreatedAt { get; init; }
    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>
    /// Applications whose award or disbursement the firm's grain has not confirmed yet (an outbox): retried until it has,
    /// so a crash between the batch's write and the firm's never loses an award.
    /// </summary>
    [Id(7)] public int[] GrantsToRecord { get; init; } = [];

    public GrantApplication? Find(int id) => id >= 1 && id <= Applications.Length ? Applications[id - 1] : null;
}
