using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Programme.Tests.Browser.OneApp;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Records;

/// <summary>
/// The project database and monthly scheduling in the workspace, in Chromium (zh-CN): a county agent plans a project,
/// city staff admit it (入库) and make it a key project, the agent starts it with the month's scheduling report (进度, 问题,
/// 纳统) and the county's completeness shows it, a cancelled project leaves (出库) with its reason — each confirmed in a
/// dialog, each in the firm's audit trail in words, and the county's start rate (开工率) on the board moving with them.
/// </summary>
public sealed class ProjectDatabaseBrowserTests(ProjectDatabaseApp app) : BrowserTest(app), IClassFixture<ProjectDatabaseApp>
{
    private const string Firm = "sdic-jincheng";
    private const string County = "lingbao";
    private const string Planned = "5G全连接智能工厂改造（测试）";
    private const string Cancelled = "余热回收改造（测试，拟取消）";
    private static readonly TimeSpan Push = TimeSpan.FromSeconds(10);

    private sealed record Db(int PlannedStart, int Started, int Due, int Reported);

    private async Task<Db> CountyFigures()
    {
        using var http = App.Http();
        var board = await http.GetFromJsonAsync<JsonElement>($"/api/board/counties/{County}");
        var db = board.GetProperty("database");
        var s = board.GetProperty("schedule");
        return new(db.GetProperty("plannedStart").GetInt32(), db.GetProperty("started").GetInt32(), s.GetProperty("due").GetInt32(), s.GetProperty("reported").GetInt32());
    }

