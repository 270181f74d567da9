using Programme.Simulation;

namespace Programme.Grains.Simulation;

/// <summary>
/// The random world of a scenario: the seed and the starting population (baseline and start month, synthetic size, or
/// the live firms' ids and versions). Policies are not part of it, so every arm draws the same numbers (common random
/// numbers), and neither is the scenario's id, so the same request gives the same results.
/// </summary>
public static class WorldKey
{
    public static ulong Of(ScenarioDefinition d, SeedFirm[]? live)
    {
        var key = SimRandom.Combine(SimRandom.Hash(d.Baseline), (ulong)d.Seed);
        key = SimRandom.Combine(key, (ulong)d.StartMonth.Ordinal);
        key = SimRandom.Combine(key, (ulong)(d.Enterprises ?? 0));
        if (live is not null)
            foreach (var f in live) key = SimRandom.Combine(SimRandom.Combine(key, SimRandom.Hash(f.Id)), (ulong)f.Version);
        return key;
    }

    public static string Text(ulong key) => key.ToString("x16");
}
