using System.Globalization;
using Programme.Domain;
using Programme.Grains.Imports;
using Programme.Imports;

namespace Programme.Web.Spreadsheets;

/// <summary>One line of a monthly report or an export: a firm, one of its projects (none for a firm without any), a month.</summary>
public sealed record ReportLine(Enterprise Firm, Project? Project, YearMonth Month)
{
    /// <summary>The amount reported for the month, or null when nothing is reported for it.</summary>
    public decimal? Reported => Project?.Monthly.FirstOrDefault(m => m.Month == Month)?.Amount;

    /// <summary>The month's scheduling report (月调度), or null when none is held.</summary>
    public ScheduleReport? Schedule => Project?.Schedule.FirstOrDefault(s => s.Month == Month);
}

/// <summary>A column of the monthly report: its header, other headers accepted for it, and how a line fills it.</summary>
public sealed record ReportColumn(string Header, string[] Aliases, Func<ReportLine, object?> Fill);

/// <summary>
/// The monthly report layout (月报模板), one list of columns for the template, the import and the exports:
/// 企业代码, 企业名称, 项目编号, 项目名称, 月份, 当月完成投资（万元）. The template comes pre-filled with what is already
/// reported; a blank value cell means "no change". Names are for people and are not checked; the amount column's
/// header says its unit (万元, or 元 for a header without 万).
/// </summary>
public static class MonthlyReportSheet
{
    public const string SheetName = "月报";
    public const string EnterpriseName = "企业名称";
    public const string ProjectName = "项目名称";
    public const string InvestedWan = "当月完成投资（万元）";

