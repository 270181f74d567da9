using Programme.Domain;

namespace Programme.Grants;

/// <summary>
/// An application a batch forecast expects to wait for money (候补): its rank in the queue (1 = first funded when money
/// frees up), where it is now, its amount and expected award, and the month it would be recommended and find the budget spent.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchForecastWaiting
{
    [Id(0)] public int Rank { get; init; }
    [Id(1)] public int ApplicationId { get; init; }
    [Id(2)] public required string EnterpriseName { get; init; }
    [Id(3)] public required string ProjectName { get; init; }
    [Id(4)] public required string CountyId { get; init; }
    [Id(5)] public GrantClass Class { get; init; }
    [Id(6)] public ReviewStage Stage { get; init; }
    [Id(7)] public decimal Amount { get; init; }
    [Id(8)] public decimal ExpectedAmount { get; init; }
    [Id(9)] public required string Month { get; init; }
    /// <summary>Already on the batch's waiting list now.</summary>
    [Id(10)] public bool WaitingNow { get; init; }
}
