using Programme.Domain;

namespace Programme.Grants;

/// <summary>A recommended but unfunded application, with its place in the queue (1 = funded first when money frees up).</summary>
[GenerateSerializer, Immutable]
public sealed record WaitingEntry
{
    [Id(0)] public int Rank { get; init; }
    [Id(1)] public int ApplicationId { get; init; }
    [Id(2)] public required string EnterpriseName { get; init; }
    [Id(3)] public required string ProjectName { get; init; }
    [Id(4)] public required string CountyId { get; init; }
    [Id(5)] public GrantClass Class { get; init; }
    [Id(6)] public decimal Amount { get; init; }
    [Id(7)] public decimal? Score { get; init; }
}
