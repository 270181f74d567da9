namespace Programme.Benchmarks;

/// <summary>The bare Orleans baseline for load tests: a grain call that does nothing.</summary>
public interface IPingGrain : IGrainWithIntegerKey
{
    Task<int> Ping(int value);
}
