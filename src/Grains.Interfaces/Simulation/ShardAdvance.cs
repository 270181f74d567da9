namespace Programme.Simulation;

/// <summary>
/// Simulate months [From, To) (indexes from the start month). When a capped fund's batch pays in month From, each
/// award is scaled by AwardNumerator / AwardDenominator of its arm and run (indexed arm × runs of the shard + run).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ShardAdvance(
    [property: Id(0)] int From,
    [property: Id(1)] int To,
    [property: Id(2)] long[] AwardNumerator,
    [property: Id(3)] long[] AwardDenominator);
