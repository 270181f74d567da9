namespace Programme.Domain;

/// <summary>A transformation project (改造项目) of one enterprise. Money in yuan.</summary>
[GenerateSerializer, Immutable, Alias("programme.project")]
public sealed record Project
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public ProjectKind Kind { get; init; }
    [Id(3)] public decimal TotalInvestment { get; init; }
    /// <summary>Investment planned for the programme year (年度计划投资).</summary>
    [Id(4)] public decimal PlannedThisYear { get; init; }
    [Id(5)] public YearMonth StartMonth { get; init; }
    [Id(6)] public YearMonth EndMonth { get; init; }
    [Id(7)] public ProjectStatus Status { get; init; }
    /// <summary>Investment completed per month, ascending by month, one entry per month.</summary>
    [Id(8)] public MonthlyInvestment[] Monthly { get; init; } = [];
    /// <summary>The planning batch (谋划批次) the project was planned in, e.g. "2022-3" for 三工业〔2022〕3号; null if none.</summary>
    [Id(9)] public string? PlanningBatch { get; init; }
    /// <summary>Where it stands in the project database (项目库).</summary>
    [Id(10)] public ProjectEntry Entry { get; init; }
    /// <summary>A key project (重点项目) the city follows individually.</summary>
    [Id(11)] public bool Key { get; init; }
    /// <summary>Why it left the database (出库): "cancelled" or "merged"; with a merge, the project it went into.</summary>
    [Id(12)] public string? ExitReason { get; init; }
    [Id(13)] public string? MergedInto { get; init; }
    /// <summary>The last reviewer's note (e.g. why it was returned, 退回原因).</summary>
    [Id(14)] public string? EntryNote { get; init; }
    /// <summary>Monthly scheduling reports (月调度), ascending by month, one per month.</summary>
    [Id(15)] public ScheduleReport[] Schedule { get; init; } = [];
    /// <summary>A 5G or industrial-internet project (the fund's own categories), if it is one.</summary>
    [Id(16)] public ProjectTheme? Theme { get; init; }
    /// <summary>Eligible equipment investment (设备投资, yuan): the base of machine-replaces-labour support (机器换人支持比例).</summary>
    [Id(17)] public decimal? EquipmentInvestment { get; init; }

    /// <summary>Expected to report the month (月调度): in the database, underway, begun by then.</summary>
    public bool DueToReport(YearMonth month) => Entry == ProjectEntry.Entered && Status == ProjectStatus.Underway && StartMonth <= month;

    public decimal Invested
    {
        get
        {
            decimal sum = 0;
            foreach (var m in Monthly) sum += m.Amount;
            return sum;
        }
    }

    /// <summary>Counts toward coverage: underway or completed.</summary>
    public bool Implemented => Status is ProjectStatus.Underway or ProjectStatus.Completed;

    /// <summary>In the project database and not left it: entered (入库), not exited.</summary>
    public bool InDatabase => Entry == ProjectEntry.Entered;

    /// <summary>Planned to start in the given year, in the database (the base of the start rate 开工率).</summary>
    public bool PlannedToStartIn(int year) => Entry == ProjectEntry.Entered && Status != ProjectStatus.Cancelled && StartMonth.Year == year;

    /// <summary>Implemented and running at some point of the given programme year.</summary>
    public bool ActiveIn(int year) => Implemented && StartMonth.Year <= year && EndMonth.Year >= year;
}
