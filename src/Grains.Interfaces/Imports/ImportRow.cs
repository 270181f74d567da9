namespace Programme.Imports;

/// <summary>One row of a county's monthly report (月报): a firm's project, a month, the investment completed in it (yuan).</summary>
[GenerateSerializer, Immutable, Alias("programme.import-row")]
public sealed record ImportRow(
    [property: Id(0)] int Row,
    [property: Id(1)] string EnterpriseId,
    [property: Id(2)] string ProjectId,
    [property: Id(3)] string Month,
    [property: Id(4)] decimal Invested)
{
    /// <summary>The month's scheduling columns (形象进度, 形象进度（%）, 存在问题, 是否纳统), when the sheet carries them.</summary>
    [Id(5)] public string? Progress { get; init; }
    [Id(6)] public decimal? ProgressPercent { get; init; }
    [Id(7)] public string? Problems { get; init; }
    [Id(8)] public bool? InStatistics { get; init; }

    public Commands.ReportProgress ToCommand() => new(ProjectId, Month, Invested)
    {
        Progress = Progress, ProgressPercent = ProgressPercent, Problems = Problems, InStatistics = InStatistics,
    };
}
