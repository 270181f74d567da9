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
    /// <summary>The fund's own categories it also funds, whatever their transformation kind: 5G and industrial-internet projects.</summary>
    [Id(8)] public ProjectTheme[] Themes { get; init; } = [];
    /// <summary>
    /// Machine replaces labour (机器换人) supported as a ratio of the project's eligible equipment investment, with an optional
    /// cap per project; when absent, the result earns its fixed reward amount, if the call lists one.
    /// </summary>
    [Id(9)] public SubsidyRule? MachineReplacesLabour { get; init; }

    public bool Offers(Domain.GrantClass c) => c == Domain.GrantClass.Subsidy ? Subsidy is not null : Rewards.Length > 0 || MachineReplacesLabour is not null;

    /// <summary>Whether the call pays for the result at all (a fixed amount, or the machine-replaces-labour ratio).</summary>
    public bool Pays(RewardResult r) => Rewards.Any(x => x.Result == r) || (r == RewardResult.MachineReplacesLabour && MachineReplacesLabour is not null);
}
