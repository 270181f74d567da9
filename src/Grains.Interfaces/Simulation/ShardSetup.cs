namespace Programme.Simulation;

/// <summary>
/// What one shard simulates: firms [FirmFrom, FirmTo) of the population for runs [RunFrom, RunTo), under every arm's policy.
/// A live fork ships its firms (<see cref="Firms"/>); the baseline and synthetic populations are rebuilt in the shard.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardSetup
{
    [Id(0)] public required ScenarioDefinition Definition { get; init; }
    [Id(1)] public required PolicySettings[] Arms { get; init; }
    [Id(2)] public int FirmFrom { get; init; }
    [Id(3)] public int FirmTo { get; init; }
    [Id(4)] public int RunFrom { get; init; }
    [Id(5)] public int RunTo { get; init; }
    [Id(6)] public SeedFirm[]? Firms { get; init; }
    [Id(7)] public ulong World { get; init; }
}
