using Programme.Domain;

namespace Programme.Aggregation;

/// <summary>One line of a county's enterprise list: enough to page, sort and filter without asking each firm.</summary>
[GenerateSerializer, Immutable]
public sealed record EnterpriseSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Sector { get; init; }
    [Id(3)] public bool AboveScale { get; init; }
    [Id(4)] public OperatingStatus Status { get; init; }
    [Id(5)] public bool Covered { get; init; }
    [Id(6)] public int Projects { get; init; }
    [Id(7)] public decimal TotalInvestment { get; init; }
    [Id(8)] public decimal Completed { get; init; }
    [Id(9)] public decimal CompletedThisYear { get; init; }
    [Id(10)] public long Version { get; init; }
    [Id(11)] public bool Cloud { get; init; }
    [Id(12)] public bool Digital { get; init; }
    [Id(13)] public int Certifications { get; init; }
    [Id(14)] public decimal GrantsAwarded { get; init; }
}
