using Programme.Commands;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Foundation;

/// <summary>The audit trail keeps every accepted change, in order, however long it grows (older pages move to the archive).</summary>
public sealed class AuditTrailTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task A_long_history_is_complete_and_in_order_and_rejected_commands_leave_no_entry()
    {
        var grain = fixture.Client.GetGrain<IEnterpriseGrain>($"audit-{Guid.NewGuid():N}");
        var agent = new ChangeContext("auditor", "test");
        await grain.Upsert(new UpsertEnterprise("留痕企业", "yima", "coal", true, "active"), agent);
        await grain.AddProject(new AddProject("技术改造", "technical", 100_000_000m, 1m, "2022-01", "2022-12", "underway"), agent);
        for (var i = 1; i <= 120; i++)
        {
            var r = await grain.ReportProgress(new ReportProgress("p1", $"2022-0{1 + i % 8}", i * 100m), agent);
            Assert.Equal(CommandOutcome.Accepted, r.Outcome);
            if (i % 10 == 0) Assert.Equal(CommandOutcome.Invalid, (await grain.ReportProgress(new ReportProgress("p1", "2023-01", 1m), agent)).Outcome);
        }
        // Concurrent changes too: each gets its entry.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => grain.SetMilestone(new SetMilestone(Milestone.Cloud, $"2022-0{1 + i % 8}"), agent)));

        var firm = await grain.Get();
        var history = await grain.GetHistory();
        Assert.Equal(firm!.Version, history.Count);
        Assert.Equal(Enumerable.Range(1, (int)firm.Version).Reverse().Select(v => (long)v), history.Select(h => h.Version));
        Assert.All(history, h => Assert.Equal("auditor", h.Actor));
        Assert.Equal("120", history.First(h => h.Action == "report-progress").Changes.Single().After?.Split('.')[0][..3]);
    }
}
