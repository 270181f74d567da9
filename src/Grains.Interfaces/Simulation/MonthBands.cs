namespace Programme.Simulation;

[GenerateSerializer, Immutable]
public sealed record MonthBands(
    [property: Id(0)] Band Coverage,
    [property: Id(1)] Band Covered,
    [property: Id(2)] Band Projects,
    [property: Id(3)] Band InvestmentCompleted,
    [property: Id(4)] Band TotalInvestment,
    [property: Id(5)] Band GrantsAwarded);
