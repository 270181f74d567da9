using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// What a scenario keeps in storage: its definition, the live firms it forked (so a replay never reads live data
/// again), its time control and, once done, its results. Working state lives in the shards and is rebuilt by replay.
/// </summary>
[GenerateSerializer, Alias("programme.scenario-state")]
public sealed class ScenarioState
{
    [Id(0)] public ScenarioDefinition? Definition { get; set; }
    [Id(1)] public DateTimeOffset CreatedAt { get; set; }
    [Id(2)] public DateTimeOffset ExpiresAt { get; set; }
    [Id(3)] public string Status { get; set; } = ScenarioView.Running;
    [Id(4)] public bool Paused { get; set; }
    [Id(5)] public int PaceMilliseconds { get; set; }
    /// <summary>Months simulated when last paused: a replay after deactivation stops there again.</summary>
    [Id(6)] public int PausedAt { get; set; }
    [Id(7)] public ScenarioResults? Results { get; set; }
    [Id(8)] public string? Error { get; set; }
    [Id(9)] public SeedFirm[]? LiveFirms { get; set; }
    [Id(10)] public long Version { get; set; }
    [Id(11)] public long EnterpriseMonths { get; set; }
    [Id(12)] public double ElapsedSeconds { get; set; }
    [Id(13)] public string? Owner { get; set; }
}
