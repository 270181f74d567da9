namespace Programme.Boards;

/// <summary>
/// An early warning (预警) raised by a configured rule: its level ("red" | "amber"), the rule's id, the target it watches,
/// the county or firm it is about (null when city-wide), when it started, and a reason sentence with the numbers in
/// each language (<see cref="Reason"/> zh-CN, <see cref="ReasonEn"/> en).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardWarning(
    [property: Id(0)] string Level,
    [property: Id(1)] string Rule,
    [property: Id(2)] string Target,
    [property: Id(3)] string? CountyId,
    [property: Id(4)] string? EnterpriseId,
    [property: Id(5)] DateTimeOffset Since,
    [property: Id(6)] string Reason,
    [property: Id(7)] string ReasonEn);
