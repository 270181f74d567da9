using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>Where a shard runs: a <see cref="IScenarioShardGrain"/> in the cluster, or in this process (the headless command's baseline).</summary>
public interface IShardRunner
{
    Task<ShardReport> Setup(ShardSetup setup);
    Task<ShardReport> Advance(ShardAdvance advance);
    Task Release();
}
