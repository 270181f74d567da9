namespace Programme.Grains.Forecasts;

/// <summary>What the forecast service keeps across restarts: the warnings in force (level and since), for hysteresis.</summary>
[GenerateSerializer]
public sealed class ForecastState
{
    [Id(0)] public Dictionary<string, WarningMark> Marks { get; set; } = new(StringComparer.Ordinal);
}
