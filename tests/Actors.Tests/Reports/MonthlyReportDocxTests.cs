using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains.Boards;
using Programme.Web.Reports;

namespace Programme.Tests.Reports;

/// <summary>
/// The monthly report's DOCX rendering, from boards built here: with a forecast and warnings it has their tables (the
/// reason sentences, probabilities, the red before the amber), without them it says they are not computed yet; figures
/// read in 亿元 / 万元, the league names its first and last. Read back with the Open XML SDK, as a DOCX reader would.
/// </summary>
public sealed class MonthlyReportDocxTests
{
    private static readonly ProgrammeCalendar August = new(2022, new YearMonth(2022, 8));

    private static Board City()
    {
        var targets = new ProgrammeTargets { ProjectsThisYear = 230, CompletedThisYear = 15_000_000_000m, InvestmentThisYear = 32_000_000_000m, FullCoverageBy = new YearMonth(2022, 12) };
        CountyTotals County(string id, int above, int covered, decimal completed) => new(id, 1,
            new Contribution { Enterprises = above, AboveScale = above, Covered = covered, CompletedThisYear = completed, ProjectsThisYear = 10, CompletedByMonth = new decimal[12] },
            targets with { ProjectsThisYear = 10, CompletedThisYear = 1_000_000_000m });
        return BoardBuilder.City(7, [County("lingbao", 100, 99, 900_000_000m), County("mianchi", 80, 60, 300_000_000m), County("hubin", 40, 40, 700_000_000m)], targets, August);
    }

    private static readonly BoardForecast Forecast = new("2022-08", "2022-12", 200, new DateTimeOffset(2022, 9, 1, 0, 30, 0, TimeSpan.Zero),
        new Dictionary<string, ForecastTarget>
        {
            ["coverage"] = new(1m, 0.941m, 0.93m, 0.952m, 0.03),
            ["completedThisYear"] = new(15_000_000_000m, 16_120_000_000m, 15_500_000_000m, 16_700_000_000m, 0.97),
        });

    private static readonly BoardWarning[] Warnings =
    [
        new("amber", "schedule-overdue", "schedule", "mianchi", null, new DateTimeOffset(2022, 9, 6, 0, 0, 0, TimeSpan.Zero), "渑池县 3 个项目未按期报送 8 月月调度", "3 projects in Mianchi have not reported August"),
        new("amber", "firm-without-plan", "coverage", "mianchi", "mianchi-e017", new DateTimeOffset(2022, 9, 6, 0, 0, 0, TimeSpan.Zero), "渑池县某某铝业有限公司（渑池县）尚未实施改造", "… is not yet covered"),
        new("red", "coverage-forecast", "coverage", null, null, new DateTimeOffset(2022, 8, 1, 0, 0, 0, TimeSpan.Zero), "覆盖率 92.0 %，预计 12 月达 94.1 %（达标概率 3 %），还差 37 家", "Coverage 92.0 %…"),
    ];

    [Fact]
    public void With_a_forecast_and_warnings_the_report_has_their_tables_with_reasons_and_probabilities()
    {
        var report = MonthlyReportBuilder.Build(City() with { Forecast = Forecast, Warnings = Warnings }, []);
        var bytes = MonthlyReportDocx.Write(report);
        var schema = DocxText.SchemaErrors(bytes);
        Assert.True(schema.Count == 0, string.Join("\n", schema.Distinct().Take(8)));
        var doc = DocxText.Read(bytes);

        var warnings = doc.TableHeaded("等级", "指标", "范围", "原因");
        Assert.NotNull(warnings);
        Assert.Equal(4, warnings.Count);
        Assert.Equal(["红色预警", "规上工业企业改造覆盖率", "全市", "覆盖率 92.0 %，预计 12 月达 94.1 %（达标概率 3 %），还差 37 家", "2022-08-01 08:00"], warnings[1]);
        Assert.Equal("黄色预警", warnings[2][0]);
        Assert.Equal("渑池县", warnings[2][2]);
        // A firm's warning names its county in the scope column and the firm in its reason: never the firm's id.
        Assert.Equal("渑池县", warnings[3][2]);
        Assert.DoesNotContain("mianchi-e017", doc.AllText);

        var forecast = doc.TableHeaded("指标", "目标", "预计", "区间（5%–95%）", "达标概率");
        Assert.NotNull(forecast);
        Assert.Contains(["规上工业企业改造覆盖率", "100.0%", "94.1%", "93.0% – 95.2%", "3%"], forecast);
        Assert.Contains(["年度完成投资", "150.00 亿元", "161.20 亿元", "155.00 亿元 – 167.00 亿元", "97%"], forecast);
        Assert.DoesNotContain(MonthlyReportDocx.NotComputed, doc.AllText);
        Assert.DoesNotContain(MonthlyReportDocx.WarningsNotComputed, doc.AllText);
        Assert.Contains(doc.Paragraphs, p => p.Contains("模拟 200 次") && p.Contains("2022年12月"));
    }

    [Fact]
    public void Without_them_the_report_says_not_yet_computed_and_keeps_its_figures_league_and_units()
    {
        var report = MonthlyReportBuilder.Build(City(), []);
        var bytes = MonthlyReportDocx.Write(report);
        var schema = DocxText.SchemaErrors(bytes);
        Assert.True(schema.Count == 0, string.Join("\n", schema.Distinct().Take(8)));
        var doc = DocxText.Read(bytes);
        Assert.Contains(MonthlyReportDocx.NotComputed, doc.Paragraphs);
        Assert.Contains(MonthlyReportDocx.WarningsNotComputed, doc.Paragraphs);
        Assert.Null(doc.TableHeaded("等级"));
        Assert.Null(doc.TableHeaded("指标", "目标", "预计"));

        var figures = doc.TableHeaded("指标", "年度目标", "完成", "完成率", "较时间进度");
        Assert.NotNull(figures);
        // 19 亿 of 150 亿: 12.7 % of the target, 54.0 points behind a calendar of 66.7 %.
        Assert.Contains(["年度完成投资", "150.00", "19.00", "12.7%", "落后 54.0 个百分点", "红（滞后）"], figures);
        Assert.Contains("金额单位：亿元", doc.Paragraphs);

        var league = doc.TableHeaded("排名", "县（市、区）", "综合得分");
        Assert.NotNull(league);
        Assert.Equal(4 + 5, league.Count);          // header, the three counties heard from, the five not yet
        Assert.Equal("首位", league[1][^1]);
        Assert.Equal("末位", league[^1][^1]);
        Assert.Contains(league, r => r[1] == "灵宝市" && r[5] == "90,000.00" && r[6] == "100,000.00");
        Assert.Contains("金额单位：万元", doc.Paragraphs);
        Assert.Contains(doc.Paragraphs, p => p.StartsWith("综合得分第一名 " + league[1][1]));
    }
}
