namespace Programme.Grants;

/// <summary>
/// The grant-pipeline forecast of a funding batch (资金需求预测): per review stage the applications there and the awards
/// they are expected to bring (the simulation's stage pass rates × each application's current amount), the expected total,
/// and for a capped batch the month the budget is expected to run out and which applications would then wait, ranked as
/// the batch ranks its waiting list. <see cref="ForVersion"/> is the batch version it was computed from.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchForecast
{
    [Id(0)] public long ForVersion { get; init; }
    /// <summary>The month the forecast starts from ("YYYY-MM").</summary>
    [Id(1)] public required string AsOf { get; init; }
    [Id(2)] public DateTimeOffset ComputedAt { get; init; }
    [Id(3)] public required BatchPassRates PassRates { get; init; }
    /// <summary>Every review stage, then the award stage (passed every review, not yet awarded) and disbursement (awarded: certain).</summary>
    [Id(4)] public required IReadOnlyList<BatchStageForecast> Stages { get; init; }
    /// <summary>Expected number of awards (a mean, so not whole) and their yuan, awards already made included.</summary>
    [Id(5)] public decimal ExpectedAwards { get; init; }
    [Id(6)] public decimal ExpectedAmount { get; init; }
    /// <summary>The month the awards still to come are expected in (null when none is to come).</summary>
    [Id(7)] public string? AwardMonth { get; init; }
    /// <summary>The cap, yuan; null for an uncapped batch (then never a run-out month nor a waiting list).</summary>
    [Id(8)] public decimal? Budget { get; init; }
    /// <summary>The month the expected awards are expected to exceed the cap ("YYYY-MM"), or null.</summary>
    [Id(9)] public string? RunsOutIn { get; init; }
    /// <summary>Expected awards beyond the cap, yuan (0 when they fit).</summary>
    [Id(10)] public decimal Shortfall { get; init; }
    /// <summary>Who would wait for money, in rank order.</summary>
    [Id(11)] public IReadOnlyList<BatchForecastWaiting> Waiting { get; init; } = [];
}
