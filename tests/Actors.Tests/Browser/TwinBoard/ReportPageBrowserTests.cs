using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Programme.Tests.Browser.OneApp;
using Programme.Tests.Fixtures;
using Programme.Tests.Reports;

namespace Programme.Tests.Browser.TwinBoard;

/// <summary>
/// The monthly report page (#/report) in Chromium, as city staff use it: the document with its six sections and tables,
/// names with markup shown as text (never run), the DOCX download opening with the Open XML SDK, English, a print
/// layout without the app's chrome; a viewer is told it is for city staff and has no link to it.
/// </summary>
/// <summary>Its own app: the tests register an above-scale firm, which the shared app's default-data checks (463 firms) must not see.</summary>
public sealed class ReportPageApp : AppProcess;

public sealed class ReportPageBrowserTests(ReportPageApp app) : BrowserTest(app), IClassFixture<ReportPageApp>
{
    private const string Firm = "h15b-report-markup";
    private const string MarkupName = "<img src=x onerror=\"window.__xss=1\">标记测试企业";

    [Fact]
    public async Task City_staff_read_print_and_download_the_months_report_and_markup_stays_text()
    {
        await KeyProjectWithMarkup();
        await ForecastComputed();
        var page = await NewPage(1600, 1000);
        var dialogs = AppPages.RecordDialogs(page);
        await AppPages.SignIn(page, App, "city", "#/report");
        var doc = page.GetByTestId("report-doc");
        await Assertions.Expect(doc.Locator("h1")).ToHaveTextAsync("三门峡市“三大改造”工作月调度通报", new() { Timeout = 20_000 });
        await Assertions.Expect(doc.Locator("h2")).ToHaveCountAsync(6);
        Assert.True(await doc.Locator("table").CountAsync() >= 3);
        await Assertions.Expect(doc.Locator("table").Nth(1).Locator("tbody tr")).ToHaveCountAsync(8);
        // The live forecast (computed in the background soon after start) is the report's fifth section.
        await Assertions.Expect(page.GetByTestId("report-forecast")).ToContainTextAsync("200");

        // The firm's name is shown as the text it is; nothing of it runs.
        await Assertions.Expect(doc.GetByText(MarkupName)).ToBeVisibleAsync();
        Assert.Equal(0, await doc.Locator("img, b").CountAsync());
        Assert.False(await page.EvaluateAsync<bool>("() => window.__xss === 1"));
        // Counties by name, never by id.
        await Assertions.Expect(doc.Locator("tr", new() { HasText = "标记测试企业" }).Locator("td").First).ToHaveTextAsync("卢氏县");
        var axe = await AppPages.SeriousAxeViolations(page);
        Assert.True(axe.Count == 0, string.Join("\n", axe));
        await page.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("report-zh.png"), FullPage = true });

        // The DOCX button downloads the same month's document.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("report-docx").ClickAsync());
        Assert.Equal("月调度通报-2022-08.docx", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        var docx = DocxText.Read(await File.ReadAllBytesAsync(path));
        File.Delete(path);
        Assert.NotNull(docx.TableHeaded("排名", "县（市、区）"));
        Assert.Contains(docx.TableHeaded("县（市、区）", "企业", "项目")!, r => r[1] == MarkupName);

        // On paper: no header, navigation or tools; the document only.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator(".topbar").IsVisibleAsync());
        Assert.False(await page.Locator(".report-tools").IsVisibleAsync());
        await Assertions.Expect(doc).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("report-print.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GetByTestId("lang-switch").ClickAsync();
        await Assertions.Expect(doc.Locator("h2").First).ToHaveTextAsync("1. Targets", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("report-forecast")).ToContainTextAsync("200");
        await Assertions.Expect(doc.Locator("h1")).ToHaveTextAsync("Three Transformations: monthly scheduling report");
        await Assertions.Expect(doc.Locator("thead").First).ToContainTextAsync("Annual target");
        await page.ScreenshotAsync(new() { Path = Fixtures.Browser.ScreenshotPath("report-en.png"), FullPage = true });
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task A_viewer_is_told_the_report_is_for_city_staff()
    {
        var page = await NewPage(1366, 768);
        await AppPages.SignIn(page, App, "viewer", "#/report");
        await Assertions.Expect(page.GetByTestId("report-body")).ToContainTextAsync("月调度通报仅供市级工作人员查看", new() { Timeout = 20_000 });
        Assert.Equal(0, await page.Locator("#appnav-links a[href='#/report']").CountAsync());
    }

    private async Task KeyProjectWithMarkup()
    {
        using var city = App.Http(AppProcess.Token("city"));
        Assert.True((await city.PutAsJsonAsync($"/api/enterprises/{Firm}", new { name = MarkupName, countyId = "lushi", sector = "aluminium", aboveScale = true, status = "active" })).IsSuccessStatusCode);
        var firm = await city.GetFromJsonAsync<JsonElement>($"/api/enterprises/{Firm}");
        if (firm.GetProperty("projects").GetArrayLength() > 0) return;
        var add = await city.PostAsJsonAsync($"/api/enterprises/{Firm}/projects", new
        {
            name = "<b>加粗</b>改造项目", kind = "green", totalInvestment = 30_000_000m, plannedThisYear = 10_000_000m, startMonth = "2022-06", endMonth = "2023-06",
        });
        var pid = (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/enterprises/{Firm}/projects/{pid}/entry", new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PutAsJsonAsync($"/api/enterprises/{Firm}/projects/{pid}/progress/2022-08", new
        {
            invested = 2_000_000m, progress = "<script>设备进场</script>", progressPercent = 12.5m, problems = "=HYPERLINK(\"x\")", inStatistics = true,
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.PutAsJsonAsync($"/api/enterprises/{Firm}/projects/{pid}/key", new { key = true })).StatusCode);
    }

    /// <summary>Waits (polling the city board) until the background forecast has run once, so the report carries it.</summary>
    private async Task ForecastComputed()
    {
        using var http = App.Http();
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            var board = await http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/board/city");
            if (board.TryGetProperty("forecast", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.Object) return;
            await Task.Delay(250);
        }
        Assert.Fail("the city board carried no forecast within 90 s");
    }
}
