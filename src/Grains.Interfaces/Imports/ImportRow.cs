namespace Programme.Imports;

/// <summary>
/// One row of a county's monthly report (月报): a firm's project, a month, and what the row sets. A value left blank
/// in the file is null here and means "no change" (the template comes pre-filled with what is already reported).
/// </summary>
[GenerateSerializer, Immutable, Alias("programme.import-row")]
public sealed record ImportRow(
    [property: Id(0)] int Row,
    [property: Id(1)] string EnterpriseId,
    [property: Id(2)] string ProjectId,
    [property: Id(3)] string Month,
    [property: Id(4)] decimal? Invested)
{
    /// <summary>The month's scheduling columns (形象进度, 形象进度（%）, 存在问题, 是否纳统), when the sheet carries them.</summary>
    [Id(5)] public string? Progress { get; init; }
    [Id(6)] public decimal? ProgressPercent { get; init; }
    [Id(7)] public string? Problems { get; init; }
    [Id(8)] public bool? InStatistics { get; init; }

    /// <summary>Whether the row fills any scheduling column.</summary>
    public bool HasSchedule => Progress is not null || ProgressPercent is not null || Problems is not null || InStatistics is not null;

    /// <summary>
    /// The command for the row: its amount (the held one when the amount cell is blank) and its scheduling columns, each
    /// blank one taken from what the month already holds (<paramref name="held"/>), so a blank cell changes nothing.
    /// </summary>
    public Commands.ReportProgress ToCommand(decimal invested, Domain.ScheduleReport? held) => new(ProjectId, Month, invested)
    {
        Progress = HasSchedule ? Progress ?? held?.Progress : null,
        ProgressPercent = HasSchedule ? ProgressPercent ?? held?.ProgressPercent : null,
        Problems = HasSchedule ? Problems ?? held?.Problems : null,
        InStatistics = HasSchedule ? InStatistics ?? held?.InStatistics : null,
    };
}
