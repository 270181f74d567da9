using Programme.Domain;

namespace Programme.Commands;

/// <summary>Register a firm, or update its profile. Moving it to another county is the city's right alone (checked at the edge).</summary>
[GenerateSerializer, Immutable]
public sealed record UpsertEnterprise(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? CountyId,
    [property: Id(2)] string? Sector,
    [property: Id(3)] bool? AboveScale,
    [property: Id(4)] string? Status);
