using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Programme.Tests.Fixtures;

namespace Programme.Tests.LiveBoards;

/// <summary>A real SignalR client against the real app: snapshots on Subscribe, then pushes with rising versions.</summary>
[Collection(SharedApp.Name)]
public sealed class SignalRBoardTests(AppProcess app)
{
    private static decimal CompletedThisYear(JsonElement board) => board.GetProperty("investment").GetProperty("completedThisYear").GetDecimal();
    private static long Version(JsonElement board) => board.GetProperty("version").GetInt64();

    [Fact]
    public async Task Subscribers_get_the_snapshot_then_a_push_reflecting_a_change_within_a_second()
    {
        await using var client = new BoardClient(app.BaseAddress);
        await client.Connection.StartAsync();
        var city = await client.Subscribe("city");
        var county = await client.Subscribe("county:lingbao");
        Assert.Equal("city", city.GetProperty("scope").GetString());
        Assert.Equal(463, city.GetProperty("enterprises").GetProperty("aboveScale").GetInt32());
        Assert.Equal(8, city.GetProperty("counties").GetArrayLength());
        Assert.Equal("county:lingbao", county.GetProperty("scope").GetString());

        var http = app.Http(AppProcess.Token("county", "lingbao"));
        var firm = await http.GetFromJsonAsync<JsonElement>("/api/enterprises/huaxin-copper-foil");
        var project = firm.GetProperty("projects").EnumerateArray().First(p => p.GetProperty("status").GetString() == "underway"
            && p.GetProperty("startMonth").GetString()!.CompareTo("2022-08") <= 0);
        var projectId = project.GetProperty("id").GetString();
        var august = project.GetProperty("monthly").EnumerateArray().Where(m => m.GetProperty("month").GetString() == "2022-08")
            .Select(m => m.GetProperty("amount").GetDecimal()).FirstOrDefault();
        const decimal added = 1_000_000m;

        var clock = Stopwatch.StartNew();
        var put = await http.PutAsJsonAsync($"/api/enterprises/huaxin-copper-foil/projects/{projectId}/progress/2022-08", new { invested = august + added });
        Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);
        var acknowledged = clock.Elapsed;

        var countyPush = await client.Next("county:lingbao", b => CompletedThisYear(b) == CompletedThisYear(county) + added, TimeSpan.FromSeconds(5));
        var countyLag = clock.Elapsed - acknowledged;
        var cityPush = await client.Next("city", b => CompletedThisYear(b) == CompletedThisYear(city) + added, TimeSpan.FromSeconds(5));
        var cityLag = clock.Elapsed - acknowledged;
        Assert.True(Version(countyPush) > Version(county));
        Assert.True(Version(cityPush) > Version(city));
        Assert.True(countyLag < TimeSpan.FromSeconds(1), $"county push after {countyLag.TotalMilliseconds} ms");
        Assert.True(cityLag < TimeSpan.FromSeconds(1), $"city push after {cityLag.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Pushes_of_a_scope_arrive_in_version_order()
    {
        await using var client = new BoardClient(app.BaseAddress);
        await client.Connection.StartAsync();
        const string scope = "county:yima";
        var start = Version(await client.Subscribe(scope));
        var http = app.Http(AppProcess.Token("city"));
        var versions = new List<long>();
        async Task<bool> CountyHolds(long version) =>
            (await http.GetFromJsonAsync<JsonElement>("/api/counties/yima/enterprises?search=kaixiang-chemical"))
            .GetProperty("items").EnumerateArray().Any(e => e.GetProperty("version").GetInt64() >= version);
        // Every push of the scope is kept, in arrival order, including any that would come out of order.
        async Task PushNewerThan(long version)
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            while (true)
            {
                var (s, snapshot) = await client.Pushes.Reader.ReadAsync(cts.Token);
                if (s != scope) continue;
                versions.Add(Version(snapshot));
                if (Version(snapshot) > version) return;
            }
        }

        // Ten accepted changes, each sent once the county holds the one before (read over REST, not waited for on the
        // hub): so the county moves through ten versions about a flush apart and its pushes are in flight together —
        // several of them (coalescing merges only what lands within one flush), which is what the order is about.
        long firmVersion = 0;
        for (var i = 0; i < 10; i++)
        {
            var put = await http.PutAsJsonAsync("/api/enterprises/kaixiang-chemical/cloud", new { month = $"2022-0{1 + i % 8}" });
            Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);
            var body = await put.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(body.GetProperty("changed").GetBoolean(), $"change {i} was not accepted: {body}");
            Assert.True(body.GetProperty("version").GetInt64() > firmVersion);
            firmVersion = body.GetProperty("version").GetInt64();
            await Eventually.Holds(async () => await CountyHolds(firmVersion), TimeSpan.FromSeconds(5), $"the county holds change {i}");
        }

        // The last push to expect: the county's version once it holds the firm's last change (read over REST).
        var final = Version(await http.GetFromJsonAsync<JsonElement>("/api/board/counties/yima"));
        while (versions.Count == 0 || versions.Max() < final) await PushNewerThan(versions.Count == 0 ? start : versions.Max());
        // Drain what is already delivered: nothing older may follow a newer one.
        while (client.Pushes.Reader.TryRead(out var more)) if (more.Scope == scope) versions.Add(Version(more.Snapshot));

        Assert.True(versions.Count >= 3, $"only {versions.Count} pushes: {string.Join(",", versions)}");
        Assert.True(versions.Order().SequenceEqual(versions), $"out of order: {string.Join(",", versions)}");
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.All(versions, v => Assert.True(v > start));
        Assert.True(versions[^1] >= final);
    }

    [Fact]
    public async Task An_unknown_scope_is_refused()
    {
        await using var client = new BoardClient(app.BaseAddress);
        await client.Connection.StartAsync();
        await Assert.ThrowsAsync<HubException>(() => client.Subscribe("county:atlantis"));
        await Assert.ThrowsAsync<HubException>(() => client.Subscribe("weather"));
    }
}
