namespace Programme.Grants;

/// <summary>
/// What the batch forecast reads of a funding batch: its stored version, when it was called, the call (budget included),
/// its status and every application. Read in the background by the forecast service, never on a write.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchPipeline
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public long Version { get; init; }
    [Id(2)] public DateTimeOffset CreatedAt { get; init; }
    [Id(3)] public required BatchCall Call { get; init; }
    [Id(4)] public BatchStatus Status { get; init; }
    [Id(5)] public IReadOnlyList<GrantApplication> Applications { get; init; } = [];
}
