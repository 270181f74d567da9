using Programme.Push;

namespace Programme.Grants;

/// <summary>
/// A funding batch's board (scope "batch:{id}"), shaped as CONTRACT.md fixes it — counts and amounts (yuan), the class
/// split, applications per stage — with extensions: the call, the budget gauge, the funnel, counties and the waiting list.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchBoard : IVersionedSnapshot
{
    [Id(0)] public required string Scope { get; init; }
    [Id(1)] public long Version { get; init; }
    [Id(2)] public required string Id { get; init; }
    [Id(3)] public required string Name { get; init; }
    [Id(4)] public BatchStatus Status { get; init; }
    /// <summary>The cap, yuan; null for an uncapped fund.</summary>
    [Id(5)] public decimal? Budget { get; init; }
    [Id(6)] public int Applications { get; init; }
    [Id(7)] public decimal Requested { get; init; }
    /// <summary>Applications awarded.</summary>
    [Id(8)] public int Awarded { get; init; }
    [Id(9)] public decimal AwardedAmount { get; init; }
    [Id(10)] public decimal Disbursed { get; init; }
    [Id(11)] public required BatchClassFigures Subsidy { get; init; }
    [Id(12)] public required BatchClassFigures Reward { get; init; }
    /// <summary>Applications at each stage (pending there), plus "returned", "waiting-list", "declined" and "disbursed".</summary>
    [Id(13)] public required IReadOnlyDictionary<string, int> Stages { get; init; }
    [Id(14)] public required IReadOnlyList<FunnelStep> Funnel { get; init; }
    [Id(15)] public required BatchLedger Ledger { get; init; }
    [Id(16)] public required IReadOnlyList<BatchCountyRow> Counties { get; init; }
    [Id(17)] public required IReadOnlyList<WaitingEntry> WaitingList { get; init; }
    [Id(18)] public required BatchCall Call { get; init; }
    /// <summary>Applications on the public notice with their objection window open now.</summary>
    [Id(19)] public int OnNotice { get; init; }
    /// <summary>Applications that passed the audit and wait for the notice to be published.</summary>
    [Id(20)] public int AwaitingNotice { get; init; }
    [Id(21)] public bool AcceptingApplications { get; init; }
    [Id(22)] public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The grant-pipeline forecast of an open or reviewing batch, computed in the background; null until then, or when the review is over.</summary>
    [Id(23)] public BatchForecast? Forecast { get; init; }
}
