using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Programme.Tests.Fixtures;
using Programme.Web.Spreadsheets;

namespace Programme.Tests.SafeReport;

/// <summary>
/// A county agent's monthly report in Chromium: the template comes back unchanged and changes nothing, a blank cell
/// changes nothing, the preview shows each change old → new, a zeroing row is flagged and applied only once ticked; an
/// export round-trips; the history speaks names, not codes; a viewer is shown no form it cannot use.
/// </summary>
public sealed class SafeReportBrowserTests(AppProcess app) : BrowserTest(app), IClassFixture<AppProcess>
{
    static SafeReportBrowserTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private async Task<IPage> SignIn(string user)
    {
        var page = await NewPage(1600, 1000);
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/login").ToString());
        await page.GetByTestId("login-user").FillAsync(user);
        await page.GetByTestId("login-password").FillAsync("sanmenxia-2022");
        await page.GetByTestId("login-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("session-user")).ToHaveTextAsync(user, new() { Timeout = 10_000 });
        return page;
    }

    private static async Task<byte[]> DownloadBy(IPage page, string testid)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(testid).ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task UploadFile(IPage page, byte[] file, string name)
    {
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload
        {
            Name = name, Buffer = file,
            MimeType = name.EndsWith(".csv") ? "text/csv" : SpreadsheetFormat.XlsxType,
        });
        await page.GetByTestId("import-upload").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-status")).ToBeVisibleAsync(new() { Timeout = 15_000 });
    }

    private static decimal Wan(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) * 10_000m;

