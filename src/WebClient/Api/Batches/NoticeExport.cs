using Programme.Domain;
using Programme.Grants;
using Programme.Web.Spreadsheets;

namespace Programme.Web.Api.Batches;

/// <summary>The public-notice list (公示名单) as rows, CSV and XLSX (both through <see cref="SpreadsheetWriter"/>).</summary>
public static class NoticeExport
{
    public static readonly string[] Header =
        ["序号", "县（市、区）", "企业名称", "项目名称", "类别", "总投资（万元）", "区间完成投资（万元）", "拟支持金额（万元）", "备注"];

    /// <summary>Subsidy class first, then county by county in the city's order, then by application number.</summary>
    public static IReadOnlyList<NoticeRow> Rows(IEnumerable<GrantApplication> applications)
    {
        var countyOrder = CountyCatalogue.All.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return [.. applications
            .OrderBy(a => a.Class).ThenBy(a => countyOrder.GetValueOrDefault(a.CountyId, int.MaxValue)).ThenBy(a => a.Id)
            .Select((a, i) => new NoticeRow(
                i + 1, a.Id, CountyCatalogue.Exists(a.CountyId) ? CountyCatalogue.Get(a.CountyId).NameZh : a.CountyId,
                a.EnterpriseName, a.ProjectName, a.Class == GrantClass.Subsidy ? "补助类" : "奖励类",
                a.TotalInvestment, a.Class == GrantClass.Subsidy ? a.CompletedInWindow : null, a.Amount,
                Remark(a)))];
    }

    /// <summary>万元 to the fen's hundredth: totals are summed in yuan first, so they match the batch's figures exactly.</summary>
    private static decimal? Wan(decimal? yuan) => yuan is { } y ? decimal.Round(y / 10_000m, 2) : null;

    private static string Remark(GrantApplication a) => a.Result switch
    {
        RewardResult.SmartFactory => "智能工厂",
        RewardResult.SmartWorkshop => "智能车间",
        RewardResult.GreenFactory => "绿色工厂",
        RewardResult.SmartManufacturingBenchmark => "智能制造标杆企业",
        RewardResult.MachineReplacesLabour => "机器换人",
        _ => a.ProjectKind switch
        {
            ProjectKind.Intelligent => "智能化改造",
            ProjectKind.Green => "绿色化改造",
            _ => "技术改造",
        },
    };

    public static byte[] Csv(IReadOnlyList<NoticeRow> rows) =>
        SpreadsheetWriter.Write(SpreadsheetFormat.Csv, SheetName, Header, Lines(rows), Layout(null));

    /// <summary>One sheet: the notice's title, the header, one row per application, and the total; amounts as numbers.</summary>
    public static byte[] Xlsx(string title, IReadOnlyList<NoticeRow> rows) =>
        SpreadsheetWriter.Write(SpreadsheetFormat.Xlsx, SheetName, Header, Lines(rows), Layout(title));

    private const string SheetName = "公示名单";

    private static SheetLayout Layout(string? title) => new() { Title = title, Widths = [6, 16, 34, 40, 8, 14, 18, 18, 16], Decimals = 2 };

    /// <summary>The rows as the one spreadsheet writer takes them (it neutralises user text such as firm and project names).</summary>
    private static IEnumerable<object?[]> Lines(IReadOnlyList<NoticeRow> rows)
    {
        foreach (var r in rows)
            yield return [r.No, r.County, r.Enterprise, r.Project, r.Class, Wan(r.TotalInvestment), Wan(r.CompletedInWindow), Wan(r.Proposed), r.Remark];
        yield return [new Emphasis("合计"), "", "", "", "", new Emphasis(Wan(rows.Sum(r => r.TotalInvestment))),
            new Emphasis(Wan(rows.Sum(r => r.CompletedInWindow ?? 0))), new Emphasis(Wan(rows.Sum(r => r.Proposed))), new Emphasis($"{rows.Count}个项目")];
    }
}