    /// <summary>The template's columns, in order. A new reported field is one more entry here (and its reading in <see cref="Parse"/>).</summary>
    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new(ImportGrain.ColumnEnterprise, ["enterpriseId"], l => l.Firm.Id),
        new(EnterpriseName, ["enterpriseName"], l => l.Firm.Name),
        new(ImportGrain.ColumnProject, ["projectId"], l => l.Project?.Id),
        new(ProjectName, ["projectName"], l => l.Project?.Name),
        new(ImportGrain.ColumnMonth, ["month"], l => l.Project is null ? null : l.Month.ToString()),
        new(InvestedWan, [ImportGrain.ColumnInvested, "invested"], l => l.Reported is { } yuan ? Labels.Wan(yuan) : null),
        // 月调度: what the month's scheduling report holds, read back by ScheduleColumns.
        new(ScheduleColumns.Progress, ["progress"], l => l.Schedule?.Progress),
        new(ScheduleColumns.Percent, ["形象进度(%)", "progressPercent"], l => l.Schedule?.ProgressPercent),
        new(ScheduleColumns.Problems, ["problems"], l => l.Schedule?.Problems),
        new(ScheduleColumns.InStatistics, ["纳统", "inStatistics"], l => l.Schedule is { } s ? (s.InStatistics ? "是" : "否") : null),
    ];

    /// <summary>What an export adds after the template's columns (read-only for an import: it ignores them).</summary>
    public static readonly IReadOnlyList<ReportColumn> ExportColumns =
    [
        .. Columns,
        new("所属行业", [], l => Labels.Sector(l.Firm.Sector)),
        new("规模", [], l => Labels.Scale(l.Firm.AboveScale)),
        new("经营状态", [], l => Labels.Status(l.Firm.Status)),
        new("改造类型", [], l => l.Project is { } p ? Labels.Kind(p.Kind) : null),
        new("项目状态", [], l => l.Project is { } p ? Labels.Status(p.Status) : null),
        new("总投资（万元）", [], l => l.Project is { } p ? Labels.Wan(p.TotalInvestment) : null),
        new("年度计划投资（万元）", [], l => l.Project is { } p ? Labels.Wan(p.PlannedThisYear) : null),
        new("开始月份", [], l => l.Project?.StartMonth.ToString()),
        new("结束月份", [], l => l.Project?.EndMonth.ToString()),
        new("累计完成投资（万元）", [], l => l.Project is { } p ? Labels.Wan(p.Invested) : null),
    ];

    public static string[] Header => [.. Columns.Select(c => c.Header)];

    public static string[] ExportHeader => [.. ExportColumns.Select(c => c.Header)];

    /// <summary>The template's lines for a firm in a month: its projects that can still report — underway, or entered in the project
    /// database (入库) and due to have started — and any with a figure for the month.</summary>
    public static IEnumerable<ReportLine> TemplateLines(Enterprise firm, YearMonth month) =>
        firm.Projects
            .Where(p => p.Status != ProjectStatus.Cancelled && p.StartMonth <= month
                && (p.Status is ProjectStatus.Underway || p.Status is ProjectStatus.Planned && p.Entry == ProjectEntry.Entered
                    || p.Monthly.Any(m => m.Month == month)))
            .Select(p => new ReportLine(firm, p, month));

    /// <summary>An export's lines: every project of the firm (one line for a firm without any).</summary>
    public static IEnumerable<ReportLine> ExportLines(Enterprise firm, YearMonth month) =>
        firm.Projects.Length == 0 ? [new ReportLine(firm, null, month)] : firm.Projects.Select(p => new ReportLine(firm, p, month));

    public static object?[] Cells(IReadOnlyList<ReportColumn> columns, ReportLine line) => [.. columns.Select(c => c.Fill(line))];

    /// <summary>The parsed file: rows that set something, every cell that cannot be read (row and column), and rows left blank.</summary>
    public sealed record Parsed(List<ImportRow> Rows, List<RowProblem> Problems, int Blank);

    /// <summary>Turns a sheet into rows. A row whose value cells are all blank changes nothing and is only counted.</summary>
    public static Parsed Parse(Sheet sheet)
    {
        var rows = new List<ImportRow>();
        var problems = new List<RowProblem>();
        var blank = 0;
        int Find(ReportColumn column)
        {
            var names = column.Aliases.Prepend(column.Header).ToArray();
            for (var i = 0; i < sheet.Header.Count; i++)
                if (names.Any(n => sheet.Header[i].Trim().TrimStart('\uFEFF').StartsWith(n, StringComparison.OrdinalIgnoreCase))) return i;
            return -1;
        }
        ReportColumn Col(string header) => Columns.First(c => c.Header == header);
        var enterprise = Find(Col(ImportGrain.ColumnEnterprise));
        var project = Find(Col(ImportGrain.ColumnProject));
        var month = Find(Col(ImportGrain.ColumnMonth));
        var invested = Find(Col(InvestedWan));
        foreach (var (index, name) in new[] { (enterprise, ImportGrain.ColumnEnterprise), (project, ImportGrain.ColumnProject), (month, ImportGrain.ColumnMonth), (invested, ImportGrain.ColumnInvested) })
            if (index < 0) problems.Add(new RowProblem(1, name, $"missing column '{name}' (download the template for the layout)"));
        if (problems.Count > 0) return new(rows, problems, 0);
        var factor = sheet.Header[invested].Contains('万') ? 10_000m : 1m;
        // The value cells: the amount and the scheduling columns a sheet carries (all blank = no change).
        int[] values = [invested, .. ScheduleColumns.Header.Select(h => Find(Columns.First(c => c.Header == h))).Where(i => i >= 0)];

        foreach (var (row, cells) in sheet.Rows)
        {
            string Cell(int i) => i < cells.Length ? cells[i].Trim() : "";
            if (cells.All(string.IsNullOrWhiteSpace)) continue;
            // Blank value cells: no change (a firm listed without a project in an export, a project left as it is).
            if (values.All(i => Cell(i).Length == 0)) { blank++; continue; }
            var ok = true;
            var id = Cell(enterprise);
            if (id.Length == 0) { problems.Add(new RowProblem(row, ImportGrain.ColumnEnterprise, "is empty")); ok = false; }
            var projectId = Cell(project);
            if (projectId.Length == 0) { problems.Add(new RowProblem(row, ImportGrain.ColumnProject, "is empty")); ok = false; }
            var m = Month(Cell(month));
            if (m is null) { problems.Add(new RowProblem(row, ImportGrain.ColumnMonth, $"'{Cell(month)}' is not a month (2022-08)")); ok = false; }
            decimal? amount = null;
            if (Cell(invested) is { Length: > 0 } text)
            {
                var amountText = text.Replace(",", "", StringComparison.Ordinal).Replace("，", "", StringComparison.Ordinal);
                if (!decimal.TryParse(amountText, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var a))
                {
                    problems.Add(new RowProblem(row, ImportGrain.ColumnInvested, $"'{text}' is not a number"));
                    ok = false;
                }
                else if (a < 0)
                {
                    problems.Add(new RowProblem(row, ImportGrain.ColumnInvested, "must not be negative"));
                    ok = false;
                }
                else if (a * factor > 1_000_000_000_000m)
                {
                    problems.Add(new RowProblem(row, ImportGrain.ColumnInvested, "is implausibly large"));
                    ok = false;
                }
                else amount = decimal.Round(a * factor, 2);
            }
            var schedule = ScheduleColumns.Read(sheet.Header, cells, row, problems);
            if (ok && schedule is not null) rows.Add(new ImportRow(row, id, projectId, m!, amount)
            {
                Progress = schedule.Progress, ProgressPercent = schedule.Percent, Problems = schedule.Problems, InStatistics = schedule.InStatistics,
            });
        }
        if (rows.Count == 0 && blank == 0 && problems.Count == 0) problems.Add(new RowProblem(2, "", "the file has no data rows"));
        return new(rows, problems, blank);
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
