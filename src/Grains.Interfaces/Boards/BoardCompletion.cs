namespace Programme.Boards;

/// <summary>
/// Investment completed in the programme year read against its two bases, as the bureau states it: of the year's projects'
/// own annual plan (the reply's "完成年度目标的90.2%": 137 亿 of 151.8 亿) and of the implementation plan's annual target
/// (150 亿: 91.3 %). Money in yuan; shares are fractions 0–1 (0 when the base is 0).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BoardCompletion(
    [property: Id(0)] decimal Completed,
    [property: Id(1)] decimal Plan,
    [property: Id(2)] decimal OfPlan,
    [property: Id(3)] decimal Target,
    [property: Id(4)] decimal OfTarget);
