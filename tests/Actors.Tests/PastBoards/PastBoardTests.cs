using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Aggregation;
using Programme.Domain;
using Programme.Tests.Fixtures;

namespace Programme.Tests.PastBoards;

/// <summary>
/// <c>?asOf=YYYY-MM</c>: the city board (with its county league) and a county's board as of past months equal a
/// recomputation, on the test side, from every enterprise's record read through the API; a correction to a past month
/// shows in that month's board (nothing is a stored snapshot); a month the records do not cover is a 400 naming asOf.
/// </summary>
/// <summary>Its own app: the tests register an above-scale firm, which the shared app's default-data checks (463 firms) must not see.</summary>
public sealed class PastBoardApp : AppProcess;

public sealed class PastBoardTests(PastBoardApp app) : IClassFixture<PastBoardApp>
{
    private static readonly string[] Months = ["2019-06", "2021-03", "2021-12", "2022-02", "2022-05", "2022-08"];

    [Fact]
    public async Task Boards_as_of_past_months_equal_a_recomputation_from_the_enterprises_records()
    {
        using var http = app.Http();
        foreach (var text in Months)
        {
            var month = YearMonth.Parse(text);
            var (firms, city) = await Consistent(http, $"/api/board/city?asOf={text}");
            Assert.Equal(text, city.GetProperty("reportingMonth").GetString());
            Assert.Equal(month.Year, city.GetProperty("programmeYear").GetInt32());
            AssertFigures(PastRecords.Figures(firms, month), city, $"city {text}");

            var league = city.GetProperty("counties").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
            Assert.Equal(CountyCatalogue.All.Count, league.Count);
            foreach (var county in CountyCatalogue.All)
            {
                var expected = PastRecords.Figures(firms.Where(f => f.CountyId == county.Id), month);
                var row = league[county.Id];
                Assert.Equal((expected.AboveScale, expected.Covered, expected.CompletedThisYear, expected.PlannedThisYear, expected.ProjectsThisYear),
                    (row.GetProperty("aboveScale").GetInt32(), row.GetProperty("covered").GetInt32(), row.GetProperty("completedThisYear").GetDecimal(),
                     row.GetProperty("plannedThisYear").GetDecimal(), row.GetProperty("projectsThisYear").GetInt32()));
            }
            var ranks = league.Values.Select(r => r.GetProperty("rank").GetInt32()).Order().ToArray();
            Assert.Equal(Enumerable.Range(1, league.Count), ranks);
        }

        // A county's own board as of a month.
        foreach (var text in new[] { "2020-09", "2022-04" })
        {
            var month = YearMonth.Parse(text);
            var (firms, board) = await Consistent(http, $"/api/board/counties/mianchi?asOf={text}", "mianchi");
            Assert.Equal("county:mianchi", board.GetProperty("scope").GetString());
            AssertFigures(PastRecords.Figures(firms.Where(f => f.CountyId == "mianchi"), month), board, $"mianchi {text}");
        }
    }

    [Fact]
    public async Task A_correction_to_a_past_month_shows_in_that_months_board_and_not_before()
    {
        using var city = app.Http(AppProcess.Token("city"));
        const string firm = "h15b-asof-correction";
        Assert.True((await city.PutAsJsonAsync($"/api/enterprises/{firm}", new
        {
            name = "回溯看板测试企业", countyId = "urdz", sector = "aluminium", aboveScale = true, status = "active",
        })).IsSuccessStatusCode);
        var add = await city.PostAsJsonAsync($"/api/enterprises/{firm}/projects", new
        {
            name = "回溯测试改造项目", kind = "technical", totalInvestment = 50_000_000m, plannedThisYear = 20_000_000m,
            startMonth = "2022-03", endMonth = "2022-12",
        });
        Assert.Equal(HttpStatusCode.Created, add.StatusCode);
        var pid = (await add.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await city.PostAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/entry", new { decision = "approve" })).StatusCode);

        async Task<(decimal Completed, int Covered)> Urdz(string month)
        {
            var board = await city.GetFromJsonAsync<JsonElement>($"/api/board/counties/urdz?asOf={month}");
            return (board.GetProperty("investment").GetProperty("completedThisYear").GetDecimal(), board.GetProperty("enterprises").GetProperty("covered").GetInt32());
        }
        var feb = await Urdz("2022-02");
        var mar = await Urdz("2022-03");
        var aug = await Urdz("2022-08");

        // March is reported late, in the live month: the March board moves, February's does not.
        Assert.Equal(HttpStatusCode.OK, (await city.PutAsJsonAsync($"/api/enterprises/{firm}/projects/{pid}/progress/2022-03", new { invested = 1_234_567m })).StatusCode);
        Assert.Equal(feb, await Urdz("2022-02"));
        Assert.Equal((mar.Completed + 1_234_567m, mar.Covered + 1), await Urdz("2022-03"));
        Assert.Equal((aug.Completed + 1_234_567m, aug.Covered + 1), await Urdz("2022-08"));
    }

    [Theory]
    [InlineData("/api/board/city?asOf=2018-12", "2019-01")]
    [InlineData("/api/board/city?asOf=2022-09", "2019-01")]
    [InlineData("/api/board/counties/lingbao?asOf=2030-01", null)]
    [InlineData("/api/board/city?asOf=2022-13", null)]
    [InlineData("/api/board/city?asOf=May", null)]
    [InlineData("/api/board/city?asOf=", null)]
    public async Task A_month_the_records_do_not_cover_is_a_problem_naming_asOf(string url, string? firstMonth)
    {
        using var http = app.Http();
        var answer = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("asOf", out var why), url);
        Assert.False(string.IsNullOrWhiteSpace(why[0].GetString()));
        if (firstMonth is not null)
        {
            Assert.Equal(firstMonth, problem.GetProperty("firstMonth").GetString());
            Assert.Equal("2022-08", problem.GetProperty("lastMonth").GetString());
        }
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/board/counties/nowhere?asOf=2022-05")).StatusCode);
    }

