namespace Programme.Push;

/// <summary>Where board updates go: every live front end's observer (each drops the scopes none of its browsers watch).</summary>
[GenerateSerializer, Immutable]
public sealed record PushRoutes(
    [property: Id(0)] IReadOnlyList<IBoardObserver> Observers,
    [property: Id(2)] long Version);
