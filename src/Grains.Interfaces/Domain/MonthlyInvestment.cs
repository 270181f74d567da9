namespace Programme.Domain;

/// <summary>Investment completed (完成投资) in one month, in yuan.</summary>
[GenerateSerializer, Immutable, Alias("programme.monthly-investment")]
public sealed record MonthlyInvestment([property: Id(0)] YearMonth Month, [property: Id(1)] decimal Amount);
