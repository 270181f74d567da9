using System.Globalization;
using Programme.Domain;
using Programme.Grains.Imports;
using Programme.Imports;

namespace Programme.Web.Spreadsheets;

/// <summary>
/// The monthly report layout (月报模板): 企业代码, 企业名称, 项目编号, 项目名称, 月份, 当月完成投资（万元）. Names are for
/// people and are not checked; the amount column's header says its unit (万元 or 元).
/// </summary>
public static class MonthlyReportSheet
{
    public const string SheetName = "月报";
    public const string EnterpriseName = "企业名称";
    public const string ProjectName = "项目名称";
    public const string InvestedWan = "当月完成投资（万元）";

    public static readonly string[] Header =
        [ImportGrain.ColumnEnterprise, EnterpriseName, ImportGrain.ColumnProject, ProjectName, ImportGrain.ColumnMonth, InvestedWan, .. ScheduleColumns.Header];

    /// <summary>Turns a sheet into rows, listing every cell that cannot be read (with its row and column).</summary>
    public static (List<ImportRow> Rows, List<RowProblem> Problems) Parse(Sheet sheet)
    {
        var rows = new List<ImportRow>();
        var problems = new List<RowProblem>();
        int Find(params string[] names)
        {
            for (var i = 0; i < sheet.Header.Count; i++)
                if (names.Any(n => sheet.Header[i].Trim().TrimStart('\uFEFF').StartsWith(n, StringComparison.OrdinalIgnoreCase))) return i;
            return -1;
        }
        var enterprise = Find(ImportGrain.ColumnEnterprise, "enterpriseId");
        var project = Find(ImportGrain.ColumnProject, "projectId");
        var month = Find(ImportGrain.ColumnMonth, "month");
        var invested = Find(ImportGrain.ColumnInvested, "invested");
        foreach (var (index, name) in new[] { (enterprise, ImportGrain.ColumnEnterprise), (project, ImportGrain.ColumnProject), (month, ImportGrain.ColumnMonth), (invested, ImportGrain.ColumnInvested) })
            if (index < 0) problems.Add(new RowProblem(1, name, $"missing column '{name}' (download the template for the layout)"));
        if (problems.Count > 0) return (rows, problems);
        var factor = sheet.Header[invested].Contains("万") ? 10_000m : 1m;

        foreach (var (row, cells) in sheet.Rows)
        {
            string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            var ok = true;
            var id = Cell(enterprise);
            if (id.Length == 0) { problems.Add(new RowProblem(row, ImportGrain.ColumnEnterprise, "is empty")); ok = false; }
            var projectId = Cell(project);
            if (projectId.Length == 0) { problems.Add(new RowProblem(row, ImportGrain.ColumnProject, "is empty")); ok = false; }
            var m = Month(Cell(month));
            if (m is null) { problems.Add(new RowProblem(row, ImportGrain.ColumnMonth, $"'{Cell(month)}' is not a month (2022-08)")); ok = false; }
            var amountText = Cell(invested).Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
            if (!decimal.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                problems.Add(new RowProblem(row, ImportGrain.ColumnInvested, $"'{Cell(invested)}' is not a number"));
                ok = false;
            }
            else if (amount < 0)
            {
                problems.Add(new RowProblem(row, ImportGrain.ColumnInvested, "must not be negative"));
                ok = false;
            }
            else if (amount * factor > 1_000_000_000_000m)
            {
                problems.Add(new RowProblem(row, ImportGrain.ColumnInvested, "is implausibly large"));
                ok = false;
            }
            var schedule = ScheduleColumns.Read(sheet.Header, cells, row, problems);
            if (ok && schedule is not null) rows.Add(new ImportRow(row, id, projectId, m!, decimal.Round(amount * factor, 2))
            {
                Progress = schedule.Progress, ProgressPercent = schedule.Percent, Problems = schedule.Problems, InStatistics = schedule.InStatistics,
            });
        }
        if (rows.Count == 0 && problems.Count == 0) problems.Add(new RowProblem(2, "", "the file has no data rows"));
        return (rows, problems);
    }

    /// <summary>"2022-08", "2022/8", "2022年8月", or an Excel date serial number.</summary>
    private static string? Month(string text)
    {
        if (YearMonth.TryParse(text, out var ym)) return ym.ToString();
        var t = text.Replace("年", "-", StringComparison.Ordinal).Replace("月", "", StringComparison.Ordinal).Replace('/', '-').Replace('.', '-');
        var parts = t.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length >= 2 && int.TryParse(parts[0], out var y) && int.TryParse(parts[1], out var mo)
            && y is >= YearMonth.MinYear and <= YearMonth.MaxYear && mo is >= 1 and <= 12)
            return new YearMonth(y, mo).ToString();
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 36526 and < 73051)
        {
            var date = DateTime.FromOADate(serial);
            return new YearMonth(date.Year, date.Month).ToString();
        }
        return null;
    }
}
