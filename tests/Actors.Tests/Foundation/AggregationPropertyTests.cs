using CsCheck;
using Programme.Commands;
using Programme.Domain;
using Programme.Grains;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Foundation;

/// <summary>
/// Random sequences of changes across enterprises and counties — registrations, moves, projects, progress (with
/// repeats), status changes, milestones, the project database (entry, exit, key), invalid commands — after which
/// every county's totals and the city's equal a recomputation from the enterprises' own states by the test's own
/// statement of the rules (<see cref="BoardRules"/>).
/// </summary>
public sealed class AggregationPropertyTests : IAsyncLifetime
{
    private readonly ClusterFixture _fixture = new();
    private static readonly ChangeContext Agent = new("property", "test");

    public Task InitializeAsync() => _fixture.InitializeAsync();
    public Task DisposeAsync() => _fixture.DisposeAsync();

    private sealed record Step(int Firm, int Kind, int County, int Month, decimal Amount, bool Above, int Status);

    private static readonly Gen<Step> StepGen =
        Gen.Select(Gen.Int[0, 11], Gen.Int[0, 13], Gen.Int[0, 7], Gen.Int[1, 12], Gen.Int[-5, 4_000].Select(i => i * 1_000m), Gen.Bool, Gen.Int[0, 3])
            .Select(t => new Step(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7));

    [Fact]
    public async Task Totals_equal_a_recomputation_after_any_sequence_of_changes()
    {
        var runs = 0;
        var seen = new HashSet<string>();
        var statuses = new[] { "planned", "underway", "completed", "cancelled" };
        var opStatuses = new[] { "active", "halted", "semi-halted", "revived" };
        await StepGen.Array[20, 60].SampleAsync(async steps =>
        {
            var prefix = $"r{runs++}-";
            var last = "";
            foreach (var s in steps)
            {
                var id = prefix + s.Firm;
                seen.Add(id);
                var grain = _fixture.Client.GetGrain<IEnterpriseGrain>(id);
                var county = CountyCatalogue.All[s.County].Id;
                var month = $"2022-{Math.Min(s.Month, 8):00}";
                var project = $"p{1 + s.Month % 3}";
                _ = s.Kind switch
                {
                    0 => await grain.Upsert(new UpsertEnterprise($"企业{id}", county, "coal", s.Above, opStatuses[s.Status]), Agent),
                    // With the year it entered the above-scale list: 2022 is newly above scale (新入规), 2023 is refused.
                    1 => await grain.Upsert(new UpsertEnterprise($"企业{id}", county, "coal", s.Above, opStatuses[s.Status]) { AboveScaleSince = 2020 + s.Status }, Agent),
                    2 => await grain.AddProject(new AddProject("项目", "green", 5_000_000m, 1_000_000m, $"2021-{s.Month:00}", "2023-06", statuses[s.Status]), Agent),
                    3 or 4 => await grain.ReportProgress(new ReportProgress(project, month, s.Amount), Agent),
                    5 => await grain.SetProjectStatus(new SetProjectStatus(project, statuses[s.Status]), Agent),
                    6 => await grain.SetMilestone(new SetMilestone(s.Above ? Milestone.Cloud : Milestone.Digital, month), Agent),
                    7 => await grain.AddCertification(new AddCertification("smart-workshop", s.Above ? "city" : "provincial", month), Agent),
                    8 => await grain.ReportProgress(new ReportProgress(project, month, s.Amount), Agent), // a repeat
                    // The project database: admissions (入库), exits (出库, cancelled or merged), key projects.
                    9 => await grain.ReviewProjectEntry(new ReviewProjectEntry(project, s.Above ? "approve" : "return", "补充材料"), Agent),
                    10 => await grain.ExitProject(new ExitProject(project, s.Above ? "cancelled" : "merged", s.Above ? null : "p1"), Agent),
                    11 => await grain.SetKeyProject(new SetKeyProject(project, s.Above), Agent),
                    _ => await Flushed(last), // let the pre-aggregators flush, so reports interleave across flushes too
                };
                last = id;
            }
            await AssertTotalsMatch(seen);
            // Once counties hold each firm's newest version, copies at that version or older must change nothing.
            await ReplayStaleReports(seen);
            await AssertTotalsMatch(seen);
        }, iter: 10, threads: 1);
    }

    /// <summary>Waits until the firm's county holds the firm's newest report: a flush boundary, whatever the timer's period.</summary>
    private async Task<CommandResult> Flushed(string id)
    {
        var report = id.Length == 0 ? null : await _fixture.Client.GetGrain<IEnterpriseGrain>(id).GetReport();
        if (report is null) return new CommandResult();
        var county = _fixture.Client.GetGrain<ICountyGrain>(report.CountyId);
        await Eventually.Holds(async () => (await county.ListEnterprises(new Boards.EnterpriseQuery { Search = id, Take = 50 })).Items
            .Any(i => i.Id == id && i.Version >= report.Version), TimeSpan.FromSeconds(10), $"county {report.CountyId} holds {id} at version {report.Version}");
        return new CommandResult();
    }

    /// <summary>Out-of-order delivery: older and same-version copies of every firm's report, with other figures, must be ignored.</summary>
    private async Task ReplayStaleReports(IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            var report = await _fixture.Client.GetGrain<IEnterpriseGrain>(id).GetReport();
            if (report is null) continue;
            var bogus = report.Contribution with { Completed = report.Contribution.Completed + 777m, Covered = 1 - report.Contribution.Covered };
            await _fixture.Client.GetGrain<ICountyGrain>(report.CountyId).Apply(
                [report with { Version = report.Version - 1, Contribution = bogus }, report with { Contribution = bogus }]);
        }
    }

    private Task AssertTotalsMatch(IReadOnlyCollection<string> ids) => Recompute.AssertTotalsMatch(_fixture.Client, ids, TimeSpan.FromSeconds(10));
}
