using Programme.Domain;

namespace Programme.Grants;

/// <summary>
/// The call (申报通知) of a funding batch: its name, the window in which investment or results count, the project kinds it
/// funds, the classes it offers with their rules, and the budget — a cap, or null for an uncapped fund (上不封顶).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BatchCall
{
    [Id(0)] public required string Name { get; init; }
    [Id(1)] public YearMonth WindowFrom { get; init; }
    [Id(2)] public YearMonth WindowTo { get; init; }
    [Id(3)] public ProjectKind[] Kinds { get; init; } = [];
    [Id(4)] public SubsidyRule? Subsidy { get; init; }
    [Id(5)] public RewardAmount[] Rewards { get; init; } = [];
    [Id(6)] public decimal? Budget { get; init; }
    /// <summary>The notice document's number, e.g. 三工信〔2022〕37号, if any.</summary>
    [Id(7)] public string? Reference { get; init; }

    public bool Offers(Domain.GrantClass c) => c == Domain.GrantClass.Subsidy ? Subsidy is not null : Rewards.Length > 0;
}
