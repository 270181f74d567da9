using Programme.Push;

namespace Programme.Simulation;

/// <summary>
/// A scenario as GET /api/scenarios/{id} and hub scope "scenario:{id}" show it. Status is "running", "completed" or
/// "failed" (CONTRACT.md); a paused scenario is "running" with <see cref="Paused"/> set.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioView : IVersionedSnapshot
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Status { get; init; }
    [Id(2)] public bool Paused { get; init; }
    [Id(3)] public long Version { get; init; }
    [Id(4)] public required string Scope { get; init; }
    [Id(5)] public required ScenarioDefinition Request { get; init; }
    [Id(6)] public required ScenarioProgress Progress { get; init; }
    [Id(7)] public ScenarioResults? Results { get; init; }
    [Id(8)] public string? Error { get; init; }
    [Id(9)] public DateTimeOffset CreatedAt { get; init; }
    [Id(10)] public DateTimeOffset ExpiresAt { get; init; }
    /// <summary>Who started it: they (and city staff) may pause, step, re-pace or delete it.</summary>
    [Id(11)] public string? Owner { get; init; }

    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
