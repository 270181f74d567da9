using System.Globalization;
using Programme.Domain;

namespace Programme.Web.Spreadsheets;

/// <summary>
/// The Chinese display names files and exports use for the domain's codes (sector, status, kind, channel, action),
/// the same words the views show, so a spreadsheet never carries <c>copper-foil</c>, <c>active</c> or <c>technical</c>.
/// </summary>
public static class Labels
{
    public static string Sector(string id) => Sectors.All.FirstOrDefault(s => s.Id == id)?.NameZh ?? id;

    public static string County(string id) => CountyCatalogue.Exists(id) ? CountyCatalogue.Get(id).NameZh : id;

    public static string Status(OperatingStatus s) => s switch
    {
        OperatingStatus.Active => "正常生产",
        OperatingStatus.Halted => "停产",
        OperatingStatus.SemiHalted => "半停产",
        OperatingStatus.Revived => "已复产",
        _ => s.ToString(),
    };

    public static string Kind(ProjectKind k) => k switch
    {
        ProjectKind.Intelligent => "智能化",
        ProjectKind.Green => "绿色化",
        ProjectKind.Technical => "技术改造",
        _ => k.ToString(),
    };

    public static string Status(ProjectStatus s) => s switch
    {
        ProjectStatus.Planned => "计划",
        ProjectStatus.Underway => "在建",
        ProjectStatus.Completed => "竣工",
        ProjectStatus.Cancelled => "取消",
        _ => s.ToString(),
    };

    public static string Scale(bool aboveScale) => aboveScale ? "规上" : "规下";

    public static string Level(CertificationLevel l) => l switch
    {
        CertificationLevel.City => "市级",
        CertificationLevel.Provincial => "省级",
        CertificationLevel.National => "国家级",
        _ => l.ToString(),
    };

    public static string Certification(CertificationKind k) => k switch
    {
        CertificationKind.GreenFactory => "绿色工厂",
        CertificationKind.SmartWorkshop => "智能车间",
        CertificationKind.SmartFactory => "智能工厂",
        CertificationKind.SmartManufacturingBenchmark => "智能制造标杆企业",
        CertificationKind.IntegrationDemonstration => "两化融合示范企业",
        _ => k.ToString(),
    };

    /// <summary>The channel a change came through: 网页 (a signed-in page), 导入 (a monthly report file), 接口 (an API client).</summary>
    public static string Via(string via) => via switch
    {
        "web" => "网页",
        "import" => "导入",
        "api" => "接口",
        "import-rollback" => "导入回滚",
        "seed" => "初始数据",
        "grants" => "专项资金",
        _ => via,
    };

    public static string Action(string action, long version) => action switch
    {
        "upsert-enterprise" when version == 1 => "登记企业",
        "upsert-enterprise" => "更新企业信息",
        "add-project" => "新增项目",
        "report-progress" => "报告月度投资",
        "set-project-status" => "变更项目状态",
        "set-cloud" => "登记上云",
        "set-digital" => "登记数字化改造",
        "add-certification" => "新增认定",
        "record-grant" => "记录专项资金",
        "review-project-entry" => "项目库审核",
        "exit-project" => "项目出库",
        "set-key-project" => "重点项目认定",
        "import-monthly-report" => "月报导入",
        "import-rollback" => "导入回滚",
        "seed" => "初始数据",
        _ => action,
    };

    /// <summary>"2022-08" as 2022年8月.</summary>
    public static string Month(string? text) =>
        YearMonth.TryParse(text, out var m) ? $"{m.Year}年{m.Month}月" : text ?? "";

    /// <summary>Yuan as the 万元 figure, exact (no rounding): 10 917 100 → 1091.71.</summary>
    public static decimal Wan(decimal yuan) => decimal.Parse((yuan / 10_000m).ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Yuan as people read it in a table cell: "1,091.71 万元".</summary>
    public static string WanText(decimal yuan) => Wan(yuan).ToString("#,0.######", CultureInfo.InvariantCulture) + " 万元";
}
