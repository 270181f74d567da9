namespace Programme.Commands;

/// <summary>Add a transformation project. Months are "YYYY-MM"; money in yuan. Status defaults to "planned".</summary>
[GenerateSerializer, Immutable]
public sealed record AddProject(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Kind,
    [property: Id(2)] decimal? TotalInvestment,
    [property: Id(3)] decimal? PlannedThisYear,
    [property: Id(4)] string? StartMonth,
    [property: Id(5)] string? EndMonth,
    [property: Id(6)] string? Status = null);
