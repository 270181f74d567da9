using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Grains.Forecasts;

/// <summary>
/// A forecast shard simulated on <see cref="ForecastWorker"/>'s one low-priority thread rather than the thread pool: the
/// Monte Carlo of a live forecast is CPU work for seconds, and on the pool it would hold the threads that run grain turns
/// (writes then wait behind it); on its own thread at the lowest priority it uses only the CPU the write path leaves.
/// </summary>
public sealed class BackgroundShardRunner : IShardRunner
{
    private ShardSimulator? _simulator;

    public Task<ShardReport> Setup(ShardSetup setup) => ForecastWorker.Run(() =>
    {
        _simulator = new ShardSimulator(setup);
        return _simulator.Initial();
    });

    public Task<ShardReport> Advance(ShardAdvance advance) =>
        ForecastWorker.Run(() => (_simulator ?? throw new InvalidOperationException("shard not set up")).Advance(advance));

    public Task Release()
    {
        _simulator = null;
        return Task.CompletedTask;
    }
}
