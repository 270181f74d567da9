using Programme.Domain;

namespace Programme.Simulation;

/// <summary>
/// The levers a scenario pulls (政策杠杆). Defaults are the programme as the seed describes it: a 1 亿 yuan a year fund,
/// described as uncapped (上不封顶), one funding batch a year, and the call of 2022 batch 1 as the grants issue reads it
/// (SanmenxiaBatch2022: subsidy class 35 % of the investment completed in the window, at most 300 万 a project — which
/// gives the seed's 9,555.72 万 asked on 3.18 亿; reward class by result), that batch's pass rates (32 / 38 and 12 / 16),
/// and counties pushing not-yet-covered firms (一企一策) from 2022. Money in yuan, rates as fractions.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PolicySettings
{
    /// <summary>补助比例: share of the investment completed in the batch window that a subsidy-class grant pays.</summary>
    [Id(0)] public decimal SubsidyRate { get; init; } = 0.35m;
    /// <summary>Most a subsidy-class grant pays one project in one batch (单个项目补助上限).</summary>
    [Id(1)] public decimal ProjectCap { get; init; } = 3_000_000m;
    /// <summary>The special fund per calendar year (专项资金).</summary>
    [Id(2)] public decimal AnnualFund { get; init; } = 100_000_000m;
    /// <summary>Whether awards stop at the annual fund (scaled pro rata when a batch asks more); the seed's fund is uncapped.</summary>
    [Id(3)] public bool FundCapped { get; init; }
    /// <summary>奖励类: the fixed reward for each certification result.</summary>
    [Id(4)] public RewardAmounts Rewards { get; init; } = new();
    /// <summary>Months of the year (1–12) in which a funding batch opens its call (资金申报批次).</summary>
    [Id(5)] public int[] BatchMonths { get; init; } = [4];
    /// <summary>Share of subsidy-class applications that pass every review stage.</summary>
    [Id(6)] public decimal SubsidyPassRate { get; init; } = 32m / 38m;
    /// <summary>Share of reward-class applications that pass every review stage.</summary>
    [Id(7)] public decimal RewardPassRate { get; init; } = 12m / 16m;
    /// <summary>County push (县区推动, 一企一策): multiplies a not-yet-covered above-scale firm's monthly propensity to start.</summary>
    [Id(8)] public decimal CountyPush { get; init; } = 1.5m;
    /// <summary>From when counties push (the seed's one-enterprise-one-plan measure belongs to 2022).</summary>
    [Id(9)] public YearMonth CountyPushFrom { get; init; } = new(2022, 1);
    /// <summary>
    /// 机器换人支持比例: the share of an intelligent project's eligible equipment investment that machine-replaces-labour
    /// support pays (batch 2022-1: 10 %), the same rule as the funding batch (<c>AwardRules.MachineReplacesLabour</c>).
    /// </summary>
    [Id(10)] public decimal MachineReplacesLabourRatio { get; init; } = 0.10m;
    /// <summary>Most machine-replaces-labour support pays one project (batch 2022-1: 20 万 yuan); null: no cap.</summary>
    [Id(11)] public decimal? MachineReplacesLabourCap { get; init; } = 200_000m;

    /// <summary>The machine-replaces-labour rule as a batch call states it.</summary>
    public Grants.SubsidyRule MachineReplacesLabour => new(MachineReplacesLabourRatio, MachineReplacesLabourCap);

    /// <summary>The no-subsidy twin (无补贴对照): the same levers with no grant of either class.</summary>
    public PolicySettings NoSubsidy() => this with { SubsidyRate = 0m, Rewards = RewardAmounts.None, MachineReplacesLabourRatio = 0m };
}
