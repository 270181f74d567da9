using System.Net;
using System.Net.Http.Json;
using Programme.Domain;
using Programme.Tests.Fixtures;
using Xunit.Abstractions;

namespace Programme.Tests.Faults;

/// <summary>
/// The cluster as it is deployed — two src/Silo processes with the default data and the product's own failure detection,
/// a client-mode front end, PostgreSQL — under county agents writing concurrently over HTTP. Mid-stream one silo is
/// killed (SIGKILL) and started again, then PostgreSQL itself is killed (<c>pg_ctl stop -m immediate</c>) and started
/// again. Afterwards nothing acknowledged is lost and no firm's versions fork (<see cref="WriteLog.Check"/>), the boards
/// equal a recomputation from every enterprise read through the API, and after each fault every firm's writes were
/// served again within the fail-over aim. The recovery times are logged (test output and artifacts/fault-times.log).
/// </summary>
public sealed class ClusterFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>The fail-over aim (docs/OPERATIONS.md, "Fail-over timing").</summary>
    public static readonly TimeSpan Aim = TimeSpan.FromSeconds(5);

    private PostgresDatabase _db = null!;
    private SiloProcess _first = null!;
    private SiloProcess _doomed = null!;
    private PostgresAppProcess _web = null!;
    private readonly List<HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        _db = await PostgresDatabase.Create("faults");
        // The suite's server runs with synchronous_commit off (fast, and safe while only silos die); a server that is
        // itself killed would lose commits still in its WAL buffers, so this database commits as a production one does.
        await _db.Rows($"alter database \"{_db.Name}\" set synchronous_commit = on");
        _first = new SiloProcess(_db.ConnectionString, "sanmenxia-2022") { ProductFailureDetection = true };
        _doomed = new SiloProcess(_db.ConnectionString, "sanmenxia-2022") { ProductFailureDetection = true };
        await _first.StartAsync();
        await _doomed.StartAsync();
        // Writers are many and fast; the per-account write rate limit would turn them away with 429 long before any fault.
        _web = new PostgresAppProcess(_db.ConnectionString, "--Orleans:Mode", "Client", "--Auth:WritesPerSecond", "2000");
        await _web.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _clients) c.Dispose();
        await _web.DisposeAsync();
        await _doomed.DisposeAsync();
        await _first.DisposeAsync();
        await PostgresServer.EnsureRunning();
        await _db.DisposeAsync();
    }

    private HttpClient Agent(string county, string name)
    {
        var http = _web.Http(AppProcess.Token("county", county, name));
        // A county script's patience: an answer that takes longer is an ambiguous write, tried again with the next amount.
        http.Timeout = TimeSpan.FromSeconds(3);
        _clients.Add(http);
        return http;
    }

    private static Task<TimeSpan> Until(Func<bool> condition, TimeSpan within, string what) =>
        Eventually.Holds(() => Task.FromResult(condition()), within, what);

    [Fact]
    public async Task Silo_killed_and_PostgreSQL_killed_mid_stream_lose_nothing_acknowledged_fork_no_firm_and_writes_are_served_again_within_5_s()
    {
        var firms = CountyCatalogue.All.SelectMany(c => new[] { $"fault-{c.Id}-1", $"fault-{c.Id}-2" }).ToArray();
        static string CountyOf(string firm) => firm.Split('-')[1];
        foreach (var id in firms)
        {
            var agent = Agent(CountyOf(id), $"{CountyOf(id)}-setup");
            var put = await agent.PutAsJsonAsync($"/api/enterprises/{id}", new { name = $"故障测试{id}", countyId = CountyOf(id), sector = "coal", aboveScale = true, status = "active" });
            Assert.True(put.StatusCode == HttpStatusCode.Created, await put.Content.ReadAsStringAsync());
            var project = await agent.PostAsJsonAsync($"/api/enterprises/{id}/projects",
                new { name = "智能化改造", kind = "intelligent", totalInvestment = 9_000_000_000m, plannedThisYear = 1_000_000_000m, startMonth = "2021-06", endMonth = "2023-12", status = "underway" });
            Assert.True(project.StatusCode == HttpStatusCode.Created, await project.Content.ReadAsStringAsync());
        }

        // Two writers per firm (one per month), each its own county agent.
        var cells = firms.SelectMany(id => new[] { "2022-07", "2022-08" }.Select(m => new WriteLog.Cell(id, "p1", m))).ToArray();
        var clients = cells.ToDictionary(c => c, c => Agent(CountyOf(c.EnterpriseId), $"{CountyOf(c.EnterpriseId)}-agent-{c.EnterpriseId}-{c.Month}"));
        var log = new WriteLog();
        using var stop = new CancellationTokenSource();
        var started = DateTime.UtcNow;
        var running = log.Run(cells, c => clients[c], stop.Token);
        var bound = TimeSpan.FromSeconds(30);
        WriteLog.Recovery silo, database;
        DateTime pgStoppedAt;
        try
        {
            await Until(() => log.EveryFirmServedSince(started, firms) && log.AcknowledgedSince(started) >= 300, bound, "writes flowing before the faults");

            // Fault 1: a silo killed outright. Its firms come back on the other silo once it is declared dead.
            await _doomed.KillAsync();
            // The fault's moment is when the process is gone (writes sent before that may still have been served by it).
            var killedAt = DateTime.UtcNow;
            await Until(() => log.EveryFirmServedSince(killedAt, firms), bound, "every firm served again after the silo was killed");
            await Eventually.Holds(async () => (await _db.Rows($"select status from cluster_member where port = {_doomed.SiloPort} order by generation desc limit 1")).Single() == "6",
                bound, "the killed silo declared dead in the membership table");
            // …and started again: it rejoins, the writes go on.
            await _doomed.StartAsync();
            var rejoined = DateTime.UtcNow;
            await Until(() => log.EveryFirmServedSince(rejoined, firms) && log.AcknowledgedSince(rejoined) >= 200, bound, "writes flowing after the silo rejoined");

            // Fault 2: PostgreSQL killed (no checkpoint, every connection cut) and started again.
            await PostgresServer.StopImmediately();
            pgStoppedAt = DateTime.UtcNow;
            await PostgresServer.Start();
            var pgUp = DateTime.UtcNow;
            await Until(() => log.EveryFirmServedSince(pgStoppedAt, firms), bound, "every firm served again after PostgreSQL was restarted");
            await Until(() => log.AcknowledgedSince(pgUp) >= 200, bound, "writes flowing after PostgreSQL's restart");
            silo = log.RecoveryAfter(killedAt, until: pgStoppedAt);
            database = log.RecoveryAfter(pgStoppedAt);
            Report($"silo SIGKILL: {silo}");
            Report($"PostgreSQL restart (-m immediate; down {(pgUp - pgStoppedAt).TotalSeconds:0.00} s until pg_ctl start returned): {database}");
        }
        finally
        {
            stop.Cancel();
            await running;
        }
        Report($"writes: {log.Summary()}");

        // No fault shows as the client's own mistake: a write either succeeds or fails as the server's trouble.
        var rejected = log.Attempts.Where(a => a.Outcome == WriteLog.Outcome.Rejected).ToList();
        Assert.True(rejected.Count == 0, string.Join("; ", rejected.Take(5).Select(a => $"{a.Cell} {a.Amount}: {a.Detail}")));

        using var reader = _web.Http();
        var problems = await log.Check(reader, id => ApiTotals.Enterprise(reader, id));
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
        await ApiTotals.AssertBoardsMatch(reader, firms, TimeSpan.FromSeconds(30));

        // The faults were real: the killed silo's old generation is dead and its new one active; the server restarted.
        var generations = await _db.Rows($"select status from cluster_member where port = {_doomed.SiloPort} order by generation");
        Assert.Equal(["6", "3"], generations.TakeLast(2));
        Assert.True(await PostgresServer.StartedAt() > pgStoppedAt.AddMilliseconds(-100), "PostgreSQL was not restarted");
        Assert.True(silo.AffectedFirms > 0, "no firm's writes failed when the silo was killed: the kill hit nothing");
        Assert.True(database.AffectedFirms > 0, "no firm's writes failed when PostgreSQL was restarted");

        Assert.True(silo.NotRecovered.Count == 0 && silo.AllServed <= Aim, $"after the silo was killed: {silo}");
        Assert.True(database.NotRecovered.Count == 0 && database.AllServed <= Aim, $"after PostgreSQL was restarted: {database}");
    }

    private void Report(string line)
    {
        output.WriteLine(line);
        var file = Path.Combine(AppProcess.RepoRoot, "artifacts", "fault-times.log");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.AppendAllText(file, $"{DateTime.UtcNow:O} {nameof(ClusterFaultTests)} {line}{Environment.NewLine}");
    }
}
