using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Contract;

/// <summary>
/// Pollers pay for changes only: snapshot GETs (boards, enterprise, batch, scenario) carry their version as ETag with
/// Cache-Control: no-cache; If-None-Match with it answers 304 with no body until the snapshot changes; HEAD answers 200
/// with the headers and no body.
/// </summary>
[Collection(SharedApp.Name)]
public sealed class ConditionalReadTests(AppProcess app)
{
    private static async Task<HttpResponseMessage> Get(HttpClient http, string url, string? ifNoneMatch = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (ifNoneMatch is not null) request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return await http.SendAsync(request);
    }

    /// <summary>The conditional-read behaviour of one snapshot URL; returns its current ETag.</summary>
    private async Task<string> Conditional(string url)
    {
        using var http = app.Http();
        var first = await Get(http, url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var version = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        var etag = first.Headers.ETag?.ToString();
        Assert.Equal($"\"{version}\"", etag);
        Assert.True(first.Headers.CacheControl?.NoCache, $"{url}: Cache-Control {first.Headers.CacheControl}");

        var again = await Get(http, url, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, again.Headers.ETag?.ToString());

        // Weak comparison (a proxy may weaken it) and a list of tags also match; another version does not.
        Assert.Equal(HttpStatusCode.NotModified, (await Get(http, url, $"\"stale\", W/{etag}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(http, url, "\"stale\"")).StatusCode);

        var head = await Get(http, url, method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, head.Headers.ETag?.ToString());
        Assert.Equal("application/json", head.Content.Headers.ContentType?.MediaType);
        return etag!;
    }

    [Fact]
    public async Task The_city_board_answers_304_until_it_changes_and_head_without_a_body()
    {
        var etag = await Conditional("/api/board/city");

        // A county registers a firm: the board moves on, and the poller holding the old ETag gets the new snapshot.
        using var agent = app.Http(AppProcess.Token("county", "hubin"));
        var firm = $"etag-{Guid.NewGuid():N}"[..20];
        var created = await agent.PutAsJsonAsync($"/api/enterprises/{firm}", new { name = "条件读取测试企业", countyId = "hubin", sector = "gold", aboveScale = false, status = "active" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var http = app.Http();
        HttpResponseMessage? changed = null;
        await Eventually.Holds(async () => (changed = await Get(http, "/api/board/city", etag)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(10), "the city board still answers 304 after a change");
        var board = await changed!.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"\"{board.GetProperty("version").GetInt64()}\"", changed.Headers.ETag?.ToString());
        Assert.NotEqual(etag, changed.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task A_county_board_and_a_batch_board_are_conditional()
    {
        await Conditional("/api/board/counties/lingbao");
        await Conditional("/api/batches/2022-1");
        using var http = app.Http();
        // A missing snapshot is a plain 404 problem: nothing to validate against.
        var missing = await Get(http, "/api/board/counties/atlantis", "*");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(missing.Headers.ETag);
    }

    [Fact]
    public async Task An_enterprise_is_conditional_and_its_etag_is_the_if_match_of_the_next_write()
    {
        using var agent = app.Http(AppProcess.Token("county", "yima"));
        var firm = $"etag-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.Created, (await agent.PutAsJsonAsync($"/api/enterprises/{firm}",
            new { name = "条件读取测试企业", countyId = "yima", sector = "gold", aboveScale = false, status = "active" })).StatusCode);
        var etag = await Conditional($"/api/enterprises/{firm}");

        var write = new HttpRequestMessage(HttpMethod.Put, $"/api/enterprises/{firm}/cloud") { Content = JsonContent.Create(new { month = "2022-05" }) };
        write.Headers.TryAddWithoutValidation("If-Match", etag);
        var written = await agent.SendAsync(write);
        Assert.Equal(HttpStatusCode.OK, written.StatusCode);
        using var http = app.Http();
        var after = await Get(http, $"/api/enterprises/{firm}", etag);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(written.Headers.ETag?.ToString(), after.Headers.ETag?.ToString());
        Assert.Equal("2022-05", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cloudSince").GetString());
    }

    [Fact]
    public async Task A_scenario_is_conditional()
    {
        using var city = app.Http(AppProcess.Token("city"));
        var started = await city.PostAsJsonAsync("/api/scenarios", new { baseline = "sanmenxia-2022", seed = 7, startMonth = "2020-01", months = 2, runs = 2 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var http = app.Http();
        await Eventually.Holds(async () => (await http.GetFromJsonAsync<JsonElement>($"/api/scenarios/{id}")).GetProperty("status").GetString() != "running",
            TimeSpan.FromSeconds(60), $"scenario {id} still running");
        await Conditional($"/api/scenarios/{id}");
    }
}
