namespace Programme.Web.Api;

/// <summary>
/// Request body of PUT …/progress/{month}: the month's investment and, optionally, its scheduling report (月调度: 形象进度 in
/// words and percent, 存在问题, 纳统).
/// </summary>
public sealed record ProgressBody(decimal? Invested, string? Progress = null, decimal? ProgressPercent = null, string? Problems = null, bool? InStatistics = null);
