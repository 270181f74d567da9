namespace Programme.Simulation;

/// <summary>A line of the scenario list: enough to find a scenario again and open it.</summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Owner { get; init; }
    [Id(2)] public required string Baseline { get; init; }
    [Id(3)] public required string StartMonth { get; init; }
    [Id(4)] public int Months { get; init; }
    [Id(5)] public int Runs { get; init; }
    [Id(6)] public int Alternatives { get; init; }
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public DateTimeOffset ExpiresAt { get; init; }
}
