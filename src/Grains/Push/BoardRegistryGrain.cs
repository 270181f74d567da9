using Microsoft.Extensions.Logging;
using Programme.Push;

namespace Programme.Grains.Push;

/// <summary>
/// One board observer per web front end (which scopes its browsers watch is the front end's own business). Not
/// persisted: front ends re-register every 5 s. An entry not refreshed for 90 s, or whose co-hosting silo has left the
/// cluster, is pruned.
/// </summary>
public sealed class BoardRegistryGrain(IClusterMembershipService membership, TimeProvider clock, ILogger<BoardRegistryGrain> logger) : Grain, IBoardRegistryGrain
{
    private static readonly TimeSpan Expiry = TimeSpan.FromSeconds(90);
    private readonly Dictionary<string, (FrontEndRegistration Registration, long Seen)> _frontEnds = new(StringComparer.Ordinal);
    private PushRoutes? _routes;
    private long _version;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(Prune, new GrainTimerCreationOptions(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)));
        // Worth a line: boards go quiet from here until every front end has registered again.
        logger.LogInformation("Board registry activated on {Silo}", RuntimeIdentity);
        return Task.CompletedTask;
    }

    public Task Register(FrontEndRegistration registration)
    {
        var known = _frontEnds.TryGetValue(registration.FrontEndId, out var held) && held.Registration == registration;
        _frontEnds[registration.FrontEndId] = (registration, clock.GetTimestamp());
        if (!known) Changed();
        return Task.CompletedTask;
    }

    public Task Unregister(string frontEndId)
    {
        if (_frontEnds.Remove(frontEndId)) Changed();
        return Task.CompletedTask;
    }

    public Task<PushRoutes> GetRoutes() =>
        Task.FromResult(_routes ??= new PushRoutes(
            _frontEnds.Values.Select(f => f.Registration.Observer).ToArray(),
            _version));

    private Task Prune(CancellationToken cancellationToken)
    {
        var now = clock.GetTimestamp();
        var active = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress).ToHashSet();
        var gone = _frontEnds
            .Where(f => clock.GetElapsedTime(f.Value.Seen, now) > Expiry || (f.Value.Registration.HostSilo is { } silo && !active.Contains(silo)))
            .Select(f => f.Key).ToList();
        foreach (var id in gone) _frontEnds.Remove(id);
        if (gone.Count > 0) Changed();
        return Task.CompletedTask;
    }

    private void Changed()
    {
        _version++;
        _routes = null;
    }
}
