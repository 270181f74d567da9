using System.Globalization;
using Programme.Domain;

namespace Programme.Web.Reports;

/// <summary>How the report writes its numbers and names: 亿元 / 万元 with two decimals, percentages, months, the programme's terms.</summary>
public static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Yi(decimal yuan) => (yuan / 100_000_000m).ToString("#,0.00", Invariant);
    public static string Wan(decimal yuan) => (yuan / 10_000m).ToString("#,0.00", Invariant);
    public static string Percent(decimal? share) => share is { } s ? (s * 100m).ToString("0.0", Invariant) + "%" : "—";
    public static string Percent(double share) => (share * 100).ToString("0", Invariant) + "%";
    public static string Count(decimal n) => n.ToString("#,0", Invariant);

    /// <summary>"2022-08" → "2022年8月".</summary>
    public static string Month(string ym) => YearMonth.TryParse(ym, out var m) ? $"{m.Year}年{m.Month}月" : ym;

    /// <summary>Points ahead of (超) or behind (落后) calendar progress: "超时间进度 24.6 个百分点".</summary>
    public static string Calendar(decimal? ahead) => ahead switch
    {
        null => "—",
        >= 0 => $"超 {(ahead.Value * 100m).ToString("0.0", Invariant)} 个百分点",
        _ => $"落后 {(-ahead.Value * 100m).ToString("0.0", Invariant)} 个百分点",
    };

    public static string Rag(string? status) => status switch
    {
        "green" => "绿（正常）",
        "amber" => "黄（预警）",
        "red" => "红（滞后）",
        _ => "—",
    };

    public static string Level(string level) => level == "red" ? "红色预警" : "黄色预警";

    public static string County(string? id) => id is null ? "全市" : CountyCatalogue.Exists(id) ? CountyCatalogue.Get(id).NameZh : id;

    /// <summary>A figure in the unit its key reads in: money in 亿元, coverage as a percentage, otherwise a count.</summary>
    public static string Value(string key, decimal value) => Unit(key) switch
    {
        "yuan" => Yi(value) + " 亿元",
        "share" => Percent(value),
        _ => Count(value),
    };

    public static string Unit(string key) => key switch
    {
        "coverage" => "share",
        "completedThisYear" or "investmentThisYear" => "yuan",
        _ => "count",
    };

    public static string TargetName(string key) => key switch
    {
        "coverage" => "规上工业企业改造覆盖率",
        "projectsThisYear" => "年度实施改造项目",
        "completedThisYear" => "年度完成投资",
        "investmentThisYear" => "年度项目总投资",
        "cloud" => "企业上云",
        "digital" => "数字化改造",
        "certifications" or "smartCertifications" => "智能工厂（车间）",
        "greenCertifications" => "绿色工厂",
        "schedule" => "月调度报送",
        "project" => "项目进度",
        _ => key,
    };

    public static string Kind(string kind) => kind switch
    {
        "intelligent" => "智能化改造",
        "green" => "绿色化改造",
        _ => "技术改造",
    };

    public static string Status(string status) => status switch
    {
        "planned" => "计划",
        "underway" => "在建",
        "completed" => "竣工",
        "cancelled" => "取消",
        _ => status,
    };

    /// <summary>Beijing time, as the bureau dates things: "2022-09-01 08:30".</summary>
    public static string Beijing(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", Invariant);
}
