using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// The silo process is killed with SIGKILL while a client streams changes, at several points of the stream; after each
/// restart every acknowledged change is stored, and every county's and the city's totals equal a recomputation.
/// </summary>
public sealed class CrashTests : IAsyncLifetime
{
    private static readonly ChangeContext Agent = new("crash-test", "test");
    private PostgresDatabase _db = null!;
    private SiloProcess _silo = null!;

    public async Task InitializeAsync()
    {
        _db = await PostgresDatabase.Create("crash");
        _silo = new SiloProcess(_db.ConnectionString);
        await _silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task Every_acknowledged_change_survives_a_silo_killed_mid_stream_and_totals_equal_a_recomputation()
    {
        // Two firms per county, each with a project reported on in three months by a writer per month.
        var firms = CountyCatalogue.All.SelectMany(c => new[] { $"crash-{c.Id}-1", $"crash-{c.Id}-2" }).ToArray();
        await using (var setup = await ProgrammeClient.Connect(_db.ConnectionString))
        {
            foreach (var id in firms)
            {
                var grain = setup.Grains.GetGrain<IEnterpriseGrain>(id);
                var county = id.Split('-')[1];
                Assert.Equal(CommandOutcome.Accepted, (await grain.Upsert(new UpsertEnterprise($"崩溃测试{id}", county, "coal", true, "active"), Agent)).Outcome);
                Assert.Equal(CommandOutcome.Accepted, (await grain.AddProject(new AddProject("智能化改造", "intelligent", 9_000_000_000m, 1_000_000_000m, "2021-06", "2023-12", "underway"), Agent)).Outcome);
            }
        }
        var cells = firms.SelectMany(id => new[] { "2022-06", "2022-07", "2022-08" }.Select(m => new ChangeStream.Cell(id, "p1", m))).ToArray();
        var stream = new ChangeStream();

        foreach (var killAfter in new[] { 100, 700, 2_000 })
        {
            await using (var writer = await ProgrammeClient.Connect(_db.ConnectionString))
            {
                using var stop = new CancellationTokenSource();
                var before = stream.Acknowledged;
                var running = stream.Run(cells, async (cell, amount) =>
                {
                    var r = await writer.Grains.GetGrain<IEnterpriseGrain>(cell.EnterpriseId)
                        .ReportProgress(new ReportProgress(cell.ProjectId, cell.Month, amount), Agent);
                    return r.Outcome == CommandOutcome.Accepted ? r.Version : throw new InvalidOperationException($"{r.Outcome}");
                }, stop.Token);
                await Task.Delay(killAfter);
                await _silo.KillAsync();
                await Task.Delay(300);
                stop.Cancel();
                await running;
                Assert.True(stream.Acknowledged > before, $"nothing was acknowledged before the kill at {killAfter} ms");
            }

            await _silo.StartAsync();
            await using var reader = await ProgrammeClient.Connect(_db.ConnectionString);
            var problems = await stream.Verify(id => reader.Grains.GetGrain<IEnterpriseGrain>(id).Get());
            Assert.True(problems.Count == 0, $"after the kill at {killAfter} ms: {string.Join("; ", problems)}");
            await Recompute.AssertTotalsMatch(reader.Grains, firms, TimeSpan.FromSeconds(15));
        }
    }
}
