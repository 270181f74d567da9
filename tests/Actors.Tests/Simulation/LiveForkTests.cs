using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Tests.Simulation;

/// <summary>A live fork continues the live trend, and its in-process entry point is deterministic.</summary>
public sealed class LiveForkTests
{
    private static readonly YearMonth Fork = new(2022, 9);

    private static SeedFirm[] LiveFirms() => Populations.Live(Populations.RegistryEnterprises, Fork, [4]);

    /// <summary>Above-scale investment completed in each live month of 2022 (the registry as loaded is the live programme).</summary>
    private static decimal[] LiveMonths() => Enumerable.Range(1, 8).Select(m => Populations.RegistryEnterprises.Where(e => e.AboveScale)
        .SelectMany(e => e.Projects).SelectMany(p => p.Monthly).Where(x => x.Month == new YearMonth(2022, m)).Sum(x => x.Amount)).ToArray();

    [Fact]
    public async Task A_fork_from_2022_08_continues_the_live_investment_trend_without_a_jump()
    {
        var definition = Scenarios.Define(new ScenarioRequest { Baseline = "live", Runs = 20, Months = 4 });
        Assert.Equal(Fork, definition.StartMonth);
        var results = await LiveFork.Run(definition, LiveFirms());
        var live = LiveMonths();
        var firstForked = results.Months[0].InvestmentCompleted - LiveFirms().Where(f => f.AboveScale).Sum(f => f.Projects.Sum(p => p.Invested));
        Assert.InRange(firstForked, live.Min() * 0.75m, live.Max() * 1.25m);
        // …and it keeps going at that pace rather than stalling.
        for (var i = 1; i < results.Months.Length; i++)
            Assert.InRange(results.Months[i].InvestmentCompleted - results.Months[i - 1].InvestmentCompleted, live.Min() * 0.5m, live.Max() * 1.25m);
        // Coverage and projects continue from where the live programme stands.
        Assert.InRange(results.Months[0].Covered, 426m, 440m);
        // Projects: the live 686, a few new ones, and the planned projects whose own plans start them by the first forked month.
        var due = LiveFirms().Where(f => f.AboveScale).SelectMany(f => f.Projects).Count(p => p.Scheduled && p.Start <= Fork);
        Assert.InRange(results.Months[0].Projects, 686m, 705m + due);
    }

    [Fact]
    public async Task The_in_process_fork_answers_200_runs_deterministically_and_like_the_shard_engine()
    {
        var definition = Scenarios.Define(new ScenarioRequest { Baseline = "live", Runs = 200, Months = 4 });
        var firms = LiveFirms();
        var once = await LiveFork.Run(definition, firms);
        var again = await LiveFork.Run(definition, firms, firmRunsPerShard: 5_000);
        var engine = new ScenarioEngine(definition, firms, _ => new LocalShardRunner());
        await engine.Setup();
        await engine.AdvanceTo(definition.Months);
        Assert.Equal(Scenarios.Text(once), Scenarios.Text(again));
        Assert.Equal(Scenarios.Text(engine.Results()), Scenarios.Text(once));
        Assert.Equal(200, once.Runs);
        Assert.Equal("2022-12", once.JudgedAt);
    }
}
