using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR.Client;
using Programme.Tests.Fixtures;
using Programme.Web.Spreadsheets;

namespace Programme.Tests.Workspace;

/// <summary>A county's monthly report by spreadsheet: template, preview naming every bad row, all-or-nothing apply, idempotent re-apply.</summary>
public sealed class ImportTests(AppProcess app) : IClassFixture<AppProcess>
{
    private static async Task<HttpResponseMessage> Upload(Session s, byte[] file, string name)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv") ? "text/csv" : SpreadsheetFormat.XlsxType);
        form.Add(content, "file", name);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", s.Csrf);
        return await s.Http.SendAsync(request);
    }

    private static decimal Completed(JsonElement board) => board.GetProperty("investment").GetProperty("completedThisYear").GetDecimal();

    [Fact]
    public async Task A_report_with_three_bad_rows_is_refused_naming_them_and_once_fixed_applies_in_one_step()
    {
        using var agent = await Session.SignIn(app, "lingbao");
        var template = await agent.Http.GetAsync("/api/imports/template?format=xlsx");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        var sheet = SpreadsheetReader.Read(await template.Content.ReadAsStreamAsync(), SpreadsheetFormat.Xlsx);
        Assert.Equal(MonthlyReportSheet.Header, sheet.Header);
        var picks = sheet.Rows.Select(r => r.Cells).GroupBy(c => c[0]).Select(g => g.First()).Take(5).ToList();
        Assert.Equal(5, picks.Count);
        Assert.All(picks, c => Assert.Equal("2022-08", c[4]));

        var good = picks.Select((c, i) => new object?[] { c[0], c[1], c[2], c[3], "2022-08", 11.5m + i }).ToList();
        var bad = new List<object?[]>
        {
            new object?[] { "no-such-firm", "不存在企业", "p1", "项目", "2022-08", 5m },       // row 7: unknown firm
            new object?[] { "yangshao-liquor", "仰韶", "p1", "项目", "2022-08", 5m },        // row 8: another county's firm
            new object?[] { picks[0][0], picks[0][1], picks[0][2], picks[0][3], "2022-07", -3m }, // row 9: negative amount
        };
        var refusedFile = SpreadsheetWriter.Write(SpreadsheetFormat.Xlsx, "月报", MonthlyReportSheet.Header, good.Concat(bad));
        var refused = await Upload(agent, refusedFile, "灵宝-2022-08.xlsx");
        Assert.Equal(HttpStatusCode.Created, refused.StatusCode);
        var preview = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("refused", preview.GetProperty("status").GetString());
        var badRows = preview.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("row").GetInt32()).Distinct().Order().ToArray();
        Assert.Equal([7, 8, 9], badRows);
        Assert.All(preview.GetProperty("problems").EnumerateArray(), p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("message").GetString())));
        var applyRefused = await agent.Send(HttpMethod.Post, $"/api/imports/{preview.GetProperty("id").GetString()}/apply");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, applyRefused.StatusCode);

        // Fixed: the good rows only. Watch the county board while applying.
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/board")).Build();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        hub.On<string, JsonElement>("board", (scope, b) => { if (scope == "county:lingbao") pushes.Writer.TryWrite(b); });
        await hub.StartAsync();
        var before = await hub.InvokeAsync<JsonElement>("Subscribe", "county:lingbao");
        var expectedDelta = 0m;
        for (var i = 0; i < picks.Count; i++)
        {
            var firm = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{picks[i][0]}");
            var project = firm.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("id").GetString() == picks[i][2]);
            var held = project.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("month").GetString() == "2022-08").Sum(m => m.GetProperty("amount").GetDecimal());
            expectedDelta += (11.5m + i) * 10_000m - held;
        }
        var fixedFile = SpreadsheetWriter.Write(SpreadsheetFormat.Xlsx, "月报", MonthlyReportSheet.Header, good);
        var upload = await (await Upload(agent, fixedFile, "灵宝-2022-08-修正.xlsx")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("previewed", upload.GetProperty("status").GetString());
        Assert.Equal(5, upload.GetProperty("changing").GetInt32());
        // Every change confirmed, flagged ones (a jump against what was reported) included.
        var rowsToApply = upload.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("row").GetInt32()).ToArray();
        var applied = await agent.Send(HttpMethod.Post, $"/api/imports/{upload.GetProperty("id").GetString()}/apply", new { rows = rowsToApply });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);

        var moves = await Moves(pushes, before, TimeSpan.FromSeconds(2));
        Assert.Single(moves);
        Assert.Equal(Completed(before) + expectedDelta, Completed(moves[0]));

        var history = await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{picks[0][0]}/history");
        Assert.Equal("import", history[0].GetProperty("via").GetString());
        Assert.Equal("灵宝-2022-08-修正.xlsx", history[0].GetProperty("source").GetString());
        Assert.Equal("lingbao", history[0].GetProperty("actor").GetString());

        // The same file again changes nothing.
        var versions = await Task.WhenAll(picks.Select(async c => (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{c[0]}")).GetProperty("version").GetInt64()));
        var again = await (await Upload(agent, fixedFile, "灵宝-2022-08-修正.xlsx")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("changing").GetInt32());
        Assert.Equal(5, again.GetProperty("unchanged").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await agent.Send(HttpMethod.Post, $"/api/imports/{again.GetProperty("id").GetString()}/apply")).StatusCode);
        Assert.Empty(await Moves(pushes, moves[0], TimeSpan.FromSeconds(1)));
        var after = await Task.WhenAll(picks.Select(async c => (await agent.Http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{c[0]}")).GetProperty("version").GetInt64()));
        Assert.Equal(versions, after);
    }

    /// <summary>Pushes within the window whose completed investment differs from the previous one.</summary>
    private static async Task<List<JsonElement>> Moves(Channel<JsonElement> pushes, JsonElement from, TimeSpan window)
    {
        var moves = new List<JsonElement>();
        var last = Completed(from);
        using var cts = new CancellationTokenSource(window);
        try
        {
            while (true)
            {
                var b = await pushes.Reader.ReadAsync(cts.Token);
                if (Completed(b) != last) { moves.Add(b); last = Completed(b); }
            }
        }
        catch (OperationCanceledException) { }
        return moves;
    }

    [Fact]
    public async Task A_csv_saved_by_chinese_excel_in_gb18030_is_read()
    {
        using var agent = await Session.SignIn(app, "yima");
        var firm = await agent.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/kaixiang-chemical");
        var project = firm.GetProperty("projects").EnumerateArray().First(p => p.GetProperty("status").GetString() == "underway").GetProperty("id").GetString();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = $"企业代码,企业名称,项目编号,项目名称,月份,当月完成投资（万元）\r\nkaixiang-chemical,开祥化工,{project},智控中心,2022年8月,\"1,234.5\"\r\n";
        var response = await Upload(agent, Encoding.GetEncoding("GB18030").GetBytes(csv), "义马.csv");
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("previewed", preview.GetProperty("status").GetString());
        Assert.Equal(1, preview.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused_clearly()
    {
        using var agent = await Session.SignIn(app, "yima");
        var response = await Upload(agent, Encoding.UTF8.GetBytes("this is not a workbook"), "report.xlsx");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
        var wrongType = await Upload(agent, [1, 2, 3], "report.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
    }
}
