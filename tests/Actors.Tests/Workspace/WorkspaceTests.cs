using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Workspace;

/// <summary>County agents at work through the real app: sign-in, scoped writes, history, optimistic concurrency, revocation.</summary>
[Collection(SharedApp.Name)]
public sealed class WorkspaceTests(AppProcess app)
{
    private static async Task<JsonElement> Json(HttpResponseMessage r) => await r.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(string ProjectId, decimal August)> UnderwayProject(HttpClient http, string firm)
    {
        var e = await http.GetFromJsonAsync<JsonElement>($"/api/enterprises/{firm}");
        var p = e.GetProperty("projects").EnumerateArray().First(p => p.GetProperty("status").GetString() == "underway"
            && string.CompareOrdinal(p.GetProperty("startMonth").GetString(), "2022-08") <= 0);
        var august = p.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("month").GetString() == "2022-08")
            .Sum(m => m.GetProperty("amount").GetDecimal());
        return (p.GetProperty("id").GetString()!, august);
    }

    [Fact]
    public async Task An_agent_signs_in_reports_a_month_and_it_shows_on_the_boards_and_in_the_history_with_their_name()
    {
        using var agent = await Session.SignIn(app, "mianchi");
        var (projectId, august) = await UnderwayProject(agent.Http, "yangshao-liquor");
        var before = await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/counties/mianchi");
        var cityBefore = await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/city");

        var put = await agent.Send(HttpMethod.Put, $"/api/enterprises/yangshao-liquor/projects/{projectId}/progress/2022-08", new { invested = august + 250_000m });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        decimal Completed(JsonElement b) => b.GetProperty("investment").GetProperty("completedThisYear").GetDecimal();
        await Eventually.Holds(async () =>
            Completed(await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/counties/mianchi")) == Completed(before) + 250_000m &&
            Completed(await agent.Http.GetFromJsonAsync<JsonElement>("/api/board/city")) == Completed(cityBefore) + 250_000m,
            TimeSpan.FromSeconds(2), "the county and city boards show the reported month");

        var history = await agent.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/yangshao-liquor/history");
        var latest = history[0];
        Assert.Equal("mianchi", latest.GetProperty("actor").GetString());
        Assert.Equal("web", latest.GetProperty("via").GetString()); // a signed-in page (网页); a bearer token is "api" (接口)
        Assert.Equal("report-progress", latest.GetProperty("action").GetString());
        var change = latest.GetProperty("changes").EnumerateArray().Single();
        Assert.Equal($"projects/{projectId}/monthly/2022-08", change.GetProperty("field").GetString());
        Assert.Equal((august + 250_000m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture), change.GetProperty("after").GetString());
        var county = await agent.Http.GetFromJsonAsync<JsonElement>("/api/counties/mianchi/history?take=5");
        Assert.Contains(county.EnumerateArray(), e => e.GetProperty("enterpriseId").GetString() == "yangshao-liquor" && e.GetProperty("actor").GetString() == "mianchi");
    }

    [Fact]
    public async Task An_agent_cannot_touch_another_countys_firm()
    {
        using var agent = await Session.SignIn(app, "mianchi");
        var before = await agent.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/huaxin-copper-foil");
        var put = await agent.Send(HttpMethod.Put, "/api/enterprises/huaxin-copper-foil/cloud", new { month = "2022-05" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        var move = await agent.Send(HttpMethod.Put, "/api/enterprises/yangshao-liquor", new { name = "河南仰韶酒业有限公司", countyId = "lingbao", sector = "food", aboveScale = true, status = "active" });
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        var after = await agent.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/huaxin-copper-foil");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal("mianchi", (await agent.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/yangshao-liquor")).GetProperty("countyId").GetString());
    }

    [Fact]
    public async Task A_cookie_write_without_the_csrf_token_is_refused()
    {
        using var agent = await Session.SignIn(app, "lushi");
        var before = await agent.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/fushoutang-pharma");
        var put = await agent.Send(HttpMethod.Put, "/api/enterprises/fushoutang-pharma/digital", new { month = "2022-06" }, withCsrf: false);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        var after = await agent.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/fushoutang-pharma");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Of_two_agents_editing_one_firm_the_stale_write_gets_412_and_nothing_is_lost()
    {
        using var first = await Session.SignIn(app, "hubin");
        using var second = await Session.SignIn(app, "hubin");
        var read1 = await first.Http.GetAsync("/api/enterprises/sannai-group");
        var read2 = await second.Http.GetAsync("/api/enterprises/sannai-group");
        var etag = read1.Headers.ETag!.Tag;
        Assert.Equal(etag, read2.Headers.ETag!.Tag);

        var ok = await first.Send(HttpMethod.Put, "/api/enterprises/sannai-group/cloud", new { month = "2022-04" }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var stale = await second.Send(HttpMethod.Put, "/api/enterprises/sannai-group/digital", new { month = "2022-07" }, ifMatch: etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("application/problem+json", stale.Content.Headers.ContentType?.MediaType);

        var now = await second.Http.GetAsync("/api/enterprises/sannai-group");
        var firm = await Json(now);
        Assert.Equal("2022-04", firm.GetProperty("cloudSince").GetString());
        var retry = await second.Send(HttpMethod.Put, "/api/enterprises/sannai-group/digital", new { month = "2022-07" }, ifMatch: now.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var final = await second.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/sannai-group");
        Assert.Equal("2022-04", final.GetProperty("cloudSince").GetString());
        Assert.Equal("2022-07", final.GetProperty("digitalSince").GetString());
    }

    [Fact]
    public async Task City_staff_manage_accounts_and_a_disabled_account_stops_working_at_once()
    {
        using var city = await Session.SignIn(app, "city");
        var name = $"agent{Guid.NewGuid():N}"[..20];
        var create = await city.Send(HttpMethod.Post, "/api/users", new { userName = name, displayName = "测试员", role = "county", county = "yima", password = "correct-horse-1" });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var invalid = await city.Send(HttpMethod.Post, "/api/users", new { userName = "x", role = "county", password = "short" });
        var problem = await Json(invalid);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("userName", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("password", out _));

        using var agent = await Session.SignIn(app, name, "correct-horse-1");
        var token = await Json(await agent.Send(HttpMethod.Post, "/api/auth/token"));
        using var api = app.Http(token.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await agent.Send(HttpMethod.Put, "/api/enterprises/xinneng-silicon/cloud", new { month = "2022-02" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PutAsJsonAsync("/api/enterprises/xinneng-silicon/cloud", new { month = "2022-03" })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await city.Send(HttpMethod.Post, $"/api/users/{name}/disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await agent.Send(HttpMethod.Put, "/api/enterprises/xinneng-silicon/cloud", new { month = "2022-04" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.PutAsJsonAsync("/api/enterprises/xinneng-silicon/cloud", new { month = "2022-05" })).StatusCode);
        var login = await new HttpClient { BaseAddress = app.BaseAddress }.PostAsJsonAsync("/api/auth/login", new { userName = name, password = "correct-horse-1" });
        Assert.Equal(HttpStatusCode.Forbidden, login.StatusCode);
        var firm = await city.Http.GetFromJsonAsync<JsonElement>("/api/enterprises/xinneng-silicon");
        Assert.Equal("2022-03", firm.GetProperty("cloudSince").GetString());
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_and_lock_the_account_after_five()
    {
        var name = $"lock{Guid.NewGuid():N}"[..16];
        using var city = await Session.SignIn(app, "city");
        await city.Send(HttpMethod.Post, "/api/users", new { userName = name, role = "viewer", password = "right-password" });
        using var anon = new HttpClient { BaseAddress = app.BaseAddress };
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await anon.PostAsJsonAsync("/api/auth/login", new { userName = name, password = "wrong-password" })).StatusCode);
        var locked = await anon.PostAsJsonAsync("/api/auth/login", new { userName = name, password = "right-password" });
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
    }
}
