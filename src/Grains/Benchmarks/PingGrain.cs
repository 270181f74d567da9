using Programme.Benchmarks;

namespace Programme.Grains.Benchmarks;

public sealed class PingGrain : Grain, IPingGrain
{
    public Task<int> Ping(int value) => Task.FromResult(value + 1);
}
