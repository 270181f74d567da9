using Microsoft.Extensions.Logging;
using Programme.Accounts;

namespace Programme.Grains.Accounts;

/// <summary>
/// Fans account changes out to the front ends' caches (<see cref="IAccountChangesGrain"/>). Not persisted: when it comes
/// back empty every cache learns so on its next subscription (every 2 s) and starts over.
/// </summary>
public sealed class AccountChangesGrain(TimeProvider clock, ILogger<AccountChangesGrain> logger) : Grain, IAccountChangesGrain
{
    /// <summary>A cache not refreshed for this long is gone (front ends refresh every 2 s).</summary>
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AcknowledgeWithin = TimeSpan.FromSeconds(5);
    private readonly Dictionary<string, (IAccountObserver Observer, long Seen)> _caches = new(StringComparer.Ordinal);

    public Task<bool> Subscribe(string cacheId, IAccountObserver observer)
    {
        var known = _caches.ContainsKey(cacheId);
        _caches[cacheId] = (observer, clock.GetTimestamp());
        return Task.FromResult(known);
    }

    public Task Unsubscribe(string cacheId)
    {
        _caches.Remove(cacheId);
        return Task.CompletedTask;
    }

    public async Task Changed(string userName)
    {
        var now = clock.GetTimestamp();
        foreach (var id in _caches.Where(c => clock.GetElapsedTime(c.Value.Seen, now) > Expiry).Select(c => c.Key).ToList())
            _caches.Remove(id);
        var results = await Task.WhenAll(_caches.ToList().Select(async c =>
        {
            try
            {
                await c.Value.Observer.AccountChanged(userName).WaitAsync(AcknowledgeWithin, clock);
                return (c.Key, Ok: true);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Account cache {Cache} did not acknowledge a change; dropped until it subscribes again", c.Key);
                return (c.Key, Ok: false);
            }
        }));
        // Dropped, so its next subscription is answered "unknown" and it forgets everything it holds.
        foreach (var (id, ok) in results)
            if (!ok) _caches.Remove(id);
    }
}
