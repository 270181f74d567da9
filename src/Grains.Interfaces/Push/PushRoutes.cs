namespace Programme.Push;

/// <summary>Where board updates go: every live front end's observer, and the scopes watched by at least one browser.</summary>
[GenerateSerializer, Immutable]
public sealed record PushRoutes(
    [property: Id(0)] IReadOnlyList<IBoardObserver> Observers,
    [property: Id(1)] IReadOnlySet<string> WatchedScopes,
    [property: Id(2)] long Version);
