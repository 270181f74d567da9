using System.Text.Json;
using Programme.Domain;
using Programme.Grains.Simulation;
using Programme.Simulation;

namespace Programme.Silo;

/// <summary>
/// <c>benchmark [--enterprises 100000] [--months 36] [--runs 1] [--seed 42]</c>: a synthetic scenario run twice in this
/// process — through the scenario and shard grains of one silo, and, as the baseline measured in the same run, through
/// the same engine on one thread without Orleans — printing enterprise-months per second, their ratio, and whether the
/// two gave identical results.
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
        return same ? 0 : 1;
    }
}
