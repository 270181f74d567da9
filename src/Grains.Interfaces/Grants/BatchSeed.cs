namespace Programme.Grants;

/// <summary>A batch as a dataset holds it — its call and its applications with their histories — loaded only if the batch is new.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchSeed(
    [property: Id(0)] string Id,
    [property: Id(1)] BatchCall Call,
    [property: Id(2)] IReadOnlyList<GrantApplication> Applications,
    [property: Id(3)] bool AcceptingApplications,
    [property: Id(4)] DateTimeOffset CreatedAt);
