using System.Collections.Concurrent;
using System.Diagnostics;
using Programme.Accounts;

namespace Programme.Web.Accounts;

/// <summary>
/// This front end's copy of the accounts its requests check (the revocation check of every authenticated request),
/// so a request needs no account-grain call. Kept right by the account changes feed (<see cref="IAccountChangesGrain"/>):
/// an account grain tells every subscribed cache after a change and before its caller is answered, so a disabled
/// account or a reset password stops working at once. The cache is used only while its subscription is current
/// (refreshed every 2 s, trusted for 6 s); otherwise every check asks the account grain, as without a cache.
/// </summary>
public sealed class AccountCache(IGrainFactory grains, ILogger<AccountCache> logger) : BackgroundService, IAccountObserver
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan TrustedFor = TimeSpan.FromSeconds(6);
    private const int MaxEntries = 100_000;
    private readonly string _cacheId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, Account?> _accounts = new(StringComparer.Ordinal);
    private IAccountObserver? _reference;
    private long _generation;
    private long _subscribedAt = long.MinValue;

    private bool Current => _subscribedAt != long.MinValue && Stopwatch.GetElapsedTime(Interlocked.Read(ref _subscribedAt)) < TrustedFor;

    /// <summary>The account (null: none by that name), from the cache while it is current, else from its grain.</summary>
    public async ValueTask<Account?> Get(string normalisedName)
    {
        if (Current && _accounts.TryGetValue(normalisedName, out var cached)) return cached;
        var generation = Interlocked.Read(ref _generation);
        var account = await grains.GetGrain<IAccountGrain>(normalisedName).Get();
        // Kept only if no change was announced while it was being read: the read might predate that change.
        if (Current && Interlocked.Read(ref _generation) == generation)
        {
            if (_accounts.Count >= MaxEntries) _accounts.Clear();
            _accounts[normalisedName] = account;
        }
        return account;
    }

    public Task AccountChanged(string userName)
    {
        Interlocked.Increment(ref _generation);
        _accounts.TryRemove(userName, out _);
        return Task.CompletedTask;
    }

    private void Forget()
    {
        Interlocked.Increment(ref _generation);
        _accounts.Clear();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<IAccountObserver>(this);
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                // Unknown to the feed (new, or the feed lost its silo, or this cache missed a change): start over.
                if (!await grains.GetGrain<IAccountChangesGrain>(0).Subscribe(_cacheId, _reference)) Forget();
                Interlocked.Exchange(ref _subscribedAt, started);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not subscribe the account cache; checking every request with the account grain until it can");
            }
            try { await Task.Delay(Refresh, stoppingToken); } catch (OperationCanceledException) { }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _subscribedAt, long.MinValue);
        try { await grains.GetGrain<IAccountChangesGrain>(0).Unsubscribe(_cacheId); } catch { /* the cluster may be gone first */ }
        if (_reference is not null) grains.DeleteObjectReference<IAccountObserver>(_reference);
        await base.StopAsync(cancellationToken);
    }
}