    private static string WanText(decimal yuan) => (yuan / 10_000m).ToString("#,0.00####", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_template_unchanged_changes_nothing_and_a_zeroing_row_is_flagged_and_applied_only_when_ticked()
    {
        var page = await SignIn("lingbao");
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace").ToString());
        var template = await DownloadBy(page, "import-template-xlsx");
        var sheet = SpreadsheetReader.Read(new MemoryStream(template), SpreadsheetFormat.Xlsx);
        using var http = App.Http();

        // Downloaded and uploaded as it is: nothing changes (and the file did hold the reported figures).
        var reported = sheet.Rows.Where(r => r.Cells[5].Length > 0).Select(r => r.Cells).ToList();
        Assert.True(reported.Count >= 20, "the template is pre-filled with the month's reported figures");
        Assert.Equal(await SafeReportTests.Reported(http, reported[0][0], reported[0][2], reported[0][4]), Wan(reported[0][5]));
        await UploadFile(page, template, "灵宝-月报模板.xlsx");
        await Assertions.Expect(page.GetByTestId("import-nothing")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-changing")).ToHaveTextAsync("0");
        await Assertions.Expect(page.GetByTestId("import-apply")).ToHaveCountAsync(0);

        // Filled in as an agent would: one month zeroed, one corrected, one figure cleared (blank = no change).
        var zero = reported[0];
        var edit = reported.First(c => c[0] != zero[0]);
        var blank = reported.First(c => c[0] != zero[0] && c[0] != edit[0]);
        var newYuan = decimal.Round(Wan(edit[5]) * 0.9m / 100m) * 100m;
        var rows = sheet.Rows.Select(r => r.Cells).Select(c => (IReadOnlyList<string?>)(
            c == zero ? [.. c[..5], "0"] :
            c == edit ? [.. c[..5], (newYuan / 10_000m).ToString(CultureInfo.InvariantCulture)] :
            c == blank ? [.. c[..5], ""] : c)).ToList();
        var file = ExcelFile.Write(MonthlyReportSheet.Header, rows);
        await UploadFile(page, file, "灵宝-2022年8月.xlsx");
        var changes = page.GetByTestId("import-change");
        await Assertions.Expect(changes).ToHaveCountAsync(2);
        var ordinary = changes.Filter(new() { HasText = edit[1] });
        await Assertions.Expect(ordinary.GetByTestId("import-before")).ToHaveTextAsync(WanText(Wan(edit[5])));
        await Assertions.Expect(ordinary.GetByTestId("import-after")).ToHaveTextAsync(WanText(newYuan));
        await Assertions.Expect(ordinary.GetByTestId("import-tick")).ToBeCheckedAsync();
        var zeroing = changes.Filter(new() { HasText = zero[1] });
        await Assertions.Expect(zeroing).ToHaveAttributeAsync("data-flagged", "true");
        await Assertions.Expect(zeroing.Locator("[data-flag=zeroing]")).ToContainTextAsync("清零");
        await Assertions.Expect(zeroing.GetByTestId("import-before")).ToHaveTextAsync(WanText(Wan(zero[5])));
        await Assertions.Expect(zeroing.GetByTestId("import-after")).ToHaveTextAsync("0.00");
        await Assertions.Expect(zeroing.GetByTestId("import-tick")).Not.ToBeCheckedAsync();
        await Assertions.Expect(page.GetByTestId("import-flagged")).ToHaveTextAsync("1");
        // Blank: the cleared row, and the rows the template already left blank (nothing reported for the month yet).
        var alreadyBlank = sheet.Rows.Count(r => r.Cells.Skip(5).All(string.IsNullOrWhiteSpace));
        await Assertions.Expect(page.GetByTestId("import-blank")).ToHaveTextAsync($"{1 + alreadyBlank}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("safe-report-preview.png"), FullPage = true });

        // Applied as ticked: the correction only; the zeroed month and the cleared cell keep their figures.
        await Assertions.Expect(page.GetByTestId("import-apply")).ToContainTextAsync("1");
        await page.GetByTestId("import-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-applied")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.Equal(newYuan, await SafeReportTests.Reported(http, edit[0], edit[2], edit[4]));
        Assert.Equal(Wan(zero[5]), await SafeReportTests.Reported(http, zero[0], zero[2], zero[4]));
        Assert.Equal(Wan(blank[5]), await SafeReportTests.Reported(http, blank[0], blank[2], blank[4]));

        // The same file again: only the zeroing row is left; nothing is applied until it is ticked.
        await UploadFile(page, file, "灵宝-2022年8月.xlsx");
        await Assertions.Expect(changes).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("import-apply")).ToBeDisabledAsync();
        await changes.GetByTestId("import-tick").CheckAsync();
        await page.GetByTestId("import-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-applied")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.Null(await SafeReportTests.Reported(http, zero[0], zero[2], zero[4]));
    }

    [Fact]
    public async Task An_export_uploaded_as_a_report_changes_nothing_and_an_edit_in_gb18030_shows_old_to_new()
    {
        var page = await SignIn("mianchi");
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace").ToString());
        var export = await DownloadBy(page, "export-csv");
        Assert.StartsWith("企业代码", Encoding.UTF8.GetString(export).TrimStart('\uFEFF'));
        await UploadFile(page, export, "渑池-企业.csv");
        await Assertions.Expect(page.GetByTestId("import-nothing")).ToBeVisibleAsync();

        var sheet = SpreadsheetReader.Read(new MemoryStream(export), SpreadsheetFormat.Csv);
        int Col(string header) => sheet.Header.ToList().IndexOf(header);
        int status = Col("项目状态"), total = Col("总投资（万元）"), invested = Col("累计完成投资（万元）");
        var target = sheet.Rows.Select(r => r.Cells).First(c => c[5].Length > 0 && c[status] == "在建" && Wan(c[total]) - Wan(c[invested]) + Wan(c[5]) >= 10_917_100m);
        var csv = new StringBuilder(string.Join(",", sheet.Header) + "\r\n");
        foreach (var c in sheet.Rows.Select(r => r.Cells))
            csv.Append(string.Join(",", (c == target ? [.. c[..5], "1091.71", .. c[6..]] : c).Select(x => x.Contains(',') ? $"\"{x}\"" : x))).Append("\r\n");
        await UploadFile(page, Encoding.GetEncoding("GB18030").GetBytes(csv.ToString()), "渑池-企业-修改.csv");
        var change = page.GetByTestId("import-change");
        await Assertions.Expect(change).ToHaveCountAsync(1);
        await Assertions.Expect(change).ToContainTextAsync(target[1]);
        await Assertions.Expect(change).ToContainTextAsync(target[3]);
        await Assertions.Expect(change.GetByTestId("import-before")).ToHaveTextAsync(WanText(Wan(target[5])));
        await Assertions.Expect(change.GetByTestId("import-after")).ToHaveTextAsync("1,091.71");
        if (await change.GetAttributeAsync("data-flagged") == "true") await change.GetByTestId("import-tick").CheckAsync();
        await page.GetByTestId("import-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-applied")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        using var http = App.Http();
        Assert.Equal(10_917_100m, await SafeReportTests.Reported(http, target[0], target[2], target[4]));

        // In English the same card reads in English.
        await page.GotoAsync(new Uri(App.BaseAddress, "/?lang=en#/workspace").ToString());
        await UploadFile(page, Encoding.GetEncoding("GB18030").GetBytes(csv.ToString().Replace("1091.71", "1200")), "mianchi-edit.csv");
        await Assertions.Expect(page.GetByTestId("import-change")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("import-result")).ToContainTextAsync("Changes");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("safe-report-preview-en.png"), FullPage = true });
    }

