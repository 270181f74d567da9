using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>A shard simulated in this process, on the calling thread: the same model without Orleans.</summary>
public sealed class LocalShardRunner : IShardRunner
{
    private ShardSimulator? _simulator;

    public Task<ShardReport> Setup(ShardSetup setup)
    {
        _simulator = new ShardSimulator(setup);
        return Task.FromResult(_simulator.Initial());
    }

    public Task<ShardReport> Advance(ShardAdvance advance) =>
        Task.FromResult((_simulator ?? throw new InvalidOperationException("shard not set up")).Advance(advance));

    public Task Release()
    {
        _simulator = null;
        return Task.CompletedTask;
    }
}
