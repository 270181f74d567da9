namespace Programme.Simulation;

/// <summary>
/// A block of a scenario's firms and runs (key "{scenarioId}/{shard}"), simulated many months per call on compact arrays.
/// Its state is working memory: a scenario that finds a shard reset replays from the start, with the same results.
/// </summary>
public interface IScenarioShardGrain : IGrainWithStringKey
{
    /// <summary>Builds the shard's firms and answers their starting levels (month index -1).</summary>
    Task<ShardReport> Setup(ShardSetup setup);

    Task<ShardReport> Advance(ShardAdvance advance);

    Task Release();
}
