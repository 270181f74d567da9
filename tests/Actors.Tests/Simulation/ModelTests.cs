using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Tests.Simulation;

/// <summary>The model and its Monte Carlo summaries, on in-process shards (no cluster needed).</summary>
public sealed class ModelTests
{
    [Fact]
    public async Task Results_do_not_depend_on_how_firms_and_runs_are_split_into_shards()
    {
        var request = Scenarios.Demanding();
        request.Runs = 3;
        var definition = Scenarios.Define(request);
        var layout = ShardLayout.For(639, 3, 100);
        Assert.True(layout.Shards.Count > 8 && layout.Shards.Any(s => s.FirmFrom > 0), "the second layout should split firms as well as runs");
        var one = await Scenarios.RunLocally(definition);
        var many = await Scenarios.RunLocally(definition, firmRunsPerShard: 100);
        Assert.Equal(Scenarios.Text(one), Scenarios.Text(many));
        Assert.Contains(one.Batches, b => b.AwardedAmount > 0);
    }

    [Fact]
    public async Task Calibration_lands_within_tolerance_of_the_seed()
    {
        var report = await Calibration.Run(runs: 100, seed: 2022);
        var text = Calibration.Format(report);
        Assert.True(report.WithinTolerance, text);
        var coverage = report.Lines.Single(l => l.Figure == "coverage");
        Assert.InRange(coverage.Model, 426m / 463m - 0.03m, 426m / 463m + 0.03m);
        foreach (var figure in new[] { "projects", "total investment (yuan)", "completed investment (yuan)" })
        {
            var line = report.Lines.Single(l => l.Figure == figure);
            Assert.InRange(line.Model, line.Seed * 0.9m, line.Seed * 1.1m);
        }
    }

    [Fact]
    public async Task A_policy_without_grants_has_zero_additionality_against_its_twin()
    {
        var results = await Scenarios.RunLocally(Scenarios.Define(new ScenarioRequest
        {
            Runs = 20, Policy = new PolicyRequest { SubsidyRate = 0, RewardAmount = 0, MachineReplacesLabourRatio = 0 },
        }));
        var c = results.Comparison!;
        Assert.Equal(0, c.AdditionalProjects);
        Assert.Equal(0, c.AdditionalInvestment);
        Assert.Equal(0, c.AdditionalInvestmentCompleted);
        Assert.Equal(0, c.AdditionalCovered);
        Assert.Equal(0, c.Grants);
        Assert.Null(c.LeverageRatio);
        Assert.Null(c.CostPerNewlyCoveredFirm);
        Assert.Equal(Scenarios.Text(results.Arms[0].Months), Scenarios.Text(results.Arms[^1].Months));
        Assert.Equal(Scenarios.Text(results.Arms[0].Counties), Scenarios.Text(results.Arms[^1].Counties));
    }

    [Fact]
    public async Task The_default_grants_buy_projects_investment_and_coverage_the_twin_does_not_have()
    {
        var results = await Scenarios.RunLocally(Scenarios.Define(new ScenarioRequest { Runs = 20 }));
        var c = results.Comparison!;
        Assert.True(c.AdditionalProjects > 0, $"additional projects {c.AdditionalProjects}");
        Assert.True(c.AdditionalInvestmentCompleted > 0);
        Assert.True(c.AdditionalCovered > 0);
        Assert.True(c.Grants > 0);
        Assert.True(c.LeverageRatio > 1, $"leverage {c.LeverageRatio}");
        Assert.True(c.CostPerNewlyCoveredFirm > 0);
        Assert.Equal("no-subsidy", results.Arms[^1].Name);
        Assert.All(results.Arms[^1].Batches, b => Assert.Equal(0, b.AwardedAmount));
    }

    [Fact]
    public async Task Monte_Carlo_bands_hold_the_means_and_probabilities_are_consistent()
    {
        var results = await Scenarios.RunLocally(Scenarios.Define(new ScenarioRequest { Runs = 60, Seed = 3 }));
        Assert.Equal(36, results.Months.Length);
        MonthResult? previous = null;
        foreach (var m in results.Months)
        {
            Assert.InRange(m.Coverage, m.Bands.Coverage.P5, m.Bands.Coverage.P95);
            Assert.InRange(m.Projects, m.Bands.Projects.P5, m.Bands.Projects.P95);
            Assert.InRange(m.InvestmentCompleted, m.Bands.InvestmentCompleted.P5, m.Bands.InvestmentCompleted.P95);
            if (previous is not null)
            {
                Assert.True(m.Covered >= previous.Covered, "coverage never falls: a covered firm stays covered");
                Assert.True(m.InvestmentCompleted >= previous.InvestmentCompleted);
            }
            previous = m;
        }
        Assert.Contains(results.Months, m => m.Bands.Projects.P95 > m.Bands.Projects.P5);
        Assert.InRange(results.ProbabilityFullCoverage, 0m, 1m);
        Assert.Equal(8, results.Counties.Length);
        Assert.Equal(463, results.Counties.Sum(c => c.AboveScale));
        // The city is fully covered only when every county is.
        Assert.All(results.Counties, c => Assert.True(c.ProbabilityFullCoverage >= results.ProbabilityFullCoverage));
        Assert.Equal("2022-12", results.JudgedAt);
    }

    [Fact]
    public async Task A_capped_fund_never_pays_more_than_its_annual_budget()
    {
        var results = await Scenarios.RunLocally(Scenarios.Define(new ScenarioRequest
        {
            Runs = 10, Policy = new PolicyRequest { FundCapped = true, AnnualFund = 20_000_000, BatchMonths = [4, 10] },
        }));
        foreach (var year in results.Batches.GroupBy(b => b.AwardMonth[..4]))
            Assert.True(year.Sum(b => b.AwardedAmount) <= 20_000_000m, $"{year.Key}: {year.Sum(b => b.AwardedAmount)}");
        Assert.Contains(results.Batches, b => b.AwardedAmount > 0);
    }

    [Fact]
    public async Task A_different_seed_gives_a_different_projection_and_the_same_seed_the_same()
    {
        var a = await Scenarios.RunLocally(Scenarios.Define(new ScenarioRequest { Seed = 1, Months = 12 }));
        var b = await Scenarios.RunLocally(Scenarios.Define(new ScenarioRequest { Seed = 2, Months = 12 }));
        var again = await Scenarios.RunLocally(Scenarios.Define(new ScenarioRequest { Seed = 1, Months = 12 }));
        Assert.NotEqual(Scenarios.Text(a), Scenarios.Text(b));
        Assert.Equal(Scenarios.Text(a), Scenarios.Text(again));
    }
}
