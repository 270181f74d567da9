using System.Text.Json;
using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Silo;

/// <summary>
/// <c>benchmark [--enterprises 100000] [--months 36] [--runs 1] [--seed 42]</c>: a synthetic scenario run twice in this
/// process — through the scenario and shard grains of one silo, and, as the baseline measured in the same run, through
/// the same engine on one thread without Orleans — printing enterprise-months per second, their ratio, and whether the
/// two gave identical results; then a 200-run live fork (the default data as the live programme, forked at 2022-08 and
/// projected to the 2022-12 deadline) through <c>LiveFork.Run</c> (shards side by side on the thread pool) against the
/// same engine on one thread.
/// </summary>
public static class BenchmarkCommand
{
    public static async Task<int> Run(string[] args)
    {
        var o = CommandOptions.Parse(args);
        var request = new ScenarioRequest
        {
            Baseline = ScenarioDefinition.SyntheticBaseline, Enterprises = o.Int("--enterprises", 100_000), Months = o.Int("--months", 36),
            Runs = o.Int("--runs", 1), Seed = o.Long("--seed", 42), StartMonth = "2020-01",
        };
        var (definition, errors) = ScenarioRequestValidator.Validate(request, ProgrammeCalendar.Default.ReportingMonth, 0);
        if (definition is null)
        {
            foreach (var (field, rules) in errors) Console.Error.WriteLine($"benchmark: {field}: {string.Join("; ", rules)}");
            return 2;
        }
        var arms = 2 + definition.Alternatives.Length;
        Console.WriteLine($"Synthetic scenario: {definition.Enterprises:N0} enterprises × {definition.Months} months × {definition.Runs} run(s) × {arms} policies " +
            $"(the policy and its no-subsidy twin) on {Environment.ProcessorCount} cores, .NET {Environment.Version}");

        // Warm both paths once on a small population so neither pays for JIT compilation in the measurement.
        var warm = definition with { Enterprises = 2_000, Months = 6 };
        await SimulateCommand.Direct(warm, quiet: true);
        await SimulateCommand.ThroughGrains(warm, quiet: true);

        var direct = await SimulateCommand.Direct(definition, quiet: true);
        var orleans = await SimulateCommand.ThroughGrains(definition, quiet: true);
        double Rate(ScenarioView v) => v.Progress.EnterpriseMonths / v.Progress.ElapsedSeconds;
        var same = JsonSerializer.Serialize(direct.Results, SimulateCommand.Json) == JsonSerializer.Serialize(orleans.Results, SimulateCommand.Json);
        var shards = ShardLayout.For(definition.Enterprises ?? 0, definition.Runs).Shards.Count;
        Console.WriteLine($"| path | enterprise-months | seconds | enterprise-months/s |");
        Console.WriteLine($"|---|---:|---:|---:|");
        Console.WriteLine($"| one silo: ScenarioGrain + {shards} ScenarioShardGrains | {orleans.Progress.EnterpriseMonths:N0} | {orleans.Progress.ElapsedSeconds:0.00} | {Rate(orleans):N0} |");
        Console.WriteLine($"| baseline: same engine, one thread, no Orleans | {direct.Progress.EnterpriseMonths:N0} | {direct.Progress.ElapsedSeconds:0.00} | {Rate(direct):N0} |");
        Console.WriteLine($"ratio (silo / single-threaded baseline): {Rate(orleans) / Rate(direct):0.00}×; identical results: {(same ? "yes" : "NO")}");
        Console.WriteLine($"per policy simulated: {Rate(orleans) / arms:N0} enterprise-months/s through the silo");
        var forkSame = await LiveForkBenchmark(o.Int("--fork-runs", 200));
        return same && forkSame ? 0 : 1;
    }

    /// <summary>A live fork of the default data at 2022-08, N runs to 2022-12: the in-silo entry point against one thread.</summary>
    private static async Task<bool> LiveForkBenchmark(int runs)
    {
        var (definition, _) = ScenarioRequestValidator.Validate(new ScenarioRequest { Baseline = ScenarioDefinition.LiveBaseline, Runs = runs, Months = 4 },
            ProgrammeCalendar.Default.ReportingMonth, 639);
        var firms = Populations.Live(Populations.RegistryEnterprises, definition!.StartMonth, definition.Policy.BatchMonths);
        await LiveFork.Run(definition with { Runs = 10 }, firms); // warm
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var fork = await LiveFork.Run(definition, firms);
        var forkSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var engine = new ScenarioEngine(definition, firms, _ => new LocalShardRunner());
        await engine.Setup();
        await engine.AdvanceTo(definition.Months);
        var single = engine.Results();
        var singleSeconds = watch.Elapsed.TotalSeconds;
        var same = JsonSerializer.Serialize(fork, SimulateCommand.Json) == JsonSerializer.Serialize(single, SimulateCommand.Json);
        Console.WriteLine($"Live fork: {firms.Length} firms × {definition.Months} months ({definition.StartMonth}…{definition.LastMonth}) × {runs} runs × 2 policies");
        Console.WriteLine($"| path | seconds |");
        Console.WriteLine($"|---|---:|");
        Console.WriteLine($"| LiveFork.Run (in-silo entry point, shards on the thread pool) | {forkSeconds:0.000} |");
        Console.WriteLine($"| baseline: same engine, one thread | {singleSeconds:0.000} |");
        Console.WriteLine($"ratio (baseline / entry point): {singleSeconds / forkSeconds:0.00}×; identical results: {(same ? "yes" : "NO")}; " +
            $"P(full coverage by {fork.JudgedAt}) = {fork.ProbabilityFullCoverage}");
        return same;
    }
}
