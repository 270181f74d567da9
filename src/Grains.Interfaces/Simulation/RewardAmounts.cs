using Programme.Grants;

namespace Programme.Simulation;

/// <summary>
/// 奖励类: the fixed reward a scenario's batches pay for each certification result (yuan). Defaults are batch 2022-1's call
/// as the grants issue reads it (SanmenxiaBatch2022): 50 万 for a smart factory, green factory or benchmark, 30 万 for a smart
/// workshop. Machine-replaces-labour is no fixed reward but a ratio of the eligible equipment investment
/// (<see cref="PolicySettings.MachineReplacesLabourRatio"/>); [Id(4)] was its old fixed amount and stays unused.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RewardAmounts
{
    [Id(0)] public decimal SmartFactory { get; init; } = 500_000m;
    [Id(1)] public decimal SmartWorkshop { get; init; } = 300_000m;
    [Id(2)] public decimal GreenFactory { get; init; } = 500_000m;
    [Id(3)] public decimal SmartManufacturingBenchmark { get; init; } = 500_000m;

    public static RewardAmounts None { get; } = All(0m);

    public static RewardAmounts All(decimal amount) => new()
    {
        SmartFactory = amount, SmartWorkshop = amount, GreenFactory = amount, SmartManufacturingBenchmark = amount,
    };

    /// <summary>In the shape of a batch call's reward list, for <c>AwardRules.Reward</c>.</summary>
    public IReadOnlyList<RewardAmount> AsCallRewards() =>
    [
        new(RewardResult.SmartFactory, SmartFactory), new(RewardResult.SmartWorkshop, SmartWorkshop), new(RewardResult.GreenFactory, GreenFactory),
        new(RewardResult.SmartManufacturingBenchmark, SmartManufacturingBenchmark),
    ];

    public bool Any => SmartFactory > 0 || SmartWorkshop > 0 || GreenFactory > 0 || SmartManufacturingBenchmark > 0;
}
