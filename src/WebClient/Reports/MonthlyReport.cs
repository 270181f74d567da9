using Programme.Boards;

namespace Programme.Web.Reports;

/// <summary>
/// The monthly scheduling report (月调度通报) for one reporting month: the figures against targets and calendar progress,
/// the county league with its first and last, the warnings and the forecast when they have been computed (null: not yet),
/// the month's scheduling completeness and the key projects (重点项目). Money in yuan; shares 0–1.
/// </summary>
public sealed record MonthlyReport
{
    public required string Month { get; init; }
    public int ProgrammeYear { get; init; }
    public decimal CalendarProgress { get; init; }
    public required string DueDate { get; init; }
    public required IReadOnlyList<ReportFigure> Figures { get; init; }
    public required IReadOnlyList<CountyRow> League { get; init; }
    public CountyRow? First { get; init; }
    public CountyRow? Last { get; init; }
    public int ScheduleDue { get; init; }
    public int ScheduleReported { get; init; }
    public IReadOnlyList<BoardWarning>? Warnings { get; init; }
    public BoardForecast? Forecast { get; init; }
    public required IReadOnlyList<KeyProjectRow> KeyProjects { get; init; }
}

/// <summary>One target line: what was done against the target and, for a flow target, against calendar progress.</summary>
/// <param name="Unit">"yuan", "count" or "share".</param>
/// <param name="AheadOfCalendar">Share of target minus calendar progress (a flow target), or minus 1 (coverage): + ahead, − behind.</param>
public sealed record ReportFigure(string Key, string Label, string LabelEn, string Unit, decimal Target, decimal Actual, decimal? OfTarget,
    decimal? AheadOfCalendar, string Status);

/// <summary>A key project (重点项目) with its investment and the month's scheduling report (形象进度, 存在问题) if it has one.</summary>
public sealed record KeyProjectRow(string CountyId, string County, string EnterpriseId, string Enterprise, string ProjectId, string Name,
    string Kind, string Status, decimal TotalInvestment, decimal PlannedThisYear, decimal CompletedThisYear, decimal Invested,
    decimal? ProgressPercent, string? Progress, string? Problems);
