namespace Programme.Domain;

/// <summary>
/// A project's monthly scheduling report (月调度) for one month, beside the month's investment: physical progress in words
/// and as a percentage (形象进度), problems met (存在问题), and whether the month's investment is counted in the statistics (纳统).
/// </summary>
[GenerateSerializer, Immutable, Alias("programme.schedule-report")]
public sealed record ScheduleReport
{
    [Id(0)] public YearMonth Month { get; init; }
    [Id(1)] public required string Progress { get; init; }
    [Id(2)] public decimal ProgressPercent { get; init; }
    [Id(3)] public string? Problems { get; init; }
    [Id(4)] public bool InStatistics { get; init; }
}
