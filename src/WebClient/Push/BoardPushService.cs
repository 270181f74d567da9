using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Orleans.Runtime;
using Programme.Push;

namespace Programme.Web.Push;

/// <summary>
/// This front end's board observer, and the one owner of which scopes it watches (those of its SignalR groups with a
/// member): registered with the cluster's registry (again every 5 s), it gets every board update from every silo's
/// notifier, drops those of scopes none of its browsers watch, and sends the rest to the scope's SignalR group,
/// dropping any version not newer than the last one sent, so browsers see each scope in version order. An update
/// dropped because its scope was not yet watched is older than the snapshot the subscriber then reads.
/// </summary>
public sealed class BoardPushService(
    IGrainFactory grains,
    IHubContext<BoardHub> hub,
    BoardMetrics metrics,
    IServiceProvider services,
    ILogger<BoardPushService> logger) : BackgroundService, IBoardObserver
{
    // Short, because the registry holds no state: when its silo dies it comes back empty, and pushes to this front end
    // resume only once it registers again.
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(5);
    private readonly string _frontEndId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly ConcurrentDictionary<string, HashSet<string>> _byConnection = new();
    private readonly ConcurrentDictionary<string, int> _watchers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _lastSent = new(StringComparer.Ordinal);
    /// <summary>How long a subscription waits, at most, for this front end to be known to every notifier.</summary>
    private static readonly TimeSpan RoutedWait = TimeSpan.FromSeconds(5);
    private readonly TaskCompletionSource _routed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IBoardObserver? _reference;

    public async Task OnBoards(IReadOnlyList<BoardUpdate> updates)
    {
        foreach (var u in updates)
        {
            if (!_watchers.ContainsKey(u.Scope)) continue;
            var sent = _lastSent.GetOrAdd(u.Scope, long.MinValue);
            if (u.Version <= sent || !_lastSent.TryUpdate(u.Scope, u.Version, sent)) continue;
            await hub.Clients.Group(u.Scope).SendAsync(BoardHub.BoardMethod, u.Scope, u.Snapshot);
            metrics.Pushed(u);
        }
    }

    /// <summary>
    /// A subscriber was just handed <paramref name="snapshot"/>. Nothing older may reach the scope's group after it; if it
    /// is newer than what the group has seen, the group's other members get it too, so nobody misses a change.
    /// </summary>
    public async Task Delivered(string scope, object snapshot, string connectionId)
    {
        if (snapshot is not IVersionedSnapshot versioned) return;
        while (true)
        {
            var sent = _lastSent.GetOrAdd(scope, long.MinValue);
            if (versioned.Version <= sent) return;
            if (_lastSent.TryUpdate(scope, versioned.Version, sent)) break;
        }
        await hub.Clients.GroupExcept(scope, connectionId).SendAsync(BoardHub.BoardMethod, scope, snapshot);
    }

    /// <summary>
    /// From here on, updates of <paramref name="scope"/> reach the connection's group. The first subscription after the
    /// front end starts also waits until every notifier knows it (at most <see cref="RoutedWait"/>).
    /// </summary>
    public async Task Watch(string connectionId, string scope)
    {
        var scopes = _byConnection.GetOrAdd(connectionId, _ => []);
        bool added;
        lock (scopes) added = scopes.Add(scope);
        if (added) _watchers.AddOrUpdate(scope, 1, (_, n) => n + 1);
        if (!_routed.Task.IsCompleted)
        {
            try { await _routed.Task.WaitAsync(RoutedWait); }
            catch (TimeoutException) { logger.LogWarning("Board pushes not routed to this front end yet; the subscriber gets its snapshot"); }
        }
    }

    public Task Unwatch(string connectionId, string scope)
    {
        if (!_byConnection.TryGetValue(connectionId, out var scopes)) return Task.CompletedTask;
        bool removed;
        lock (scopes) removed = scopes.Remove(scope);
        if (removed) Release(scope);
        return Task.CompletedTask;
    }

    public Task Disconnected(string connectionId)
    {
        if (!_byConnection.TryRemove(connectionId, out var scopes)) return Task.CompletedTask;
        string[] all;
        lock (scopes) all = [.. scopes];
        foreach (var scope in all) Release(scope);
        return Task.CompletedTask;
    }

    private void Release(string scope)
    {
        var left = _watchers.AddOrUpdate(scope, 0, (_, n) => n - 1);
        if (left > 0) return;
        _watchers.TryRemove(new KeyValuePair<string, int>(scope, left));
        _lastSent.TryRemove(scope, out _);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _reference = grains.CreateObjectReference<IBoardObserver>(this);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Register();
                if (!_routed.Task.IsCompleted)
                {
                    // Every notifier re-reads the front ends at least this often: from then on none drops this one.
                    await Task.Delay(Programme.Grains.Push.BoardNotifierGrain.RoutesMaxAge, stoppingToken);
                    _routed.TrySetResult();
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not register the board observer; retrying");
            }
            try { await Task.Delay(Refresh, stoppingToken); } catch (OperationCanceledException) { }
        }
    }

    private async Task Register()
    {
        if (_reference is null) return;
        var host = services.GetService<ILocalSiloDetails>()?.SiloAddress;
        await grains.GetGrain<IBoardRegistryGrain>(0).Register(new FrontEndRegistration(_frontEndId, _reference, host));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        try { await grains.GetGrain<IBoardRegistryGrain>(0).Unregister(_frontEndId); } catch { /* the cluster may be gone first */ }
        if (_reference is not null) grains.DeleteObjectReference<IBoardObserver>(_reference);
        await base.StopAsync(cancellationToken);
    }
}
