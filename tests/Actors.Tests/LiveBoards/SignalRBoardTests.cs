using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Programme.Tests.Fixtures;

namespace Programme.Tests.LiveBoards;

/// <summary>A real SignalR client against the real app: snapshots on Subscribe, then pushes with rising versions.</summary>
public sealed class SignalRBoardTests(AppProcess app) : IClassFixture<AppProcess>
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
        var start = Version(await client.Subscribe("county:yima"));
        var http = app.Http(AppProcess.Token("city"));
        for (var i = 0; i < 20; i++)
            await http.PutAsJsonAsync("/api/enterprises/kaixiang-chemical/cloud", new { month = $"2022-0{1 + i % 8}" });
        // Collect the scope's pushes until they stop (a second of quiet after the first), within ten seconds: this test is
        // about order; how fast the first one comes is asserted by the test above.
        var versions = new List<long>();
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                using var quiet = CancellationTokenSource.CreateLinkedTokenSource(overall.Token);
                if (versions.Count > 0) quiet.CancelAfter(TimeSpan.FromSeconds(1));
                var (scope, snapshot) = await client.Pushes.Reader.ReadAsync(quiet.Token);
                if (scope == "county:yima") versions.Add(Version(snapshot));
            }
        }
        catch (OperationCanceledException) { }
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Distinct().Count(), versions.Count);
        Assert.All(versions, v => Assert.True(v > start));
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

/// <summary>Its own app process: the test kills and restarts it.</summary>
public sealed class ReconnectTests : IAsyncLifetime
{
    private readonly AppProcess _app = new();
    public Task InitializeAsync() => _app.InitializeAsync();
    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task After_the_server_comes_back_the_client_resubscribes_and_gets_pushes_again()
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.BaseAddress, "/hubs/board"))
            .WithAutomaticReconnect(Enumerable.Repeat(TimeSpan.FromMilliseconds(500), 200).ToArray())
            .Build();
        var pushes = Channel.CreateUnbounded<JsonElement>();
        connection.On<string, JsonElement>("board", (scope, snapshot) => { if (scope == "city") pushes.Writer.TryWrite(snapshot); });
        var reconnected = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Reconnected += async _ => reconnected.TrySetResult(await connection.InvokeAsync<JsonElement>("Subscribe", "city"));
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("Subscribe", "city");

        await _app.KillAsync();
        await _app.StartAsync();
        var snapshot = await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(426, snapshot.GetProperty("enterprises").GetProperty("covered").GetInt32());

        var http = _app.Http(AppProcess.Token("city"));
        var uncoveredFirm = await http.GetAsync("/api/counties/lushi/enterprises?covered=false&aboveScale=true&take=1");
        var page = await uncoveredFirm.Content.ReadFromJsonAsync<JsonElement>();
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();
        var add = await http.PostAsJsonAsync($"/api/enterprises/{id}/projects",
            new { name = "一企一策 智能化改造", kind = "intelligent", totalInvestment = 5_000_000m, plannedThisYear = 2_000_000m, startMonth = "2022-08", endMonth = "2023-06", status = "underway" });
        Assert.Equal(System.Net.HttpStatusCode.Created, add.StatusCode);

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var b = await pushes.Reader.ReadAsync(cts.Token);
            if (b.GetProperty("enterprises").GetProperty("covered").GetInt32() == 427) break;
        }
        await connection.DisposeAsync();
    }
}
