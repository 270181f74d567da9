using Programme.Commands;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Durability;

/// <summary>
/// A busy enterprise against real PostgreSQL: every caller is acknowledged for its own change, with its own version,
/// only once it is stored; concurrent changes share writes; the validation rules hold exactly as for one caller.
/// </summary>
public sealed class CoalescedWriteTests(PostgresSilo silo) : IClassFixture<PostgresSilo>
{
    private static readonly ChangeContext Agent = new("tester", "test");

    private async Task<(IEnterpriseGrain Grain, string Key, long Version)> NewFirm()
    {
        var key = $"busy-{Guid.NewGuid():N}";
        var grain = silo.Grains.GetGrain<IEnterpriseGrain>(key);
        Assert.Equal(CommandOutcome.Accepted, (await grain.Upsert(new UpsertEnterprise("繁忙测试有限公司", "mianchi", "aluminium", true, "active"), Agent)).Outcome);
        var project = await grain.AddProject(new AddProject("技术改造", "technical", 1_000_000_000m, 500_000_000m, "2020-01", "2024-12", "underway"), Agent);
        return (grain, key, project.Version);
    }

    /// <summary>How many times PostgreSQL stored this enterprise: our schema bumps the row's version on every write.</summary>
    private Task<int> Writes(string key) =>
        silo.Database.Scalar<int>($"select version from grain_state where state_name = 'enterprise' and key_text = '{key}'");

    private static string Month(int i) => new Programme.Domain.YearMonth(2020, 1).AddMonths(i % 32).ToString();

    [Fact]
    public async Task A_burst_of_changes_is_acknowledged_change_by_change_but_stored_in_few_writes()
    {
        var (grain, key, start) = await NewFirm();
        var writesBefore = await Writes(key);
        const int changes = 200;

        var results = await Task.WhenAll(Enumerable.Range(0, changes)
            .Select(i => grain.ReportProgress(new ReportProgress("p1", Month(i), 1_000m + i), Agent)));

        Assert.All(results, r => Assert.Equal(CommandOutcome.Accepted, r.Outcome));
        Assert.Equal(Enumerable.Range(1, changes).Select(i => start + i), results.Select(r => r.Version).Order());
        var stored = (await grain.Get())!;
        Assert.Equal(start + changes, stored.Version);
        // Each of the 32 months holds the value of the last change to it, in acknowledgement order.
        var lastPerMonth = Enumerable.Range(0, changes).Zip(results)
            .GroupBy(x => Month(x.First)).ToDictionary(g => g.Key, g => g.MaxBy(x => x.Second.Version).First);
        foreach (var m in stored.Projects[0].Monthly) Assert.Equal(1_000m + lastPerMonth[m.Month.ToString()], m.Amount);
        Assert.Equal(changes + 2, (await grain.GetHistory()).Count);
        var writes = await Writes(key) - writesBefore;
        Assert.True(writes <= changes / 4, $"{changes} changes took {writes} writes");
    }

    [Fact]
    public async Task Of_concurrent_changes_made_against_the_same_version_exactly_one_is_accepted()
    {
        var (grain, _, version) = await NewFirm();
        var results = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => grain.ReportProgress(new ReportProgress("p1", Month(i), 5_000m + i), Agent with { ExpectedVersion = version })));
        Assert.Single(results, r => r.Outcome == CommandOutcome.Accepted);
        Assert.Equal(19, results.Count(r => r.Outcome == CommandOutcome.VersionConflict));
        Assert.Equal(version + 1, (await grain.Get())!.Version);
    }

    [Fact]
    public async Task Rejected_commands_amid_a_burst_change_nothing_and_cost_no_version()
    {
        var (grain, _, start) = await NewFirm();
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(i => i % 3 == 0
            ? grain.ReportProgress(new ReportProgress("p1", "2030-01", 1m), Agent)          // after the reporting month
            : grain.ReportProgress(new ReportProgress("p1", Month(i), 7_000m + i), Agent)));
        var accepted = results.Where(r => r.Outcome == CommandOutcome.Accepted).ToList();
        Assert.Equal(40, accepted.Count);
        Assert.All(results.Where((_, i) => i % 3 == 0), r => Assert.Equal(CommandOutcome.Invalid, r.Outcome));
        var stored = (await grain.Get())!;
        Assert.Equal(start + 40, stored.Version);
        Assert.DoesNotContain(stored.Projects[0].Monthly, m => m.Month.Year == 2030);
        Assert.Equal(accepted.Select(r => r.Version).Order(), Enumerable.Range(1, 40).Select(i => start + i));
    }

    [Fact]
    public async Task Repeating_what_a_pending_change_already_set_is_answered_once_that_change_is_stored()
    {
        var (grain, _, start) = await NewFirm();
        var set = grain.ReportProgress(new ReportProgress("p1", "2022-05", 12_345m), Agent);
        var again = grain.ReportProgress(new ReportProgress("p1", "2022-05", 12_345m), Agent);
        var (first, second) = (await set, await again);
        Assert.Equal(CommandOutcome.Accepted, first.Outcome);
        Assert.Equal(CommandOutcome.Unchanged, second.Outcome);
        Assert.Equal(start + 1, second.Version);
        Assert.Equal(start + 1, (await grain.Get())!.Version);
    }
}
