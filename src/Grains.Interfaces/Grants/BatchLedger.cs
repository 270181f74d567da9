namespace Programme.Grants;

/// <summary>
/// The budget gauge, yuan: <c>Committed</c> is everything held against the budget (funded recommendations and awards),
/// of which <c>Awarded</c> has been awarded and <c>Disbursed</c> paid. <c>Remaining</c> is the cap less what is committed
/// (null for an uncapped fund). The waiting list holds recommendations the budget could not take, in rank order.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchLedger
{
    [Id(0)] public decimal? Cap { get; init; }
    [Id(1)] public decimal Committed { get; init; }
    [Id(2)] public decimal Awarded { get; init; }
    [Id(3)] public decimal Disbursed { get; init; }
    [Id(4)] public decimal? Remaining { get; init; }
    [Id(5)] public int WaitingList { get; init; }
    [Id(6)] public decimal WaitingAmount { get; init; }
}
