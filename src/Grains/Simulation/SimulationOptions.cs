namespace Programme.Grains.Simulation;

/// <summary>Configuration section "Simulation".</summary>
public sealed class SimulationOptions
{
    public const string Section = "Simulation";

    /// <summary>A scenario is deleted (shards deactivated, storage removed) this long after it was created.</summary>
    public TimeSpan ScenarioTtl { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Progress snapshots to "scenario:{id}" are published at most this often while running.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Running as fast as possible, the shards are advanced this many months per call.</summary>
    public int MonthsPerCall { get; set; } = 12;
}
