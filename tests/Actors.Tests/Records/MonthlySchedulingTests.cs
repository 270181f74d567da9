using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Domain;
using Programme.Grains.Data;
using Programme.Tests.Fixtures;
using Programme.Web.Spreadsheets;

namespace Programme.Tests.Records;

/// <summary>
/// Monthly scheduling (月调度): every underway project reports its month — investment, 形象进度 (words and percent), 存在问题,
/// 纳统 — by the due day; the county agent sees who has not reported and by when; the boards show each county's completeness;
/// the monthly report spreadsheet carries the same columns.
/// </summary>
public sealed class MonthlySchedulingTests(AppProcess app) : IClassFixture<AppProcess>
{
    private static readonly YearMonth Aug = new(2022, 8);

    [Fact]
    public void The_default_data_has_every_running_project_reporting_its_months_and_fifteen_late_for_august()
    {
        var data = SanmenxiaDataset.Generate();
        var due = data.Enterprises.Where(e => e.AboveScale).SelectMany(e => e.Projects).Where(p => p.DueToReport(Aug)).ToList();
        var late = due.Where(p => p.Schedule.All(s => s.Month != Aug)).ToList();
        Assert.Equal(15, late.Count);
        // Not reported means nothing reported: no August money either.
        Assert.All(late, p => Assert.DoesNotContain(p.Monthly, m => m.Month == Aug));
        Assert.All(due.Except(late), p =>
        {
            var r = p.Schedule.Single(s => s.Month == Aug);
            Assert.False(string.IsNullOrWhiteSpace(r.Progress));
            Assert.InRange(r.ProgressPercent, 0m, 100m);
            Assert.Equal(Math.Min(100m, Math.Round(p.Monthly.Where(m => m.Month <= Aug).Sum(m => m.Amount) * 100m / p.TotalInvestment, 1)), r.ProgressPercent);
        });
    }

    [Fact]
    public async Task An_agent_sees_who_has_not_reported_reports_a_month_and_the_completeness_moves()
    {
        using var agent = app.Http(AppProcess.Token("county", "shanzhou"));
        var schedule = await agent.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/schedule?reported=false");
        Assert.Equal(("2022-08", "2022-09-05"), (schedule.GetProperty("month").GetString(), schedule.GetProperty("dueDate").GetString()));
        var missing = schedule.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, i => Assert.False(i.GetProperty("reported").GetBoolean()));
        var (dueCount, reportedCount) = (schedule.GetProperty("due").GetInt32(), schedule.GetProperty("reported").GetInt32());
        Assert.Equal(dueCount - reportedCount, missing.Count);
        var pick = missing[0];
        var (firm, project) = (pick.GetProperty("enterpriseId").GetString(), pick.GetProperty("projectId").GetString());
        var url = $"/api/enterprises/{firm}/projects/{project}/progress/2022-08";

        // A bad report names its fields and changes nothing.
        var bad = await agent.PutAsJsonAsync(url, new { invested = 1_000_000m, progress = "主体设备安装中", progressPercent = 120m });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("progressPercent", out _));
        Assert.True(errors.TryGetProperty("inStatistics", out _));

        var ok = await agent.PutAsJsonAsync(url, new { invested = 1_000_000m, progress = "主体设备安装中", progressPercent = 55.5m, problems = "设备到货延迟", inStatistics = true });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await Eventually.Holds(async () =>
        {
            var board = await agent.GetFromJsonAsync<JsonElement>("/api/board/counties/shanzhou");
            var s = board.GetProperty("schedule");
            return s.GetProperty("reported").GetInt32() == reportedCount + 1 && s.GetProperty("due").GetInt32() == dueCount
                && s.GetProperty("completeness").GetDecimal() == Math.Round((decimal)(reportedCount + 1) / dueCount, 6);
        }, TimeSpan.FromSeconds(5), "the county board's completeness counts the report");
        await Eventually.Holds(async () =>
            (await agent.GetFromJsonAsync<JsonElement>("/api/board/city")).GetProperty("counties").EnumerateArray()
                .Single(c => c.GetProperty("id").GetString() == "shanzhou").GetProperty("scheduleReported").GetInt32() == reportedCount + 1,
            TimeSpan.FromSeconds(5), "the city's league shows the county's completeness");
        var after = await agent.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/schedule");
        var row = after.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("projectId").GetString() == project && i.GetProperty("enterpriseId").GetString() == firm);
        Assert.Equal((true, 55.5m, "设备到货延迟", true), (row.GetProperty("reported").GetBoolean(), row.GetProperty("progressPercent").GetDecimal(),
            row.GetProperty("problems").GetString(), row.GetProperty("inStatistics").GetBoolean()));
        var history = await agent.GetFromJsonAsync<JsonElement>($"/api/enterprises/{firm}/history");
        var fields = history[0].GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("field").GetString()).ToList();
        Assert.Contains($"projects/{project}/schedule/2022-08/progressPercent", fields);
        Assert.Contains($"projects/{project}/schedule/2022-08/inStatistics", fields);
    }

    [Fact]
    public async Task The_monthly_report_spreadsheet_carries_the_scheduling_columns()
    {
        using var agent = await Session.SignIn(app, "mianchi");
        var template = await agent.Http.GetAsync("/api/imports/template?format=xlsx");
        var sheet = SpreadsheetReader.Read(await template.Content.ReadAsStreamAsync(), SpreadsheetFormat.Xlsx);
        Assert.Equal(["形象进度", "形象进度（%）", "存在问题", "是否纳统"], sheet.Header.Skip(6));

        var schedule = await agent.Http.GetFromJsonAsync<JsonElement>("/api/counties/mianchi/schedule?reported=false");
        var pick = schedule.GetProperty("items").EnumerateArray().First();
        var (firm, project) = (pick.GetProperty("enterpriseId").GetString(), pick.GetProperty("projectId").GetString());
        var rows = new List<object?[]> { new object?[] { firm, "", project, "", "2022-08", 30m, "设备调试中", "88", "", "否" } };
        var file = SpreadsheetWriter.Write(SpreadsheetFormat.Xlsx, "月报", MonthlyReportSheet.Header, rows);
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(SpreadsheetFormat.XlsxType);
        form.Add(content, "file", "渑池-月调度-2022-08.xlsx");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", agent.Csrf);
        var preview = await (await agent.Http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("previewed", preview.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await agent.Send(HttpMethod.Post, $"/api/imports/{preview.GetProperty("id").GetString()}/apply")).StatusCode);

        var after = await agent.Http.GetFromJsonAsync<JsonElement>("/api/counties/mianchi/schedule");
        var row = after.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("projectId").GetString() == project && i.GetProperty("enterpriseId").GetString() == firm);
        Assert.Equal((true, "设备调试中", 88m, false, 300_000m), (row.GetProperty("reported").GetBoolean(), row.GetProperty("progress").GetString(),
            row.GetProperty("progressPercent").GetDecimal(), row.GetProperty("inStatistics").GetBoolean(), row.GetProperty("invested").GetDecimal()));
    }
}
