namespace Programme.Grants;

/// <summary>One county's share of a batch, yuan.</summary>
[GenerateSerializer, Immutable]
public sealed record BatchCountyRow
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public int Applications { get; init; }
    [Id(3)] public decimal Requested { get; init; }
    [Id(4)] public int Awarded { get; init; }
    [Id(5)] public decimal AwardedAmount { get; init; }
    [Id(6)] public decimal Disbursed { get; init; }
}
