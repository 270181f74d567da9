using Microsoft.Extensions.Logging;
using Programme.Push;

namespace Programme.Grains.Push;

/// <summary>
/// Per-silo push stage (after the GPSTracker sample's notifier): hands each new board snapshot on to every front end's
/// observer at once, keeping only the newest per scope of those that arrive while the front ends' list is being read.
/// It does not know which scopes are watched: each front end does, and drops what no browser of its own watches, so a
/// browser that has just subscribed gets every update produced after its front end started watching the scope.
/// </summary>
[StatelessWorker(1)]
[Reentrant]
public sealed class BoardNotifierGrain(TimeProvider clock, ILogger<BoardNotifierGrain> logger) : Grain, IBoardNotifierGrain
{
    /// <summary>How old the list of front ends may be; a front end that has just registered waits this long before it
    /// counts on every notifier knowing it (<c>BoardPushService</c>).</summary>
    public static readonly TimeSpan RoutesMaxAge = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RoutesTimeout = TimeSpan.FromSeconds(2);

    private Dictionary<string, BoardUpdate> _pending = new(StringComparer.Ordinal);
    private PushRoutes? _routes;
    private long _routesAt;
    private bool _sending;

    public Task Publish(BoardUpdate update)
    {
        if (!_pending.TryGetValue(update.Scope, out var held) || held.Version < update.Version) _pending[update.Scope] = update;
        if (!_sending)
        {
            _sending = true;
            _ = SendPending();
        }
        return Task.CompletedTask;
    }

    private async Task SendPending()
    {
        try
        {
            while (_pending.Count > 0)
            {
                var routes = await Routes();
                var batch = _pending.Values.ToList();
                _pending = new(StringComparer.Ordinal);
                if (routes.Observers.Count == 0) continue;
                batch.Sort((a, b) => a.Version.CompareTo(b.Version));
                // One-way calls: no front end, however slow, holds back the others.
                foreach (var observer in routes.Observers) Send(observer, batch);
            }
        }
        catch (Exception ex)
        {
            // No front end known yet and the registry unreachable: what is pending waits for the next snapshot.
            logger.LogDebug(ex, "Board routes unavailable; {Count} scope(s) wait for the next update", _pending.Count);
        }
        finally
        {
            _sending = false;
        }
    }

    private void Send(IBoardObserver observer, IReadOnlyList<BoardUpdate> batch)
    {
        try
        {
            observer.OnBoards(batch).Ignore();
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
            // Aged from the asking, not the answer: routes read now reflect every registration completed before.
            var asked = clock.GetTimestamp();
            try
            {
                _routes = await GrainFactory.GetGrain<IBoardRegistryGrain>(0).GetRoutes().WaitAsync(RoutesTimeout);
                _routesAt = asked;
            }
            catch (Exception ex) when (_routes is not null)
            {
                // The registry's silo may have just died: keep pushing along the routes last known until it is back.
                logger.LogDebug(ex, "Board routes not refreshed; using those of {Age} ago", clock.GetElapsedTime(_routesAt));
                _routesAt = asked;
            }
        }
        return _routes;
    }
}
