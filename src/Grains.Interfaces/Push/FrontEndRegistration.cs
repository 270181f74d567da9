using Orleans.Runtime;

namespace Programme.Push;

/// <summary>A front end's observer and (co-hosted) the silo it lives in.</summary>
[GenerateSerializer, Immutable]
public sealed record FrontEndRegistration(
    [property: Id(0)] string FrontEndId,
    [property: Id(1)] IBoardObserver Observer,
    [property: Id(3)] SiloAddress? HostSilo);
