using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Tests.Simulation;

/// <summary>
/// Grants act only through what a firm can get: no call (or nothing on offer) is exactly the no-subsidy twin; each lever
/// moves the decisions it binds, in its direction; every policy is judged against its own twin; the funnel shows every stage.
/// </summary>
public sealed class TrustTests
{
    private static async Task<ScenarioEngine> Engine(ScenarioRequest request)
    {
        var definition = Scenarios.Define(request);
        var engine = new ScenarioEngine(definition, null, _ => new LocalShardRunner());
        await engine.Setup();
        await engine.AdvanceTo(definition.Months);
        return engine;
    }

    /// <summary>Every level of every metric, run and month of arm <paramref name="a"/>, and of every county.</summary>
    internal static string Levels(ScenarioEngine e, int a)
    {
        var text = new System.Text.StringBuilder();
        for (var r = 0; r < e.Definition.Runs; r++)
            for (var level = 0; level <= e.MonthsDone; level++)
            {
                for (var m = 0; m < Metric.Count; m++) text.Append(e.City(a, r, level, m)).Append(',');
                for (var c = 0; c < CountyCatalogue.All.Count; c++)
                    for (var m = 0; m < Metric.CountyCount; m++) text.Append(e.County(a, r, level, c, m)).Append(',');
                text.Append('\n');
            }
        return text.ToString();
    }

    internal static decimal MeanLevel(ScenarioEngine e, int arm, int metric, int? level = null)
    {
        long sum = 0;
        for (var r = 0; r < e.Definition.Runs; r++) sum += e.City(arm, r, level ?? e.MonthsDone, metric);
        return (decimal)sum / e.Definition.Runs;
    }

    [Theory]
    [InlineData("no call")]
    [InlineData("nothing on offer")]
    public async Task A_policy_nobody_can_get_money_from_is_exactly_its_no_subsidy_twin(string which)
    {
        var policy = which == "no call"
            ? new PolicyRequest { BatchMonths = [] }                                   // the default rate, cap and rewards, but no call ever opens
            : new PolicyRequest { SubsidyRate = 0, RewardAmount = 0, MachineReplacesLabourRatio = 0, BatchMonths = [4, 10] };
        var engine = await Engine(new ScenarioRequest { Runs = 12, Months = 36, Policy = policy });
        var twin = engine.TwinOf[0]!.Value;
        Assert.Equal(Levels(engine, twin), Levels(engine, 0));
        var c = engine.Results().Comparison!;
        Assert.Equal(0, c.AdditionalProjects);
        Assert.Equal(0, c.AdditionalInvestment);
        Assert.Equal(0, c.AdditionalInvestmentCompleted);
        Assert.Equal(0, c.AdditionalCovered);
        Assert.Equal(new Band(0, 0), c.AdditionalCoveredBand);
        Assert.Equal(new Band(0, 0), c.AdditionalProjectsBand);
        Assert.Equal(0, c.Grants);
        Assert.Null(c.LeverageRatio);
        Assert.Null(c.CostPerNewlyCoveredFirm);
    }

    [Fact]
    public async Task The_default_grants_buy_projects_and_the_additional_investment_stays_within_what_the_funded_projects_invest()
    {
        var results = (await Engine(new ScenarioRequest { Runs = 20 })).Results();
        var c = results.Comparison!;
        Assert.True(c.AdditionalProjects > 0, $"additional projects {c.AdditionalProjects}");
        Assert.True(c.AdditionalInvestmentCompleted > 0);
        Assert.True(c.Grants > 0);
        // Only firms that can get money respond, so the extra investment cannot exceed the funded projects' own.
        Assert.True(c.AdditionalShareOfFunded is > 0 and <= 1, $"additional / funded {c.AdditionalShareOfFunded}");
        Assert.True(c.AdditionalInvestmentPerYuan <= c.LeverageRatio + 1, $"net {c.AdditionalInvestmentPerYuan} per yuan vs gross {c.LeverageRatio}");
        Assert.NotNull(c.LeverageRatioBand);
        Assert.NotNull(c.AdditionalInvestmentCompletedBand);
    }