    private async Task<JsonElement> Project(string name)
    {
        using var http = App.Http();
        var firm = await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{Firm}");
        return firm.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);
    }

    private async Task<int> ProjectsNamed(string name)
    {
        using var http = App.Http();
        var firm = await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{Firm}");
        return firm.GetProperty("projects").EnumerateArray().Count(p => p.GetProperty("name").GetString() == name);
    }

    /// <summary>The share as the board prints it: one decimal of a per cent.</summary>
    private static string Pct(int part, int whole) =>
        (whole == 0 ? 0m : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero)).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private async Task<Db> FiguresBecome(Func<Db, bool> expected, string what)
    {
        Db? now = null;
        await Eventually.Holds(async () => expected(now = await CountyFigures()), Push, () => $"{what}; the board holds {now}");
        return now!;
    }

    [Fact]
    public async Task A_planned_project_is_admitted_started_and_reported_and_a_cancelled_one_leaves_each_in_the_history_and_the_start_rate()
    {
        var before = await CountyFigures();

        // ---- 1. The county agent plans a project (谋划) on the firm's workspace page.
        var agent = await NewPage(1920, 1080);
        var agentDialogs = AppPages.RecordDialogs(agent);
        await AppPages.SignIn(agent, App, County, $"#/workspace/enterprise/{Firm}");
        var form = agent.GetByTestId("plan-form");
        await Assertions.Expect(form).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(agent.GetByTestId("plan-batch").Locator("option[value='2022-3']")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await agent.GetByTestId("plan-name").FillAsync(Planned);
        await agent.GetByTestId("plan-kind").SelectOptionAsync("intelligent");
        await agent.GetByTestId("plan-theme").SelectOptionAsync("5g");
        await agent.GetByTestId("plan-batch").SelectOptionAsync("2022-3");
        await agent.GetByTestId("plan-total-wan").FillAsync("一千二百");
        await agent.GetByTestId("plan-planned-wan").FillAsync("300");
        await agent.GetByTestId("plan-start").FillAsync("2022-06");
        await agent.GetByTestId("plan-end").FillAsync("2022-03");
        // Bad input stays in the page: the amount is refused next to its field, nothing is asked or sent.
        await agent.GetByTestId("plan-submit").ClickAsync();
        await Assertions.Expect(form.Locator("[data-field='totalInvestment'] [data-testid='form-error']")).ToContainTextAsync("不是数字");
        await Assertions.Expect(agent.GetByTestId("plan-confirm")).ToHaveCountAsync(0);
        // A rule only the server knows (the end before the start) comes back next to its field, in Chinese; nothing changed.
        await agent.GetByTestId("plan-total-wan").FillAsync("1,200");
        await agent.GetByTestId("plan-submit").ClickAsync();
        await agent.GetByTestId("plan-confirm").GetByTestId("dialog-confirm").ClickAsync();
        var endError = form.Locator("[data-field='endMonth'] [data-testid='form-error']");
        await Assertions.Expect(endError).ToContainTextAsync("不能早于", new() { Timeout = 10_000 });
        Assert.False(AppPages.LooksLikeServerEnglish(await endError.InnerTextAsync()));
        Assert.Equal(0, await ProjectsNamed(Planned));

        await agent.GetByTestId("plan-end").FillAsync("2023-06");
        await agent.GetByTestId("plan-submit").ClickAsync();
        var confirm = agent.GetByTestId("plan-confirm");
        // The amount echoed three ways, so a slip of the unit shows before it is recorded.
        await Assertions.Expect(confirm.GetByTestId("confirm-amount")).ToHaveTextAsync("¥12,000,000.00 · 1,200.00 万元 · 人民币壹仟贰佰万元整");
        await Assertions.Expect(confirm.GetByTestId("confirm-planned")).ToContainTextAsync("300.00 万元");
        await agent.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("project-plan-confirm-zh-1920.png") });
        // A double click confirms once: one project, sent against the version the form was filled at (If-Match).
        string version;
        using (var http = App.Http()) version = (await http.GetAsync($"/api/enterprises/{Firm}")).Headers.ETag!.Tag;
        var post = await agent.RunAndWaitForRequestAsync(() => confirm.GetByTestId("dialog-confirm").DblClickAsync(),
            r => r.Method == "POST" && r.Url.EndsWith($"/api/enterprises/{Firm}/projects", StringComparison.Ordinal));
        Assert.Equal(version, post.Headers["if-match"]);
        await Assertions.Expect(agent.GetByTestId("toast")).ToContainTextAsync("已提交谋划项目", new() { Timeout = 10_000 });
        Assert.Equal(1, await ProjectsNamed(Planned));
        var planned = await Project(Planned);
        var pid = planned.GetProperty("id").GetString()!;
        Assert.Equal(("proposed", "planned", "2022-3", "5g"), (planned.GetProperty("entry").GetString(), planned.GetProperty("status").GetString(),
            planned.GetProperty("planningBatch").GetString(), planned.GetProperty("theme").GetString()));
        Assert.Equal((12_000_000m, 3_000_000m), (planned.GetProperty("totalInvestment").GetDecimal(), planned.GetProperty("plannedThisYear").GetDecimal()));
        await Assertions.Expect(agent.Locator($"[data-testid='wse-db-row'][data-project='{pid}']")).ToContainTextAsync("待县级审核", new() { Timeout = 10_000 });

        // ---- 2. City staff admit it (入库) from the county's project list, and make it a key project.
        var city = await NewPage(1920, 1080);
        var cityDialogs = AppPages.RecordDialogs(city);
        await AppPages.SignIn(city, App, "city", $"#/workspace?county={County}");
        var row = city.GetByTestId("pl-row").Filter(new() { HasText = Planned });
        await Assertions.Expect(row).ToContainTextAsync("待县级审核", new() { Timeout = 20_000 });
        await row.GetByTestId("pa-admit").ClickAsync();
        var admit = city.GetByTestId("action-dialog");
        await Assertions.Expect(admit).ToContainTextAsync("同时完成县、市两级审核");
        await Assertions.Expect(admit.GetByTestId("confirm-amount")).ToContainTextAsync("1,200.00 万元");
        await city.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("project-admit-zh-1920.png") });
        await admit.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(city.GetByTestId("toast")).ToContainTextAsync("已入库", new() { Timeout = 10_000 });
        Assert.Equal("entered", (await Project(Planned)).GetProperty("entry").GetString());
        await FiguresBecome(f => f.PlannedStart == before.PlannedStart + 1 && f.Started == before.Started, "admitted: one more project planned to start this year");
        // The start rate on the city's view of the county moves at once: one more planned, none more started.
        await Assertions.Expect(city.GetByTestId("ws-start-rate")).ToHaveTextAsync(Pct(before.Started, before.PlannedStart + 1), new() { Timeout = 10_000 });

        await city.GetByTestId("pl-stage").SelectOptionAsync("entered");
        row = city.GetByTestId("pl-row").Filter(new() { HasText = Planned });
        await row.GetByTestId("pa-keyOn").ClickAsync();
        await city.GetByTestId("action-dialog").GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(row.GetByTestId("key-badge")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.True((await Project(Planned)).GetProperty("key").GetBoolean());

        // ---- 3. The agent starts it with the month's scheduling report (月调度); the county's completeness shows it.
        await agent.GotoAsync(new Uri(App.BaseAddress, $"/#/workspace/enterprise/{Firm}?form=schedule&project={pid}&month=2022-08").ToString());
        await Assertions.Expect(agent.GetByTestId("sched-project")).ToHaveValueAsync(pid, new() { Timeout = 20_000 });
        await Assertions.Expect(agent.GetByTestId("sched-current")).ToContainTextAsync("报送投资即记为开工");
        await agent.GetByTestId("sched-invested-wan").FillAsync("50");
        await agent.GetByTestId("sched-progress").FillAsync("设备基础施工完成，主要设备进场安装");
        await agent.GetByTestId("sched-percent").FillAsync("135");
        await agent.GetByTestId("sched-problems").FillAsync("部分进口设备到货延迟");
        await agent.GetByTestId("sched-submit").ClickAsync();
        var schedForm = agent.GetByTestId("sched-form");
        await Assertions.Expect(schedForm.Locator("[data-field='progressPercent'] [data-testid='form-error']")).ToContainTextAsync("0 到 100");
        await Assertions.Expect(schedForm.Locator("[data-field='inStatistics'] [data-testid='form-error']")).ToContainTextAsync("是否纳统");
        await agent.GetByTestId("sched-percent").FillAsync("35");
        await agent.GetByTestId("sched-stats-yes").CheckAsync();
        await agent.GetByTestId("sched-submit").ClickAsync();
        var report = agent.GetByTestId("sched-confirm");
        await Assertions.Expect(report.GetByTestId("confirm-amount")).ToHaveTextAsync("¥500,000.00 · 50.00 万元 · 人民币伍拾万元整");
        await Assertions.Expect(report.GetByTestId("confirm-stats")).ToHaveTextAsync("是");
        await report.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("toast")).ToContainTextAsync("已报送", new() { Timeout = 10_000 });
        var started = await Project(Planned);
        Assert.Equal("underway", started.GetProperty("status").GetString());
        var august = started.GetProperty("schedule").EnumerateArray().Single(s => s.GetProperty("month").GetString() == "2022-08");
        Assert.Equal((35m, true, "部分进口设备到货延迟"), (august.GetProperty("progressPercent").GetDecimal(), august.GetProperty("inStatistics").GetBoolean(), august.GetProperty("problems").GetString()));
        var reported = await FiguresBecome(f => f.Started == before.Started + 1 && f.Due == before.Due + 1 && f.Reported == before.Reported + 1,
            "started and reported: one more project started, due and reported");

        await agent.GotoAsync(new Uri(App.BaseAddress, "/#/workspace").ToString());
        await Assertions.Expect(agent.GetByTestId("ws-schedule-completeness")).ToHaveTextAsync(Pct(reported.Reported, reported.Due), new() { Timeout = 20_000 });
        await Assertions.Expect(agent.GetByTestId("ws-schedule")).ToContainTextAsync($"应报 {reported.Due} 个，已报 {reported.Reported} 个");
        await Assertions.Expect(agent.GetByTestId("ws-start-rate")).ToHaveTextAsync(Pct(before.Started + 1, before.PlannedStart + 1));
        // The project no longer waits in the county's list of projects yet to report.
        await Assertions.Expect(agent.GetByTestId("ws-schedule-missing")).Not.ToContainTextAsync(Planned);
        await agent.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("project-workspace-zh-1920.png"), FullPage = true });

        // ---- 4. A project planned and admitted (through the API) is cancelled: it leaves (出库) with its reason.
        using (var agentApi = App.Http(AppProcess.Token("county", County, name: County)))
        using (var cityApi = App.Http(AppProcess.Token("city", name: "city")))
        {
            var added = await agentApi.PostAsJsonAsync($"/api/enterprises/{Firm}/projects", new
            {
                name = Cancelled, kind = "green", totalInvestment = 4_000_000m, plannedThisYear = 1_000_000m, startMonth = "2022-10", endMonth = "2023-03", planningBatch = "2022-3",
            });
            added.EnsureSuccessStatusCode();
            var cid = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            (await cityApi.PostAsJsonAsync($"/api/enterprises/{Firm}/projects/{cid}/entry", new { decision = "approve" })).EnsureSuccessStatusCode();
        }
        await FiguresBecome(f => f.PlannedStart == before.PlannedStart + 2, "the second project admitted");
        var cancelledId = (await Project(Cancelled)).GetProperty("id").GetString()!;
        await agent.GotoAsync(new Uri(App.BaseAddress, $"/#/workspace/enterprise/{Firm}").ToString());
        var exitRow = agent.Locator($"[data-testid='wse-db-row'][data-project='{cancelledId}']");
        await Assertions.Expect(exitRow).ToContainTextAsync("已入库", new() { Timeout = 20_000 });
        await exitRow.GetByTestId("pa-exit").ClickAsync();
        var exit = agent.GetByTestId("action-dialog");
        // The reason is required: confirming without one is refused in the dialog, and nothing changes.
        await exit.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(exit.GetByTestId("form-error")).ToContainTextAsync("请选择出库原因");
        Assert.Equal("entered", (await Project(Cancelled)).GetProperty("entry").GetString());
        await exit.GetByTestId("exit-reason-cancelled").CheckAsync();
        await exit.GetByTestId("exit-note").FillAsync("企业调整投资计划，项目取消");
        await agent.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("project-exit-zh-1920.png") });
        await exit.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(agent.GetByTestId("toast")).ToContainTextAsync("已出库：项目取消", new() { Timeout = 10_000 });
        var gone = await Project(Cancelled);
        Assert.Equal(("exited", "cancelled", "cancelled"), (gone.GetProperty("entry").GetString(), gone.GetProperty("status").GetString(), gone.GetProperty("exitReason").GetString()));
        await FiguresBecome(f => f.PlannedStart == before.PlannedStart + 1 && f.Started == before.Started + 1, "the cancelled project no longer planned to start");

        // The county board's start rate: one more started of one more planned than before this test.
        await city.GotoAsync(new Uri(App.BaseAddress, $"/#/county/{County}").ToString());
        await Assertions.Expect(city.GetByTestId("county-start-rate")).ToHaveTextAsync(Pct(before.Started + 1, before.PlannedStart + 1), new() { Timeout = 20_000 });

        // ---- 5. Every step is in the firm's audit trail, in words: no codes, ids or raw flags.
        await agent.GotoAsync(new Uri(App.BaseAddress, $"/#/workspace/enterprise/{Firm}").ToString());
        var history = agent.GetByTestId("wse-history");
        await Assertions.Expect(history).ToContainTextAsync("项目出库", new() { Timeout = 20_000 });
        var text = await history.InnerTextAsync();
        foreach (var word in new[]
                 {
                     "新增项目", Planned, "第三批“三大改造”项目", "待县级审核", "项目库审核", "入库状态", "已入库", "重点项目认定", "重点项目",
                     "2022年8月形象进度", "设备基础施工完成，主要设备进场安装", "2022年8月形象进度（%）", "35%", "2022年8月存在问题", "部分进口设备到货延迟",
                     "2022年8月是否纳统", "报送月调度", "2022年8月完成投资", "50.00 万元", "在建", "项目出库", "出库原因", "项目取消", "已出库", "办理说明", "企业调整投资计划，项目取消",
                     "灵宝市工信局",
                 })
            Assert.Contains(word, text);
        foreach (var code in new[] { "proposed", "county-reviewed", "entered", "exited", "cancelled", "true", "false", "review-project-entry", "exit-project", "set-key-project", "2022-3" })
            Assert.DoesNotContain(code, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(new Regex(@"\bp\d+\b|sdic-jincheng|其他字段|其他变更"), text);
        await agent.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("project-enterprise-zh-1920.png"), FullPage = true });

        // The county's history export says the same in words (the codes stay out of it; the firm's code has its own column).
        using (var cityApi = App.Http(AppProcess.Token("city", name: "city")))
        {
            var csv = await cityApi.GetStringAsync($"/api/counties/{County}/history?format=csv&take=1000");
            var lines = string.Join("\n", csv.Split('\n').Where(l => l.Contains(Firm, StringComparison.Ordinal)));
            foreach (var word in new[] { "项目库审核", "入库状态", "待县级审核", "已入库", "重点项目认定", "项目出库", "出库原因", "项目取消", "已出库",
                         "2022年8月形象进度（%）", "35%", "2022年8月是否纳统", "第三批“三大改造”项目", "2022年6月–2023年6月" })
                Assert.Contains(word, lines);
            foreach (var code in new[] { "proposed", "county-reviewed", "entered", "exited", "cancelled", "review-project-entry", "exit-project", "set-key-project", ",true", ",false", "2022-3" })
                Assert.DoesNotContain(code, lines, StringComparison.OrdinalIgnoreCase);
        }

        // ---- 6. The same page in English, on a smaller screen.
        var en = await NewPage(1366, 768);
        await AppPages.SignIn(en, App, County, $"#/workspace/enterprise/{Firm}");
        await en.GotoAsync(new Uri(App.BaseAddress, $"/?lang=en#/workspace/enterprise/{Firm}").ToString());
        await Assertions.Expect(en.GetByTestId("plan-card")).ToContainTextAsync("Planning batch", new() { Timeout = 20_000 });
        await Assertions.Expect(en.GetByTestId("sched-card")).ToContainTextAsync("Counted in the statistics (纳统)?");
        var enHistory = en.GetByTestId("wse-history");
        await Assertions.Expect(enHistory).ToContainTextAsync("Project left the database");
        await Assertions.Expect(enHistory).ToContainTextAsync("reason for leaving");
        await Assertions.Expect(en.Locator($"[data-testid='wse-db-row'][data-project='{cancelledId}']")).ToContainTextAsync("Left: Cancelled");
        await en.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("project-enterprise-en-1366.png"), FullPage = true });
        var axe = await AppPages.SeriousAxeViolations(en);
        Assert.True(axe.Count == 0, string.Join("\n", axe));

        Assert.Empty(agentDialogs);
        Assert.Empty(cityDialogs);
    }
}
