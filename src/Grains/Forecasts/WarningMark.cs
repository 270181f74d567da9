namespace Programme.Grains.Forecasts;

/// <summary>A warning in force: its level and when it was first raised (kept across recomputes and level changes).</summary>
[GenerateSerializer]
public sealed record WarningMark([property: Id(0)] string Level, [property: Id(1)] DateTimeOffset Since);
