namespace Programme.Simulation;

/// <summary>The 5th and 95th percentiles over the Monte Carlo runs (nearest rank).</summary>
[GenerateSerializer, Immutable]
public sealed record Band([property: Id(0)] decimal P5, [property: Id(1)] decimal P95);