    [Fact]
    public async Task A_larger_cap_raises_uptake_where_the_cap_binds_and_changes_nothing_where_it_does_not()
    {
        var engine = await Engine(new ScenarioRequest
        {
            Runs = 20, Policy = new PolicyRequest { ProjectCap = 3_000_000 },
            Alternatives =
            [
                new AlternativeRequest { Name = "cap-10m", Policy = new PolicyRequest { ProjectCap = 10_000_000 } },
                new AlternativeRequest { Name = "cap-5bn", Policy = new PolicyRequest { ProjectCap = 5_000_000_000 } },
                new AlternativeRequest { Name = "cap-10bn", Policy = new PolicyRequest { ProjectCap = 10_000_000_000 } },
            ],
        });
        Assert.True(MeanLevel(engine, 1, Metric.Projects) > MeanLevel(engine, 0, Metric.Projects),
            $"projects with a 1,000万 cap {MeanLevel(engine, 1, Metric.Projects)} vs 300万 {MeanLevel(engine, 0, Metric.Projects)}");
        Assert.True(MeanLevel(engine, 1, Metric.SubsidyAwarded) > MeanLevel(engine, 0, Metric.SubsidyAwarded));
        // No project asks 50 亿 in one window: a cap above that binds nothing, so doubling it changes nothing at all.
        Assert.Equal(Levels(engine, 2), Levels(engine, 3));
        // All four pay nothing without money, so they share one twin.
        Assert.All(engine.Results().Arms.Take(4), a => Assert.Equal("no-subsidy", a.Twin));
    }

    [Fact]
    public async Task A_reward_raises_the_frequency_of_the_result_it_rewards()
    {
        var none = new RewardsRequest { SmartFactory = 0, SmartWorkshop = 0, GreenFactory = 0, SmartManufacturingBenchmark = 0 };
        var engine = await Engine(new ScenarioRequest
        {
            Runs = 30, Policy = new PolicyRequest { SubsidyRate = 0, Rewards = none, MachineReplacesLabourRatio = 0 },
            Alternatives =
            [
                new AlternativeRequest { Name = "green", Policy = new PolicyRequest { SubsidyRate = 0, MachineReplacesLabourRatio = 0, Rewards = new RewardsRequest
                    { SmartFactory = 0, SmartWorkshop = 0, GreenFactory = 2_000_000, SmartManufacturingBenchmark = 0 } } },
                new AlternativeRequest { Name = "robots", Policy = new PolicyRequest { SubsidyRate = 0, Rewards = none,
                    MachineReplacesLabourRatio = 0.5m, MachineReplacesLabourCap = 10_000_000 } },
            ],
        });
        Assert.True(MeanLevel(engine, 1, Metric.GreenCertifications) > MeanLevel(engine, 0, Metric.GreenCertifications),
            $"green factories rewarded {MeanLevel(engine, 1, Metric.GreenCertifications)} vs not {MeanLevel(engine, 0, Metric.GreenCertifications)}");
        Assert.Equal(MeanLevel(engine, 0, Metric.SmartCertifications), MeanLevel(engine, 1, Metric.SmartCertifications));
        Assert.True(MeanLevel(engine, 2, Metric.Intelligent) > MeanLevel(engine, 0, Metric.Intelligent),
            $"intelligent projects with a machine-replaces-labour reward {MeanLevel(engine, 2, Metric.Intelligent)} vs without {MeanLevel(engine, 0, Metric.Intelligent)}");
    }

