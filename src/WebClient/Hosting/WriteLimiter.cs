using System.Collections.Concurrent;

namespace Programme.Web.Hosting;

/// <summary>
/// The writes limit (CONTRACT.md, "Polite limits"): <c>Auth:WritesPerSecond</c> a second per user — per address when
/// signed out — in bursts of <see cref="PoliteLimits.BurstSeconds"/> seconds' worth. A token bucket kept as one number
/// per caller, the moment its bucket will be full again (the generic cell rate algorithm): a write is let through while
/// that moment is at most a burst ahead of now, and moves it one interval on with a compare-and-swap. No lock is taken,
/// so one busy user's writes on many connections do not queue behind each other (the framework's partitioned token
/// bucket takes a lock for the partition table and another for the bucket on every write).
/// </summary>
public sealed class WriteLimiter
{
    private const int SweepEvery = 1024;
    private const int KeepAtMost = 10_000;
    private readonly ConcurrentDictionary<string, Bucket> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Bucket> _addresses = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly long _interval;
    private readonly long _tolerance;
    private int _created;

    public WriteLimiter(AuthSettings settings, TimeProvider? clock = null)
    {
        _clock = clock ?? TimeProvider.System;
        var perSecond = Math.Max(1, settings.WritesPerSecond);
        _interval = Math.Max(1, _clock.TimestampFrequency / perSecond);
        _tolerance = _interval * ((long)perSecond * PoliteLimits.BurstSeconds - 1);
    }

    /// <summary>
    /// Takes one write from the caller's bucket: true when it may go ahead; otherwise false with how long until the
    /// next write would be let through.
    /// </summary>
    public bool TryAcquire(string? userName, string? address, out TimeSpan retryAfter)
    {
        var buckets = userName is null ? _addresses : _users;
        var key = userName ?? address ?? "-";
        if (!buckets.TryGetValue(key, out var bucket)) bucket = Create(buckets, key);
        var now = _clock.GetTimestamp();
        while (true)
        {
            var full = Volatile.Read(ref bucket.FullAt);
            var start = Math.Max(full, now);
            if (start - now > _tolerance)
            {
                retryAfter = _clock.GetElapsedTime(now, start - _tolerance);
                return false;
            }
            if (Interlocked.CompareExchange(ref bucket.FullAt, start + _interval, full) == full)
            {
                retryAfter = TimeSpan.Zero;
                return true;
            }
        }
    }

    private Bucket Create(ConcurrentDictionary<string, Bucket> buckets, string key)
    {
        var bucket = buckets.GetOrAdd(key, static _ => new Bucket());
        // Callers come and go (addresses above all): now and then forget the buckets that are full again, which is
        // exactly what a new bucket would be, so forgetting one changes no answer.
        if (Interlocked.Increment(ref _created) % SweepEvery == 0 || buckets.Count > KeepAtMost) Sweep(buckets);
        return bucket;
    }

    private void Sweep(ConcurrentDictionary<string, Bucket> buckets)
    {
        var now = _clock.GetTimestamp();
        foreach (var (key, bucket) in buckets)
            if (Volatile.Read(ref bucket.FullAt) <= now) buckets.TryRemove(new KeyValuePair<string, Bucket>(key, bucket));
    }

    private sealed class Bucket
    {
        public long FullAt;
    }
}
