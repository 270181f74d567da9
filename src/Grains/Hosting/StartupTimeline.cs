using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Programme.Grains.Hosting;

/// <summary>
/// A stopwatch log of the start's phases for profiling a cold start (Diagnostics:StartupLog=true, off by default): each
/// mark prints to standard error its time since the process started and since the previous mark, the process's CPU time
/// so far, and the methods JIT-compiled so far with the time spent compiling them (all threads). Off, a mark is one
/// branch on a static field. Time comes from the clock it is configured with (the web host passes the same
/// <see cref="TimeProvider"/> the silo is given); only the process's start time is read from the operating system, once.
/// </summary>
public static class StartupTimeline
{
    public const string Key = "Diagnostics:StartupLog";
    private static readonly object Gate = new();
    private static bool _enabled;
    private static TimeProvider _clock = TimeProvider.System;
    /// <summary>The clock's timestamp when configured, and how long the process had been running by then.</summary>
    private static long _origin;
    private static TimeSpan _uptimeAtOrigin;
    private static TimeSpan _previous;

    public static bool Enabled => _enabled;

    public static void Configure(IConfiguration configuration, TimeProvider clock)
    {
        if (!configuration.GetValue<bool>(Key)) return;
        _clock = clock;
        _origin = clock.GetTimestamp();
        _uptimeAtOrigin = clock.GetUtcNow().UtcDateTime - Process.GetCurrentProcess().StartTime.ToUniversalTime();
        _enabled = true;
    }

    public static void Mark(string phase)
    {
        if (!_enabled) return;
        var now = _uptimeAtOrigin + _clock.GetElapsedTime(_origin);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTime = System.Runtime.JitInfo.GetCompilationTime();
        lock (Gate)
        {
            Console.Error.WriteLine($"startup {now.TotalSeconds,7:F3} s (+{(now - _previous).TotalMilliseconds,5:F0} ms) cpu {cpu.TotalSeconds,6:F3} s, jit {jitted,5} methods {jitTime.TotalMilliseconds,5:F0} ms: {phase}");
            _previous = now;
        }
    }
}
