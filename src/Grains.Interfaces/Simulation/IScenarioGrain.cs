namespace Programme.Simulation;

/// <summary>
/// One scenario (模拟情景), keyed by its id: an isolated projection of the programme. It coordinates its shard grains,
/// gathers their monthly figures in a fixed order, runs the time control, and publishes progress to "scenario:{id}".
/// </summary>
public interface IScenarioGrain : IGrainWithStringKey
{
    /// <summary>Starts the scenario for <paramref name="owner"/>; a second start of the same id is ignored and answers the current view.</summary>
    Task<ScenarioView> Start(ScenarioDefinition definition, string owner);

    /// <summary>The scenario, or null when there is none (never started, deleted or expired).</summary>
    [AlwaysInterleave]
    Task<ScenarioView?> Get();

    [AlwaysInterleave]
    Task<ScenarioView?> Pause();

    [AlwaysInterleave]
    Task<ScenarioView?> Resume();

    /// <summary>Advances a paused scenario by some months, then stays paused.</summary>
    [AlwaysInterleave]
    Task<ScenarioView?> Step(int months);

    /// <summary>0: as fast as possible; otherwise milliseconds per simulated month.</summary>
    [AlwaysInterleave]
    Task<ScenarioView?> SetPace(int milliseconds);

    /// <summary>Stops it, deactivates its shards and removes its storage. True if there was something to delete.</summary>
    [AlwaysInterleave]
    Task<bool> Delete();
}
