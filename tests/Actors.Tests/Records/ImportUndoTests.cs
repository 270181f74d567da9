using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;
using Programme.Web.Spreadsheets;

namespace Programme.Tests.Records;

/// <summary>
/// An import that cannot be applied whole is undone: every month it had already written goes back to what it held at
/// preview — the amount and the 月调度 fields (形象进度 words and %, 存在问题, 纳统), or no scheduling report at all.
/// </summary>
public sealed class ImportUndoTests(AppProcess app) : IClassFixture<AppProcess>
{
    private static JsonElement Item(JsonElement schedule, string firm, string project) => schedule.GetProperty("items").EnumerateArray()
        .Single(i => i.GetProperty("enterpriseId").GetString() == firm && i.GetProperty("projectId").GetString() == project);

    [Fact]
    public async Task Undoing_an_import_restores_the_schedule_fields_of_every_month_it_had_written()
    {
        using var agent = await Session.SignIn(app, "shanzhou");
        var before = await agent.Http.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/schedule");
        var items = before.GetProperty("items").EnumerateArray().ToList();
        // Three firms: one whose August report exists, one that has not reported August, one that will change meanwhile.
        var reported = items.First(i => i.GetProperty("reported").GetBoolean());
        string Firm(JsonElement i) => i.GetProperty("enterpriseId").GetString()!;
        string Project(JsonElement i) => i.GetProperty("projectId").GetString()!;
        var unreported = items.First(i => !i.GetProperty("reported").GetBoolean() && Firm(i) != Firm(reported));
        var changing = items.First(i => i.GetProperty("reported").GetBoolean() && Firm(i) != Firm(reported) && Firm(i) != Firm(unreported));

        var rows = new List<object?[]>
        {
            new object?[] { Firm(reported), "", Project(reported), "", "2022-08", 12m, "导入写入的进度", "77", "导入写入的问题", "否" },
            new object?[] { Firm(unreported), "", Project(unreported), "", "2022-08", 8m, "首次报送", "40", "", "是" },
            new object?[] { Firm(changing), "", Project(changing), "", "2022-08", 5m, "另一家", "60", "", "是" },
        };
        var file = SpreadsheetWriter.Write(SpreadsheetFormat.Xlsx, "月报", MonthlyReportSheet.Header, rows);
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(SpreadsheetFormat.XlsxType);
        form.Add(content, "file", "陕州-月调度-2022-08.xlsx");
        var upload = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        upload.Headers.Add("X-CSRF-TOKEN", agent.Csrf);
        var preview = await (await agent.Http.SendAsync(upload)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("previewed", preview.GetProperty("status").GetString());
        Assert.Equal(3, preview.GetProperty("changing").GetInt32());

        // Meanwhile the third firm changes: the import cannot be applied whole.
        var meanwhile = await agent.Send(HttpMethod.Put, $"/api/enterprises/{Firm(changing)}/projects/{Project(changing)}/progress/2022-08",
            new { invested = Item(before, Firm(changing), Project(changing)).GetProperty("invested").GetDecimal(), progress = "期间修改", progressPercent = 61m, inStatistics = true });
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);

        var confirmed = preview.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("row").GetInt32()).ToArray();
        var apply = await agent.Send(HttpMethod.Post, $"/api/imports/{preview.GetProperty("id").GetString()}/apply", new { rows = confirmed });
        Assert.Equal(HttpStatusCode.Conflict, apply.StatusCode);
        Assert.Contains("nothing was applied", (await apply.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var after = await agent.Http.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/schedule");
        var was = Item(before, Firm(reported), Project(reported));
        var now = Item(after, Firm(reported), Project(reported));
        foreach (var field in new[] { "reported", "invested", "progress", "progressPercent", "problems", "inStatistics" })
            Assert.Equal(was.TryGetProperty(field, out var w) ? w.ToString() : null, now.TryGetProperty(field, out var n) ? n.ToString() : null);
        var none = Item(after, Firm(unreported), Project(unreported));
        Assert.False(none.GetProperty("reported").GetBoolean());
        Assert.Equal(Item(before, Firm(unreported), Project(unreported)).ToString(), none.ToString());

        // The firm's own record agrees: no August scheduling report on the unreported project, and the undo is in its history.
        var firm = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{Firm(unreported)}");
        var project = firm.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetString() == Project(unreported));
        Assert.DoesNotContain(project.GetProperty("schedule").EnumerateArray(), s => s.GetProperty("month").GetString() == "2022-08");
        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{Firm(reported)}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("via").GetString() == "import-rollback"
            && h.GetProperty("changes").EnumerateArray().Any(c => c.GetProperty("field").GetString()!.EndsWith("/schedule/2022-08/progress", StringComparison.Ordinal)));
    }
}
