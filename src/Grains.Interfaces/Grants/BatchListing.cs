namespace Programme.Grants;

/// <summary>A batch as the catalogue lists it.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchListing([property: Id(0)] string Id, [property: Id(1)] string Name, [property: Id(2)] DateTimeOffset CreatedAt);
