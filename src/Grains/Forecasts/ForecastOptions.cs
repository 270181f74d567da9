namespace Programme.Grains.Forecasts;

/// <summary>Configuration section "Forecast": the live forecast service.</summary>
public sealed class ForecastOptions
{
    public const string Section = "Forecast";

    /// <summary>Off: no forecast is run and the boards carry none (the write-path benchmark's baseline).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Monte Carlo runs per recomputation (at least 200).</summary>
    public int Runs { get; set; } = 200;

    public long Seed { get; set; } = 42;

    /// <summary>How often the service looks at the city board for a change.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A change is forecast once the board has been quiet this long…</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>…or, while it keeps changing, at most this long after the first change not yet forecast.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// While the board keeps changing (a forecast due by <see cref="MaxDelay"/>, not by a quiet board), at most this share of
    /// the time is spent recomputing: after a recomputation that took d, the next waits d × (1 / share − 1).
    /// </summary>
    public double BusyShare { get; set; } = 0.05;

    /// <summary>Even without a change the forecast and warnings are redone this often (warnings on due days follow the clock).</summary>
    public TimeSpan Refresh { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>At most this many firms named in a reason sentence ("还差 37 家：A、B、C 等").</summary>
    public int NamesInReason { get; set; } = 5;

    /// <summary>How often the grant-pipeline forecast looks at each funding batch's version.</summary>
    public TimeSpan BatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A batch is forecast once it has been quiet this long (or at most <see cref="MaxDelay"/> after its first change not yet forecast).</summary>
    public TimeSpan BatchDebounce { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Share of subsidy-class applications passing every review stage; null: the simulation's policy default (32 / 38).</summary>
    public decimal? SubsidyPassRate { get; set; }

    /// <summary>Share of reward-class applications passing every review stage; null: the simulation's policy default (12 / 16).</summary>
    public decimal? RewardPassRate { get; set; }
}
