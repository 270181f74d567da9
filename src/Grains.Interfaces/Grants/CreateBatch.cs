namespace Programme.Grants;

/// <summary>
/// Open a funding batch. Months "YYYY-MM"; kinds and classes in their wire spelling; money in yuan; a null budget is an
/// uncapped fund. Reward amounts are keyed by result ("smart-workshop", "machine-replaces-labour", …).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CreateBatch(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? WindowFrom,
    [property: Id(2)] string? WindowTo,
    [property: Id(3)] string[]? Kinds,
    [property: Id(4)] SubsidyTerms? Subsidy,
    [property: Id(5)] Dictionary<string, decimal?>? Rewards,
    [property: Id(6)] decimal? Budget,
    [property: Id(7)] string? Reference = null)
{
    /// <summary>The fund's own categories funded too: "5g", "industrial-internet".</summary>
    [Id(8)] public string[]? Themes { get; init; }
    /// <summary>Machine-replaces-labour support as a ratio of eligible equipment investment: { rate 0–1, cap }.</summary>
    [Id(9)] public SubsidyTerms? MachineReplacesLabour { get; init; }
}
