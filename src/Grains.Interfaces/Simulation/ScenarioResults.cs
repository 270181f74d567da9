namespace Programme.Simulation;

/// <summary>
/// Results so far: the main policy's months (CONTRACT.md) and, extending it, the probability of full coverage for the
/// city and each county, the funding batches, outcomes, the comparison with the no-subsidy twin, and every arm.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioResults
{
    [Id(0)] public required MonthResult[] Months { get; init; }
    [Id(1)] public decimal ProbabilityFullCoverage { get; init; }
    /// <summary>The month full coverage is judged at: the deadline, or the last month simulated if earlier.</summary>
    [Id(2)] public required string JudgedAt { get; init; }
    [Id(3)] public required CountyOutlook[] Counties { get; init; }
    [Id(4)] public required ScenarioBatch[] Batches { get; init; }
    [Id(5)] public required OutcomeSummary Outcomes { get; init; }
    [Id(6)] public Comparison? Comparison { get; init; }
    /// <summary>Every policy simulated: the main one first, then the alternatives, the no-subsidy twin last.</summary>
    [Id(7)] public required ArmResults[] Arms { get; init; }
    [Id(8)] public int Runs { get; init; }
    [Id(9)] public int Enterprises { get; init; }
    /// <summary>Identifies the starting population and seed: equal for two requests that must give equal results.</summary>
    [Id(10)] public required string World { get; init; }
}