    [Fact]
    public async Task A_capped_fund_that_runs_out_lowers_the_response_of_the_firms_it_can_no_longer_pay()
    {
        var engine = await Engine(new ScenarioRequest
        {
            Runs = 20, Policy = new PolicyRequest { FundCapped = false },
            Alternatives = [new AlternativeRequest { Name = "small-fund", Policy = new PolicyRequest { FundCapped = true, AnnualFund = 10_000_000 } }],
        });
        // Until the first award (2020-08) nobody knows the fund is short: the two agree month by month.
        var firstAward = new YearMonth(2020, 1).MonthsUntil(new YearMonth(2020, 8));
        for (var level = 0; level <= firstAward; level++)
            Assert.Equal(MeanLevel(engine, 0, Metric.Projects, level), MeanLevel(engine, 1, Metric.Projects, level));
        Assert.True(MeanLevel(engine, 1, Metric.GrantsAwarded) < MeanLevel(engine, 0, Metric.GrantsAwarded));
        Assert.True(MeanLevel(engine, 1, Metric.Projects) < MeanLevel(engine, 0, Metric.Projects),
            $"projects with a fund that runs out {MeanLevel(engine, 1, Metric.Projects)} vs an uncapped one {MeanLevel(engine, 0, Metric.Projects)}");
        Assert.True(MeanLevel(engine, 1, Metric.Projects) >= MeanLevel(engine, engine.TwinOf[1]!.Value, Metric.Projects));
    }

    [Fact]
    public async Task Every_policy_is_compared_with_its_own_twin()
    {
        var results = (await Engine(new ScenarioRequest
        {
            Runs = 10,
            Alternatives = [new AlternativeRequest { Name = "push-only", Policy = new PolicyRequest { SubsidyRate = 0, RewardAmount = 0, MachineReplacesLabourRatio = 0, CountyPush = 3 } }],
        })).Results();
        var main = results.Arms.Single(a => a.Name == "policy");
        var push = results.Arms.Single(a => a.Name == "push-only");
        Assert.Equal("no-subsidy", main.Twin);
        Assert.Equal("no-subsidy · push-only", push.Twin);
        Assert.Contains(results.Arms, a => a.Name == "no-subsidy · push-only" && a.Comparison is null);
        // County push is not grant additionality: against its own twin a policy without grants buys nothing.
        Assert.Equal(0, push.Comparison!.AdditionalCovered);
        Assert.Equal(0, push.Comparison.AdditionalProjects);
        // …while it does cover more firms than the main policy's twin, which is what booking it there would have claimed.
        var mainTwin = results.Arms.Single(a => a.Name == "no-subsidy");
        Assert.True(push.Months[^1].Covered > mainTwin.Months[^1].Covered);
        Assert.True(main.Comparison!.AdditionalProjects > 0);
    }

    [Fact]
    public async Task Every_stage_of_the_review_funnel_shows_its_count_in_the_month_it_is_decided()
    {
        var engine = await Engine(new ScenarioRequest { Runs = 20 });
        var results = engine.Results();
        var batch = results.Batches.First(b => b.Complete);
        Assert.Equal(ReviewStages.Names, batch.Stages.Keys);
        var previous = batch.Applications;
        foreach (var (stage, i) in ReviewStages.Names.Select((s, i) => (s, i)))
        {
            var count = batch.Stages[stage];
            Assert.True(count > 0, $"{stage}: {count}");
            Assert.True(count <= previous, $"{stage}: {count} after {previous}");
            // The stage schedule: stage i is decided MonthAfterCall[i] months after the call and counted in that month.
            var call = results.Months.ToList().FindIndex(m => m.Month == batch.CallMonth);
            var level = call + ReviewStages.MonthAfterCall[i] + 1;
            long sum = 0;
            for (var r = 0; r < engine.Definition.Runs; r++)
                sum += engine.City(0, r, level, Metric.StagePassed + i) - engine.City(0, r, level - 1, Metric.StagePassed + i);
            Assert.Equal(Math.Round((decimal)sum / engine.Definition.Runs, 2), count);
            previous = count;
        }
        Assert.Equal(batch.Awarded, batch.Stages["public-notice"]);
    }
}
