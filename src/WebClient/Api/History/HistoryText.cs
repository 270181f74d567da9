using System.Globalization;
using System.Text.RegularExpressions;
using Programme.Domain;
using Programme.Web.Spreadsheets;

namespace Programme.Web.Api.History;

/// <summary>
/// A stored field change in people's words, for the history export (the views do the same in js/history/): field
/// paths like <c>projects/p2/monthly/2022-08</c> become 项目「…」· 2022年8月完成投资, yuan become 万元, codes become names.
/// </summary>
public static partial class HistoryText
{
    [GeneratedRegex(@"^projects/([^/]+)/monthly/(\d{4}-\d{2})$")] private static partial Regex Monthly();
    [GeneratedRegex(@"^projects/([^/]+)/(\w+)$")] private static partial Regex ProjectField();
    [GeneratedRegex(@"^projects/([^/]+)$")] private static partial Regex ProjectAdded();
    [GeneratedRegex(@"^grants/([^/]+)/([^/]+)/(awarded|disbursed)$")] private static partial Regex Grant();
    [GeneratedRegex(@"^projects/([^/]+)/schedule/(\d{4}-\d{2})/(progress|progressPercent|problems|inStatistics)$")] private static partial Regex Schedule();
    [GeneratedRegex(@"^\d{4}-\d{2}–\d{4}-\d{2}$")] private static partial Regex Period();

    public static string Field(HistoryChangeView c)
    {
        var project = c.Project is { } name ? $"项目「{name}」" : "项目";
        Match m;
        if ((m = Monthly().Match(c.Field)).Success) return $"{project} · {Labels.Month(m.Groups[2].Value)}完成投资";
        if ((m = Schedule().Match(c.Field)).Success)
            return $"{project} · {Labels.Month(m.Groups[2].Value)}" + m.Groups[3].Value switch
            {
                "progress" => "形象进度", "progressPercent" => "形象进度（%）", "problems" => "存在问题", _ => "是否纳统",
            };
        if ((m = ProjectField().Match(c.Field)).Success)
            return $"{project} · " + m.Groups[2].Value switch
            {
                "name" => "项目名称", "status" => "项目状态", "totalInvestment" => "总投资", "plannedThisYear" => "年度计划投资",
                "kind" => "改造类型", "startMonth" => "开始月份", "endMonth" => "结束月份",
                "entry" => "入库状态", "entryNote" => "办理说明", "exitReason" => "出库原因", "mergedInto" => "合并至", "key" => "重点项目",
                "planningBatch" => "谋划批次", var other => other,
            };
        if (ProjectAdded().IsMatch(c.Field)) return "新增项目";
        if ((m = Grant().Match(c.Field)).Success)
            return $"专项资金「{c.Batch ?? "批次"}」· {project} · {(m.Groups[3].Value == "awarded" ? "下达金额" : "拨付金额")}";
        return c.Field switch
        {
            "name" => "企业名称", "countyId" => "所属县（市、区）", "sector" => "所属行业", "aboveScale" => "规模",
            "status" => "经营状态", "cloudSince" => "上云月份", "digitalSince" => "数字化改造月份", "certifications" => "认定",
            var other => other,
        };
    }

    public static string Value(string field, string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        switch (field)
        {
            case "countyId": return Labels.County(value);
            case "sector": return Labels.Sector(value);
            case "aboveScale": return Labels.Scale(value == "true");
            case "status": return Wire.TryParse<OperatingStatus>(value, out var s) ? Labels.Status(s) : value;
            case "cloudSince" or "digitalSince": return Labels.Month(value);
            case "certifications":
            {
                var p = value.Split("; ");
                return p.Length == 3 && Wire.TryParse<CertificationKind>(p[0], out var k) && Wire.TryParse<CertificationLevel>(p[1], out var l)
                    ? $"{Labels.Certification(k)} · {Labels.Level(l)} · {Labels.Month(p[2])}" : value;
            }
        }
        if (field.EndsWith("/status", StringComparison.Ordinal) && Wire.TryParse<ProjectStatus>(value, out var ps)) return Labels.Status(ps);
        if (ProjectField().Match(field) is { Success: true } pf)
            switch (pf.Groups[2].Value)
            {
                case "entry": return Entry(value);
                case "exitReason": return value switch { "cancelled" => "项目取消", "merged" => "合并至其他项目", _ => value };
                case "mergedInto": return "该企业的另一项目";
                case "key": return value == "true" ? "是" : "否";
                case "planningBatch": return BatchName(value);
            }
        if (Schedule().Match(field) is { Success: true } sf)
            switch (sf.Groups[3].Value)
            {
                case "inStatistics": return value == "true" ? "是" : "否";
                case "progressPercent": return value + "%";
            }
        if ((field.Contains("/monthly/", StringComparison.Ordinal) || field.EndsWith("/totalInvestment", StringComparison.Ordinal)
             || field.EndsWith("/plannedThisYear", StringComparison.Ordinal) || field.EndsWith("/awarded", StringComparison.Ordinal)
             || field.EndsWith("/disbursed", StringComparison.Ordinal))
            && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var yuan))
            return Labels.WanText(yuan);
        if (ProjectAdded().IsMatch(field)) return NewProject(value);
        return value;
    }

    /// <summary>A project's stage in the project database (项目库).</summary>
    private static string Entry(string value) => value switch
    {
        "proposed" => "待县级审核", "county-reviewed" => "待市级入库", "entered" => "已入库", "exited" => "已出库", _ => value,
    };

    private static string BatchName(string id) => PlanningBatches.All.FirstOrDefault(b => b.Id == id)?.Name ?? id;

    /// <summary>
    /// "name; kind; total; planned; start–end; status[; entry[; batch]]" (the name may itself hold "; "): read around the
    /// period, the one part shaped like "2022-06–2023-06".
    /// </summary>
    private static string NewProject(string value)
    {
        var p = value.Split("; ");
        var at = Array.FindLastIndex(p, x => Period().IsMatch(x));
        if (at < 4) return value;
        var name = string.Join("; ", p[..(at - 3)]);
        var period = p[at].Split('–');
        var kind = Wire.TryParse<ProjectKind>(p[at - 3], out var k) ? Labels.Kind(k) : p[at - 3];
        string Money(string x) => decimal.TryParse(x, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? Labels.WanText(d) : x;
        var text = $"{name} · {kind} · 总投资 {Money(p[at - 2])} · 年度计划投资 {Money(p[at - 1])} · {Labels.Month(period[0])}–{Labels.Month(period[1])}";
        if (at + 1 < p.Length) text += " · " + (Wire.TryParse<ProjectStatus>(p[at + 1], out var s) ? Labels.Status(s) : p[at + 1]);
        if (at + 2 < p.Length) text += " · " + Entry(p[at + 2]);
        if (at + 3 < p.Length) text += " · " + BatchName(p[at + 3]);
        return text;
    }
}
