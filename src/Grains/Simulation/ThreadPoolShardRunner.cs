using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>A shard simulated in this process on a thread-pool thread, so a coordinator's shards run side by side.</summary>
public sealed class ThreadPoolShardRunner : IShardRunner
{
    private ShardSimulator? _simulator;

    public Task<ShardReport> Setup(ShardSetup setup) => Task.Run(() =>
    {
        _simulator = new ShardSimulator(setup);
        return _simulator.Initial();
    });

    public Task<ShardReport> Advance(ShardAdvance advance) =>
        Task.Run(() => (_simulator ?? throw new InvalidOperationException("shard not set up")).Advance(advance));

    public Task Release()
    {
        _simulator = null;
        return Task.CompletedTask;
    }
}
