using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Programme.Domain;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// Two src/Silo processes with the default data and the web app as a separate front end (client mode); one silo is
/// killed with SIGKILL while agents report through the API. Its grains come back on the other silo, the board keeps
/// updating over SignalR, and nothing acknowledged is lost. Half the firms fall quiet at the moment of the kill, so
/// their last reports may die unsent in the killed silo's buffer and nothing but the counties' reconciliation
/// (对账 when a silo is declared dead) brings the counties up to date with them.
/// </summary>
public sealed class SiloLossTests : IAsyncLifetime
{
    private PostgresDatabase _db = null!;
    private SiloProcess _doomed = null!;
    private SiloProcess _survivor = null!;
    private PostgresAppProcess _web = null!;
    private HttpClient _agent = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresDatabase.Create("loss");
        _doomed = new SiloProcess(_db.ConnectionString, "sanmenxia-2022");
        _survivor = new SiloProcess(_db.ConnectionString, "sanmenxia-2022");
        // The survivor starts first and loads the data, so the counties and the city live on it (Orleans places a grain
        // near its first caller) and outlive the kill; only the firms that were on the killed silo are lost with it.
        await _survivor.StartAsync();
        await _doomed.StartAsync();
        _web = new PostgresAppProcess(_db.ConnectionString, "--Orleans:Mode", "Client", "--Orleans:GatewayListRefresh", "00:00:01");
        await _web.StartAsync();
        _agent = _web.Http(AppProcess.Token("city"));
        _agent.Timeout = TimeSpan.FromSeconds(3);
    }

    public async Task DisposeAsync()
    {
        _agent.Dispose();
        await _web.DisposeAsync();
        await _doomed.DisposeAsync();
        await _survivor.DisposeAsync();
        await _db.DisposeAsync();
    }

    private static IEnumerable<ChangeStream.Cell> Cells(IEnumerable<string> firms) =>
        firms.SelectMany(id => new[] { "2022-07", "2022-08" }.Select(m => new ChangeStream.Cell(id, "p1", m)));

    private async Task<long> Report(ChangeStream.Cell cell, decimal amount)
    {
        var response = await _agent.PutAsJsonAsync($"/api/enterprises/{cell.EnterpriseId}/projects/{cell.ProjectId}/progress/{cell.Month}", new { invested = amount });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
    }

    private static decimal CompletedThisYear(JsonElement board) => board.GetProperty("investment").GetProperty("completedThisYear").GetDecimal();

    [Fact]
    public async Task A_killed_silos_grains_come_back_on_the_other_the_board_keeps_updating_and_nothing_acknowledged_is_lost()
    {
        var http = _agent;
        var firms = CountyCatalogue.All.SelectMany(c => new[] { $"loss-{c.Id}-1", $"loss-{c.Id}-2" }).ToArray();
        foreach (var id in firms)
        {
            var county = id.Split('-')[1];
            var put = await http.PutAsJsonAsync($"/api/enterprises/{id}", new { name = $"失联测试{id}", countyId = county, sector = "coal", aboveScale = true, status = "active" });
            Assert.Equal(System.Net.HttpStatusCode.Created, put.StatusCode);
            var project = await http.PostAsJsonAsync($"/api/enterprises/{id}/projects",
                new { name = "绿色化改造", kind = "green", totalInvestment = 9_000_000_000m, plannedThisYear = 1_000_000_000m, startMonth = "2021-06", endMonth = "2023-12", status = "underway" });
            Assert.Equal(System.Net.HttpStatusCode.Created, project.StatusCode);
        }
        await using var board = new BoardClient(_web.BaseAddress);
        await board.Connection.StartAsync();
        await board.Subscribe("city");
        await board.Subscribe("county:lingbao");

        var busy = firms.Where(id => id.EndsWith("-1")).ToArray();
        var quiet = firms.Where(id => id.EndsWith("-2")).ToArray();
        var busyStream = new ChangeStream();
        var quietStream = new ChangeStream();
        using var stopBusy = new CancellationTokenSource();
        using var stopQuiet = new CancellationTokenSource();
        var busyRunning = busyStream.Run(Cells(busy), Report, stopBusy.Token);
        var quietRunning = quietStream.Run(Cells(quiet), Report, stopQuiet.Token);

        await Task.Delay(1_500);
        stopQuiet.Cancel();
        await quietRunning;
        var killedAt = DateTime.UtcNow;
        await _doomed.KillAsync();
        await Task.Delay(10_000);
        stopBusy.Cancel();
        await busyRunning;

        Assert.True(quietStream.Acknowledged > 0 && busyStream.Acknowledged > 0, "nothing was acknowledged before the kill");
        // Every busy firm kept taking changes after the kill: those that lived on the killed silo were reactivated on the other.
        Assert.All(busy, id => Assert.True(busyStream.LastAcknowledged(id) > killedAt.AddSeconds(2), $"{id}: no change acknowledged after the kill"));
        Assert.Equal($"{6}", (await _db.Rows($"select status from cluster_member where port = {_doomed.SiloPort} order by generation desc limit 1")).Single());

        await using var client = await ProgrammeClient.Connect(_db.ConnectionString);
        // Before anything asks a quiet firm (which would reactivate it and make it re-announce itself), each county
        // must already hold the version that PostgreSQL holds for it.
        var serializer = client.Services.GetRequiredService<Orleans.Serialization.Serializer>();
        await Eventually.Holds(async () =>
        {
            foreach (var id in quiet)
            {
                var payload = Convert.FromHexString((await _db.Rows($"select payload from grain_state where state_name = 'enterprise' and key_text = '{id}'")).Single());
                var stored = serializer.Deserialize<Programme.Grains.Enterprises.EnterpriseState>(payload)!.Current!;
                var page = await client.Grains.GetGrain<ICountyGrain>(stored.CountyId).ListEnterprises(new Boards.EnterpriseQuery { Search = id });
                if (page.Items.SingleOrDefault()?.Version != stored.Version) return false;
            }
            return true;
        }, TimeSpan.FromSeconds(30), "every county holds its quiet firms' stored versions");

        foreach (var stream in new[] { busyStream, quietStream })
        {
            var problems = await stream.Verify(id => client.Grains.GetGrain<IEnterpriseGrain>(id).Get());
            Assert.True(problems.Count == 0, string.Join("; ", problems));
        }
        var everyFirm = await Recompute.AllEnterprises(client.Grains);
        Assert.Equal(639 + firms.Length, everyFirm.Count);
        await Recompute.AssertTotalsMatch(client.Grains, everyFirm, TimeSpan.FromSeconds(30));

        // The board keeps updating: one more report reaches county and city subscribers with the recomputed figures.
        var final = await http.PutAsJsonAsync("/api/enterprises/loss-lingbao-1/projects/p1/progress/2022-06", new { invested = 123_456_000m });
        final.EnsureSuccessStatusCode();
        var lingbao = await Recompute.County(client.Grains, "lingbao", everyFirm);
        await board.Next("county:lingbao", b => CompletedThisYear(b) == lingbao.CompletedThisYear, TimeSpan.FromSeconds(10));
        var city = Aggregation.ContributionSum.Total(await Task.WhenAll(CountyCatalogue.All.Select(c => Recompute.County(client.Grains, c.Id, everyFirm))));
        await board.Next("city", b => CompletedThisYear(b) == city.CompletedThisYear, TimeSpan.FromSeconds(10));
    }
}
