namespace Programme.Domain;

/// <summary>A transformation project (改造项目) of one enterprise. Money in yuan.</summary>
[GenerateSerializer, Immutable, Alias("programme.project")]
public sealed record Project
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public ProjectKind Kind { get; init; }
    [Id(3)] public decimal TotalInvestment { get; init; }
    /// <summary>Investment planned for the programme year (年度计划投资).</summary>
    [Id(4)] public decimal PlannedThisYear { get; init; }
    [Id(5)] public YearMonth StartMonth { get; init; }
    [Id(6)] public YearMonth EndMonth { get; init; }
    [Id(7)] public ProjectStatus Status { get; init; }
    /// <summary>Investment completed per month, ascending by month, one entry per month.</summary>
    [Id(8)] public MonthlyInvestment[] Monthly { get; init; } = [];

    public decimal Invested
    {
        get
        {
            decimal sum = 0;
            foreach (var m in Monthly) sum += m.Amount;
            return sum;
        }
    }

    /// <summary>Counts toward coverage: underway or completed.</summary>
    public bool Implemented => Status is ProjectStatus.Underway or ProjectStatus.Completed;

    /// <summary>Implemented and running at some point of the given programme year.</summary>
    public bool ActiveIn(int year) => Implemented && StartMonth.Year <= year && EndMonth.Year >= year;
}
