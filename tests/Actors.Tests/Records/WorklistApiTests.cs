using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Records;

/// <summary>
/// The county worklist (GET /api/counties/{id}/worklist): what the county has to do — uncovered firms with their plan status,
/// projects behind their own plan, months not yet reported with the due date, applications at the county's review stages —
/// for that county's agents and city staff only, emptying as items are resolved.
/// </summary>
public sealed class WorklistApiTests(AppProcess app) : IClassFixture<AppProcess>
{
    private static List<JsonElement> Items(JsonElement list, string kind) =>
        list.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == kind).ToList();

    [Fact]
    public async Task Only_the_countys_agents_and_city_staff_read_its_worklist()
    {
        using var own = app.Http(AppProcess.Token("county", "shanzhou"));
        using var other = app.Http(AppProcess.Token("county", "lingbao"));
        using var viewer = app.Http(AppProcess.Token("viewer"));
        using var city = app.Http(AppProcess.Token("city"));
        using var anonymous = app.Http();
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/counties/shanzhou/worklist")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/counties/shanzhou/worklist")).StatusCode);
        var forbidden = await other.GetAsync("/api/counties/shanzhou/worklist");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal("application/problem+json", forbidden.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/counties/shanzhou/worklist")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/counties/shanzhou/worklist")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync("/api/counties/atlantis/worklist")).StatusCode);
    }

    [Fact]
    public async Task The_default_data_gives_each_kind_of_item_and_reporting_a_month_removes_it()
    {
        using var agent = app.Http(AppProcess.Token("county", "shanzhou"));
        var list = await agent.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/worklist");
        Assert.Equal(("2022-08", "2022-09-05"), (list.GetProperty("month").GetString(), list.GetProperty("dueDate").GetString()));

        // Not yet reported: exactly the county's schedule's unreported projects, with the due date.
        var schedule = await agent.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/schedule?reported=false");
        var unreported = Items(list, "unreported");
        Assert.NotEmpty(unreported);
        Assert.Equal(schedule.GetProperty("items").EnumerateArray().Select(i => $"{i.GetProperty("enterpriseId")}/{i.GetProperty("projectId")}").Order(),
            unreported.Select(i => $"{i.GetProperty("enterpriseId")}/{i.GetProperty("projectId")}").Order());
        Assert.All(unreported, i => Assert.Equal("2022-09-05", i.GetProperty("dueDate").GetString()));

        // Uncovered above-scale firms: exactly the county's, each with where its plan stands.
        var uncovered = await agent.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/enterprises?aboveScale=true&covered=false&take=500");
        var firms = Items(list, "uncovered-firm");
        Assert.Equal(uncovered.GetProperty("total").GetInt32(), firms.Count);
        Assert.NotEmpty(firms);
        Assert.All(firms, i => Assert.Contains(i.GetProperty("planStatus").GetString(), new[] { "none", "proposed", "county-reviewed", "entered" }));
        Assert.Equal(firms.Count, list.GetProperty("counts").GetProperty("uncovered-firm").GetInt32());
        foreach (var kind in new[] { "behind-plan", "application-review" })
            Assert.Equal(Items(list, kind).Count, list.GetProperty("counts").GetProperty(kind).GetInt32());
        Assert.All(Items(list, "behind-plan"), i => Assert.True(i.GetProperty("invested").GetDecimal() < 0.8m * i.GetProperty("expected").GetDecimal()));

        // Reporting the month of one project takes it off the list; the others stay.
        var pick = unreported[0];
        var (firm, project) = (pick.GetProperty("enterpriseId").GetString(), pick.GetProperty("projectId").GetString());
        var ok = await agent.PutAsJsonAsync($"/api/enterprises/{firm}/projects/{project}/progress/2022-08",
            new { invested = 500_000m, progress = "设备安装完成", progressPercent = 70m, problems = "", inStatistics = true });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var after = await agent.GetFromJsonAsync<JsonElement>("/api/counties/shanzhou/worklist");
        var left = Items(after, "unreported");
        Assert.DoesNotContain(left, i => i.GetProperty("enterpriseId").GetString() == firm && i.GetProperty("projectId").GetString() == project);
        Assert.Equal(unreported.Count - 1, left.Count);
    }
}
