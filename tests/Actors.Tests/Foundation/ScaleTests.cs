using System.Diagnostics;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Tests.Fixtures;
using Xunit.Abstractions;

namespace Programme.Tests.Foundation;

/// <summary>10,000 enterprises activate, report and aggregate correctly (not timed: the figures go to the test log).</summary>
public sealed class ScaleTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly ClusterFixture _fixture = new();
    public Task InitializeAsync() => _fixture.InitializeAsync();
    public Task DisposeAsync() => _fixture.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_enterprises_aggregate_exactly()
    {
        const int n = 10_000;
        var ctx = new ChangeContext("scale", "test");
        GC.Collect();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var counties = CountyCatalogue.All;
        for (var i = 0; i < n; i += 500)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(500, n - i)).Select(async k =>
            {
                var g = _fixture.Client.GetGrain<IEnterpriseGrain>($"scale-{k}");
                await g.Upsert(new UpsertEnterprise($"规模测试企业{k}", counties[k % counties.Count].Id, "equipment", k % 5 != 0, "active"), ctx);
                if (k % 3 != 0)
                {
                    await g.AddProject(new AddProject("技术改造", "technical", 2_000_000m, 1_000_000m, "2022-01", "2022-12", "underway"), ctx);
                    await g.ReportProgress(new ReportProgress("p1", "2022-05", 1_000m + k), ctx);
                }
            }));
        }
        var written = clock.Elapsed;

        // Expected, from the same arithmetic the firms were built with.
        var above = Enumerable.Range(0, n).Count(k => k % 5 != 0);
        var covered = Enumerable.Range(0, n).Count(k => k % 5 != 0 && k % 3 != 0);
        var completed = Enumerable.Range(0, n).Where(k => k % 5 != 0 && k % 3 != 0).Sum(k => 1_000m + k);
        var city = _fixture.Client.GetGrain<ICityGrain>(GrainKeys.City);
        var settled = await Eventually.Holds(async () =>
        {
            var b = await city.GetBoard();
            return b.Enterprises.Total == n && b.Enterprises.AboveScale == above && b.Enterprises.Covered == covered
                && b.Investment.CompletedThisYear == completed;
        }, TimeSpan.FromSeconds(30), "the city board reflects all 10,000 firms");
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);

        var board = await city.GetBoard();
        Assert.Equal(n - above, board.Enterprises.Total - board.Enterprises.AboveScale);
        Assert.Equal(n, board.Counties!.Sum(c => c.AboveScale) + (n - above));
        output.WriteLine($"10,000 enterprises: registered with projects and progress in {written.TotalSeconds:0.00} s; " +
                         $"totals settled {settled.TotalMilliseconds:0} ms after the last write; " +
                         $"managed heap grew {(memoryAfter - memoryBefore) / 1024.0 / n:0.0} KB per enterprise (cluster and client in one process)");
    }
}
