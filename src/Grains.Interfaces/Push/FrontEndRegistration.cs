using Orleans.Runtime;

namespace Programme.Push;

/// <summary>A front end's observer, the scopes its browsers watch now, and (co-hosted) the silo it lives in.</summary>
[GenerateSerializer, Immutable]
public sealed record FrontEndRegistration(
    [property: Id(0)] string FrontEndId,
    [property: Id(1)] IBoardObserver Observer,
    [property: Id(2)] string[] WatchedScopes,
    [property: Id(3)] SiloAddress? HostSilo);
