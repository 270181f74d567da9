using System.Globalization;
using Programme.Imports;

namespace Programme.Web.Spreadsheets;

/// <summary>
/// The monthly scheduling columns (月调度) of the monthly report: 形象进度, 形象进度（%）, 存在问题, 是否纳统. Optional — a sheet
/// without them, or a row with all four blank, reports investment only; a row with any of them filled is a scheduling report
/// and needs the progress, its percentage and 纳统 (the rules say which is missing).
/// </summary>
public static class ScheduleColumns
{
    public const string Progress = "形象进度";
    public const string Percent = "形象进度（%）";
    public const string Problems = "存在问题";
    public const string InStatistics = "是否纳统";

    public static readonly string[] Header = [Progress, Percent, Problems, InStatistics];

    public sealed record Values(string? Progress, decimal? Percent, string? Problems, bool? InStatistics);

    private static int Find(IReadOnlyList<string> header, string name, params string[] others)
    {
        for (var i = 0; i < header.Count; i++)
        {
            var h = header[i].Trim().TrimStart('\uFEFF');
            if (h == name || others.Any(o => h.Equals(o, StringComparison.OrdinalIgnoreCase))) return i;
        }
        return -1;
    }

    /// <summary>The row's scheduling values (all null when absent), or null when a cell cannot be read (the problem is listed).</summary>
    public static Values? Read(IReadOnlyList<string> header, string[] cells, int row, List<RowProblem> problems)
    {
        string? Cell(int i) => i >= 0 && i < cells.Length && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
        var progress = Cell(Find(header, Progress, "progress"));
        var percentText = Cell(Find(header, Percent, "形象进度(%)", "progressPercent"));
        var issues = Cell(Find(header, Problems, "problems"));
        var counted = Cell(Find(header, InStatistics, "纳统", "inStatistics"));
        decimal? percent = null;
        if (percentText is not null)
        {
            if (decimal.TryParse(percentText.TrimEnd('%', '％'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p)) percent = p;
            else { problems.Add(new RowProblem(row, Percent, $"'{percentText}' is not a percentage (0–100)")); return null; }
        }
        bool? inStatistics = null;
        if (counted is not null)
        {
            inStatistics = counted.ToLowerInvariant() switch
            {
                "是" or "已纳统" or "yes" or "y" or "true" or "1" => true,
                "否" or "未纳统" or "no" or "n" or "false" or "0" => false,
                _ => null,
            };
            if (inStatistics is null) { problems.Add(new RowProblem(row, InStatistics, $"'{counted}' must be 是 or 否")); return null; }
        }
        return new Values(progress, percent, issues, inStatistics);
    }
}
