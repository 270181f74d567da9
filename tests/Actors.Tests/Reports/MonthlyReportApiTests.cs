using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;
using Programme.Web.Reports;

namespace Programme.Tests.Reports;

/// <summary>
/// <c>GET /api/reports/monthly</c> on the real app: city staff download a DOCX that opens with the Open XML SDK and holds
/// the figures, league (all eight counties, first and last) and key projects (重点项目) of the month, in 亿元 / 万元, the
/// same as the report's JSON; a past month reads that month's board; others may not have it; bad months are 400.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class MonthlyReportApiTests(AppProcess app)
{
    [Fact]
    public async Task City_staff_download_the_months_report_as_a_docx_with_its_tables()
    {
        using var city = app.Http(AppProcess.Token("city"));
        foreach (var month in new[] { "2022-08", "2022-05" })
        {
            // Other classes of the shared app may still be moving the boards: take a DOCX read between two equal JSON reads.
            HttpResponseMessage answer;
            JsonElement json;
            var attempts = 0;
            while (true)
            {
                var before = await city.GetStringAsync($"/api/reports/monthly?month={month}");
                answer = await city.GetAsync($"/api/reports/monthly?month={month}&format=docx");
                var after = await city.GetStringAsync($"/api/reports/monthly?month={month}");
                json = JsonDocument.Parse(after).RootElement;
                if (before == after || ++attempts == 20) break;
                await Task.Delay(200);
            }
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal(MonthlyReportDocx.ContentType, answer.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"月调度通报-{month}.docx", Uri.UnescapeDataString(answer.Content.Headers.ContentDisposition?.ToString() ?? ""));
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            Assert.Empty(DocxText.SchemaErrors(bytes));
            var doc = DocxText.Read(bytes);

            Assert.Contains($"（{ReportText.Month(month)}）", doc.Paragraphs);
            var figures = doc.TableHeaded("指标", "年度目标", "完成");
            Assert.NotNull(figures);
            var completed = json.GetProperty("figures").EnumerateArray().First(f => f.GetProperty("key").GetString() == "completedThisYear");
            Assert.Contains(figures, r => r[0] == "年度完成投资" && r[1] == "150.00" && r[2] == ReportText.Yi(completed.GetProperty("actual").GetDecimal()));

            var league = doc.TableHeaded("排名", "县（市、区）");
            Assert.NotNull(league);
            Assert.Equal(9, league.Count);
            Assert.Equal(json.GetProperty("first").GetProperty("name").GetString(), league[1][1]);
            Assert.Equal("首位", league[1][^1]);
            Assert.Equal(json.GetProperty("last").GetProperty("name").GetString(), league[8][1]);
            Assert.Equal("末位", league[8][^1]);

            var keys = doc.TableHeaded("县（市、区）", "企业", "项目");
            Assert.NotNull(keys);
            Assert.Equal(json.GetProperty("keyProjects").GetArrayLength() + 1, keys.Count);
            Assert.True(keys.Count > 1, "the default data has key projects");
            var firstKey = json.GetProperty("keyProjects")[0];
            Assert.Equal(ReportText.Wan(firstKey.GetProperty("totalInvestment").GetDecimal()), keys[1][4]);

            // The live board carries no forecast or warnings on this branch's data: the sections say so.
            if (json.GetProperty("forecast").ValueKind == JsonValueKind.Null) Assert.Contains(MonthlyReportDocx.NotComputed, doc.Paragraphs);
        }
    }

    [Fact]
    public async Task Only_city_staff_have_it_and_a_bad_month_or_format_is_a_problem_naming_the_field()
    {
        using var anonymous = app.Http();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/reports/monthly?format=docx")).StatusCode);
        using var agent = app.Http(AppProcess.Token("county", "lingbao"));
        Assert.Equal(HttpStatusCode.Forbidden, (await agent.GetAsync("/api/reports/monthly?format=docx")).StatusCode);
        using var viewer = app.Http(AppProcess.Token("viewer"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/reports/monthly")).StatusCode);

        using var city = app.Http(AppProcess.Token("city"));
        foreach (var (url, field) in new[] { ("month=2022-13", "month"), ("month=2031-01", "month"), ("month=2018-01", "month"), ("format=pdf", "format") })
        {
            var answer = await city.GetAsync("/api/reports/monthly?" + url);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), url);
        }
    }
}
