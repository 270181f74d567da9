namespace Programme.Simulation;

/// <summary>
/// A shard's figures for months [From, To): level counters per arm, run, month and metric for the city
/// (<see cref="City"/>) and per county for the first county metrics (<see cref="Counties"/>); integers only, so shards
/// add up the same in any order. <see cref="Approved"/>: what the batch whose review ended in the last month approves,
/// per arm and run, before any scaling to a capped fund.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardReport(
    [property: Id(0)] int From,
    [property: Id(1)] int To,
    [property: Id(2)] long[] City,
    [property: Id(3)] long[] Counties,
    [property: Id(4)] long[] Approved,
    [property: Id(5)] long EnterpriseMonths);
