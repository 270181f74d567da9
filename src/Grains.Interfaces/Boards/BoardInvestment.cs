namespace Programme.Boards;

/// <summary>Yuan. <c>ThisYearTotal</c> is the total investment of the projects active in the programme year.</summary>
[GenerateSerializer, Immutable]
public sealed record BoardInvestment(
    [property: Id(0)] decimal Total,
    [property: Id(1)] decimal Completed,
    [property: Id(2)] decimal PlannedThisYear,
    [property: Id(3)] decimal CompletedThisYear,
    [property: Id(4)] decimal ThisYearTotal);
