using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.SignalR.Client;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Grants;

/// <summary>The grants API on the real app with the default data: the 2022-1 figures, roles with real tokens, exports, and a batch end to end.</summary>
[Collection(SharedApp.Name)]
public sealed class BatchApiTests(AppProcess app)
{
    private static readonly string City = AppProcess.Token("city", name: "city-staff");
    private static string Agent(string county) => AppProcess.Token("county", county);

    [Fact]
    public async Task Batch_2022_1_shows_the_seeds_figures()
    {
        var b = await app.Http().GetFromJsonAsync<JsonElement>("/api/batches/2022-1");
        Assert.Equal((54, 100_657_200m, 44, 85_465_700m), (b.GetProperty("applications").GetInt32(), b.GetProperty("requested").GetDecimal(),
            b.GetProperty("awarded").GetInt32(), b.GetProperty("awardedAmount").GetDecimal()));
        var subsidy = b.GetProperty("subsidy");
        Assert.Equal((38, 95_557_200m, 32, 81_865_700m), (subsidy.GetProperty("applications").GetInt32(), subsidy.GetProperty("requested").GetDecimal(),
            subsidy.GetProperty("awarded").GetInt32(), subsidy.GetProperty("awardedAmount").GetDecimal()));
        Assert.Equal((1_216_000_000m, 318_000_000m), (subsidy.GetProperty("totalInvestment").GetDecimal(), subsidy.GetProperty("completedInWindow").GetDecimal()));
        var reward = b.GetProperty("reward");
        Assert.Equal((16, 5_100_000m, 12, 3_600_000m), (reward.GetProperty("applications").GetInt32(), reward.GetProperty("requested").GetDecimal(),
            reward.GetProperty("awarded").GetInt32(), reward.GetProperty("awardedAmount").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, b.GetProperty("budget").ValueKind);
        Assert.Equal(44, b.GetProperty("stages").GetProperty("disbursement").GetInt32());
        Assert.Equal(10, b.GetProperty("stages").GetProperty("declined").GetInt32());
        var list = await app.Http().GetFromJsonAsync<JsonElement>("/api/batches/2022-1/applications?class=reward&take=100");
        Assert.Equal(16, list.GetProperty("total").GetInt32());
        var one = await app.Http().GetFromJsonAsync<JsonElement>("/api/batches/2022-1/applications/1");
        Assert.Equal("applied", one.GetProperty("history")[0].GetProperty("action").GetString());
    }

    [Fact]
    public async Task The_public_notice_exports_as_csv_and_xlsx_in_the_notice_layout()
    {
        var csv = Encoding.UTF8.GetString(await app.Http().GetByteArrayAsync("/api/batches/2022-1/notice.csv")).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("序号,县（市、区）,企业名称,项目名称,类别,总投资（万元）,区间完成投资（万元）,拟支持金额（万元）,备注", lines[0]);
        Assert.Equal(1 + 44 + 1, lines.Length);
        Assert.StartsWith("合计,", lines[^1]);
        Assert.Contains(",8546.57,44个项目", lines[^1]);

        var bytes = await app.Http().GetByteArrayAsync("/api/batches/2022-1/notice.xlsx");
        using var doc = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var rows = doc.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        Assert.Equal(1 + 1 + 44 + 1, rows.Count);
        Assert.Equal("8546.57", rows[^1].Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().ElementAt(7).CellValue!.Text);
    }

    [Fact]
    public async Task Writes_need_a_token_and_the_right_role_and_county_and_bad_input_names_its_fields()
    {
        var id = $"roles-{Guid.NewGuid():N}"[..16];
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http().PostAsJsonAsync("/api/batches", NewBatch(id, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http(Agent("lingbao")).PostAsJsonAsync("/api/batches", NewBatch(id, null))).StatusCode);
        var invalid = await app.Http(City).PostAsJsonAsync("/api/batches", new { id, name = "", windowFrom = "2022-13", windowTo = "2022-08", kinds = new[] { "blue" } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("application/problem+json", invalid.Content.Headers.ContentType!.MediaType);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(new[] { "name", "windowFrom", "kinds", "subsidy" }.All(f => errors.TryGetProperty(f, out _)), errors.ToString());
        Assert.Equal(HttpStatusCode.Created, (await app.Http(City).PostAsJsonAsync("/api/batches", NewBatch(id, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Http(City).PostAsJsonAsync("/api/batches", NewBatch(id, null))).StatusCode);

        var (firm, project) = await ProjectIn("yima");
        var apply = new { enterpriseId = firm, projectId = project, @class = "subsidy" };
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http().PostAsJsonAsync($"/api/batches/{id}/applications", apply)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http(AppProcess.Token("viewer")).PostAsJsonAsync($"/api/batches/{id}/applications", apply)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http(Agent("lingbao")).PostAsJsonAsync($"/api/batches/{id}/applications", apply)).StatusCode);
        var created = await app.Http(Agent("yima")).PostAsJsonAsync($"/api/batches/{id}/applications", apply);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var appId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var decisions = $"/api/batches/{id}/applications/{appId}/decisions";

        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http(Agent("lingbao")).PostAsJsonAsync(decisions, new { stage = "county-check", decision = "approve" })).StatusCode);
        var bad = await app.Http(Agent("yima")).PostAsJsonAsync(decisions, new { stage = "county-check", decision = "return" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(HttpStatusCode.OK, (await app.Http(Agent("yima")).PostAsJsonAsync(decisions, new { stage = "county-check", decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Http(Agent("yima")).PostAsJsonAsync(decisions, new { stage = "county-check", decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http(Agent("yima")).PostAsJsonAsync(decisions, new { stage = "county-recommendation", decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http(Agent("yima")).PostAsJsonAsync(decisions, new { stage = "equipment-verification", decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Http(Agent("yima")).PostAsJsonAsync($"/api/batches/{id}/notice", new { until = DateTimeOffset.UtcNow.AddDays(5) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http(City).PostAsJsonAsync(decisions, new { stage = "equipment-verification", decision = "approve" })).StatusCode);
    }

    [Fact]
    public async Task A_new_batch_goes_through_every_stage_live_on_its_board_and_its_awards_reach_the_firms_and_the_city_fund()
    {
        var id = $"e2e-{Guid.NewGuid():N}"[..14];
        var city = app.Http(City);
        Assert.Equal(HttpStatusCode.Created, (await city.PostAsJsonAsync("/api/batches", NewBatch(id, 50_000_000m))).StatusCode);
        var fundBefore = (await city.GetFromJsonAsync<JsonElement>("/api/board/city")).GetProperty("fund").GetProperty("awarded").GetDecimal();

        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(app.BaseAddress, "/hubs/board")).Build();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        hub.On<string, JsonElement>("board", (scope, snapshot) => { if (scope == $"batch:{id}") pushes.Writer.TryWrite(snapshot); });
        await hub.StartAsync();
        var first = await hub.InvokeAsync<JsonElement>("Subscribe", $"batch:{id}");
        Assert.Equal(0, first.GetProperty("applications").GetInt32());

        // Two county agents apply for projects of firms in their counties.
        var lingbao = await ProjectIn("lingbao");
        var mianchi = await ProjectIn("mianchi");
        var a = await ApplyAs("lingbao", id, lingbao);
        var b = await ApplyAs("mianchi", id, mianchi);
        await Until(pushes, s => s.GetProperty("applications").GetInt32() == 2 && Stage(s, "county-check") == 2, "both applications on the board");

        async Task Decide(string who, int appId, string stage, string decision, object? extra = null)
        {
            var body = new Dictionary<string, object?> { ["stage"] = stage, ["decision"] = decision, ["note"] = decision == "approve" ? null : "请补充设备验收报告" };
            if (extra is decimal score) body["score"] = score;
            if (extra is string to) body["returnTo"] = to;
            var r = await app.Http(who).PostAsJsonAsync($"/api/batches/{id}/applications/{appId}/decisions", body);
            Assert.True(r.StatusCode == HttpStatusCode.OK, $"{stage} {decision}: {r.StatusCode} {await r.Content.ReadAsStringAsync()}");
        }

        foreach (var (appId, county) in new[] { (a, "lingbao"), (b, "mianchi") })
        {
            await Decide(Agent(county), appId, "county-check", "approve");
            await Decide(Agent(county), appId, "county-recommendation", "approve");
            await Decide(City, appId, "equipment-verification", "approve");
        }
        await Until(pushes, s => Stage(s, "expert-recheck") == 2, "both at the expert re-check");
        // One is returned to the county for revision, and resubmitted.
        await Decide(City, b, "expert-recheck", "return", "county-check");
        await Until(pushes, s => Stage(s, "returned") == 1, "the return on the board");
        var resubmit = await app.Http(Agent("mianchi")).PostAsJsonAsync($"/api/batches/{id}/applications/{b}/resubmission", new { note = "已补充验收报告" });
        Assert.Equal(HttpStatusCode.OK, resubmit.StatusCode);
        await Decide(Agent("mianchi"), b, "county-check", "approve");
        await Decide(Agent("mianchi"), b, "county-recommendation", "approve");
        await Decide(City, b, "equipment-verification", "approve");
        foreach (var appId in new[] { a, b })
        {
            await Decide(City, appId, "expert-recheck", "approve");
            await Decide(City, appId, "expert-panel", "approve", 85m);
            await Decide(City, appId, "special-audit", "approve");
        }
        await Until(pushes, s => Stage(s, "public-notice") == 2 && s.GetProperty("awaitingNotice").GetInt32() == 2, "both waiting for the notice");
        // The app is another process on the real clock, so its notice window is short and real; the window's rules
        // (refused while open, objections too late after) are proven on a fake clock in PipelineTests.
        var notice = await city.PostAsJsonAsync($"/api/batches/{id}/notice", new { until = DateTimeOffset.UtcNow.AddSeconds(1), note = "公示" });
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        var csv = Encoding.UTF8.GetString(await app.Http().GetByteArrayAsync($"/api/batches/{id}/notice.csv"));
        Assert.Equal(1 + 2 + 1, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        // Approval is refused (409, nothing changes) until the window has closed: ask until it is taken.
        foreach (var appId in new[] { a, b })
            await Eventually.Holds(async () => (await city.PostAsJsonAsync($"/api/batches/{id}/applications/{appId}/decisions",
                new Dictionary<string, object?> { ["stage"] = "public-notice", ["decision"] = "approve" })).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(15), $"application {appId} approved once the notice window closed");
        var award = await city.PostAsJsonAsync($"/api/batches/{id}/awards", new { note = "下达" });
        Assert.Equal(HttpStatusCode.OK, award.StatusCode);
        var board = await Until(pushes, s => s.GetProperty("awarded").GetInt32() == 2, "both awarded");
        var total = board.GetProperty("awardedAmount").GetDecimal();
        Assert.Equal(total, board.GetProperty("ledger").GetProperty("committed").GetDecimal());

        foreach (var (firm, _) in new[] { lingbao, mianchi })
        {
            var e = await city.GetFromJsonAsync<JsonElement>($"/api/enterprises/{firm}");
            Assert.Contains(e.GetProperty("grants").EnumerateArray(), g => g.GetProperty("batchId").GetString() == id && g.GetProperty("awarded").GetDecimal() > 0);
        }
        await Eventually.Holds(async () =>
            (await city.GetFromJsonAsync<JsonElement>("/api/board/city")).GetProperty("fund").GetProperty("awarded").GetDecimal() == fundBefore + total,
            TimeSpan.FromSeconds(5), "the city board's fund shows the awards");

        var pay = await city.PostAsJsonAsync($"/api/batches/{id}/applications/{a}/disbursements", new { note = "拨付" });
        Assert.Equal(HttpStatusCode.OK, pay.StatusCode);
        await Until(pushes, s => s.GetProperty("disbursed").GetDecimal() > 0 && Stage(s, "disbursed") == 1, "the payment on the board");
        var history = await city.GetFromJsonAsync<JsonElement>($"/api/batches/{id}/applications/{b}");
        Assert.Contains(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("action").GetString() == "returned" && h.GetProperty("note").GetString() == "请补充设备验收报告");
        Assert.Contains(history.GetProperty("history").EnumerateArray(), h => h.GetProperty("voided").GetBoolean());
    }

    private static object NewBatch(string id, decimal? budget) => new
    {
        id, name = "测试批次", windowFrom = "2022-01", windowTo = "2022-08", kinds = new[] { "intelligent", "green", "technical" },
        subsidy = new { rate = 0.3m, cap = 5_000_000m }, rewards = new Dictionary<string, decimal> { ["smart-workshop"] = 300_000m }, budget,
    };

    private static int Stage(JsonElement board, string name) => board.GetProperty("stages").GetProperty(name).GetInt32();

    private async Task<int> ApplyAs(string county, string batchId, (string Firm, string Project) p)
    {
        var r = await app.Http(Agent(county)).PostAsJsonAsync($"/api/batches/{batchId}/applications", new { enterpriseId = p.Firm, projectId = p.Project, @class = "subsidy" });
        Assert.True(r.StatusCode == HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>A project of a firm in the county that invested in 2022 (the test batches' window), taken afresh each time.</summary>
    private async Task<(string Firm, string Project)> ProjectIn(string county)
    {
        var page = await app.Http().GetFromJsonAsync<JsonElement>($"/api/counties/{county}/enterprises?take=60&sort=completedThisYear&desc=true&aboveScale=true");
        var invested = page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("completedThisYear").GetDecimal() > 0).ToList();
        var pick = invested[Random.Shared.Next(invested.Count)].GetProperty("id").GetString()!;
        var firm = await app.Http().GetFromJsonAsync<JsonElement>($"/api/enterprises/{pick}");
        var project = firm.GetProperty("projects").EnumerateArray().First(p =>
            p.GetProperty("status").GetString() is "underway" or "completed"
            && p.GetProperty("monthly").EnumerateArray().Any(m => m.GetProperty("month").GetString()!.StartsWith("2022-")));
        return (pick, project.GetProperty("id").GetString()!);
    }

    private static async Task<JsonElement> Until(Channel<JsonElement> pushes, Func<JsonElement, bool> condition, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            while (true)
            {
                var s = await pushes.Reader.ReadAsync(cts.Token);
                if (condition(s)) return s;
            }
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no push showed {what} within 5 s");
        }
    }
}
