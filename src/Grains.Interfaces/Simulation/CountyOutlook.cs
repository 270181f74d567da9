namespace Programme.Simulation;

/// <summary>A county's projected coverage: per-month means with bands, and the chance every firm is covered by the deadline.</summary>
[GenerateSerializer, Immutable]
public sealed record CountyOutlook
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string NameEn { get; init; }
    [Id(3)] public int AboveScale { get; init; }
    /// <summary>Share of runs in which every above-scale firm of the county is covered at the deadline (or the last month simulated).</summary>
    [Id(4)] public decimal ProbabilityFullCoverage { get; init; }
    [Id(5)] public decimal CoverageAtDeadline { get; init; }
    [Id(6)] public required decimal[] Coverage { get; init; }
    [Id(7)] public required decimal[] CoverageP5 { get; init; }
    [Id(8)] public required decimal[] CoverageP95 { get; init; }
}
