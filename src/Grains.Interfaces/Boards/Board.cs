using System.Text.Json.Serialization;

namespace Programme.Boards;

/// <summary>
/// A target board (目标看板): the city's (scope "city") or one county's (scope "county:{id}"), shaped as CONTRACT.md fixes it,
/// with extensions for the other annual targets, the grant fund, the monthly trend and the county league.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Board : Push.IVersionedSnapshot
{
    [Id(0)] public required string Scope { get; init; }
    [Id(1)] public long Version { get; init; }
    [Id(2)] public required string ReportingMonth { get; init; }
    [Id(3)] public int ProgrammeYear { get; init; }
    [Id(4)] public required BoardEnterprises Enterprises { get; init; }
    [Id(5)] public required BoardProjects Projects { get; init; }
    [Id(6)] public required BoardInvestment Investment { get; init; }
    [Id(7)] public required BoardTargets Targets { get; init; }
    [Id(8)] public required BoardBelowScale BelowScale { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(9)] public IReadOnlyList<CountyRow>? Counties { get; init; }
    /// <summary>Share of the programme year elapsed at the end of the reporting month (时间进度), 0–1.</summary>
    [Id(10)] public decimal CalendarProgress { get; init; }
    [Id(11)] public required BoardMilestones Cloud { get; init; }
    [Id(12)] public required BoardMilestones Digital { get; init; }
    [Id(13)] public required BoardCertifications Certifications { get; init; }
    [Id(14)] public required BoardFund Fund { get; init; }
    [Id(15)] public required BoardOperating Operating { get; init; }
    /// <summary>Investment completed per month of the programme year, up to the reporting month.</summary>
    [Id(16)] public required IReadOnlyList<MonthPoint> Trend { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(17)] public string? CountyId { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(18)] public string? Name { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Id(19)] public string? NameEn { get; init; }
    /// <summary>Red/amber/green per target, for this board's own figures.</summary>
    [Id(20)] public required TargetStatus Status { get; init; }
    [Id(21)] public decimal Score { get; init; }
    /// <summary>Investment completed this year against the projects' annual plan and against the annual target, each with its base.</summary>
    [Id(22)] public BoardCompletion? Completion { get; init; }
    [Id(23)] public BoardDatabase? Database { get; init; }
    [Id(24)] public BoardSchedule? Schedule { get; init; }
    [Id(25)] public BoardSme? Sme { get; init; }
    /// <summary>The live forecast of this board's targets (null until the first fork has run).</summary>
    [Id(26)] public BoardForecast? Forecast { get; init; }
    /// <summary>The early warnings in force for this board's scope, red first.</summary>
    [Id(27)] public IReadOnlyList<BoardWarning>? Warnings { get; init; }
}
