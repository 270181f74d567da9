using Microsoft.Extensions.Time.Testing;
using Programme.Web.Hosting;

namespace Programme.Tests.Contract;

/// <summary>
/// The writes limit without locks: however many connections one user writes on at once, no more than the burst gets
/// through at one moment, the bucket refills at the configured rate, and another user's bucket is their own.
/// </summary>
public sealed class WriteLimiterTests
{
    private const int PerSecond = 50;
    private const int Burst = PerSecond * PoliteLimits.BurstSeconds;

    [Fact]
    public async Task Concurrent_writes_of_one_user_get_exactly_the_burst_then_the_rate_and_are_told_when_to_retry()
    {
        var clock = new FakeTimeProvider();   // time stands still unless the test moves it
        var limiter = new WriteLimiter(new AuthSettings { WritesPerSecond = PerSecond }, clock);
        var refusals = new System.Collections.Concurrent.ConcurrentBag<TimeSpan>();

        int Flood() => Enumerable.Range(0, 100).Count(_ =>
        {
            if (limiter.TryAcquire("agent", null, out var retry)) return true;
            refusals.Add(retry);
            return false;
        });

        var passed = (await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(Flood)))).Sum();
        Assert.Equal(Burst, passed);
        Assert.Equal(1600 - Burst, refusals.Count);
        Assert.All(refusals, r => Assert.InRange(r, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(1.0 / PerSecond)));
        Assert.Equal(1, PoliteLimits.Seconds(refusals.Max()));

        // Another user, and the same user from no account at the same address, have buckets of their own.
        Assert.True(limiter.TryAcquire("other-agent", null, out _));
        Assert.True(limiter.TryAcquire(null, "agent", out _));

        // A second later the bucket holds one second's worth again, and no more.
        clock.Advance(TimeSpan.FromSeconds(1));
        passed = (await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(Flood)))).Sum();
        Assert.Equal(PerSecond, passed);

        // Idle for longer than the burst takes to refill: the full burst again, not more.
        clock.Advance(TimeSpan.FromSeconds(PoliteLimits.BurstSeconds * 3));
        Assert.Equal(Burst, Enumerable.Range(0, Burst * 2).Count(i => limiter.TryAcquire("agent", null, out _)));
    }
}
