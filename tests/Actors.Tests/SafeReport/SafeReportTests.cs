using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Programme.Tests.Fixtures;
using Programme.Web.Spreadsheets;

namespace Programme.Tests.SafeReport;

/// <summary>
/// The monthly report cannot wipe reported figures: the template is pre-filled with them, a blank cell changes nothing,
/// the preview lists each change old → new and flags zeroing and jumps, and only confirmed rows are applied. Exports
/// use the template's columns and 万元 with Chinese labels, so an export edited and uploaded changes exactly the edit.
/// </summary>
public sealed class SafeReportTests(AppProcess app) : IClassFixture<AppProcess>
{
    static SafeReportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    internal static async Task<JsonElement> Upload(Session s, byte[] file, string name)
    {
        var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".csv") ? "text/csv" : SpreadsheetFormat.XlsxType);
        form.Add(content, "file", name);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports") { Content = form };
        request.Headers.Add("X-CSRF-TOKEN", s.Csrf);
        var response = await s.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    internal static async Task<decimal?> Reported(HttpClient http, string firm, string project, string month)
    {
        var e = await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{firm}");
        var p = e.GetProperty("projects").EnumerateArray().Single(x => x.GetProperty("id").GetString() == project);
        return p.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("month").GetString() == month)
            .Select(m => (decimal?)m.GetProperty("amount").GetDecimal()).SingleOrDefault();
    }

    private static async Task<long[]> Versions(HttpClient http, IEnumerable<string> firms) =>
        await Task.WhenAll(firms.Distinct().Select(async f => (await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{f}")).GetProperty("version").GetInt64()));

    private static decimal Wan(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture) * 10_000m;

    [Fact]
    public async Task The_template_holds_what_is_reported_and_uploaded_unchanged_changes_nothing_in_xlsx_and_csv()
    {
        using var agent = await Session.SignIn(app, "lingbao");
        foreach (var format in new[] { "xlsx", "csv" })
        {
            var bytes = await agent.Http.GetByteArrayAsync($"/api/imports/template?format={format}");
            var sheet = SpreadsheetReader.Read(new MemoryStream(bytes), format);
            Assert.Equal(MonthlyReportSheet.Header, sheet.Header);
            // Pre-filled: every reported figure of the month is in the file, in 万元, exactly.
            var filled = sheet.Rows.Where(r => r.Cells[5].Length > 0).ToList();
            Assert.True(filled.Count >= 20, $"the template shows the month's reported figures ({filled.Count} rows)");
            foreach (var (_, cells) in filled.Take(8))
                Assert.Equal(await Reported(agent.Http, cells[0], cells[2], cells[4]), Wan(cells[5]));

            var firms = sheet.Rows.Select(r => r.Cells[0]).ToList();
            var before = await Versions(agent.Http, firms);
            var preview = await Upload(agent, bytes, $"灵宝-模板原样.{format}");
            Assert.Equal("previewed", preview.GetProperty("status").GetString());
            Assert.Equal(0, preview.GetProperty("changing").GetInt32());
            Assert.Empty(preview.GetProperty("changes").EnumerateArray());
            var applied = await agent.Send(HttpMethod.Post, $"/api/imports/{preview.GetProperty("id").GetString()}/apply");
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            Assert.Equal(before, await Versions(agent.Http, firms));
        }
    }

    [Fact]
    public async Task A_blank_cell_changes_nothing_a_zeroing_row_is_flagged_and_applied_only_when_confirmed()
    {
        using var agent = await Session.SignIn(app, "lingbao");
        var sheet = SpreadsheetReader.Read(new MemoryStream(await agent.Http.GetByteArrayAsync("/api/imports/template?format=xlsx")), "xlsx");
        var reported = sheet.Rows.Where(r => r.Cells[5].Length > 0).Select(r => r.Cells).ToList();
        var zero = reported[0];                    // a reported month set to 0
        var edit = reported.First(c => c[0] != zero[0]); // an ordinary correction
        var blank = reported.First(c => c[0] != zero[0] && c[0] != edit[0]); // a figure cleared: no change
        var newWan = decimal.Round(Wan(edit[5]) / 10_000m * 0.9m, 2);
        var rows = sheet.Rows.Select(r => r.Cells).Select(c => (IReadOnlyList<string?>)(
            c == zero ? [.. c[..5], "0"] :
            c == edit ? [.. c[..5], newWan.ToString(CultureInfo.InvariantCulture)] :
            c == blank ? [.. c[..5], ""] : c)).ToList();
        var file = ExcelFile.Write(MonthlyReportSheet.Header, rows);

        var preview = await Upload(agent, file, "灵宝-8月-修正.xlsx");
        Assert.True(preview.GetProperty("status").GetString() == "previewed", preview.GetProperty("problems").ToString());
        var changes = preview.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        var zeroing = changes.Single(c => c.GetProperty("enterpriseId").GetString() == zero[0]);
        Assert.Equal(Wan(zero[5]), zeroing.GetProperty("before").GetDecimal());
        Assert.Equal(0m, zeroing.GetProperty("after").GetDecimal());
        Assert.Equal(["zeroing"], zeroing.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        var ordinary = changes.Single(c => c.GetProperty("enterpriseId").GetString() == edit[0]);
        Assert.Equal(Wan(edit[5]), ordinary.GetProperty("before").GetDecimal());
        Assert.Equal(newWan * 10_000m, ordinary.GetProperty("after").GetDecimal());
        Assert.Empty(ordinary.GetProperty("flags").EnumerateArray());
        Assert.Equal(1, preview.GetProperty("flagged").GetInt32());
        // Blank: the cleared row, and the rows the template already left blank (nothing reported for the month yet).
        Assert.Equal(1 + sheet.Rows.Count(r => r.Cells.Skip(5).All(string.IsNullOrWhiteSpace)), preview.GetProperty("blank").GetInt32());

        // Applied without confirming the flagged row: the ordinary one only.
        var applied = await agent.Send(HttpMethod.Post, $"/api/imports/{preview.GetProperty("id").GetString()}/apply");
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(Wan(zero[5]), await Reported(agent.Http, zero[0], zero[2], zero[4]));
        Assert.Equal(newWan * 10_000m, await Reported(agent.Http, edit[0], edit[2], edit[4]));
        Assert.Equal(Wan(blank[5]), await Reported(agent.Http, blank[0], blank[2], blank[4]));

        // The same file again: only the zeroing row still changes, and it is applied once listed.
        var again = await Upload(agent, file, "灵宝-8月-修正.xlsx");
        var left = again.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(zero[0], left.GetProperty("enterpriseId").GetString());
        var row = left.GetProperty("row").GetInt32();
        var confirmed = await agent.Send(HttpMethod.Post, $"/api/imports/{again.GetProperty("id").GetString()}/apply", new { rows = new[] { row } });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Null(await Reported(agent.Http, zero[0], zero[2], zero[4]));
        // A row that is not a change of the preview is refused, naming the field.
        var third = await Upload(agent, file, "灵宝-8月-修正.xlsx");
        var wrong = await agent.Send(HttpMethod.Post, $"/api/imports/{third.GetProperty("id").GetString()}/apply", new { rows = new[] { 9999 } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("rows", out _));
    }

    [Fact]
    public async Task An_export_in_the_templates_columns_and_units_round_trips_and_an_edit_changes_exactly_that_figure()
    {
        using var agent = await Session.SignIn(app, "mianchi");
        var utf8 = await agent.Http.GetByteArrayAsync("/api/counties/mianchi/export?format=csv");
        var sheet = SpreadsheetReader.Read(new MemoryStream(utf8), "csv");
        Assert.Equal(MonthlyReportSheet.Header, sheet.Header.Take(MonthlyReportSheet.Header.Length));
        var text = Encoding.UTF8.GetString(utf8);
        // Chinese labels, 万元: no codes, no yuan columns.
        foreach (var code in new[] { ",active,", ",technical,", ",intelligent,", ",underway,", ",copper-foil,", ",aluminium,", "（元）" })
            Assert.DoesNotContain(code, text);
        Assert.Contains("万元", string.Join(",", sheet.Header));

        // The export as it is, uploaded as a monthly report: nothing changes.
        var unchanged = await Upload(agent, utf8, "渑池-导出.csv");
        Assert.Equal("previewed", unchanged.GetProperty("status").GetString());
        Assert.Equal(0, unchanged.GetProperty("changing").GetInt32());

        // One figure edited (a real correction, 1,091.71 万元), saved by Chinese Excel in GB18030.
        int Col(string header) => sheet.Header.ToList().IndexOf(header);
        int status = Col("项目状态"), total = Col("总投资（万元）"), invested = Col("累计完成投资（万元）");
        var target = sheet.Rows.First(r => r.Cells[5].Length > 0 && r.Cells[status] == "在建"
            && Wan(r.Cells[total]) - Wan(r.Cells[invested]) + Wan(r.Cells[5]) >= 10_917_100m).Cells;
        var newText = "1,091.71";
        var lines = sheet.Rows.Select(r => r.Cells == target ? [.. r.Cells[..5], newText, .. r.Cells[6..]] : r.Cells);
        var csv = new StringBuilder(string.Join(",", sheet.Header) + "\r\n");
        foreach (var l in lines) csv.Append(string.Join(",", l.Select(c => c.Contains(',') ? $"\"{c}\"" : c))).Append("\r\n");
        var gb = Encoding.GetEncoding("GB18030").GetBytes(csv.ToString());
        var edited = await Upload(agent, gb, "渑池-导出-修改.csv");
        var change = edited.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal(target[0], change.GetProperty("enterpriseId").GetString());
        Assert.Equal(Wan(target[5]), change.GetProperty("before").GetDecimal());
        Assert.Equal(10_917_100m, change.GetProperty("after").GetDecimal());
        var rows = new[] { change.GetProperty("row").GetInt32() };
        Assert.Equal(HttpStatusCode.OK, (await agent.Send(HttpMethod.Post, $"/api/imports/{edited.GetProperty("id").GetString()}/apply", new { rows })).StatusCode);
        Assert.Equal(10_917_100m, await Reported(agent.Http, target[0], target[2], target[4]));

        // Exported again (XLSX this time): the edit reads back exactly, and the file uploaded as it is changes nothing.
        var xlsx = await agent.Http.GetByteArrayAsync("/api/counties/mianchi/export?format=xlsx");
        var back = SpreadsheetReader.Read(new MemoryStream(xlsx), "xlsx");
        Assert.Equal("1091.71", back.Rows.Single(r => r.Cells[0] == target[0] && r.Cells[2] == target[2]).Cells[5]);
        Assert.Equal(0, (await Upload(agent, xlsx, "渑池-导出.xlsx")).GetProperty("changing").GetInt32());
    }

    [Fact]
    public async Task The_history_export_speaks_chinese_names_not_codes()
    {
        using var agent = await Session.SignIn(app, "yima");
        var export = SpreadsheetReader.Read(new MemoryStream(await agent.Http.GetByteArrayAsync("/api/counties/yima/export?format=csv")), "csv");
        int Col(string header) => export.Header.ToList().IndexOf(header);
        int status = Col("项目状态"), total = Col("总投资（万元）"), invested = Col("累计完成投资（万元）");
        var pick = export.Rows.Select(r => r.Cells).First(c => c[status] == "在建" && Wan(c[total]) - Wan(c[invested]) + (c[5].Length > 0 ? Wan(c[5]) : 0) >= 3_456_700m);
        var (firmId, id, projectName) = (pick[0], pick[2], pick[3]);
        Assert.Equal(HttpStatusCode.OK, (await agent.Send(HttpMethod.Put, $"/api/enterprises/{firmId}/projects/{id}/progress/2022-08", new { invested = 3_456_700m })).StatusCode);
        var csv = Encoding.UTF8.GetString(await agent.Http.GetByteArrayAsync("/api/counties/yima/history?format=csv"));
        var line = csv.Split('\n').First(l => l.Contains("2022年8月完成投资"));
        Assert.Contains("网页", line);
        Assert.Contains("345.67 万元", line);
        Assert.Contains(projectName, line);
        Assert.Contains(await DisplayName(agent), line);
        foreach (var code in new[] { "projects/", "report-progress", ",web,", ",yima,", "3456700", $",{id}," }) Assert.DoesNotContain(code, line);
    }

    private static async Task<string> DisplayName(Session s) =>
        (await s.Http.GetFromJsonAsync<JsonElement>("/api/auth/session")).GetProperty("displayName").GetString()!;

    [Fact]
    public async Task The_uncovered_filter_counts_above_scale_firms_only_as_the_board_does()
    {
        using var http = app.Http();
        var board = await http.GetFromJsonAsync<JsonElement>("/api/board/counties/lingbao");
        var uncovered = await http.GetFromJsonAsync<JsonElement>("/api/counties/lingbao/enterprises?covered=false&take=500");
        Assert.Equal(board.GetProperty("enterprises").GetProperty("uncovered").GetInt32(), uncovered.GetProperty("total").GetInt32());
        Assert.All(uncovered.GetProperty("items").EnumerateArray(), e => Assert.True(e.GetProperty("aboveScale").GetBoolean()));
    }
}
