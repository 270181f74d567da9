using Orleans.Runtime;
using Programme.Grains.Simulation;
using Programme.Simulation;
using Programme.Tests.Fixtures;

namespace Programme.Tests.Simulation;

/// <summary>Scenario grains on a two-silo cluster: same results as in one process, time control, replay, cleanup.</summary>
public sealed class ScenarioClusterTests(SimulationClusterFixture fixture) : IClassFixture<SimulationClusterFixture>
{
    private IGrainFactory Grains => fixture.Client;

    [Fact]
    public async Task Two_silos_give_the_same_results_as_one_process()
    {
        var definition = Scenarios.Define(Scenarios.Demanding());
        Assert.True(ShardLayout.For(639, definition.Runs).Shards.Count > 1, "the scenario should span several shards");
        var inCluster = await Scenarios.RunInCluster(Grains, definition);
        var again = await Scenarios.RunInCluster(Grains, definition);
        var local = await Scenarios.RunLocally(definition);
        Assert.Equal(Scenarios.Text(local), Scenarios.Text(inCluster.Results));
        Assert.Equal(Scenarios.Text(inCluster.Results), Scenarios.Text(again.Results));
        Assert.Equal(36, inCluster.Progress.MonthsDone);
    }

    [Fact]
    public async Task A_paused_scenario_steps_month_by_month_then_resumes_to_the_end()
    {
        var definition = Scenarios.Define(new ScenarioRequest { Months = 6, Runs = 3, Paused = true });
        var grain = Grains.GetGrain<IScenarioGrain>($"paused-{Guid.NewGuid():N}");
        var view = await grain.Start(definition, "test");
        Assert.True(view.Paused);
        Assert.Equal(0, (await AfterTheLoopLooked(grain)).Progress.MonthsDone);

        await grain.Step(2);
        await Eventually.Holds(async () => (await grain.Get())!.Progress.MonthsDone >= 2, TimeSpan.FromSeconds(20), "two steps");
        view = await AfterTheLoopLooked(grain);
        Assert.Equal(2, view.Progress.MonthsDone);
        Assert.True(view.Paused);
        Assert.Equal(ScenarioView.Running, view.Status);
        Assert.Equal(["2020-01", "2020-02"], view.Results!.Months.Select(m => m.Month));

        await grain.Resume();
        await Eventually.Holds(async () => (await grain.Get())!.Status == ScenarioView.Completed, TimeSpan.FromSeconds(20), "completion");
        var local = await Scenarios.RunLocally(definition);
        Assert.Equal(Scenarios.Text(local), Scenarios.Text((await grain.Get())!.Results));
    }

    [Fact]
    public async Task A_paced_scenario_advances_one_month_at_a_time()
    {
        var definition = Scenarios.Define(new ScenarioRequest { Months = 4, Runs = 2, PaceMs = 150 });
        var grain = Grains.GetGrain<IScenarioGrain>($"paced-{Guid.NewGuid():N}");
        await grain.Start(definition, "test");
        var seen = new HashSet<int>();
        await Eventually.Holds(async () =>
        {
            var v = (await grain.Get())!;
            seen.Add(v.Progress.MonthsDone);
            return v.Status == ScenarioView.Completed;
        }, TimeSpan.FromSeconds(20), "completion");
        Assert.True(seen.Count(m => m is > 0 and < 4) >= 2, $"months seen while running: {string.Join(",", seen)}");
    }

    [Fact]
    public async Task A_shard_that_loses_its_state_is_rebuilt_by_replay_with_the_same_results()
    {
        var definition = Scenarios.Define(new ScenarioRequest { Months = 12, Runs = 30, Paused = true });
        var id = $"replay-{Guid.NewGuid():N}";
        var grain = Grains.GetGrain<IScenarioGrain>(id);
        await grain.Start(definition, "test");
        await grain.Step(3);
        await Eventually.Holds(async () => (await grain.Get())!.Progress.MonthsDone == 3, TimeSpan.FromSeconds(20), "three steps");
        // As if the shard's activation had been collected or its silo had died.
        // Release drops the shard's state at once; the next month it is asked for finds it gone, whichever activation answers.
        await Grains.GetGrain<IScenarioShardGrain>($"{id}/0").Release();
        await grain.Resume();
        await Eventually.Holds(async () => (await grain.Get())!.Status != ScenarioView.Running, TimeSpan.FromSeconds(30), "completion");
        var view = (await grain.Get())!;
        Assert.Equal(ScenarioView.Completed, view.Status);
        Assert.Equal(Scenarios.Text(await Scenarios.RunLocally(definition)), Scenarios.Text(view.Results));
    }

    [Fact]
    public async Task Deleting_a_scenario_deactivates_its_shards_and_removes_its_storage()
    {
        var definition = Scenarios.Define(new ScenarioRequest { Months = 6, Runs = 40, Paused = true });
        var id = $"delete-{Guid.NewGuid():N}";
        var grain = Grains.GetGrain<IScenarioGrain>(id);
        await grain.Start(definition, "test");
        await grain.Step(1);
        await Eventually.Holds(async () => (await grain.Get())!.Progress.MonthsDone == 1, TimeSpan.FromSeconds(20), "a step");
        Assert.True(await ShardActivations() > 0);

        Assert.True(await grain.Delete());
        Assert.Null(await grain.Get());
        Assert.False(await grain.Delete());
        await Eventually.Holds(async () => await ShardActivations() == 0, TimeSpan.FromSeconds(20), "shards deactivated");
    }

    /// <summary>
    /// Happens-before marker for "a paused scenario stays where it is": a command that wakes the run loop (a pace change
    /// to zero), then the loop's next published view — the loop has looked at the scenario since, and it is that view
    /// (not one read after some pause) that must show no progress of its own.
    /// </summary>
    private static async Task<ScenarioView> AfterTheLoopLooked(IScenarioGrain grain)
    {
        var marker = (await grain.SetPace(0))!.Version;
        ScenarioView view = null!;
        await Eventually.Holds(async () => (view = (await grain.Get())!).Version > marker, TimeSpan.FromSeconds(20), "the run loop published after the marker");
        return view;
    }

    private async Task<int> ShardActivations()
    {
        var stats = await fixture.Client.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return stats.Where(s => s.GrainType.Contains(nameof(ScenarioShardGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}

/// <summary>Scenarios expire: after their time to live they are gone, storage and all, without anyone deleting them.</summary>
public sealed class ScenarioExpiryTests(ExpiringScenarioClusterFixture fixture) : IClassFixture<ExpiringScenarioClusterFixture>
{
    [Fact]
    public async Task An_expired_scenario_is_removed()
    {
        var grain = fixture.Client.GetGrain<IScenarioGrain>($"expiring-{Guid.NewGuid():N}");
        var view = await grain.Start(Scenarios.Define(new ScenarioRequest { Months = 3 }), "test");
        Assert.True(view.ExpiresAt - view.CreatedAt <= TimeSpan.FromSeconds(2));
        await Eventually.Holds(async () => await grain.Get() is null, TimeSpan.FromSeconds(15), "the scenario expired");
    }
}
