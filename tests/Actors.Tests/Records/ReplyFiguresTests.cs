using Programme.Aggregation;
using Programme.Boards;
using Programme.Domain;
using Programme.Grains;
using Programme.Grains.Boards;
using Programme.Grains.Data;
using Programme.Grains.Enterprises;
using Programme.Grants;
using Programme.Tests.Fixtures;
using Xunit.Abstractions;

namespace Programme.Tests.Records;

/// <summary>
/// The default data tells the reply's own story (docs/DATA.md): both coverage readings, both completion readings, the
/// earlier grants over their batches, batch 2022-1 declined only at city stages, a league whose targets match the counties'
/// positions, and a remaining 2022 plan that pays for the projects still due this year.
/// </summary>
public sealed class ReplyFiguresTests(DefaultDataClusterFixture fixture, ITestOutputHelper output) : IClassFixture<DefaultDataClusterFixture>
{
    private static readonly Dataset Data = SanmenxiaDataset.Generate();
    private Task<Board> City() => fixture.Client.GetGrain<ICityGrain>(GrainKeys.City).GetBoard();

    private static bool IsCountyStage(ReviewStage s) => s is ReviewStage.CountyCheck or ReviewStage.CountyRecommendation;

    /// <summary>A share as the bureau prints it: a percentage with one decimal.</summary>
    private static decimal Pct(decimal share) => Math.Round(share * 100, 1, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task The_city_board_reads_coverage_on_the_2021_list_and_on_the_2022_list()
    {
        var e = (await City()).Enterprises;
        Assert.Equal((2022, 463, 426, 37, 20), (e.ListYear, e.AboveScale, e.Covered, e.Uncovered, e.NewlyAboveScale));
        Assert.Equal(92.0m, Pct(e.Coverage));
        Assert.NotNull(e.PriorList);
        Assert.Equal((2021, 443, 426), (e.PriorList!.Year, e.PriorList.AboveScale, e.PriorList.Covered));
        Assert.Equal(96.2m, Pct(e.PriorList.Coverage));                 // the reply's 改造覆盖率
        // None of the 20 newcomers is covered yet: all 37 still to go are 17 long-standing firms and the 20 新入规.
        Assert.Equal(17, e.PriorList.AboveScale - e.PriorList.Covered);
    }

    [Fact]
    public async Task The_city_board_reads_completion_against_the_projects_plan_and_against_the_target()
    {
        var c = (await City()).Completion;
        Assert.NotNull(c);
        Assert.Equal(13_700_000_000m, c!.Completed);
        Assert.Equal(15_181_000_000m, c.Plan);                         // 151.8 亿 as the reply states it
        Assert.Equal(151.8m, Math.Round(c.Plan / 100_000_000m, 1));
        Assert.Equal(90.2m, Pct(c.OfPlan));                            // the reply's 完成年度目标的90.2%
        Assert.Equal(15_000_000_000m, c.Target);
        Assert.Equal(91.3m, Pct(c.OfTarget));
    }

    [Fact]
    public async Task A_firm_newly_above_scale_counts_on_the_years_list_only_and_covering_it_moves_current_coverage()
    {
        // Through the ordinary API path on an empty-data cluster would need another fixture; the rules decide it, so check
        // them on a copy of a newcomer of the default data.
        var newcomer = Data.Enterprises.First(f => f.AboveScale && f.AboveScaleSince == 2022);
        Assert.False(newcomer.Covered);
        var calendar = ProgrammeCalendar.Default;
        var before = ContributionCalculator.Compute(newcomer, calendar);
        Assert.Equal((1, 1, 0, 0), (before.AboveScale, before.NewlyAboveScale, before.Covered, before.CoveredNewlyAboveScale));
        var started = newcomer with
        {
            Projects = [new Project { Id = "p1", Name = "新入规企业技改", Kind = ProjectKind.Technical, TotalInvestment = 1_000_000m,
                StartMonth = new YearMonth(2022, 8), EndMonth = new YearMonth(2022, 12), Status = ProjectStatus.Underway }],
        };
        var after = ContributionCalculator.Compute(started, calendar);
        Assert.Equal((1, 1), (after.Covered, after.CoveredNewlyAboveScale));
        var board = BoardBuilder.PriorList(after, calendar);
        Assert.Equal((0, 0), (board.AboveScale, board.Covered));       // not on the 2021 list
        var longStanding = ContributionCalculator.Compute(started with { AboveScaleSince = 2015 }, calendar);
        Assert.Equal((1, 1), (BoardBuilder.PriorList(longStanding, calendar).AboveScale, BoardBuilder.PriorList(longStanding, calendar).Covered));
    }

    [Fact]
    public void The_earlier_grants_spread_over_batches_2019_to_2021_each_below_batch_2022_1()
    {
        var grants = Data.Enterprises.SelectMany(e => e.Grants).Where(g => g.BatchId != "2022-1").ToList();
        Assert.Equal((154, 205_000_000m), (grants.Count, grants.Sum(g => g.Disbursed)));
        var byBatch = grants.GroupBy(g => g.BatchId).ToDictionary(g => g.Key, g => (Count: g.Count(), Amount: g.Sum(x => x.Awarded)));
        Assert.Equal(["2019-1", "2020-1", "2021-1"], byBatch.Keys.Order());
        foreach (var (id, (count, amount)) in byBatch)
        {
            output.WriteLine($"{id}: {count} projects, {amount / 10_000m:0} 万");
            Assert.InRange(count, 1, 53);                              // 2022-1's 54 is a record (创近年新高)
            Assert.True(amount < 100_657_200m, $"batch {id} paid {amount}, above what 2022-1 asked");
        }
        // Each grant is for a project that had begun before its batch was awarded.
        foreach (var f in Data.Enterprises)
            foreach (var g in f.Grants.Where(g => g.BatchId != "2022-1"))
                Assert.True(f.Projects.Single(p => p.Id == g.ProjectId).StartMonth < g.AwardedMonth, $"{f.Id}/{g.ProjectId}");
    }

    [Fact]
    public void Batch_2022_1_passes_all_54_through_the_county_stages_and_declines_only_at_city_stages()
    {
        var apps = Data.Batches.Single(b => b.Id == "2022-1").Applications;
        Assert.Equal(54, apps.Count);
        foreach (var a in apps)
        {
            Assert.Contains(a.History, h => h is { Action: HistoryAction.Approved, Stage: ReviewStage.CountyCheck });
            Assert.Contains(a.History, h => h is { Action: HistoryAction.Approved, Stage: ReviewStage.CountyRecommendation });
            Assert.DoesNotContain(a.History, h => h.Action == HistoryAction.Declined && IsCountyStage(h.Stage));
        }
        var declined = apps.Where(a => a.Status == ApplicationStatus.Declined).ToList();
        Assert.Equal(10, declined.Count);
        Assert.All(declined, a => Assert.False(IsCountyStage(a.Stage), $"application {a.Id} declined at {a.Stage}"));
    }

    [Fact]
    public void A_county_exactly_on_plan_scores_100()
    {
        var calendar = ProgrammeCalendar.Default;   // 2022-08: 8/12 of the year
        var targets = new ProgrammeTargets
        {
            Coverage = 1m, ProjectsThisYear = 30, CompletedThisYear = 1_200_000_000m, CloudIndustrial = 24, DigitalAboveScale = 12,
            SmartCertifications = 3, GreenCertifications = 3,
        };
        var onPlan = new Contribution
        {
            AboveScale = 50, Covered = 50, ProjectsThisYear = 30, CompletedThisYear = 800_000_000m, CloudThisYear = 16,
            DigitalThisYear = 8, SmartCertificationsThisYear = 2, GreenCertificationsThisYear = 2,
        };
        Assert.Equal(100m, BoardBuilder.Score(onPlan, targets, calendar));
        Assert.True(BoardBuilder.Score(onPlan with { CompletedThisYear = 700_000_000m }, targets, calendar) < 100m);
        Assert.True(BoardBuilder.Score(onPlan with { CompletedThisYear = 900_000_000m }, targets, calendar) > 100m);
    }

    [Fact]
    public async Task County_targets_follow_the_counties_own_project_lists_so_the_league_is_plausible()
    {
        var city = await City();
        foreach (var row in city.Counties!.OrderBy(r => r.Rank))
            output.WriteLine($"{row.Rank} {row.Id,-9} score {row.Score,6} coverage {row.Coverage:P1} (2021 list {row.PriorListCoverage:P1}) " +
                $"projects {row.ProjectsThisYear}/{row.ProjectsTarget} completed {row.CompletedThisYear / 1e8m:0.00}/{row.CompletedTarget / 1e8m:0.00} 亿 " +
                $"= {row.CompletedThisYear / row.CompletedTarget:P1}, of plan {row.OfPlan:P1}");
        Assert.Equal(8, city.Counties!.Count);
        foreach (var row in city.Counties!)
        {
            // Each county's project count is its share of the 230, and its investment on the city's own footing (91.3 %) within a few points.
            Assert.InRange(row.ProjectsThisYear - row.ProjectsTarget, -1, 2);
            Assert.InRange(row.CompletedThisYear / row.CompletedTarget, 0.80m, 1.02m);
            Assert.InRange(row.Score, 75m, 105m);
        }
        // Targets decomposed item by item add up to the city's.
        var targets = Data.CountyTargets.Values.ToList();
        Assert.Equal((230, 15_000_000_000m, 32_000_000_000m), (targets.Sum(t => t.ProjectsThisYear), targets.Sum(t => t.CompletedThisYear), targets.Sum(t => t.InvestmentThisYear)));
        Assert.Equal((200, 300, 100, 200), (targets.Sum(t => t.CloudIndustrial), targets.Sum(t => t.CloudSme), targets.Sum(t => t.DigitalAboveScale), targets.Sum(t => t.DigitalSme)));
        Assert.Equal((1500, 30, 100), (targets.Sum(t => t.PlatformUsers), targets.Sum(t => t.PlatformDigital), targets.Sum(t => t.PlatformCloud)));
        // A league, not a tie: first and last differ.
        Assert.True(city.Counties!.Max(r => r.Score) - city.Counties!.Min(r => r.Score) >= 3m);
    }

    [Fact]
    public void The_remaining_2022_plan_pays_for_the_projects_still_due_this_year()
    {
        var current = Data.Enterprises.Where(e => e.AboveScale).SelectMany(e => e.Projects).Where(p => p.ActiveIn(2022)).ToList();
        Assert.Equal(231, current.Count);
        decimal Spent2022(Project p) => p.Monthly.Where(m => m.Month.Year == 2022).Sum(m => m.Amount);
        var remainingPlan = current.Sum(p => p.PlannedThisYear - Spent2022(p));
        Assert.Equal(15_181_000_000m - 13_700_000_000m, remainingPlan);
        var due = current.Where(p => p.Status == ProjectStatus.Underway && p.EndMonth.Year == 2022).ToList();
        output.WriteLine($"{due.Count} projects due Sep–Dec 2022 still need {due.Sum(p => p.TotalInvestment - p.Invested) / 1e8m:0.00} 亿; remaining plan {remainingPlan / 1e8m:0.00} 亿");
        Assert.NotEmpty(due);
        // A project due this year plans for all it still needs.
        Assert.All(due, p => Assert.Equal(p.TotalInvestment - p.Invested, p.PlannedThisYear - Spent2022(p)));
        Assert.True(due.Sum(p => p.TotalInvestment - p.Invested) <= remainingPlan);
        Assert.All(current, p => Assert.True(p.PlannedThisYear >= Spent2022(p) && p.PlannedThisYear <= p.TotalInvestment));
    }
}
