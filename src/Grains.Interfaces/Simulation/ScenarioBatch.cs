namespace Programme.Simulation;

/// <summary>One simulated funding batch (资金申报批次): means over the runs. Yuan.</summary>
[GenerateSerializer, Immutable]
public sealed record ScenarioBatch
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string CallMonth { get; init; }
    [Id(2)] public required string AwardMonth { get; init; }
    [Id(3)] public decimal Applications { get; init; }
    [Id(4)] public decimal Requested { get; init; }
    [Id(5)] public decimal Awarded { get; init; }
    [Id(6)] public decimal AwardedAmount { get; init; }
    [Id(7)] public decimal SubsidyApplications { get; init; }
    [Id(8)] public decimal SubsidyAwarded { get; init; }
    [Id(9)] public decimal SubsidyAmount { get; init; }
    [Id(10)] public decimal RewardApplications { get; init; }
    [Id(11)] public decimal RewardAwarded { get; init; }
    [Id(12)] public decimal RewardAmount { get; init; }
    /// <summary>Applications passing each review stage, in pipeline order.</summary>
    [Id(13)] public required Dictionary<string, decimal> Stages { get; init; }
    /// <summary>False while the batch's review is still running at the last simulated month.</summary>
    [Id(14)] public bool Complete { get; init; }
}
