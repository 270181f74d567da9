namespace Programme.Boards;

/// <summary>One county's line in the city's league table (排名).</summary>
[GenerateSerializer, Immutable]
public sealed record CountyRow
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string NameEn { get; init; }
    [Id(3)] public int AboveScale { get; init; }
    [Id(4)] public int Covered { get; init; }
    [Id(5)] public decimal Coverage { get; init; }
    [Id(6)] public decimal PlannedThisYear { get; init; }
    [Id(7)] public decimal CompletedThisYear { get; init; }
    [Id(8)] public int Rank { get; init; }
    [Id(9)] public decimal Score { get; init; }
    [Id(10)] public int ProjectsThisYear { get; init; }
    [Id(11)] public int ProjectsTarget { get; init; }
    [Id(12)] public decimal CompletedTarget { get; init; }
    [Id(13)] public required TargetStatus Status { get; init; }
    [Id(14)] public long Version { get; init; }
    [Id(15)] public int Uncovered { get; init; }
    /// <summary>Coverage on the previous year's list (the reply's reading), firms newly above scale this year, and investment completed of the county's projects' annual plan.</summary>
    [Id(16)] public decimal PriorListCoverage { get; init; }
    [Id(17)] public int NewlyAboveScale { get; init; }
    [Id(18)] public decimal OfPlan { get; init; }
    /// <summary>开工率: started over planned to start this year, of the county's project database.</summary>
    [Id(19)] public decimal StartRate { get; init; }
    [Id(20)] public int PlannedStart { get; init; }
    [Id(21)] public int Started { get; init; }
    /// <summary>月调度 of the reporting month: due, reported, completeness.</summary>
    [Id(22)] public int ScheduleDue { get; init; }
    [Id(23)] public int ScheduleReported { get; init; }
    [Id(24)] public decimal ScheduleCompleteness { get; init; }
}
