namespace Programme.Grants;

/// <summary>Share of applications of each class passing every review stage (the simulation's policy pass rates).</summary>
[GenerateSerializer, Immutable]
public sealed record BatchPassRates([property: Id(0)] decimal Subsidy, [property: Id(1)] decimal Reward);
