namespace Programme.Grants;

/// <summary>The fixed reward (yuan) the call pays for one result.</summary>
[GenerateSerializer, Immutable]
public sealed record RewardAmount([property: Id(0)] RewardResult Result, [property: Id(1)] decimal Amount);