    /// <summary>
    /// The firms and the board read at one moment: other classes change their own firms in the shared app meanwhile, so
    /// read again until the board's version (the sum of the firms' versions) is the sum of the versions read.
    /// </summary>
    private static async Task<(IReadOnlyList<Enterprise> Firms, JsonElement Board)> Consistent(HttpClient http, string url, string? county = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var firms = await PastRecords.ReadAll(http);
            var board = await http.GetFromJsonAsync<JsonElement>(url);
            var versions = firms.Where(f => county is null || f.CountyId == county).Sum(f => f.Version);
            if (board.GetProperty("version").GetInt64() == versions) return (firms, board);
            if (attempt == 10) Assert.Fail($"{url}: the board's version {board.GetProperty("version")} never matched the firms read ({versions})");
        }
    }

    private static void AssertFigures(Contribution e, JsonElement b, string what)
    {
        var en = b.GetProperty("enterprises");
        var pr = b.GetProperty("projects");
        var inv = b.GetProperty("investment");
        int I(JsonElement x, string name) => x.GetProperty(name).GetInt32();
        decimal D(JsonElement x, string name) => x.GetProperty(name).GetDecimal();
        Assert.Equal(
            (e.Enterprises, e.AboveScale, e.Covered, e.NewlyAboveScale, e.Projects, e.ProjectsThisYear, e.Intelligent, e.Green, e.Technical, e.CompletedProjectsThisYear),
            (I(en, "total"), I(en, "aboveScale"), I(en, "covered"), I(en, "newlyAboveScale"), I(pr, "count"), I(pr, "thisYear"),
             I(pr, "intelligent"), I(pr, "green"), I(pr, "technical"), I(pr, "completedThisYear")));
        Assert.Equal((e.TotalInvestment, e.Completed, e.PlannedThisYear, e.CompletedThisYear, e.InvestmentThisYear),
            (D(inv, "total"), D(inv, "completed"), D(inv, "plannedThisYear"), D(inv, "completedThisYear"), D(inv, "thisYearTotal")));
        Assert.Equal((e.BelowScaleEnterprises, e.BelowScaleProjects), (I(b.GetProperty("belowScale"), "enterprises"), I(b.GetProperty("belowScale"), "projects")));
        Assert.Equal((e.CloudThisYear, e.CloudTotal, e.DigitalThisYear, e.DigitalTotal),
            (I(b.GetProperty("cloud"), "thisYear"), I(b.GetProperty("cloud"), "total"), I(b.GetProperty("digital"), "thisYear"), I(b.GetProperty("digital"), "total")));
        Assert.Equal((e.GrantsAwarded, e.GrantsDisbursed, e.GrantedProjects),
            (D(b.GetProperty("fund"), "awarded"), D(b.GetProperty("fund"), "disbursed"), I(b.GetProperty("fund"), "projects")));
        var db = b.GetProperty("database");
        Assert.Equal((e.PlannedStartThisYear, e.StartedThisYear), (I(db, "plannedStart"), I(db, "started")));
        var sched = b.GetProperty("schedule");
        Assert.Equal((e.ScheduleDue, e.ScheduleReported), (I(sched, "due"), I(sched, "reported")));
        // The monthly trend: every month of the year up to M, each month's amount.
        var trend = b.GetProperty("trend").EnumerateArray().Select(p => p.GetProperty("completed").GetDecimal()).ToArray();
        var month = YearMonth.Parse(b.GetProperty("reportingMonth").GetString()!);
        Assert.Equal(e.CompletedByMonth.Take(month.Month), trend);
        Assert.True(trend.Length == month.Month, what);
    }
}
