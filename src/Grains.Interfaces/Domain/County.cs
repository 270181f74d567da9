namespace Programme.Domain;

/// <summary>A county, county-level city, district or functional zone (县市区) that the city hands targets to.</summary>
[GenerateSerializer, Immutable]
public sealed record County([property: Id(0)] string Id, [property: Id(1)] string NameZh, [property: Id(2)] string NameEn);
