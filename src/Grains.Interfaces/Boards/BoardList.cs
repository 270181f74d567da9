namespace Programme.Boards;

/// <summary>Coverage measured on one year's above-scale list (规上企业名录): its firms, those covered, the share.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardList(
    [property: Id(0)] int Year,
    [property: Id(1)] int AboveScale,
    [property: Id(2)] int Covered,
    [property: Id(3)] decimal Coverage);
