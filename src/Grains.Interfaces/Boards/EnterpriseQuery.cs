namespace Programme.Boards;

/// <summary>Paging, sorting and filtering of a county's enterprise list.</summary>
[GenerateSerializer, Immutable]
public sealed record EnterpriseQuery
{
    [Id(0)] public int Skip { get; init; }
    [Id(1)] public int Take { get; init; } = 50;
    /// <summary>name, id, sector, projects, totalInvestment, completed, completedThisYear.</summary>
    [Id(2)] public string Sort { get; init; } = "name";
    [Id(3)] public bool Descending { get; init; }
    /// <summary>Case-insensitive substring of the id or name.</summary>
    [Id(4)] public string? Search { get; init; }
    [Id(5)] public bool? AboveScale { get; init; }
    [Id(6)] public bool? Covered { get; init; }
    [Id(7)] public string? Sector { get; init; }
    [Id(8)] public string? Status { get; init; }
}
