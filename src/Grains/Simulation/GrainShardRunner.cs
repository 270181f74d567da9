using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>A shard that runs as a grain, wherever the cluster places it.</summary>
public sealed class GrainShardRunner(IScenarioShardGrain grain) : IShardRunner
{
    public Task<ShardReport> Setup(ShardSetup setup) => grain.Setup(setup);
    public Task<ShardReport> Advance(ShardAdvance advance) => grain.Advance(advance);
    public Task Release() => grain.Release();
}
