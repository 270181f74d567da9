using Programme.Domain;

namespace Programme.Simulation;

/// <summary>
/// What a scenario simulates, validated. Results depend on this and nothing else (for a live fork: and on the live state
/// it copied, fingerprinted in the results).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioDefinition
{
    /// <summary>"sanmenxia-2022" (the baseline registry), "live" (a fork of the live programme) or "synthetic".</summary>
    [Id(0)] public required string Baseline { get; init; }
    [Id(1)] public long Seed { get; init; }
    /// <summary>The first simulated month; the state is the registry's (or the live one) at the end of the month before.</summary>
    [Id(2)] public YearMonth StartMonth { get; init; }
    [Id(3)] public int Months { get; init; }
    /// <summary>Monte Carlo runs: each its own random streams; results are means with 5–95 % bands.</summary>
    [Id(4)] public int Runs { get; init; } = 1;
    /// <summary>Size of a synthetic population (Baseline "synthetic").</summary>
    [Id(5)] public int? Enterprises { get; init; }
    [Id(6)] public required PolicySettings Policy { get; init; }
    /// <summary>Further policies compared on common random numbers (the no-subsidy twin is always included).</summary>
    [Id(7)] public NamedPolicy[] Alternatives { get; init; } = [];
    /// <summary>Full coverage is judged at the end of this month (the programme's end: 2022-12).</summary>
    [Id(8)] public YearMonth Deadline { get; init; } = new(2022, 12);
    /// <summary>0: as fast as possible; otherwise wall-clock milliseconds per simulated month, so a board animates.</summary>
    [Id(9)] public int PaceMilliseconds { get; init; }
    /// <summary>Start paused (then step or resume).</summary>
    [Id(10)] public bool StartPaused { get; init; }
    /// <summary>The firms' behaviour (defaults: the calibrated model); a sensitivity analysis varies it.</summary>
    [Id(11)] public BehaviourParameters Behaviour { get; init; } = BehaviourParameters.Default;

    public const string SanmenxiaBaseline = "sanmenxia-2022";
    public const string LiveBaseline = "live";
    public const string SyntheticBaseline = "synthetic";

    public YearMonth LastMonth => StartMonth.AddMonths(Months - 1);
}
