using Programme.Domain;

namespace Programme.Grants;

/// <summary>
/// One line of an application's history: who (actor and role), when, what (action at a stage, amounts) and why (note).
/// Entries are only ever appended; a later return voids earlier approvals without rewriting them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ReviewEntry
{
    [Id(0)] public DateTimeOffset At { get; init; }
    [Id(1)] public required string Actor { get; init; }
    /// <summary>"city", "county:{id}" or "system".</summary>
    [Id(2)] public required string Role { get; init; }
    [Id(3)] public HistoryAction Action { get; init; }
    [Id(4)] public ReviewStage Stage { get; init; }
    [Id(5)] public string? Note { get; init; }
    /// <summary>The amount this entry set or paid (approved amount, award, disbursement), if any.</summary>
    [Id(6)] public decimal? Amount { get; init; }
    /// <summary>The panel's score (专家评分), on a panel approval.</summary>
    [Id(7)] public decimal? Score { get; init; }
    /// <summary>On a return: the stage the application re-enters at; approvals from there on are void.</summary>
    [Id(8)] public ReviewStage? ReturnTo { get; init; }
    /// <summary>On publication: when the objection window closes.</summary>
    [Id(9)] public DateTimeOffset? Until { get; init; }
}
