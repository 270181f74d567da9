namespace Programme.Domain;

/// <summary>Investment completed (完成投资) in one month, in yuan.</summary>
[GenerateSerializer, Immutable]
public sealed record MonthlyInvestment([property: Id(0)] YearMonth Month, [property: Id(1)] decimal Amount);