    /// <summary>What must never reach a zh-CN reader of a history: user ids, field paths, enum values, yuan digits.</summary>
    private static readonly string[] RawCodes =
        ["lingbao", "projects/", "monthly", "report-progress", "import-monthly-report", "set-project-status", "underway", "completed",
         "intelligent", "technical", "active", "import", " api", "web", "undefined", "null", "NaN"];

    [Fact]
    public async Task The_history_on_the_public_page_and_in_the_workspace_shows_names_channels_and_formatted_values()
    {
        // Three channels on one firm: a monthly report file (导入), the web form (网页) and an API client (接口).
        using var http = App.Http();
        var firm = await http.GetFromJsonAsync<JsonElement>("/api/enterprises/sdic-jincheng");
        var firmName = firm.GetProperty("name").GetString()!;
        var project = firm.GetProperty("projects").EnumerateArray().First(p => p.GetProperty("status").GetString() == "underway"
            && p.GetProperty("totalInvestment").GetDecimal() - p.GetProperty("invested").GetDecimal() >= 50_000m);
        var pid = project.GetProperty("id").GetString()!;
        var pname = project.GetProperty("name").GetString()!;
        decimal Held(string month) => project.GetProperty("monthly").EnumerateArray()
            .Where(m => m.GetProperty("month").GetString() == month).Sum(m => m.GetProperty("amount").GetDecimal());
        // Real corrections: a round 万元 figure one 万 above what is held (so the project's total investment still holds).
        var july = decimal.Round(Held("2022-07") / 10_000m, 2) * 10_000m + 10_000m;
        var june = decimal.Round(Held("2022-06") / 10_000m, 2) * 10_000m + 20_000m;
        string W(decimal yuan) => (yuan / 10_000m).ToString("0.00", CultureInfo.InvariantCulture);

        var page = await SignIn("lingbao");
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace").ToString());
        var file = ExcelFile.Write(MonthlyReportSheet.Header, [["sdic-jincheng", firmName, pid, pname, "2022-07", W(july)]]);
        await UploadFile(page, file, "灵宝-7月补报.xlsx");
        var tick = page.GetByTestId("import-tick");
        if (!await tick.IsCheckedAsync()) await tick.CheckAsync();
        await page.GetByTestId("import-apply").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-applied")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace/enterprise/sdic-jincheng").ToString());
        await page.GetByTestId("progress-project").SelectOptionAsync(pid);
        await page.GetByTestId("progress-month").FillAsync("2022-06");
        await page.GetByTestId("progress-amount-wan").FillAsync(W(june));
        await page.GetByTestId("progress-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("toast")).ToBeVisibleAsync(new() { Timeout = 10_000 });

        using var api = App.Http(AppProcess.Token("county", "lingbao", name: "lingbao"));
        (await api.PutAsJsonAsync($"/api/enterprises/sdic-jincheng/projects/{pid}/status", new { status = "completed" })).EnsureSuccessStatusCode();
        var julyText = (july / 10_000m).ToString("#,0.00", CultureInfo.InvariantCulture) + " 万元";
        var juneText = (june / 10_000m).ToString("#,0.00", CultureInfo.InvariantCulture) + " 万元";

        async Task Check(ILocator history, bool withFirm)
        {
            await Assertions.Expect(history).ToContainTextAsync("接口", new() { Timeout = 10_000 });
            var text = await history.InnerTextAsync();
            foreach (var word in new[] { "灵宝市工信局", "网页", "导入", "接口", "灵宝-7月补报.xlsx", $"项目「{pname}」", "2022年7月完成投资", "2022年6月完成投资", julyText, juneText, "在建", "竣工", "月报导入" })
                Assert.Contains(word, text);
            if (withFirm) Assert.Contains(firmName, text);
            foreach (var code in RawCodes) Assert.DoesNotContain(code, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch(new Regex(@"\bp\d+\b|sdic-jincheng|\d{6,}"), text);
        }

        await page.GotoAsync(new Uri(App.BaseAddress, "/#/enterprise/sdic-jincheng").ToString());
        await Check(page.GetByTestId("enterprise-history"), false);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("history-public.png"), FullPage = true });
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace/enterprise/sdic-jincheng").ToString());
        await Check(page.GetByTestId("wse-history"), false);
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/workspace").ToString());
        await Check(page.GetByTestId("ws-history"), true);
        // The firm list under the history: no ids under the names.
        await Assertions.Expect(page.GetByTestId("ws-row").First).ToBeVisibleAsync();
        Assert.DoesNotMatch(new Regex(@"lingbao-\d{3}|huaxin-copper-foil"), await page.GetByTestId("ws-row").First.InnerTextAsync());

        await page.GotoAsync(new Uri(App.BaseAddress, "/?lang=en#/enterprise/sdic-jincheng").ToString());
        var en = page.GetByTestId("enterprise-history");
        await Assertions.Expect(en).ToContainTextAsync("Import", new() { Timeout = 10_000 });
        await Assertions.Expect(en).ToContainTextAsync("Web");
        await Assertions.Expect(en).ToContainTextAsync("API");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Fixtures.Browser.ScreenshotPath("history-public-en.png"), FullPage = true });
    }

    [Fact]
    public async Task A_viewer_is_shown_no_form_it_cannot_use()
    {
        var page = await SignIn("viewer");
        foreach (var route in new[] { "/#/workspace", "/#/workspace?county=lingbao", "/#/workspace/enterprise/sdic-jincheng" })
        {
            await page.GotoAsync(new Uri(App.BaseAddress, route).ToString());
            await Assertions.Expect(page.Locator("main [role=alert]")).ToContainTextAsync("无权访问", new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("main form")).ToHaveCountAsync(0);
            await Assertions.Expect(page.GetByTestId("import-file")).ToHaveCountAsync(0);
        }
        await page.GotoAsync(new Uri(App.BaseAddress, "/#/enterprise/sdic-jincheng").ToString());
        await Assertions.Expect(page.GetByTestId("enterprise-history")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("open-workspace")).ToBeHiddenAsync();
        // The scenarios view (also the old /scenarios.html address): a note that viewers may look, no form, no analysis form.
        await page.GotoAsync(new Uri(App.BaseAddress, "/scenarios.html").ToString());
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("#/scenarios"));
        await Assertions.Expect(page.Locator("main p[role=note]:not([hidden])")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("scenario-form")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#scenario-analysis form")).ToHaveCountAsync(0);
    }
}
