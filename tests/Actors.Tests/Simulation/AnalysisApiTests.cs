using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Simulation;

/// <summary>POST /api/analyses through the real app: progress while it runs, then the same request answered from the cache.</summary>
public sealed class AnalysisApiTests(AppProcess app) : IClassFixture<AppProcess>
{
    private static object Body(int seed) => new
    {
        scenario = new { runs = 4, seed },
        sensitivity = new { parameters = new[] { "firstProject", "furtherProject" }, trajectories = 1 },
        sweep = new { subsidyRates = new[] { 0.2, 0.5 }, projectCaps = new[] { 3_000_000 }, annualFunds = new[] { 100_000_000 } },
    };

    [Fact]
    public async Task An_identical_request_is_answered_from_the_cache_and_a_different_one_is_not()
    {
        var city = app.Http(AppProcess.Token("city"));
        var seed = Random.Shared.Next(1000, 1_000_000); // a request this app has not seen
        var first = await city.PostAsJsonAsync("/api/analyses", Body(seed));
        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var started = await first.Content.ReadFromJsonAsync<JsonElement>();
        var id = started.GetProperty("id").GetString()!;
        Assert.False(started.GetProperty("cached").GetBoolean());
        Assert.Equal(1 + 4 + 3 + 2, started.GetProperty("total").GetInt32());

        JsonElement view = default;
        await Eventually.Holds(async () =>
        {
            view = await app.Http().GetFromJsonAsync<JsonElement>($"/api/analyses/{id}");
            return view.GetProperty("status").GetString() != "running";
        }, TimeSpan.FromSeconds(120), () => $"analysis {id} at {view.GetProperty("done")}/{view.GetProperty("total")}");
        Assert.Equal("completed", view.GetProperty("status").GetString());
        Assert.Equal(2, view.GetProperty("results").GetProperty("sensitivity").GetArrayLength());
        Assert.Equal(2, view.GetProperty("results").GetProperty("sweep").GetArrayLength());

        var again = await city.PostAsJsonAsync("/api/analyses", Body(seed));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var cached = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, cached.GetProperty("id").GetString());
        Assert.True(cached.GetProperty("cached").GetBoolean());
        Assert.Equal("completed", cached.GetProperty("status").GetString());
        var stored = await app.Http().GetFromJsonAsync<JsonElement>($"/api/analyses/{id}");
        Assert.Equal(view.GetProperty("results").GetRawText(), stored.GetProperty("results").GetRawText());

        var other = await city.PostAsJsonAsync("/api/analyses", Body(seed + 1));
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.NotEqual(id, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task A_bad_request_is_a_problem_naming_the_field_and_reads_need_no_token_but_writes_do()
    {
        var city = app.Http(AppProcess.Token("city"));
        var bad = await city.PostAsJsonAsync("/api/analyses", new { sensitivity = new { parameters = new[] { "nonsense" } } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("sensitivity.parameters", out _));
        var anonymous = await app.Http().PostAsJsonAsync("/api/analyses", Body(1));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http().GetAsync("/api/analyses/m11r1-unknown")).StatusCode);
    }
}
