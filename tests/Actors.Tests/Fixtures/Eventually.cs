using System.Diagnostics;

namespace Programme.Tests.Fixtures;

/// <summary>Aggregation is asynchronous (staged, batched): wait for a condition, within a bound, then report what held.</summary>
public static class Eventually
{
    public static Task<TimeSpan> Holds(Func<Task<bool>> condition, TimeSpan within, string what) =>
        Holds(condition, within, () => what);

    public static async Task<TimeSpan> Holds(Func<Task<bool>> condition, TimeSpan within, Func<string> what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition()) return clock.Elapsed;
            if (clock.Elapsed > within) throw new Xunit.Sdk.XunitException($"Not within {within.TotalSeconds:0.#} s: {what()}");
            await Task.Delay(20);
        }
    }
}
