using System.Diagnostics;

namespace Programme.LoadTest;

/// <summary>
/// Runs an operation open-loop at a target rate (latency from the intended start, so a stall is not hidden) or
/// closed-loop with N workers, bounded in time, in requests and in operations in flight.
/// </summary>
public static class Driver
{
    private static readonly TimeSpan LateAfter = TimeSpan.FromMilliseconds(10);

    public static async Task OpenLoop(Recorder recorder, double rate, TimeSpan duration, long maxRequests, int maxInFlight, Func<long, Task> operation)
    {
        var inFlight = 0;
        var started = 0L;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>();
        // How far the generator itself falls behind its schedule (an operation issued later than intended): the
        // operations' latencies include it, this tells it apart from the target's.
        var behindMax = TimeSpan.Zero;
        var late = 0L;
        while (clock.Elapsed < duration && started < maxRequests)
        {
            var due = (long)(clock.Elapsed.TotalSeconds * rate);
            while (started < due && started < maxRequests)
            {
                var intended = TimeSpan.FromSeconds(started / rate);
                var n = started++;
                var behind = clock.Elapsed - intended;
                if (behind > behindMax) behindMax = behind;
                if (behind > LateAfter) late++;
                if (Volatile.Read(ref inFlight) >= maxInFlight)
                {
                    recorder.Error("dropped: too many in flight");
                    continue;
                }
                Interlocked.Increment(ref inFlight);
                tasks.Add(Run(n, intended));
            }
            if (tasks.Count > 10_000) tasks.RemoveAll(t => t.IsCompleted);
            await Task.Delay(1);
        }
        await Task.WhenAll(tasks);
        recorder.Extra["generatorBehindScheduleMaxMs"] = Math.Round(behindMax.TotalMilliseconds, 1);
        recorder.Extra["generatorIssuedLate"] = $"{late} of {started} more than {LateAfter.TotalMilliseconds:0} ms after their intended start";

        async Task Run(long n, TimeSpan intended)
        {
            try
            {
                await operation(n);
                recorder.Ok(clock.Elapsed - intended);
            }
            catch (Exception ex)
            {
                recorder.Error(Kind(ex));
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }
    }

    public static async Task ClosedLoop(Recorder recorder, int workers, TimeSpan duration, long maxRequests, Func<long, Task> operation)
    {
        var next = -1L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            long n;
            while (clock.Elapsed < duration && (n = Interlocked.Increment(ref next)) < maxRequests)
            {
                var start = clock.Elapsed;
                try
                {
                    await operation(n);
                    recorder.Ok(clock.Elapsed - start);
                }
                catch (Exception ex)
                {
                    recorder.Error(Kind(ex));
                }
            }
        }));
    }

    public static string Kind(Exception ex) => ex switch
    {
        LoadError e => e.Message,
        HttpRequestException => "http connection",
        TaskCanceledException => "timeout",
        TimeoutException => "timeout",
        _ => ex.GetType().Name,
    };
}
