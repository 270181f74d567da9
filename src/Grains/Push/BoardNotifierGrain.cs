using Microsoft.Extensions.Logging;
using Programme.Push;

namespace Programme.Grains.Push;

/// <summary>
/// Per-silo push stage (after the GPSTracker sample's notifier): keeps the newest snapshot per scope and flushes every
/// 50 ms to every front end's observer — only scopes some browser watches; the rest cost a dictionary entry. An update
/// for a scope that is not (yet) known to be watched is parked briefly, so a browser that subscribed a moment ago
/// still gets it once the routes catch up.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class BoardNotifierGrain(TimeProvider clock, ILogger<BoardNotifierGrain> logger) : Grain, IBoardNotifierGrain
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan RoutesMaxAge = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RoutesTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ParkFor = TimeSpan.FromSeconds(3);

    private Dictionary<string, BoardUpdate> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (BoardUpdate Update, long Since)> _parked = new(StringComparer.Ordinal);
    private PushRoutes? _routes;
    private long _routesAt;
    private IGrainTimer? _timer;

    public Task Publish(BoardUpdate update)
    {
        if (!_pending.TryGetValue(update.Scope, out var held) || held.Version < update.Version) _pending[update.Scope] = update;
        _timer ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(FlushInterval, FlushInterval) { Interleave = false });
        return Task.CompletedTask;
    }

    private async Task Flush(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0 && _parked.Count == 0)
        {
            _timer?.Dispose();
            _timer = null;
            return;
        }
        var routes = await Routes();
        var now = clock.GetTimestamp();
        var batch = new List<BoardUpdate>();
        foreach (var u in _pending.Values)
        {
            if (routes.WatchedScopes.Contains(u.Scope)) batch.Add(u);
            else _parked[u.Scope] = (u, now);
        }
        _pending = new(StringComparer.Ordinal);
        foreach (var (scope, (u, since)) in _parked.ToArray())
        {
            if (routes.WatchedScopes.Contains(scope))
            {
                if (batch.All(b => b.Scope != scope)) batch.Add(u);
                _parked.Remove(scope);
            }
            else if (clock.GetElapsedTime(since, now) > ParkFor) _parked.Remove(scope);
        }
        if (batch.Count == 0 || routes.Observers.Count == 0) return;
        batch.Sort((a, b) => a.Version.CompareTo(b.Version));
        await Task.WhenAll(routes.Observers.Select(o => Send(o, batch)));
    }

    private async Task Send(IBoardObserver observer, IReadOnlyList<BoardUpdate> batch)
    {
        try
        {
            await observer.OnBoards(batch);
        }
        catch (Exception ex)
        {
            // A front end that went away: the registry drops it when it stops re-registering.
            logger.LogDebug(ex, "A board observer did not take {Count} updates", batch.Count);
        }
    }

    private async Task<PushRoutes> Routes()
    {
        if (_routes is null || clock.GetElapsedTime(_routesAt) > RoutesMaxAge)
        {
            try
            {
                _routes = await GrainFactory.GetGrain<IBoardRegistryGrain>(0).GetRoutes().WaitAsync(RoutesTimeout);
            }
            catch (Exception ex) when (_routes is not null)
            {
                // The registry's silo may have just died: keep pushing along the routes last known until it is back.
                logger.LogDebug(ex, "Board routes not refreshed; using those of {Age} ago", clock.GetElapsedTime(_routesAt));
            }
            _routesAt = clock.GetTimestamp();
        }
        return _routes;
    }
}
