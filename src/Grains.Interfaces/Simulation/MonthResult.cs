namespace Programme.Simulation;

/// <summary>
/// One simulated month, as CONTRACT.md fixes it (month, aboveScale, covered, coverage, projects, investmentCompleted,
/// grantsAwarded), extended. Figures are means over the runs; <see cref="Bands"/> holds their 5–95 % bands.
/// Projects and investment count above-scale firms (the programme's scope); grants count every firm. Yuan.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MonthResult
{
    [Id(0)] public required string Month { get; init; }
    [Id(1)] public decimal AboveScale { get; init; }
    [Id(2)] public decimal Covered { get; init; }
    [Id(3)] public decimal Coverage { get; init; }
    [Id(4)] public decimal Projects { get; init; }
    [Id(5)] public decimal InvestmentCompleted { get; init; }
    [Id(6)] public decimal GrantsAwarded { get; init; }
    [Id(7)] public decimal TotalInvestment { get; init; }
    [Id(8)] public decimal BelowScaleProjects { get; init; }
    [Id(9)] public decimal Revived { get; init; }
    [Id(10)] public decimal Certifications { get; init; }
    [Id(11)] public required MonthBands Bands { get; init; }
}
