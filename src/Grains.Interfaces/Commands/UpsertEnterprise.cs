using Programme.Domain;

namespace Programme.Commands;

/// <summary>Register a firm, or update its profile. Moving it to another county is the city's right alone (checked at the edge).</summary>
[GenerateSerializer, Immutable]
public sealed record UpsertEnterprise(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? CountyId,
    [property: Id(2)] string? Sector,
    [property: Id(3)] bool? AboveScale,
    [property: Id(4)] string? Status)
{
    /// <summary>
    /// The year the firm entered the above-scale list (入规年份). Omitted: unchanged; a below-scale firm turning above-scale
    /// without it entered in the programme year (新入规).
    /// </summary>
    [Id(5)] public int? AboveScaleSince { get; init; }
}
