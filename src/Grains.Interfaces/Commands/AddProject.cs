namespace Programme.Commands;

/// <summary>Add a transformation project. Months are "YYYY-MM"; money in yuan. Status defaults to "planned": a planned project is proposed for the project database (项目库) and must be entered (入库) before it starts.</summary>
[GenerateSerializer, Immutable]
public sealed record AddProject(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Kind,
    [property: Id(2)] decimal? TotalInvestment,
    [property: Id(3)] decimal? PlannedThisYear,
    [property: Id(4)] string? StartMonth,
    [property: Id(5)] string? EndMonth,
    [property: Id(6)] string? Status = null)
{
    /// <summary>The planning batch (谋划批次) it was planned in, e.g. "2022-3". A planned project enters the project database only after county and city review.</summary>
    [Id(7)] public string? PlanningBatch { get; init; }
    /// <summary>"5g" or "industrial-internet": a project of the fund's own categories (三大改造暨5G、工业互联网).</summary>
    [Id(8)] public string? Theme { get; init; }
    /// <summary>Eligible equipment investment (设备投资, yuan, at most the total): the base of machine-replaces-labour support.</summary>
    [Id(9)] public decimal? EquipmentInvestment { get; init; }
}
