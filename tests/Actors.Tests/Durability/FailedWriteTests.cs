using Programme.Commands;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// "Acknowledged only once durable" with a store that completes in place (the in-process store): a change whose write
/// fails is never reported accepted, and afterwards the firm is exactly what was stored before it.
/// </summary>
public sealed class FailedWriteTests(SwitchableStorageClusterFixture fixture) : IClassFixture<SwitchableStorageClusterFixture>
{
    private static readonly ChangeContext Agent = new("tester", "test");

    [Fact]
    public async Task A_change_whose_write_fails_is_refused_to_its_caller_and_leaves_no_trace()
    {
        var grain = fixture.Client.GetGrain<IEnterpriseGrain>($"failing-{Guid.NewGuid():N}");
        await grain.Upsert(new UpsertEnterprise("写失败测试企业", "mianchi", "aluminium", true, "active"), Agent);
        var added = await grain.AddProject(new AddProject("技术改造", "technical", 1_000_000m, 500_000m, "2022-01", "2022-12", "underway"), Agent);
        Assert.Equal(CommandOutcome.Accepted, added.Outcome);

        fixture.Storage.Failing = true;
        try
        {
            await Assert.ThrowsAnyAsync<Exception>(() => grain.ReportProgress(new ReportProgress("p1", "2022-03", 777m), Agent));
        }
        finally
        {
            fixture.Storage.Failing = false;
        }

        var firm = (await grain.Get())!;
        Assert.Equal(added.Version, firm.Version);
        Assert.DoesNotContain(firm.Projects[0].Monthly, m => m.Amount == 777m);
        Assert.Equal(added.Version, (await grain.GetHistory()).Count);
        var again = await grain.ReportProgress(new ReportProgress("p1", "2022-03", 778m), Agent);
        Assert.Equal((CommandOutcome.Accepted, added.Version + 1), (again.Outcome, again.Version));
    }
}
