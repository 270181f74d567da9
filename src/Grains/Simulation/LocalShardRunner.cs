using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// A shard simulated in this process: the same model without Orleans. <paramref name="run"/> says where its work runs —
/// by default on the calling thread; <see cref="OnThreadPool"/> so a coordinator's shards run side by side; a live
/// forecast passes <see cref="Forecasts.ForecastWorker.Run{T}"/>, so its seconds of Monte Carlo run on one low-priority
/// thread and never hold the pool threads that run grain turns (writes would wait behind it).
/// </summary>
public sealed class LocalShardRunner(Func<Func<ShardReport>, Task<ShardReport>>? run = null) : IShardRunner
{
    public static readonly Func<Func<ShardReport>, Task<ShardReport>> OnThreadPool = work => Task.Run(work);

    private readonly Func<Func<ShardReport>, Task<ShardReport>> _run = run ?? (work => Task.FromResult(work()));
    private ShardSimulator? _simulator;

    public Task<ShardReport> Setup(ShardSetup setup) => _run(() =>
    {
        _simulator = new ShardSimulator(setup);
        return _simulator.Initial();
    });

    public Task<ShardReport> Advance(ShardAdvance advance) =>
        _run(() => (_simulator ?? throw new InvalidOperationException("shard not set up")).Advance(advance));

    public Task Release()
    {
        _simulator = null;
        return Task.CompletedTask;
    }
}
