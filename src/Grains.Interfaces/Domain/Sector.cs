namespace Programme.Domain;

[GenerateSerializer, Immutable]
public sealed record Sector([property: Id(0)] string Id, [property: Id(1)] string NameZh, [property: Id(2)] string NameEn);
