namespace Programme.Commands;

/// <summary>The investment completed in one month of a project; reporting the same month again replaces it.</summary>
[GenerateSerializer, Immutable]
public sealed record ReportProgress(
    [property: Id(0)] string ProjectId,
    [property: Id(1)] string? Month,
    [property: Id(2)] decimal? Invested)
{
    /// <summary>
    /// The month's scheduling report (月调度), optional: 形象进度 in words and percent, 存在问题, 纳统. Given any of them, the words,
    /// the percentage and 纳统 are all required.
    /// </summary>
    [Id(3)] public string? Progress { get; init; }
    [Id(4)] public decimal? ProgressPercent { get; init; }
    [Id(5)] public string? Problems { get; init; }
    [Id(6)] public bool? InStatistics { get; init; }
    /// <summary>
    /// Removes the month's scheduling report (with no scheduling field given): how an import's rollback restores a month
    /// that had none before the import.
    /// </summary>
    [Id(7)] public bool ClearSchedule { get; init; }

    public bool HasSchedule => Progress is not null || ProgressPercent is not null || Problems is not null || InStatistics is not null;
}
