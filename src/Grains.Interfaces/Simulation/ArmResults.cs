namespace Programme.Simulation;

/// <summary>One policy of a scenario (the main one, an alternative, or the no-subsidy twin) over the simulated months.</summary>
[GenerateSerializer, Immutable]
public sealed record ArmResults
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public required PolicySettings Policy { get; init; }
    [Id(2)] public required MonthResult[] Months { get; init; }
    [Id(3)] public decimal ProbabilityFullCoverage { get; init; }
    [Id(4)] public required CountyOutlook[] Counties { get; init; }
    [Id(5)] public required ScenarioBatch[] Batches { get; init; }
    [Id(6)] public required OutcomeSummary Outcomes { get; init; }
    /// <summary>Against the no-subsidy twin; null for the twin itself.</summary>
    [Id(7)] public Comparison? Comparison { get; init; }
    /// <summary>The name of this policy's own no-subsidy twin (the same levers, no grant); null for a twin.</summary>
    [Id(8)] public string? Twin { get; init; }
}
