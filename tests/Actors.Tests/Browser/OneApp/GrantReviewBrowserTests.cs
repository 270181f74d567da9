using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Browser.OneApp;

/// <summary>
/// City staff take one application through every stage of a funding batch in the grant-review workspace, in the
/// browser and in Chinese: decisions with notes, a return and a resubmission, a mistyped and a negative amount that
/// change nothing, a lowered amount confirmed in words, the panel's score against its sheet, the notice, an
/// objection, the award and two payments that pay exactly what was confirmed. No browser dialog opens.
/// </summary>
public sealed class GrantReviewBrowserTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    private const string Batch = "e2e-review";
    private HttpClient? _city;
    private HttpClient City => _city ??= App.Http(AppProcess.Token("city"));

    private async Task<JsonElement> Application(int id) =>
        await City.GetFromJsonAsync<JsonElement>($"/api/batches/{Batch}/applications/{id}");

    private async Task<int> OpenBatchWithOneApplication()
    {
        var created = await City.PostAsJsonAsync("/api/batches", new
        {
            id = Batch, name = "2022年度第二批测试", windowFrom = "2021-01", windowTo = "2022-12",
            kinds = new[] { "intelligent", "green", "technical" }, subsidy = new { rate = 0.1m, cap = 5_000_000m }, budget = 50_000_000m,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var applied = await City.PostAsJsonAsync($"/api/batches/{Batch}/applications", new { enterpriseId = "sdic-jincheng", projectId = "p2", @class = "subsidy" });
        Assert.True(applied.IsSuccessStatusCode, await applied.Content.ReadAsStringAsync());
        return (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static ILocator Row(IPage page, int id) => page.Locator($"[data-testid=application-row][data-application='{id}']");

    private async Task OpenTab(IPage page, string stage)
    {
        await page.GetByTestId("tab-" + stage).ClickAsync();
        await Assertions.Expect(page.GetByTestId("tab-" + stage)).ToHaveAttributeAsync("aria-selected", "true");
    }

    private async Task WaitFor(int id, Func<JsonElement, bool> condition, string what) =>
        await Eventually.Holds(async () => condition(await Application(id)), TimeSpan.FromSeconds(10), what);

    /// <summary>Open the decision dialog of the application at a stage and approve it with a note.</summary>
    private async Task Approve(IPage page, int id, string stage, string note)
    {
        await OpenTab(page, stage);
        await Row(page, id).GetByTestId("act-decide").ClickAsync();
        var dialog = page.GetByTestId("decision-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("当前环节");
        await dialog.GetByTestId("decision-approve").CheckAsync();
        await dialog.GetByTestId("decision-note").FillAsync(note);
        await dialog.GetByTestId("decision-submit").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    private static async Task ScorePanel(ILocator dialog, params string[] points)
    {
        string[] keys = ["technology", "investment", "benefit", "green", "demonstration"];
        for (var i = 0; i < keys.Length; i++) await dialog.GetByTestId("score-" + keys[i]).FillAsync(points[i]);
    }

    private static async Task<IReadOnlyList<string>> Errors(ILocator scope) =>
        await scope.Locator("[data-testid=form-error]").AllInnerTextsAsync();

    [Fact]
    public async Task An_application_goes_through_every_stage_and_bad_amounts_change_nothing()
    {
        var id = await OpenBatchWithOneApplication();
        var requested = (await Application(id)).GetProperty("amount").GetDecimal();
        var page = await NewPage(1600, 1000);
        var dialogs = AppPages.RecordDialogs(page);
        var seen = new List<string>();
        await AppPages.SignIn(page, App, "city", $"#/batches/{Batch}?tab=county-check");
        await Assertions.Expect(page.GetByTestId("batch-name")).ToHaveTextAsync("2022年度第二批测试", new() { Timeout = 15_000 });

        // County check: approved with a note.
        await Approve(page, id, "county-check", "现场核查属实");
        await WaitFor(id, a => a.GetProperty("stage").GetString() == "county-recommendation", "approved at the county check");

        // County recommendation: a return needs a note and a stage chosen from the list (in Chinese), then goes back.
        await OpenTab(page, "county-recommendation");
        await Row(page, id).GetByTestId("act-decide").ClickAsync();
        var dialog = page.GetByTestId("decision-dialog");
        await Assertions.Expect(dialog).ToContainTextAsync("县级联合推荐");
        await dialog.GetByTestId("decision-return").CheckAsync();
        await dialog.GetByTestId("decision-submit").ClickAsync();
        var errors = await Errors(dialog);
        seen.AddRange(errors);
        Assert.Contains("退回至：必填", errors);
        Assert.Contains("审核意见：必填", errors);
        var options = await dialog.GetByTestId("decision-return-to").Locator("option").AllInnerTextsAsync();
        Assert.Equal(["请选择环节", "县级现场核查", "县级联合推荐"], options);
        await dialog.GetByTestId("decision-return-to").SelectOptionAsync("county-check");
        await dialog.GetByTestId("decision-note").FillAsync("请补充设备发票");
        await dialog.GetByTestId("decision-submit").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await WaitFor(id, a => a.GetProperty("status").GetString() == "returned" && a.GetProperty("stage").GetString() == "county-check", "returned to the county check");

        // The applicant resubmits; both county stages again.
        await OpenTab(page, "returned");
        await Row(page, id).GetByTestId("act-resubmit").ClickAsync();
        await page.GetByTestId("resubmit-note").FillAsync("已补充设备发票");
        await page.GetByTestId("resubmit-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("resubmit")).ToBeHiddenAsync();
        await WaitFor(id, a => a.GetProperty("status").GetString() == "pending", "resubmitted");
        await Approve(page, id, "county-check", "复核属实");
        await Approve(page, id, "county-recommendation", "联合推荐");
        await WaitFor(id, a => a.GetProperty("stage").GetString() == "equipment-verification", "at the equipment verification");

        // Equipment verification: "abc" and "-5" are refused in Chinese, naming the field; nothing changes.
        var before = await Application(id);
        await OpenTab(page, "equipment-verification");
        await Row(page, id).GetByTestId("act-decide").ClickAsync();
        dialog = page.GetByTestId("decision-dialog");
        await dialog.GetByTestId("decision-approve").CheckAsync();
        await dialog.GetByTestId("decision-note").FillAsync("设备核查通过");
        await dialog.GetByTestId("decision-amount").FillAsync("abc");
        await dialog.GetByTestId("decision-submit").ClickAsync();
        errors = await Errors(dialog);
        seen.AddRange(errors);
        Assert.Contains(errors, e => e.Contains("审定金额") && e.Contains("不是数字"));
        await dialog.GetByTestId("decision-amount").FillAsync("-5");
        await dialog.GetByTestId("decision-submit").ClickAsync();
        errors = await Errors(dialog);
        seen.AddRange(errors);
        Assert.Contains(errors, e => e.Contains("审定金额") && e.Contains("不能为负数"));
        var after = await Application(id);
        Assert.Equal(before.GetProperty("updatedAt").GetString(), after.GetProperty("updatedAt").GetString());
        Assert.Equal("equipment-verification", after.GetProperty("stage").GetString());
        Assert.Equal(requested, after.GetProperty("amount").GetDecimal());

        // A lowered amount is echoed in words and confirmed before it is sent.
        await dialog.GetByTestId("decision-amount").FillAsync("200");
        await Assertions.Expect(dialog.GetByTestId("decision-amount-echo")).ToContainTextAsync("¥2,000,000.00");
        await dialog.GetByTestId("decision-submit").ClickAsync();
        await Assertions.Expect(dialog.GetByTestId("confirm-amount")).ToHaveTextAsync("¥2,000,000.00 · 200.00 万元 · 人民币贰佰万元整");
        Assert.Equal(requested, (await Application(id)).GetProperty("amount").GetDecimal());
        await dialog.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await WaitFor(id, a => a.GetProperty("amount").GetDecimal() == 2_000_000m && a.GetProperty("stage").GetString() == "expert-recheck", "lowered to 200 万元");

        await Approve(page, id, "expert-recheck", "现场复核通过");

        // Expert panel: no default score; every criterion of the sheet, with a running total.
        await OpenTab(page, "expert-panel");
        await Row(page, id).GetByTestId("act-decide").ClickAsync();
        dialog = page.GetByTestId("decision-dialog");
        await dialog.GetByTestId("decision-approve").CheckAsync();
        Assert.Equal("", await dialog.GetByTestId("score-technology").InputValueAsync());
        await dialog.GetByTestId("decision-note").FillAsync("专家组评议通过");
        await dialog.GetByTestId("decision-submit").ClickAsync();
        errors = await Errors(dialog);
        seen.AddRange(errors);
        Assert.Contains("专家评审通过须逐项评分", errors);
        await ScorePanel(dialog, "25", "20", "16", "12", "8");
        await Assertions.Expect(dialog.GetByTestId("score-total")).ToHaveTextAsync("合计 81.00 / 100 分");
        await dialog.GetByTestId("decision-submit").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await WaitFor(id, a => a.GetProperty("score").GetDecimal() == 81m && a.GetProperty("stage").GetString() == "special-audit", "scored 81");

        await Approve(page, id, "special-audit", "审计通过");
        await WaitFor(id, a => a.GetProperty("stage").GetString() == "public-notice", "waiting for the notice");

        // The notice is published for the whole stage, confirmed first.
        await page.GetByTestId("notice-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-notice")).ToContainTextAsync("将 1 个项目列入公示");
        await page.GetByTestId("dialog-confirm").ClickAsync();
        await WaitFor(id, a => a.GetProperty("noticeUntil").ValueKind == JsonValueKind.String, "on the notice");

        // An objection during the notice sends it back to the panel.
        await OpenTab(page, "public-notice");
        await Row(page, id).GetByTestId("act-object").ClickAsync();
        await page.GetByTestId("objection-objector").FillAsync("张某");
        await page.GetByTestId("objection-reason").FillAsync("设备为旧设备翻新");
        await page.GetByTestId("objection-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("objection")).ToBeHiddenAsync();
        await WaitFor(id, a => a.GetProperty("stage").GetString() == "expert-panel" && a.GetProperty("status").GetString() == "pending", "back at the panel");

        await OpenTab(page, "expert-panel");
        await Row(page, id).GetByTestId("act-decide").ClickAsync();
        dialog = page.GetByTestId("decision-dialog");
        await dialog.GetByTestId("decision-approve").CheckAsync();
        await ScorePanel(dialog, "24", "20", "15", "12", "8");
        await dialog.GetByTestId("decision-note").FillAsync("异议不成立，维持推荐");
        await dialog.GetByTestId("decision-submit").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await Approve(page, id, "special-audit", "审计复核通过");
        await WaitFor(id, a => a.GetProperty("stage").GetString() == "public-notice", "waiting for the second notice");

        // The second notice with a window of seconds (a week is no test): once it closes, the notice stage is decided.
        var notice = await City.PostAsJsonAsync($"/api/batches/{Batch}/notice", new { until = DateTimeOffset.UtcNow.AddSeconds(3) });
        Assert.True(notice.IsSuccessStatusCode, await notice.Content.ReadAsStringAsync());
        await OpenTab(page, "public-notice");
        await Assertions.Expect(Row(page, id).GetByTestId("act-decide")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Row(page, id).GetByTestId("act-decide").ClickAsync();
        dialog = page.GetByTestId("decision-dialog");
        await dialog.GetByTestId("decision-approve").CheckAsync();
        await dialog.GetByTestId("decision-note").FillAsync("公示期满无异议");
        await dialog.GetByTestId("decision-submit").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
        await WaitFor(id, a => a.GetProperty("stage").GetString() == "award", "at the award");

        // Award every recommended application: the confirmation lists it and the sum.
        await Assertions.Expect(page.GetByTestId("award-ready")).ToContainTextAsync("1 个项目", new() { Timeout = 10_000 });
        await page.GetByTestId("award-all").ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-amount")).ToHaveTextAsync("¥2,000,000.00 · 200.00 万元 · 人民币贰佰万元整");
        await page.GetByTestId("dialog-confirm").ClickAsync();
        await WaitFor(id, a => a.GetProperty("status").GetString() == "awarded" && a.GetProperty("awarded").GetDecimal() == 2_000_000m, "awarded 200 万元");

        // Disbursement: no choice made, a non-number and a negative are refused and pay nothing.
        await OpenTab(page, "disbursement");
        await Row(page, id).GetByTestId("act-disburse").ClickAsync();
        var pay = page.GetByTestId("disburse-dialog");
        await Assertions.Expect(pay.GetByTestId("pay-unpaid")).ToHaveTextAsync("200.00 万元");
        await pay.GetByTestId("pay-next").ClickAsync();
        errors = await Errors(pay);
        seen.AddRange(errors);
        Assert.Contains("请选择：输入金额，或拨付剩余全部", errors);
        await pay.GetByTestId("pay-part").CheckAsync();
        await pay.GetByTestId("pay-amount").FillAsync("五十");
        await pay.GetByTestId("pay-next").ClickAsync();
        errors = await Errors(pay);
        seen.AddRange(errors);
        Assert.Contains(errors, e => e.Contains("本次拨付金额") && e.Contains("不是数字"));
        await pay.GetByTestId("pay-amount").FillAsync("-3");
        await pay.GetByTestId("pay-next").ClickAsync();
        errors = await Errors(pay);
        seen.AddRange(errors);
        Assert.Contains(errors, e => e.Contains("本次拨付金额") && e.Contains("不能为负数"));
        Assert.Equal(0m, (await Application(id)).GetProperty("disbursed").GetDecimal());

        // 50 万元, confirmed in words, pays exactly 500,000 yuan.
        await pay.GetByTestId("pay-amount").FillAsync("50");
        await Assertions.Expect(pay.GetByTestId("pay-after")).ToHaveTextAsync("拨付后尚余 150.00 万元");
        await pay.GetByTestId("pay-next").ClickAsync();
        await Assertions.Expect(pay.GetByTestId("confirm-amount")).ToHaveTextAsync("¥500,000.00 · 50.00 万元 · 人民币伍拾万元整");
        await pay.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(pay).ToBeHiddenAsync();
        await WaitFor(id, a => a.GetProperty("disbursed").GetDecimal() == 500_000m, "paid 50 万元");
        Assert.Equal("awarded", (await Application(id)).GetProperty("status").GetString());

        // The rest, chosen explicitly: 150 万元, and the award is paid in full.
        await Row(page, id).GetByTestId("act-disburse").ClickAsync();
        pay = page.GetByTestId("disburse-dialog");
        await Assertions.Expect(pay.GetByTestId("pay-unpaid")).ToHaveTextAsync("150.00 万元");
        await pay.GetByTestId("pay-rest").CheckAsync();
        await pay.GetByTestId("pay-next").ClickAsync();
        await Assertions.Expect(pay.GetByTestId("confirm-amount")).ToHaveTextAsync("¥1,500,000.00 · 150.00 万元 · 人民币壹佰伍拾万元整");
        await pay.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(pay).ToBeHiddenAsync();
        await WaitFor(id, a => a.GetProperty("disbursed").GetDecimal() == 2_000_000m && a.GetProperty("status").GetString() == "disbursed", "paid in full");

        // The history tells the story in Chinese: the return, the objection, the voided approvals.
        await OpenTab(page, "disbursed");
        await Row(page, id).GetByTestId("act-history").ClickAsync();
        var history = page.GetByTestId("application-history");
        await Assertions.Expect(history).ToContainTextAsync("退回修改");
        await Assertions.Expect(history).ToContainTextAsync("公示异议");
        await Assertions.Expect(history).ToContainTextAsync("已作废");
        await Assertions.Expect(history).ToContainTextAsync("技术先进性 25/30");
        var historyText = await history.InnerTextAsync();
        Assert.DoesNotContain("county-check", historyText);
        Assert.DoesNotContain("approved", historyText);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("grant-review-history.png") });

        Assert.Empty(dialogs);
        Assert.All(seen, e => Assert.False(AppPages.LooksLikeServerEnglish(e.Replace("abc", "")), $"not for a Chinese reader: {e}"));
    }

    [Fact]
    public async Task A_viewer_sees_no_review_forms_and_a_county_agent_only_its_own_county_stages()
    {
        var page = await NewPage(1600, 1000);
        var dialogs = AppPages.RecordDialogs(page);
        await AppPages.SignIn(page, App, "viewer", "#/batches/2022-1?tab=disbursement");
        await Assertions.Expect(page.GetByTestId("batch-role-note")).ToHaveTextAsync("只读账号只能查看评审情况。", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("application-row").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("bulk-actions")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("apply-card")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("create-card")).ToBeHiddenAsync();
        Assert.Equal(0, await page.Locator("[data-testid=act-disburse], [data-testid=act-decide]").CountAsync());

        var agent = await NewPage(1600, 1000);
        await AppPages.SignIn(agent, App, "lingbao", "#/batches/2022-1?tab=disbursement");
        await Assertions.Expect(agent.GetByTestId("application-row").First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(agent.GetByTestId("apply-card")).ToBeVisibleAsync();
        await Assertions.Expect(agent.GetByTestId("bulk-actions")).ToBeHiddenAsync();
        // Only its own county's firms are listed, and paying is for city staff.
        foreach (var county in await agent.Locator("[data-testid=application-row] td:nth-child(2)").AllInnerTextsAsync()) Assert.Equal("灵宝市", county);
        Assert.Equal(0, await agent.Locator("[data-testid=act-disburse]").CountAsync());
        Assert.Empty(dialogs);
    }
}
