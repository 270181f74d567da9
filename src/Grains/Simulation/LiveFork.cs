using Programme.Domain;
using Programme.Grains.Counties;
using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// The live fork as an in-silo entry point: read the live programme once (<see cref="CountyFirms"/>), then run any number
/// of Monte Carlo runs on it in this process, shards in parallel on the thread pool. Deterministic: the results depend on
/// the definition and the firms read, not on the layout or the threads (every draw is keyed by world, run, firm, month).
/// <c>ScenarioGrain</c> forks through it, and a board forecast (expected value at the deadline, bands, the probability of
/// meeting each target) can call <see cref="Run"/> on the same firms as often as it likes.
/// </summary>
public static class LiveFork
{
    /// <summary>The live enterprises as a scenario starting in <paramref name="start"/> sees them.</summary>
    public static async Task<SeedFirm[]> Read(IGrainFactory grains, YearMonth start, int[] batchMonths) =>
        Populations.Live(await CountyFirms.ReadAll(grains), start, batchMonths);

    /// <summary>Runs a definition on forked firms in this process: every month, every run, every arm.</summary>
    public static async Task<ScenarioResults> Run(ScenarioDefinition definition, SeedFirm[] firms, int firmRunsPerShard = 20_000)
    {
        var engine = new ScenarioEngine(definition, firms, _ => new LocalShardRunner(LocalShardRunner.OnThreadPool), firmRunsPerShard);
        await engine.Setup();
        await engine.AdvanceTo(definition.Months);
        return engine.Results();
    }
}
